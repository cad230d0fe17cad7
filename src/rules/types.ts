import type { Chart, SourceFile } from '../chart/types.js';
import type { Span } from '../diagnostics/location.js';
import type { Severity } from '../diagnostics/severity.js';
import type { JsonPath, RenderedManifest } from '../manifests/types.js';
import type { ChartValues } from '../values/dependencies.js';
import type { UserValuesInput } from '../values/user-values.js';

/** The environment a rule runs in: its name and target Kubernetes version. */
export interface RuleEnvironment {
  name: string;
  /** `.Release.Name` of the render; fingerprints leave it out of resource names. */
  releaseName: string;
  /** Target Kubernetes version (`1.29`, `v1.29.3`); the same one that drove `.Capabilities` while rendering. */
  kubeVersion: string;
  /** Values files of this environment, as display paths. */
  valuesFiles: string[];
  /**
   * The text of those values files, when the caller has read them. Rules that scan values files fall back to the
   * chart's own files (values files inside the chart directory) when this is absent.
   */
  valuesSources?: SourceFile[];
  /**
   * The environment's `--set`-style values (configuration `set:` and the flags), as the renderer applied them after
   * the values files; with the reader of `--set-file` paths. Rules that recompute the release's values use them.
   */
  setValues?: Omit<UserValuesInput, 'valuesFiles'>;
  /** The configuration file whose `set:` values the environment uses (values set there point into it). */
  configSource?: SourceFile;
}

/** What a rule reports; the engine turns it into a located {@link Finding}. */
export interface RuleReport {
  messageId: string;
  /** One sentence ending with a period; never a secret value. */
  message: string;
  /** Overrides the configured severity for this report (e.g. a note for partial versions). */
  severity?: Severity;
  /** For manifest findings: the manifest and the JSON path inside it. */
  manifest?: RenderedManifest;
  path?: JsonPath;
  /**
   * The part of the scalar at `path` the finding is about (e.g. the tag of an image reference), so the location is
   * the values line that supplied that part.
   */
  focus?: string;
  /** For chart-level findings: a repository file (display path) and a span in it. */
  file?: { path: string; span?: Span };
  /** Distinguishes findings that share rule, resource, path and file (e.g. a hash of a secret). */
  discriminator?: string;
  properties?: Record<string, unknown>;
}

/** What a rule's check receives. */
export interface RuleContext<O> {
  chart: Chart;
  environment: RuleEnvironment;
  /** Every manifest of this chart × environment (for `release` rules; manifest rules get one at a time too). */
  manifests: readonly RenderedManifest[];
  options: O;
  /** The release's computed values (chart defaults coalesced with the environment's), when the renderer has them. */
  values?: ChartValues;
  report(report: RuleReport): void;
}

/** A built-in rule. Titles, help and default severity live in rules/catalog.yaml (DESIGN.md §5). */
export interface Rule<O = unknown> {
  id: string;
  /** `chart`: once per chart and environment; `manifest`: once per manifest; `release`: once with all manifests. */
  scope: 'chart' | 'manifest' | 'release';
  /** Message templates by message id; `{name}` placeholders are filled from the report's data. */
  messages: Readonly<Record<string, string>>;
  /** JSON schema of the rule's options in `.chartlint.yaml`. */
  optionsSchema: Record<string, unknown>;
  defaultOptions: O;
  check(ctx: RuleContext<O>, manifest?: RenderedManifest): void;
}
