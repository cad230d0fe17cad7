/**
 * Sprig's string-list functions (helm-render-spec.md §11.3): `splitList`, `split`, `splitn`, `join`,
 * `toStrings`, `sortAlpha`.
 */
import { byteWise } from '../../values/go-string.js';
import { GoBytes, GoList, GoMap, compareBytes, type GoFuncSpec, type GoValue } from '../../values/model.js';
import { toGoString } from './cast.js';
import { sliceItems } from './lists.js';

/**
 * Go's `strings.SplitN`: `n < 0` splits everywhere, `n == 0` gives nothing, and an empty separator splits
 * after each UTF-8 sequence (rune).
 */
export function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = [...s];
    if (n < 0 || n >= rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join('')];
  }
  return byteWise([s, sep], ([str = '', x = ''], back) => {
    const parts: string[] = [];
    let rest = str;
    while (n < 0 || parts.length < n - 1) {
      const i = rest.indexOf(x);
      if (i < 0) break;
      parts.push(back(rest.slice(0, i)));
      rest = rest.slice(i + x.length);
    }
    parts.push(back(rest));
    return parts;
  });
}

/** Sprig's `split`/`splitn` result: a `map[string]string` keyed `_0`, `_1`, … */
function indexedMap(parts: readonly string[]): GoMap {
  const m = new GoMap(new Map(), 'map[string]string');
  parts.forEach((p, i) => m.set(`_${i}`, p));
  return m;
}

/**
 * Sprig's `strslice` (`toStrings`): a `[]string` is returned as it is (the same list), other slices have their
 * non-nil elements converted with `toString`, nil gives an empty list and any other value a one-element list.
 */
export function toStringList(v: GoValue | undefined): GoList {
  if (v instanceof GoList && v.type === '[]string') return v;
  if (v === undefined || v === null) return new GoList([], '[]string');
  const items = sliceItems(v);
  if (items === undefined) return new GoList([toGoString(v)], '[]string');
  return new GoList(
    items.filter((i) => i.value !== null).map((i) => toGoString(i.value)),
    '[]string',
  );
}

/** The string-list family. */
export const stringListFuncs: Readonly<Record<string, GoFuncSpec>> = {
  splitList: {
    params: ['string', 'string'],
    result: '[]string',
    call: (_ctx, sep, s) => new GoList(goSplitN(s as string, sep as string, -1), '[]string'),
  },
  split: {
    params: ['string', 'string'],
    result: 'map[string]string',
    call: (_ctx, sep, s) => indexedMap(goSplitN(s as string, sep as string, -1)),
  },
  splitn: {
    params: ['string', 'int', 'string'],
    result: 'map[string]string',
    call: (_ctx, sep, n, s) => indexedMap(goSplitN(s as string, sep as string, n as number)),
  },
  join: {
    params: ['string', 'interface {}'],
    result: 'string',
    call: (_ctx, sep, v) => (toStringList(v as GoValue).items as string[]).join(sep as string),
  },
  toStrings: {
    params: ['interface {}'],
    result: '[]string',
    call: (_ctx, v) => toStringList(v as GoValue),
  },
  sortAlpha: {
    params: ['interface {}'],
    result: '[]string',
    call: (_ctx, v) => {
      const list = v as GoValue;
      if (!(list instanceof GoList || list instanceof GoBytes))
        return new GoList([toGoString(list)], '[]string');
      // Sorted in place: for a `[]string` argument Sprig sorts the caller's own list.
      const out = toStringList(list);
      (out.items as string[]).sort(compareBytes);
      out.origins = undefined;
      return out;
    },
  },
};
