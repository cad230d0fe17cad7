/**
 * The map semantics behind Sprig's `merge`/`mergeOverwrite` (dario.cat/mergo `Merge` with and without
 * `WithOverride`) and `deepCopy` (mitchellh/copystructure), helm-render-spec.md §11.9.
 *
 * Both merges MUTATE the destination, and values taken from a source are shared, not copied (a nested map added
 * by `merge` is the source's own map object), exactly as in Go.
 */
import { GoBytes, GoList, GoMap, type GoValue } from '../../values/model.js';
import { isEmpty } from './truthy.js';

/**
 * Merges `src` into `dst` in place, key by key as mergo's `deepMerge` does for maps:
 * - a nil source value is skipped, or written when overwriting;
 * - two maps are merged recursively (the destination map is kept when it is not empty);
 * - otherwise the source value is written when overwriting, or when the destination key is missing or empty.
 */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [key, s] of src.entries) {
    const origin = src.origins?.get(key);
    if (s === null) {
      if (overwrite) dst.set(key, null, origin);
      continue;
    }
    const d = dst.entries.get(key);
    if (s instanceof GoMap && d instanceof GoMap) mergeInto(d, s, overwrite);
    const dstSet = d !== undefined && !isEmpty(d);
    if (dstSet && s instanceof GoList && !overwrite) continue;
    if (dstSet && s instanceof GoMap && d instanceof GoMap) continue;
    if (overwrite || !dstSet) dst.set(key, s, origin);
  }
}

/** A deep copy of maps and slices (types, origins and nils kept); other values are immutable and shared. */
export function deepCopy(v: GoValue): GoValue {
  if (v instanceof GoMap) {
    const out = new GoMap(new Map(), v.type, v.isNil);
    for (const [k, x] of v.entries) out.entries.set(k, deepCopy(x));
    if (v.origins) out.origins = new Map(v.origins);
    return out;
  }
  if (v instanceof GoList) {
    const out = new GoList(v.items.map(deepCopy), v.type, v.isNil);
    if (v.origins) out.origins = [...v.origins];
    return out;
  }
  if (v instanceof GoBytes) return new GoBytes(v.bytes.slice());
  return v;
}
