/**
 * Sprig's list functions (helm-render-spec.md §11.8). They take any slice through reflection (`[]interface {}`,
 * `[]string` from `splitList`, `[]int` from `until`, `[]byte`), return new `[]interface {}` lists, and fail on
 * anything else: the plain forms panic and the `must*` forms return an error, both with the same text.
 */
import {
  GoBytes,
  GoFuncError,
  GoInt,
  GoList,
  type GoFuncSpec,
  type GoValue,
  type ValueOrigin,
} from '../../values/model.js';
import { toInt64 } from './cast.js';
import { deepEqual, goKindOf } from './reflect.js';
import { isEmpty } from './truthy.js';

/** An element with the values-file origin it had in its source list, so provenance survives list operations. */
interface Item {
  value: GoValue;
  origin: ValueOrigin | undefined;
}

/** The panic of `reflect.TypeOf(nil).Kind()`: what Sprig's list functions do with a nil list. */
export const NIL_DEREFERENCE = 'runtime error: invalid memory address or nil pointer dereference';

/**
 * The elements of a slice argument, or `undefined` when the value is not a slice; throws Go's nil-pointer panic
 * for nil, as Sprig's `reflect.TypeOf(list).Kind()` does.
 */
export function sliceItems(list: unknown): Item[] | undefined {
  if (list === null || list === undefined) throw new GoFuncError(NIL_DEREFERENCE);
  if (list instanceof GoList) return list.items.map((value, i) => ({ value, origin: list.origins?.[i] }));
  if (list instanceof GoBytes)
    return [...list.bytes].map((b) => ({ value: new GoInt(BigInt(b), 'uint8'), origin: undefined }));
  return undefined;
}

/** Like {@link sliceItems}, failing with Sprig's `fmt.Errorf(format, kind)` text for a non-slice. */
function itemsOrFail(list: unknown, message: (kind: string) => string): Item[] {
  const items = sliceItems(list);
  if (items === undefined) throw new GoFuncError(message(goKindOf(list as GoValue)));
  return items;
}

/** Builds a list, keeping the origins of the items that have one. */
export function listOf(items: readonly Item[], type = '[]interface {}'): GoList {
  const out = new GoList(
    items.map((i) => i.value),
    type,
  );
  if (items.some((i) => i.origin)) out.origins = items.map((i) => i.origin);
  return out;
}

const unsourced = (value: GoValue): Item => ({ value, origin: undefined });

/** One function of the family in its two forms: `name` (a panic) and `mustName` (an error); same text. */
function both(name: string, spec: GoFuncSpec): Record<string, GoFuncSpec> {
  const must = `must${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`;
  return { [name]: spec, [must]: spec };
}

const anyList: readonly string[] = ['interface {}'];

const first: GoFuncSpec = {
  params: anyList,
  result: 'interface {}',
  call: (_ctx, list) => itemsOrFail(list, (k) => `Cannot find first on type ${k}`)[0]?.value ?? null,
};

const last: GoFuncSpec = {
  params: anyList,
  result: 'interface {}',
  call: (_ctx, list) => itemsOrFail(list, (k) => `Cannot find last on type ${k}`).at(-1)?.value ?? null,
};

// `rest`/`initial` of an empty list return a nil `[]interface {}` (`toJson` prints `null`).
const rest: GoFuncSpec = {
  params: anyList,
  result: '[]interface {}',
  call: (_ctx, list) => {
    const items = itemsOrFail(list, (k) => `Cannot find rest on type ${k}`);
    return items.length === 0 ? GoList.nil() : listOf(items.slice(1));
  },
};

const initial: GoFuncSpec = {
  params: anyList,
  result: '[]interface {}',
  call: (_ctx, list) => {
    const items = itemsOrFail(list, (k) => `Cannot find initial on type ${k}`);
    return items.length === 0 ? GoList.nil() : listOf(items.slice(0, -1));
  },
};

const push: GoFuncSpec = {
  params: ['interface {}', 'interface {}'],
  result: '[]interface {}',
  call: (_ctx, list, v) =>
    listOf([...itemsOrFail(list, (k) => `Cannot push on type ${k}`), unsourced(v as GoValue)]),
};

const prepend: GoFuncSpec = {
  params: ['interface {}', 'interface {}'],
  result: '[]interface {}',
  call: (_ctx, list, v) =>
    listOf([unsourced(v as GoValue), ...itemsOrFail(list, (k) => `Cannot prepend on type ${k}`)]),
};

const reverse: GoFuncSpec = {
  params: anyList,
  result: '[]interface {}',
  call: (_ctx, list) => listOf(itemsOrFail(list, (k) => `Cannot find reverse on type ${k}`).reverse()),
};

const compact: GoFuncSpec = {
  params: anyList,
  result: '[]interface {}',
  call: (_ctx, list) =>
    listOf(itemsOrFail(list, (k) => `Cannot compact on type ${k}`).filter((i) => !isEmpty(i.value))),
};

const uniq: GoFuncSpec = {
  params: anyList,
  result: '[]interface {}',
  call: (_ctx, list) => {
    const out: Item[] = [];
    for (const item of itemsOrFail(list, (k) => `Cannot find uniq on type ${k}`)) {
      if (!out.some((o) => deepEqual(o.value, item.value))) out.push(item);
    }
    return listOf(out);
  },
};

const without: GoFuncSpec = {
  params: anyList,
  variadic: 'interface {}',
  result: '[]interface {}',
  call: (_ctx, list, ...omit) => {
    const items = itemsOrFail(list, (k) => `Cannot find without on type ${k}`);
    return listOf(items.filter((i) => !omit.some((o) => deepEqual(o as GoValue, i.value))));
  },
};

const has: GoFuncSpec = {
  params: ['interface {}', 'interface {}'],
  result: 'bool',
  call: (_ctx, needle, haystack) => {
    // Unlike its siblings, `has` checks for a nil haystack before reflecting on it.
    if (haystack === null || haystack === undefined) return false;
    const items = itemsOrFail(haystack, (k) => `Cannot find has on type ${k}`);
    return items.some((i) => deepEqual(needle as GoValue, i.value));
  },
};

/** Go's `reflect.Value.Slice` bounds rule. */
const SLICE_BOUNDS = 'reflect.Value.Slice: slice index out of bounds';

// Sprig's `slice` replaces Go's builtin: the result keeps the argument's slice type (`[]string` stays `[]string`).
const slice: GoFuncSpec = {
  params: anyList,
  variadic: 'interface {}',
  result: 'interface {}',
  call: (_ctx, list, ...indices) => {
    const items = itemsOrFail(list, (k) => `list should be type of slice or array but ${k}`);
    if (items.length === 0) return null;
    const start = indices.length > 0 ? Number(toInt64(indices[0] as GoValue)) : 0;
    const end = indices.length < 2 ? items.length : Number(toInt64(indices[1] as GoValue));
    if (start < 0 || end < start || end > items.length) throw new GoFuncError(SLICE_BOUNDS);
    if (list instanceof GoBytes) return new GoBytes(list.bytes.slice(start, end));
    return listOf(items.slice(start, end), list instanceof GoList ? list.type : undefined);
  },
};

/** Go's `make` with a negative or impossible length. */
const MAKESLICE = 'runtime error: makeslice: len out of range';

const chunk: GoFuncSpec = {
  params: ['int', 'interface {}'],
  result: '[][]interface {}',
  call: (_ctx, size, list) => {
    const items = itemsOrFail(list, (k) => `Cannot chunk type ${k}`);
    const n = size as number;
    // Sprig computes the chunk count and the last chunk's length in float64 and converts them to int; with a
    // size of 0 or less the arithmetic goes astray exactly as in Go (Inf → makeslice panic, or no chunks at all).
    const count = Math.floor((items.length - 1) / n) + 1;
    if (!Number.isFinite(count) || count < 0) throw new GoFuncError(MAKESLICE);
    const out: GoList[] = [];
    for (let i = 0; i < count; i++) {
      let len = n;
      if (i === count - 1) {
        len = Math.floor(items.length % n);
        if (len === 0) len = n;
      }
      if (len < 0) throw new GoFuncError(MAKESLICE);
      out.push(listOf(items.slice(i * n, i * n + len)));
    }
    return new GoList(out, '[][]interface {}');
  },
};

const concat: GoFuncSpec = {
  params: [],
  variadic: 'interface {}',
  result: 'interface {}',
  call: (_ctx, ...lists) => {
    const out: Item[] = [];
    for (const l of lists) {
      const items = sliceItems(l);
      if (items === undefined) throw new GoFuncError(`Cannot concat type ${goKindOf(l as GoValue)} as list`);
      out.push(...items);
    }
    // Sprig appends to a nil slice, which stays nil when there was nothing to append.
    return out.length === 0 ? GoList.nil() : listOf(out);
  },
};

const list: GoFuncSpec = {
  params: [],
  variadic: 'interface {}',
  result: '[]interface {}',
  call: (_ctx, ...vs) => new GoList(vs as GoValue[]),
};

/** The list family, with the `must*` twins. */
export const listFuncs: Readonly<Record<string, GoFuncSpec>> = {
  list,
  tuple: list,
  ...both('append', push),
  ...both('push', push),
  ...both('prepend', prepend),
  ...both('first', first),
  ...both('last', last),
  ...both('rest', rest),
  ...both('initial', initial),
  ...both('reverse', reverse),
  ...both('uniq', uniq),
  ...both('without', without),
  ...both('has', has),
  ...both('slice', slice),
  ...both('chunk', chunk),
  ...both('compact', compact),
  concat,
};
