/**
 * Sprig's reflection functions (helm-render-spec.md §11.10): `typeOf`, `typeIs`, `typeIsLike`, `kindOf`,
 * `kindIs`, `deepEqual`, and the Go `reflect` notions other families share (kinds, `reflect.DeepEqual`).
 */
import {
  GoBytes,
  GoInt,
  GoList,
  GoMap,
  GoObject,
  goTypeOf,
  type GoFuncSpec,
  type GoValue,
} from '../../values/model.js';

// Named Go types whose kind is not visible from the name: Helm's `.Files` is a map, `.Capabilities.APIVersions`
// a slice. Other named types are structs, and `*T` names are pointers.
const NAMED_KINDS: ReadonlyMap<string, string> = new Map([
  ['engine.files', 'map'],
  ['common.VersionSet', 'slice'],
]);

/** Go's `reflect.Kind` name of a value: `int`, `float64`, `slice`, `map`, `struct`, `ptr`, `invalid` for nil… */
export function goKindOf(v: GoValue | undefined): string {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.type;
  if (v instanceof GoList || v instanceof GoBytes) return 'slice';
  if (v instanceof GoMap) return 'map';
  return NAMED_KINDS.get(v.goType) ?? (v.goType.startsWith('*') ? 'ptr' : 'struct');
}

/**
 * Go's `reflect.DeepEqual` on two values held in `interface {}` slots: the dynamic types must be identical
 * (`1` ≠ `1.0`, `common.Values` ≠ `map[string]interface {}`), floats compare with `==` (NaN ≠ NaN).
 */
export function deepEqual(a: GoValue | undefined, b: GoValue | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null) {
    return (a === undefined || a === null) && (b === undefined || b === null);
  }
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a === b) return true;
  if (goTypeOf(a) !== goTypeOf(b)) return false;
  if (a instanceof GoInt && b instanceof GoInt) return a.value === b.value;
  if (a instanceof GoBytes && b instanceof GoBytes) return Buffer.compare(a.bytes, b.bytes) === 0;
  // reflect.DeepEqual tells a nil slice or map from an empty one.
  if (
    (a instanceof GoList || a instanceof GoMap) &&
    (b instanceof GoList || b instanceof GoMap) &&
    a.isNil !== b.isNil
  )
    return false;
  if (a instanceof GoList && b instanceof GoList) {
    return a.items.length === b.items.length && a.items.every((x, i) => deepEqual(x, b.items[i]));
  }
  if (a instanceof GoMap && b instanceof GoMap) {
    if (a.entries.size !== b.entries.size) return false;
    for (const [k, x] of a.entries) {
      if (!b.has(k) || !deepEqual(x, b.get(k))) return false;
    }
    return true;
  }
  // Structs and pointers to structs compare field by field; their %v dump shows every field.
  return a instanceof GoObject && b instanceof GoObject && a.formatV() === b.formatV();
}

/** The reflection family: `typeOf`, `typeIs`, `typeIsLike`, `kindOf`, `kindIs`, `deepEqual`. */
export const reflectFuncs: Readonly<Record<string, GoFuncSpec>> = {
  typeOf: {
    params: ['interface {}'],
    result: 'string',
    call: (_ctx, v) => goTypeOf(v as GoValue),
  },
  typeIs: {
    params: ['string', 'interface {}'],
    result: 'bool',
    call: (_ctx, target, v) => target === goTypeOf(v as GoValue),
  },
  typeIsLike: {
    params: ['string', 'interface {}'],
    result: 'bool',
    call: (_ctx, target, v) => {
      const t = goTypeOf(v as GoValue);
      return target === t || `*${String(target)}` === t;
    },
  },
  kindOf: {
    params: ['interface {}'],
    result: 'string',
    call: (_ctx, v) => goKindOf(v as GoValue),
  },
  kindIs: {
    params: ['string', 'interface {}'],
    result: 'bool',
    call: (_ctx, target, v) => target === goKindOf(v as GoValue),
  },
  deepEqual: {
    params: ['interface {}', 'interface {}'],
    result: 'bool',
    call: (_ctx, a, b) => deepEqual(a as GoValue, b as GoValue),
  },
};
