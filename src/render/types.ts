import type { ValueSpan } from '../diagnostics/location.js';
import type { ValueOrigin } from '../values/model.js';

/** Options of one render that mirror `helm template` flags. */
export interface RenderFlags {
  includeCrds: boolean;
  skipTests: boolean;
  noHooks: boolean;
  showOnly: string[];
  isUpgrade: boolean;
  skipSchemaValidation: boolean;
}

/** Everything a renderer needs to render one chart for one environment. */
export interface RenderRequest {
  /** Path of the chart directory or archive as given to the tool (relative to cwd or absolute). */
  chartPath: string;
  releaseName: string;
  namespace: string;
  /** Values files, already resolved against the chart directory. */
  valuesFiles: string[];
  /** `--set-json key=JSON` pairs (typed values from configuration). */
  setJson: string[];
  /**
   * For each `setJson` pair (same order), where it is written in a repository file when it is (the configuration's
   * `set:`): the values it sets point there. The helm renderer has no source map and ignores it.
   */
  setJsonOrigins?: (({ file: string } & ValueSpan) | undefined)[];
  set: string[];
  setString: string[];
  setFile: string[];
  setLiteral: string[];
  kubeVersion?: string;
  apiVersions: string[];
  flags: RenderFlags;
  /**
   * Reproduce `helm template`'s own offline `.Capabilities` (helm 4.1.4's fixed API list and default Kubernetes
   * version) instead of the API versions `kubeVersion` really serves. Default false.
   */
  helmCapabilities?: boolean;
  /**
   * Truly random output of `randAlphaNum`, `uuidv4`, `genCA`, `now` … (the real clock and crypto randomness). By
   * default they are deterministic per chart, release and namespace, so output and findings are stable.
   */
  random?: boolean;
  /** Bounds of the embedded renderer (time, template nesting, output size); defaults are generous. */
  limits?: RenderLimits;
}

/** Bounds of one render: a template that loops, recurses or writes without end stops with a located error. */
export interface RenderLimits {
  /** Wall-clock time for the whole render, in milliseconds. */
  timeoutMs?: number;
  /** Nesting of `{{ template }}` calls (Go allows 100000; `include` is bounded by Helm's 1000 per name). */
  maxTemplateDepth?: number;
  /** Rendered output of all templates together, in characters. */
  maxOutputBytes?: number;
}

/** Where a range of rendered output came from (DESIGN.md §7). */
export interface RenderedSpan {
  /** Offsets in the document text. */
  start: number;
  end: number;
  /** Template file (template name, e.g. `mychart/templates/deploy.yaml`) and character offset of the node. */
  template: string;
  templateOffset: number;
  /**
   * `text`: copied from the template verbatim, so document offset `start + k` came from template offset
   * `templateOffset + k`; `action`: written by the `{{ }}` action at `templateOffset`.
   */
  kind: 'text' | 'action';
  /** The values scalar printed here, when there was one. */
  origin?: ValueOrigin;
  /** include/tpl call sites, outermost first. */
  callStack?: { template: string; templateOffset: number }[];
}

/** One YAML document of the render output, as `helm template` prints it after `# Source:`. */
export interface RenderedDocument {
  /** The template name from the `# Source:` header, e.g. `mychart/templates/deploy.yaml`. */
  source: string;
  text: string;
  /** `crd` for files of crds/ (never templated), `hook` for documents with a helm.sh/hook annotation. */
  role: 'manifest' | 'hook' | 'crd';
  /** Source map of the document text; absent when the renderer cannot tell (the helm binary). */
  spans?: RenderedSpan[];
}

/** A render that failed, located where the renderer's message names a template. */
export interface RenderFailure {
  message: string;
  /** Template name and 1-based line/column when the message names them. */
  template?: string;
  line?: number;
  column?: number;
  /** Outer include call sites, outermost first, when the failure happened inside a helper. */
  trace?: { template: string; line: number; column: number }[];
}

export type RenderOutcome =
  { ok: true; documents: RenderedDocument[]; output: string } | { ok: false; failure: RenderFailure };

/** A renderer: the embedded engine or the helm binary. */
export interface Renderer {
  readonly name: 'embedded' | 'helm';
  /** True when locations are exact (a source map), false when they are approximate. */
  readonly exactLocations: boolean;
  render(request: RenderRequest): Promise<RenderOutcome>;
}
