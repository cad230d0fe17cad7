import type { Severity } from '../diagnostics/severity.js';

/** A JSON path inside a manifest: object keys and array indexes. */
export type PolicyPath = (string | number)[];

/** What {@link loadPolicySet} loads. Paths are relative to the working directory or absolute. */
export interface PolicySetOptions {
  /** Load the built-in pack shipped in `policies/bundle.tar.gz`. */
  builtin: boolean;
  /** Built-in policies to turn off: a rule id (`chartlint.privileged_container/deny`), a package
   * (`chartlint.privileged_container`) or a package's last segment (`privileged_container`). */
  disabledBuiltin: string[];
  /** `--policy`: `.rego` files, directories of them, prebuilt bundles (`.tar.gz`) or `.wasm` modules. */
  paths: string[];
  /** `--namespace` (conftest: exact package names, default `['main']`) or `'all'` for `--all-namespaces`. */
  namespaces: string[] | 'all';
  /** `--data`: JSON/YAML files or directories of them, merged into `data` as OPA's loader does. */
  dataFiles: string[];
  /** Where compiled user policies are cached (keyed by a hash of their sources). */
  cacheDir: string;
  /** The opa binary to use; else `env.OPA_BIN`, else `opa` on `env.PATH`. */
  opaBin?: string;
  env?: Record<string, string | undefined>;
}

/** One manifest handed to the policies: `object` is the `input` document as conftest gives it. */
export interface PolicyManifest {
  object: unknown;
  id: number;
  /** The file the manifest came from (e.g. `mychart/templates/deployment.yaml`): the `path` of its entry in
   * combined mode. Defaults to `manifest-<id>`. */
  source?: string;
}

/** Extra context exposed to every policy as `data.chartlint`. */
export interface PolicyContext {
  chart: { name: string; version: string; path: string };
  environment: string;
  kubeVersion: string;
}

/** One result of one policy rule for one manifest (or for the combined input). */
export interface PolicyResult {
  /** `<package>/<rule>`, e.g. `main/deny`, `chartlint.privileged_container/deny`. */
  ruleId: string;
  /** `error` for deny/violation, `warning` for warn, unless the result carries a `severity` key. */
  severity: Severity;
  message: string;
  /** The manifest the result is about; undefined in combined mode when the result does not name one. */
  manifestId: number | undefined;
  /** JSON path inside the manifest, from the result's `path`/`_loc`, else `["metadata","name"]`. */
  path?: PolicyPath;
  /** The result object's other keys (everything but `msg`, `path`, `_loc` and `severity`). */
  details?: Record<string, unknown>;
  /** True when an `exception` rule of the same package named this rule for this input. */
  suppressed: boolean;
  /** True for results of the built-in pack. */
  builtin: boolean;
}
