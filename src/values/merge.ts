/**
 * Copying and merging value trees the way Helm does, keeping every entry's origin attached to the entry.
 */
import { GoList, GoMap, type GoValue } from './model.js';

/** A deep copy of maps and lists (origins copied too); scalars and other objects are shared as in Go. */
export function deepCopy<T extends GoValue>(v: T): T {
  if (v instanceof GoMap) return copyMap(v) as T;
  if (v instanceof GoList) {
    const out = new GoList(
      v.items.map((i) => deepCopy(i)),
      v.type,
    );
    if (v.origins) out.origins = [...v.origins];
    return out as T;
  }
  return v;
}

/** A deep copy of a map, optionally with another Go map type (e.g. `common.Values`). */
export function copyMap(m: GoMap, type = m.type): GoMap {
  const out = new GoMap(new Map(), type);
  for (const [k, v] of m.entries) out.entries.set(k, deepCopy(v));
  if (m.origins) out.origins = new Map(m.origins);
  return out;
}

/** The same map contents under another Go map type, sharing entries (no copy). */
export function retypeMap(m: GoMap, type: GoMap['type']): GoMap {
  if (m.type === type) return m;
  const out = new GoMap(m.entries, type);
  // Both views must record origins in one place, so the map is created before it is shared.
  m.origins ??= new Map();
  out.origins = m.origins;
  return out;
}

/**
 * Helm's `mergeMaps(a, b)` for values files and `--set-json` objects: a new map with `a`'s entries, then `b`'s;
 * where both hold maps under a key they merge recursively, anything else from `b` replaces. Subtrees that are
 * not merged are shared, as in Helm.
 */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = new GoMap(new Map(a.entries), a.type);
  if (a.origins) out.origins = new Map(a.origins);
  for (const [k, v] of b.entries) {
    const existing = out.get(k);
    if (v instanceof GoMap && existing instanceof GoMap)
      out.set(k, mergeMaps(existing, v), b.origins?.get(k) ?? a.origins?.get(k));
    else out.set(k, v, b.origins?.get(k));
  }
  return out;
}
