/**
 * The loaded-chart model (helm-render-spec.md §1): what `loadChartDir`/`loadChartArchive` produce and what values,
 * render and the chart rules consume. Paths inside a chart are `/`-separated and relative to the chart root.
 */
import type { Location, Span } from '../diagnostics/location.js';

/** One file of a chart as Helm sees it: its path inside the chart and its bytes (BOM already stripped). */
export interface ChartFile {
  /** Path inside the chart, `/`-separated, e.g. `templates/deployment.yaml`. */
  readonly path: string;
  /** The bytes, with a leading UTF-8 BOM removed as Helm does for every file. */
  readonly data: Uint8Array;
  /** The bytes decoded as UTF-8 (computed on first access, then cached). */
  readonly text: string;
}

/** A text file of the chart that findings can point into. */
export interface SourceFile {
  /** Path inside the chart, `/`-separated, e.g. `values.yaml`. */
  readonly chartPath: string;
  /**
   * Display path relative to the working directory, forward slashes, e.g. `charts/app/values.yaml`. For a file
   * inside a `.tgz` it is `<archive path>#<entry path>`, which does not exist on disk; `archive` then names the file
   * that does.
   */
  readonly path: string;
  /** The `.tgz` (display path) this file was read from, when it came from an archive. */
  readonly archive?: string;
  /** Text, BOM stripped. */
  readonly text: string;
  /** Offsets of line starts in `text` (see `positionAt` in diagnostics/location). */
  readonly lineStarts: readonly number[];
}

/** Where a node of a YAML document sits: its key (for map entries) and its value. */
export interface YamlNodeRange {
  /** Span of the map key when the node is a map entry's value. */
  readonly key?: Span;
  /** Span of the value node. */
  readonly value: Span;
}

/** A YAML source file with a map from YAML paths to ranges, so rules can point at `dependencies[1].version`. */
export interface YamlSourceFile extends SourceFile {
  /**
   * Ranges by path string: map keys joined with `.`, list indexes as `[n]`, e.g. `dependencies[1].version`,
   * `annotations.foo`. Keys containing `.`, `[` or `]` are written in brackets with quotes: `annotations["a.b"]`.
   * The empty string is the document root.
   */
  readonly ranges: ReadonlyMap<string, YamlNodeRange>;
  /**
   * The location of the node at `path` (array of keys and indexes): the value span, or the key span when `on` is
   * `'key'`. Falls back to the nearest existing ancestor, then to the file without a range.
   */
  locate(path: readonly (string | number)[], on?: 'key' | 'value'): Location;
}

/** One `import-values` entry: the short string form (`exports.<name>`) or the explicit child/parent form. */
export type ImportValue = string | { readonly child: string; readonly parent: string };

/** A `dependencies[]` entry of Chart.yaml (or requirements.yaml for v1 charts), after Helm's sanitisation. */
export interface Dependency {
  name: string;
  /** Semver constraint; `''` when absent. */
  version: string;
  /** `''` when absent. */
  repository: string;
  /** Comma-separated values paths; `''` when absent. */
  condition: string;
  tags: string[];
  /** `enabled:` as written (Helm sets it itself during dependency processing; absent means `false` here). */
  enabled: boolean;
  importValues: ImportValue[];
  /** `''` when absent. */
  alias: string;
}

/** A `maintainers[]` entry. */
export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/**
 * Chart.yaml metadata as Helm holds it: every string field present (`''` when absent), scalars coerced to strings
 * the way sigs.k8s.io/yaml does (`appVersion: 1.10` → `"1.1"`), whitespace/control characters sanitised (§1.2).
 */
export interface ChartMetadata {
  apiVersion: 'v1' | 'v2';
  name: string;
  version: string;
  appVersion: string;
  kubeVersion: string;
  /** `''` (Helm treats it as application), `application` or `library`. */
  type: '' | 'application' | 'library';
  description: string;
  home: string;
  icon: string;
  sources: string[];
  keywords: string[];
  maintainers: Maintainer[];
  /** `null` when Chart.yaml has no `annotations:` (Helm's nil map). */
  annotations: Record<string, string> | null;
  deprecated: boolean;
  /** Chart-level `condition` string (unused by Helm's processing, visible as `.Chart.Condition`). */
  condition: string;
  /** Chart-level `tags` string (visible as `.Chart.Tags`). */
  tags: string;
  /** From Chart.yaml (v2) or requirements.yaml (v1 charts). */
  dependencies: Dependency[];
}

/** A dependency pinned by Chart.lock / requirements.lock. */
export interface LockedDependency {
  name: string;
  version: string;
  repository: string;
}

/** A parsed Chart.lock (v2) or requirements.lock (v1). */
export interface ChartLock {
  /** RFC 3339 timestamp as written; `''` when absent. */
  generated: string;
  /** `sha256:<hex>` digest of the dependency list as written; `''` when absent. */
  digest: string;
  dependencies: LockedDependency[];
}

/** The `.helmignore` rules of a chart (root only, directory loads only), plus Helm's default `templates/.?*`. */
export interface HelmIgnore {
  /** The patterns in file order, as written (after trimming), default rule last. */
  readonly patterns: readonly string[];
  /** True when `path` (inside the chart, `/`-separated) is ignored; `isDir` enables directory-only rules. */
  ignores(path: string, isDir: boolean): boolean;
}

/** A loaded chart (root or subchart). */
export interface Chart {
  /** Display path of the chart root relative to the working directory, forward slashes (`.` for the cwd). */
  dir: string;
  /** Display path of the `.tgz` the chart was read from, when it came from one. */
  archivePath?: string;
  metadata: ChartMetadata;
  /** Chart.yaml with positions. */
  chartYaml: YamlSourceFile;
  /** v1 charts: requirements.yaml with positions (its dependencies are in `metadata.dependencies`). */
  requirementsYaml?: YamlSourceFile;
  /** What `.Files` holds (§1.1): everything but Chart.yaml, values.yaml, values.schema.json, locks, templates/,
   * charts/ (except `charts/*.prov`) and ignored files; includes `.helmignore` and `crds/`. Lexical order. */
  files: ChartFile[];
  /** Everything under `templates/` (any extension), lexical order, minus ignored files. */
  templates: ChartFile[];
  /** Files under `crds/` (also present in `files`), lexical order. */
  crds: ChartFile[];
  /** values.yaml with positions. */
  valuesFile?: SourceFile;
  /** values.schema.json. */
  schemaFile?: SourceFile;
  /** Chart.lock (v2) or requirements.lock (v1). */
  lock?: { file: YamlSourceFile; parsed: ChartLock };
  /** Subcharts from `charts/<dir>/` and `charts/*.tgz`, in lexical order of their entry under `charts/`. */
  subcharts: Chart[];
  /** The chart whose `charts/` holds this one. */
  parent?: Chart;
  /** `.helmignore` rules (root of a directory load only). */
  helmignore?: HelmIgnore;
}
