/** The shape of `.chartlint.yaml` after validation against schema/chartlint.schema.json. */
import type { Severity } from '../diagnostics/severity.js';

/** One `environments.<name>` entry. */
export interface EnvironmentConfig {
  /** Values files relative to the chart directory (helm `-f`), in order. */
  values?: string[];
  /** Values by key path, typed as YAML gives them (helm `--set`). */
  set?: Record<string, unknown>;
  /** Values by key path, as strings (helm `--set-string`). */
  setString?: Record<string, string | number | boolean>;
  /** Values read from files relative to the chart directory (helm `--set-file`). */
  setFile?: Record<string, string>;
  /** Values by key path, given as structured YAML and passed as JSON (helm `--set-json`). */
  setJson?: Record<string, unknown>;
  namespace?: string;
  releaseName?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  isUpgrade?: boolean;
}

/** A rule setting: a severity, `off`, or `[severity, options]`. */
export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>];

/** `policies:` settings. */
export interface PoliciesConfig {
  paths?: string[];
  namespaces?: string[];
  builtin?: boolean;
  disable?: string[];
}

/** One `exclude:` entry: every field given must match the finding (globs). */
export interface ExcludeConfig {
  rule?: string;
  chart?: string;
  kind?: string;
  name?: string;
  reason?: string;
}

/** A validated `.chartlint.yaml`. */
export interface ChartlintConfig {
  environments?: Record<string, EnvironmentConfig>;
  rules?: Record<string, RuleSetting>;
  policies?: PoliciesConfig;
  exclude?: ExcludeConfig[];
  renderer?: 'embedded' | 'helm';
  kubeVersion?: string;
  failOn?: Severity;
}
