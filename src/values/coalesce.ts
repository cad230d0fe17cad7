/**
 * Helm's coalescing of chart defaults with user values (helm-render-spec.md §5): null deletes, the nested table
 * rules, subchart scoping, `global` propagation. It works on {@link ValuesChart}, the mutable chart tree that
 * dependency processing (dependencies.ts) builds, and mutates maps in place exactly where Helm does, so the
 * sharing Helm has (subchart `.Values` is the parent's map; shallow-copied globals) is reproduced. Entries keep
 * their origins as subtrees move; deep copies copy origins.
 */
import { ChartlintError } from '../diagnostics/errors.js';
import type { Chart } from '../chart/types.js';
import { GoMap } from './model.js';
import { badVerbT, goPercentV } from './go-syntax.js';
import { copyMap } from './merge.js';

/** A `dependencies[]` entry while Helm processes it (name becomes the alias, enabled is computed). */
export interface DependencyState {
  name: string;
  version: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  /** As written until import processing normalises it to `{child, parent}` pairs. */
  importValues: (string | { child: string; parent: string })[];
  alias: string;
}

/** Helm's `*chart.Chart` during values processing. */
export interface ValuesChart {
  /** `metadata.name`, or the alias once dependency processing renamed the copy. */
  name: string;
  /** The loaded chart this node stands for. */
  chart: Chart;
  /** The chart's default values (`c.Values`); import processing replaces them. */
  values: GoMap;
  /** `c.Metadata.Dependencies`; `null` when Chart.yaml declares none. */
  dependencies: DependencyState[] | null;
  /** `c.Dependencies()`: the subcharts, in processing order. */
  subcharts: ValuesChart[];
}

/** Collects Helm's `warning: …` log lines (they never fail a render). */
export type WarnFn = (message: string) => void;

const GLOBAL = 'global';

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** Helm's `CoalesceValues(chart, vals)`: defaults of the whole tree under a deep copy of `vals`. */
export function coalesceValues(chart: ValuesChart, vals: GoMap, warn: WarnFn): GoMap {
  return coalesce(chart, copyMap(vals), '', false, warn);
}

/** Helm's `MergeValues(chart, vals)`: like {@link coalesceValues} but nulls are kept. */
export function mergeValues(chart: ValuesChart, vals: GoMap | null, warn: WarnFn): GoMap {
  return coalesce(chart, vals ? copyMap(vals) : new GoMap(), '', true, warn);
}

function coalesce(chart: ValuesChart, dest: GoMap, prefix: string, merge: boolean, warn: WarnFn): GoMap {
  coalesceChartValues(chart, dest, prefix, merge, warn);
  return coalesceDeps(chart, dest, prefix, merge, warn);
}

function coalesceDeps(chart: ValuesChart, dest: GoMap, prefix: string, merge: boolean, warn: WarnFn): GoMap {
  for (const sub of chart.subcharts) {
    if (!dest.has(sub.name)) dest.set(sub.name, new GoMap());
    const current = dest.get(sub.name) ?? null;
    if (!(current instanceof GoMap)) {
      throw new ChartlintError('values-invalid', `type mismatch on ${sub.name}: ${badVerbT(current)}`, {
        ...originLocation(dest, sub.name),
      });
    }
    const subPrefix = concatPrefix(prefix, chart.name);
    coalesceGlobals(current, dest, subPrefix, warn);
    dest.set(sub.name, coalesce(sub, current, subPrefix, merge, warn), dest.origins?.get(sub.name));
  }
  return dest;
}

/** A location for an error about `map[key]`, from the entry's origin when it came from a values file. */
function originLocation(map: GoMap, key: string): { location?: { file: string } } {
  const origin = map.origins?.get(key);
  return origin ? { location: { file: origin.source } } : {};
}

/** Copies the parent's `global` into a subchart's values (parent wins; maps merge top-down). */
function coalesceGlobals(dest: GoMap, src: GoMap, prefix: string, warn: WarnFn): void {
  let dg: GoMap;
  if (!dest.has(GLOBAL)) dg = new GoMap();
  else {
    const v = dest.get(GLOBAL) ?? null;
    if (!(v instanceof GoMap)) {
      warn(`warning: skipping globals because destination ${GLOBAL} is not a table.`);
      return;
    }
    dg = v;
  }
  let sg: GoMap;
  if (!src.has(GLOBAL)) sg = new GoMap();
  else {
    const v = src.get(GLOBAL) ?? null;
    if (!(v instanceof GoMap)) {
      warn(`warning: skipping globals because source ${GLOBAL} is not a table.`);
      return;
    }
    sg = v;
  }
  for (const [key, val] of sg.entries) {
    const origin = sg.origins?.get(key);
    if (val instanceof GoMap) {
      // A shallow copy, as Helm's: nested maps stay shared with the parent's global.
      const vv = new GoMap(new Map(val.entries), val.type);
      if (val.origins) vv.origins = new Map(val.origins);
      if (!dg.has(key)) dg.set(key, vv, origin);
      else {
        const destv = dg.get(key) ?? null;
        if (!(destv instanceof GoMap))
          warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
        else {
          coalesceTables(vv, destv, concatPrefix(prefix, key), true, warn);
          dg.set(key, vv, origin);
        }
      }
    } else if (dg.get(key) instanceof GoMap) {
      warn(`key ${key} is table. Skipping`);
    } else {
      dg.set(key, val, origin);
    }
  }
  dest.set(GLOBAL, dg, dest.origins?.get(GLOBAL) ?? src.origins?.get(GLOBAL));
}

function isChildChart(chart: ValuesChart, key: string): boolean {
  return chart.subcharts.some((s) => s.name === key);
}

/** Removes nil entries recursively (subchart defaults' nulls must not leak into the result). */
function cleanNilValues(m: GoMap): void {
  for (const [key, val] of [...m.entries]) {
    if (val === null) m.delete(key);
    else if (val instanceof GoMap) cleanNilValues(val);
  }
}

/** Helm's `coalesceValues`: one chart's defaults under the user values `v` (mutated). */
function coalesceChartValues(
  chart: ValuesChart,
  v: GoMap,
  prefix: string,
  merge: boolean,
  warn: WarnFn,
): void {
  const subPrefix = concatPrefix(prefix, chart.name);
  // Defaults are copied so nothing a template does can reach the loaded chart.
  const vc = copyMap(chart.values);
  for (const [key, val] of vc.entries) {
    const origin = vc.origins?.get(key);
    if (v.has(key)) {
      const value = v.get(key) ?? null;
      if (value === null && !merge) {
        v.delete(key);
      } else if (value instanceof GoMap) {
        if (!(val instanceof GoMap)) {
          if (val !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          const childMerge = isChildChart(chart, key) || merge;
          if (!childMerge && prefix !== '') cleanNilValues(val);
          coalesceTables(value, val, concatPrefix(subPrefix, key), childMerge, warn);
        }
      }
    } else {
      if (!merge && prefix !== '') {
        if (val === null) continue;
        if (val instanceof GoMap) cleanNilValues(val);
      }
      v.set(key, val, origin);
    }
  }
}

/**
 * Helm's `coalesceTablesFullKey(dst, src)`: `dst` wins; maps merge recursively; a user nil over a non-nil
 * default deletes the key unless merging. Mutates `dst` (and, as Helm does, marks nils in `src`).
 */
export function coalesceTables(dst: GoMap, src: GoMap, prefix: string, merge: boolean, warn: WarnFn): GoMap {
  const srcOriginalNonNil = new Set<string>();
  for (const [key, val] of src.entries) if (val !== null) srcOriginalNonNil.add(key);
  for (const [key, val] of dst.entries) if (val === null) src.set(key, null, src.origins?.get(key));
  for (const [key, val] of src.entries) {
    const fullKey = concatPrefix(prefix, key);
    const present = dst.has(key);
    const dv = dst.get(key) ?? null;
    if (present && !merge && dv === null && srcOriginalNonNil.has(key)) {
      dst.delete(key);
    } else if (!present) {
      dst.set(key, val, src.origins?.get(key));
    } else if (val instanceof GoMap) {
      if (dv instanceof GoMap) coalesceTables(dv, val, fullKey, merge, warn);
      else warn(`warning: cannot overwrite table with non table for ${fullKey} (${goPercentV(val)})`);
    } else if (dv instanceof GoMap && val !== null) {
      warn(`warning: destination for ${fullKey} is a table. Ignoring non-table value (${goPercentV(val)})`);
    }
  }
  return dst;
}

/** Helm's `trimNilValues`: a deep copy without nil entries. */
export function trimNilValues(vals: GoMap): GoMap {
  const out = copyMap(vals);
  for (const [key, val] of [...out.entries]) {
    if (val === null) out.delete(key);
    else if (val instanceof GoMap) out.set(key, trimNilValues(val), out.origins?.get(key));
  }
  return out;
}
