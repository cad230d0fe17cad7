/**
 * Sprig's dictionary functions (helm-render-spec.md §11.9). `set`, `unset`, `merge` and `mergeOverwrite` mutate
 * their map argument, which may be (part of) `.Values`: the change is visible through every alias for the rest of
 * the render, as in Helm.
 *
 * Go iterates maps in random order, so `keys` and `values` have no defined order in Helm; here they follow sorted
 * key order, which keeps renders deterministic (charts sort `keys` with `sortAlpha` anyway).
 */
import { GoFuncError, GoList, GoMap, goTypeOf, type GoFuncSpec, type GoValue } from '../../values/model.js';
import { toGoString } from './cast.js';
import { deepCopy, mergeInto } from './mergo.js';

const MAP = 'map[string]interface {}';

/** A map argument as the engine passes it: a GoMap, or null for a nil map. */
const asMap = (m: unknown): GoMap | null => (m instanceof GoMap ? m : null);

function merge(overwrite: boolean): GoFuncSpec {
  return {
    params: [MAP],
    variadic: MAP,
    result: 'interface {}',
    call: (_ctx, dst, ...srcs) => {
      // mergo allocates a fresh map when the destination is nil and returns it in Sprig's local variable.
      let d = asMap(dst);
      for (const s of srcs) {
        const src = asMap(s);
        if (src === null) continue;
        d ??= new GoMap();
        mergeInto(d, src, overwrite);
      }
      return d ?? new GoMap();
    },
  };
}

function dictGet(d: GoMap, key: string): GoValue {
  const v = d.get(key);
  return v === undefined ? '' : v;
}

/** Go's panic for a failed type assertion on an `interface {}` value. */
const conversionPanic = (v: GoValue | undefined, want: string): GoFuncError =>
  new GoFuncError(
    `interface conversion: interface {} is ${goTypeOf(v ?? null).replace(/^<nil>$/, 'nil')}, not ${want}`,
  );

function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new GoFuncError('dig needs at least three arguments');
  const last = args[args.length - 1];
  // A type assertion, not an assignment: `common.Values` (`.Values`) is not a `map[string]interface {}` here.
  if (!(last instanceof GoMap) || last.type !== MAP) throw conversionPanic(last, MAP);
  const def = args[args.length - 2] ?? null;
  const keys = args.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw conversionPanic(k, 'string');
    return k;
  });
  let current: GoMap = last;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    if (!current.has(key)) return def;
    const step = current.get(key) ?? null;
    if (i === keys.length - 1) return step;
    if (!(step instanceof GoMap) || step.type !== MAP) throw conversionPanic(step, MAP);
    current = step;
  }
  return def;
}

const deepCopySpec: GoFuncSpec = {
  params: ['interface {}'],
  result: 'interface {}',
  call: (_ctx, v) => {
    // copystructure reflects on its argument's type first, which Go refuses for a nil interface.
    if (v === null || v === undefined)
      throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
    return deepCopy(v as GoValue);
  },
};

/** The dictionary family. */
export const dictFuncs: Readonly<Record<string, GoFuncSpec>> = {
  dict: {
    params: [],
    variadic: 'interface {}',
    result: MAP,
    call: (_ctx, ...kv) => {
      const d = new GoMap();
      for (let i = 0; i < kv.length; i += 2) {
        // An odd count leaves the last key with an empty string.
        d.set(toGoString(kv[i] as GoValue), i + 1 < kv.length ? (kv[i + 1] as GoValue) : '');
      }
      return d;
    },
  },
  get: {
    params: [MAP, 'string'],
    result: 'interface {}',
    call: (_ctx, m, key) => {
      const d = asMap(m);
      return d === null ? '' : dictGet(d, key as string);
    },
  },
  set: {
    params: [MAP, 'string', 'interface {}'],
    result: MAP,
    call: (_ctx, m, key, v) => {
      const d = asMap(m);
      if (d === null) throw new GoFuncError('assignment to entry in nil map');
      d.set(key as string, v as GoValue);
      return d;
    },
  },
  unset: {
    params: [MAP, 'string'],
    result: MAP,
    call: (_ctx, m, key) => {
      // Deleting from a nil map does nothing; the nil map is returned.
      const d = asMap(m);
      d?.delete(key as string);
      return d;
    },
  },
  hasKey: {
    params: [MAP, 'string'],
    result: 'bool',
    call: (_ctx, m, key) => asMap(m)?.has(key as string) ?? false,
  },
  pluck: {
    params: ['string'],
    variadic: MAP,
    result: '[]interface {}',
    call: (_ctx, key, ...maps) => {
      const out: GoValue[] = [];
      for (const m of maps) {
        const d = asMap(m);
        if (d?.has(key as string)) out.push(dictGet(d, key as string));
      }
      return new GoList(out);
    },
  },
  keys: {
    params: [],
    variadic: MAP,
    result: '[]string',
    call: (_ctx, ...maps) =>
      new GoList(
        maps.flatMap((m) => asMap(m)?.sortedKeys() ?? []),
        '[]string',
      ),
  },
  values: {
    params: [MAP],
    result: '[]interface {}',
    call: (_ctx, m) => {
      const d = asMap(m);
      return new GoList(d === null ? [] : d.sortedKeys().map((k) => dictGet(d, k)));
    },
  },
  pick: {
    params: [MAP],
    variadic: 'string',
    result: MAP,
    call: (_ctx, m, ...keys) => {
      const d = asMap(m);
      const out = new GoMap();
      for (const k of keys as string[]) {
        if (d?.has(k)) out.set(k, dictGet(d, k), d.origins?.get(k));
      }
      return out;
    },
  },
  omit: {
    params: [MAP],
    variadic: 'string',
    result: MAP,
    call: (_ctx, m, ...keys) => {
      const d = asMap(m);
      const out = new GoMap();
      const drop = new Set(keys as string[]);
      for (const [k, v] of d?.entries ?? []) {
        if (!drop.has(k)) out.set(k, v, d?.origins?.get(k));
      }
      return out;
    },
  },
  dig: {
    params: [],
    variadic: 'interface {}',
    result: 'interface {}',
    call: (_ctx, ...args) => dig(args as GoValue[]),
  },
  merge: merge(false),
  mustMerge: merge(false),
  mergeOverwrite: merge(true),
  mustMergeOverwrite: merge(true),
  deepCopy: deepCopySpec,
  mustDeepCopy: deepCopySpec,
};
