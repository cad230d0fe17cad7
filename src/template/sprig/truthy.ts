/**
 * Sprig's `empty` (helm-render-spec.md §8.5): the notion of "unset" behind `default`, `empty`, `coalesce`,
 * `compact`, `all` and `any`. It matches text/template's truthiness: structs are never empty, pointers only when nil.
 */
import { GoBytes, GoInt, GoList, GoMap, type GoValue } from '../../values/model.js';

/** True when Sprig's `empty` holds for the value (nil, false, 0, 0.0, "", empty list/map, nil pointer). */
export function isEmpty(v: GoValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.value === 0n;
  if (v instanceof GoList) return v.items.length === 0;
  if (v instanceof GoMap) return v.entries.size === 0;
  if (v instanceof GoBytes) return v.bytes.length === 0;
  return v.isNilPointer();
}
