/**
 * Dependency processing and the values every chart of a release sees (helm-render-spec.md §4, §5): aliases,
 * enablement by `tags` and `condition`, `import-values` (both forms), then the final coalescing of chart defaults
 * with the user's values. Mirrors Helm's ProcessDependencies + CoalesceValues step by step, because the order of
 * those steps is observable (e.g. a subchart's values always hold `global`, imported keys lose to parent keys).
 */
import { ChartlintError } from '../diagnostics/errors.js';
import type { Chart, ImportValue } from '../chart/types.js';
import { GoMap, type GoValue } from './model.js';
import {
  type DependencyState,
  type ValuesChart,
  type WarnFn,
  coalesceTables,
  coalesceValues,
  mergeValues,
} from './coalesce.js';
import { copyMap, retypeMap } from './merge.js';
import { isCompatibleRange } from './semver.js';
import { loadValuesYaml } from './yaml11.js';

/** Options for {@link computeChartValues}. */
export interface ComputeValuesOptions {
  /** Receives Helm's `warning: …` messages (skipped tables, non-bool conditions …). */
  warn?: WarnFn;
  /** Semver constraint check for `dependencies[].version`; defaults to {@link isCompatibleRange}. */
  versionMatches?: (constraint: string, version: string) => boolean;
}

/** One enabled chart of the release and the values it sees. */
export interface ChartValues {
  /** The chart's name in this release: its alias when it has one. */
  name: string;
  chart: Chart;
  /**
   * `.Values` of this chart (`common.Values`). For a subchart this shares its entries with the parent's
   * `.Values[name]`, so template mutations are visible through both, as in Helm.
   */
  values: GoMap;
  /** Names from the root's values to this chart's section (`[]` for the root, `['sub', 'deep']` …). */
  valuesPath: string[];
  /** The Chart.yaml dependencies that stayed enabled, names aliased, import-values normalised. */
  dependencies: DependencyState[];
  /** Enabled subcharts in Helm's order: undeclared ones first, then declared ones in Chart.yaml order. */
  subcharts: ChartValues[];
}

/** What {@link computeChartValues} returns. */
export interface ValuesResult {
  root: ChartValues;
  /** Helm's log warnings, in the order they occurred. */
  warnings: string[];
}

/** The default values of a chart (its values.yaml, multi-document), origins pointing into that file. */
export function loadChartDefaults(chart: Chart): GoMap {
  const file = chart.valuesFile;
  if (!file) return new GoMap();
  try {
    return loadValuesYaml(file.text, file.path, { isFile: file.archive === undefined });
  } catch (e) {
    if (!(e instanceof ChartlintError)) throw e;
    throw new ChartlintError(e.code, `cannot load values.yaml: ${e.message}`, {
      ...(e.location ? { location: e.location } : {}),
    });
  }
}

function dependencyState(d: Chart['metadata']['dependencies'][number]): DependencyState {
  return {
    name: d.name,
    version: d.version,
    condition: d.condition,
    tags: [...d.tags],
    enabled: d.enabled,
    importValues: d.importValues.map((iv: ImportValue) => (typeof iv === 'string' ? iv : { ...iv })),
    alias: d.alias,
  };
}

function buildTree(chart: Chart): ValuesChart {
  const deps = chart.metadata.dependencies;
  return {
    name: chart.metadata.name,
    chart,
    values: loadChartDefaults(chart),
    dependencies: deps.length > 0 ? deps.map(dependencyState) : null,
    subcharts: chart.subcharts.map(buildTree),
  };
}

/** An independent copy of a processing node and its subtree (value maps are never mutated, so they are shared). */
function cloneTree(c: ValuesChart): ValuesChart {
  return {
    ...c,
    dependencies: c.dependencies
      ? c.dependencies.map((d) => ({ ...d, tags: [...d.tags], importValues: [...d.importValues] }))
      : null,
    subcharts: c.subcharts.map(cloneTree),
  };
}

/** `Values.Table(path)`: the map at a dotted path, or undefined. */
function table(values: GoMap, path: string): GoMap | undefined {
  let current: GoMap = values;
  for (const part of path.split('.')) {
    const next = current.get(part);
    if (!(next instanceof GoMap)) return undefined;
    current = next;
  }
  return current;
}

/** `Values.PathValue(path)`: a non-map value at a dotted path (nil counts as found), or undefined. */
function pathValue(values: GoMap, path: string): { value: GoValue } | undefined {
  const parts = path.split('.');
  const key = parts.pop() ?? '';
  const holder = parts.length === 0 ? values : table(values, parts.join('.'));
  if (!holder || !holder.has(key)) return undefined;
  const value = holder.get(key) ?? null;
  return value instanceof GoMap ? undefined : { value };
}

class DependencyProcessor {
  constructor(
    private readonly warn: WarnFn,
    private readonly versionMatches: (constraint: string, version: string) => boolean,
  ) {}

  /** The subchart a dependency entry selects, copied and renamed to its alias. */
  private aliasDependency(charts: ValuesChart[], dep: DependencyState): ValuesChart | undefined {
    for (const c of charts) {
      if (c.name !== dep.name) continue;
      if (!this.versionMatches(dep.version, c.chart.metadata.version)) continue;
      const out = cloneTree(c);
      if (dep.alias !== '') out.name = dep.alias;
      return out;
    }
    return undefined;
  }

  private processTags(reqs: DependencyState[], cvals: GoMap): void {
    const tags = table(cvals, 'tags');
    if (!tags) return;
    for (const r of reqs) {
      let hasTrue = false;
      let hasFalse = false;
      for (const k of r.tags) {
        if (!tags.has(k)) continue;
        const b = tags.get(k);
        if (typeof b === 'boolean') {
          if (b) hasTrue = true;
          else hasFalse = true;
        } else this.warn(`returned non-bool value tag=${k} chart=${r.name}`);
      }
      if (!hasTrue && hasFalse) r.enabled = false;
      else r.enabled = true;
    }
  }

  private processConditions(reqs: DependencyState[], cvals: GoMap, cpath: string): void {
    for (const r of reqs) {
      for (const c of r.condition.trim().split(',')) {
        if (c.length === 0) continue;
        const found = pathValue(cvals, cpath + c);
        if (!found) continue;
        if (typeof found.value === 'boolean') {
          r.enabled = found.value;
          break;
        }
        this.warn(`returned non-bool value path=${c} chart=${r.name}`);
      }
    }
  }

  /** Helm's `processDependencyEnabled`: selects, renames, enables/disables and recurses. */
  processEnabled(c: ValuesChart, v: GoMap, path: string): void {
    const reqs = c.dependencies;
    if (reqs === null) return;
    const selected: ValuesChart[] = c.subcharts.filter(
      (existing) =>
        !reqs.some(
          (req) =>
            existing.name === req.name && this.versionMatches(req.version, existing.chart.metadata.version),
        ),
    );
    for (const req of reqs) {
      const dep = this.aliasDependency(c.subcharts, req);
      if (dep) selected.push(dep);
      if (req.alias !== '') req.name = req.alias;
    }
    c.subcharts = selected;
    for (const r of reqs) r.enabled = true;
    const cvals = coalesceValues(c, v, this.warn);
    this.processTags(reqs, cvals);
    this.processConditions(reqs, cvals, path);
    const removed = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name));
    const kept = c.subcharts.filter((n) => !removed.has(n.name));
    const keptReqs = reqs.filter((r) => !removed.has(r.name));
    // Nested charts see the parent's coalesced values as their user values; conditions use prefixed paths.
    for (const t of kept) this.processEnabled(t, cvals, `${path}${t.name}.`);
    // Go's append onto a nil slice of nothing stays nil: a chart whose dependencies are all disabled has none.
    c.dependencies = keptReqs.length > 0 ? keptReqs : null;
    c.subcharts = kept;
  }

  /** Helm's `processImportValues` (merge mode): children's exported tables become parent defaults. */
  private processImportValues(c: ValuesChart): void {
    if (c.dependencies === null) return;
    const cvals = mergeValues(c, null, this.warn);
    let b = new GoMap();
    for (const r of c.dependencies) {
      const normalised: { child: string; parent: string }[] = [];
      for (const iv of r.importValues) {
        const child = typeof iv === 'string' ? `exports.${iv}` : iv.child;
        const parent = typeof iv === 'string' ? '.' : iv.parent;
        normalised.push({ child, parent });
        const childTable = table(cvals, `${r.name}.${child}`);
        if (!childTable) {
          this.warn(`ImportValues missing table from chart ${r.name}: ${child}`);
          continue;
        }
        b = coalesceTables(b, pathToMap(parent, childTable), '', true, this.warn);
      }
      r.importValues = normalised;
    }
    // Imported values have lower precedence than the parent's own values.
    c.values = coalesceTables(copyMap(cvals), b, '', true, this.warn);
  }

  processImports(c: ValuesChart): void {
    for (const d of c.subcharts) this.processImports(d);
    this.processImportValues(c);
  }
}

/** Helm's `pathToMap`: `data` nested under a dotted path (`.` is the root itself). */
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  let current = data;
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const wrapper = new GoMap();
    wrapper.set(parts[i] ?? '', current);
    current = wrapper;
  }
  return current;
}

function toChartValues(node: ValuesChart, values: GoMap, valuesPath: string[]): ChartValues {
  const typed = retypeMap(values, 'common.Values');
  return {
    name: node.name,
    chart: node.chart,
    values: typed,
    valuesPath,
    dependencies: node.dependencies ?? [],
    subcharts: node.subcharts.map((sub) => {
      const scoped = values.get(sub.name);
      // Coalescing guarantees a map for every enabled subchart.
      const map = scoped instanceof GoMap ? scoped : new GoMap();
      return toChartValues(sub, map, [...valuesPath, sub.name]);
    }),
  };
}

/**
 * Computes the values of a release: processes the root chart's dependencies against the merged user values
 * (see user-values.ts), then coalesces every enabled chart's defaults under them. Throws ChartlintError
 * ('values-invalid') for a broken values.yaml or a subchart key that is not a map (`type mismatch on sub: …`).
 */
export function computeChartValues(
  root: Chart,
  userValues: GoMap,
  opts: ComputeValuesOptions = {},
): ValuesResult {
  const warnings: string[] = [];
  const warn: WarnFn = (m) => {
    warnings.push(m);
    opts.warn?.(m);
  };
  const processor = new DependencyProcessor(warn, opts.versionMatches ?? isCompatibleRange);
  const tree = buildTree(root);
  try {
    processor.processEnabled(tree, userValues, '');
    processor.processImports(tree);
  } catch (e) {
    if (!(e instanceof ChartlintError)) throw e;
    throw new ChartlintError(e.code, `chart dependencies processing failed: ${e.message}`, {
      ...(e.location ? { location: e.location } : {}),
    });
  }
  const values = coalesceValues(tree, userValues, warn);
  return { root: toChartValues(tree, values, []), warnings };
}
