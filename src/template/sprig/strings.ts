/**
 * Sprig's string functions (helm-render-spec.md §11.2). Byte-wise where Go is byte-wise (`trunc`, `substr`,
 * `abbrev`, `wrap`, `nospace`, `initials`), rune-wise with Go's simple case mappings elsewhere. The random
 * generators (`randAlpha`…) and hashes belong to other families.
 */
import { byteWise } from '../../values/go-string.js';
import { GoFuncError, type GoFuncSpec, type GoValue } from '../../values/model.js';
import { formatValue, goQuote } from '../fmt.js';
import { toGoString } from './cast.js';
import { abbreviateFull, deleteWhiteSpace, initials, swapCase, uncapitalize, wrapCustom } from './goutils.js';
import {
  fromUtf8,
  isDigit,
  isLetter,
  isSpace,
  mapRunes,
  runes,
  toLowerRune,
  toTitleRune,
  toUpperRune,
  utf8,
} from './unicode.js';
import { toKebabCase, toPascalCase, toSnakeCase } from './xstrings.js';

/** Go's panic for slicing a string outside its bounds, e.g. `slice bounds out of range [10:3]`. */
function sliceBounds(start: number, end: number, len: number): GoFuncError {
  if (end > len)
    return new GoFuncError(`runtime error: slice bounds out of range [:${end}] with length ${len}`);
  if (start > len && end === len) {
    return new GoFuncError(`runtime error: slice bounds out of range [${start}:${len}]`);
  }
  return new GoFuncError(`runtime error: slice bounds out of range [${start}:${end}]`);
}

/** `s[start:end]` on the UTF-8 bytes with Go's bounds checks (`end` defaults to the length). */
function byteSlice(s: string, start: number, end?: number): string {
  const b = utf8(s);
  const e = end ?? b.length;
  if (e < 0) throw new GoFuncError(`runtime error: slice bounds out of range [:${e}]`);
  if (start < 0) throw new GoFuncError(`runtime error: slice bounds out of range [${start}:]`);
  if (e > b.length || start > e) throw sliceBounds(start, e, b.length);
  return fromUtf8(b.subarray(start, e));
}

/** Sprig's `substring`: `start < 0` → `s[:end]`; `end < 0` or past the end → `s[start:]`; else `s[start:end]`. */
function substr(start: number, end: number, s: string): string {
  if (start < 0) return byteSlice(s, 0, end);
  if (end < 0 || end > utf8(s).length) return byteSlice(s, start);
  return byteSlice(s, start, end);
}

/** Sprig's `trunc`: the first `c` bytes, or for a negative `c` the last `-c` bytes. */
function trunc(c: number, s: string): string {
  const b = utf8(s);
  if (c < 0 && b.length + c > 0) return fromUtf8(b.subarray(b.length + c));
  if (c >= 0 && b.length > c) return fromUtf8(b.subarray(0, c));
  return s;
}

/** Go's `strings.Repeat`, with its panics. */
function repeat(count: number, s: string): string {
  if (count < 0) throw new GoFuncError('strings: negative Repeat count');
  // Go panics only past its int range; a JavaScript string gives up far earlier, so fail the same way there.
  if (s.length * count > 0x1fffffe8) throw new GoFuncError('strings: Repeat output length overflow');
  return s.repeat(count);
}

/** Go's `strings.Title` word-boundary rule. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    const c = String.fromCharCode(r);
    return !/[0-9a-zA-Z_]/.test(c);
  }
  if (isLetter(r) || isDigit(r)) return false;
  return isSpace(r);
}

/** Go's `strings.Title`: the first letter of each word in title case, the rest untouched. */
function title(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const out = isSeparator(prev) ? toTitleRune(r) : r;
    prev = r;
    return out;
  });
}

/** Go's `strings.Trim(s, cutset)`: strips runes of `cutset` from both ends. */
function trimCutset(s: string, cutset: string): string {
  const cut = new Set(runes(cutset));
  const rs = [...s];
  let i = 0;
  let j = rs.length;
  while (i < j && cut.has(rs[i]?.codePointAt(0) ?? -1)) i++;
  while (j > i && cut.has(rs[j - 1]?.codePointAt(0) ?? -1)) j--;
  return rs.slice(i, j).join('');
}

/** Go's `strings.TrimSpace`: Unicode whitespace at both ends. */
function trimSpace(s: string): string {
  const rs = [...s];
  let i = 0;
  let j = rs.length;
  while (i < j && isSpace(rs[i]?.codePointAt(0) ?? 0)) i++;
  while (j > i && isSpace(rs[j - 1]?.codePointAt(0) ?? 0)) j--;
  return rs.slice(i, j).join('');
}

/** Go's `strings.Replace(s, old, new, -1)`: an empty `old` matches before every rune and at the end. */
function replaceAll(s: string, old: string, replacement: string): string {
  if (old === '') return replacement + [...s].map((ch) => ch + replacement).join('');
  return byteWise([s, old, replacement], ([str = '', o = '', r = ''], back) => back(str.split(o).join(r)));
}

function indent(n: number, s: string): string {
  const pad = repeat(n, ' ');
  return pad + s.replaceAll('\n', `\n${pad}`);
}

const str1 = (f: (s: string) => string): GoFuncSpec => ({
  params: ['string'],
  result: 'string',
  passThrough: 'first',
  call: (_ctx, s) => f(s as string),
});

const isNil = (v: unknown): boolean => v === null || v === undefined;

/** The string family. */
/** `trimAll CUTSET S`: strips every rune of the cutset from both ends of S. */
const TRIM_ALL: GoFuncSpec = {
  params: ['string', 'string'],
  result: 'string',
  passThrough: 'last',
  call: (_ctx, cutset, s) => trimCutset(s as string, cutset as string),
};

export const stringFuncs: Readonly<Record<string, GoFuncSpec>> = {
  hello: { params: [], result: 'string', call: () => 'Hello!' },
  abbrev: {
    params: ['int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, width, s) =>
      (width as number) < 4 ? (s as string) : (abbreviateFull(s as string, 0, width as number) ?? ''),
  },
  abbrevboth: {
    params: ['int', 'int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, left, right, s) => {
      const [l, r] = [left as number, right as number];
      if (r < 4 || (l > 0 && r < 7)) return s;
      return abbreviateFull(s as string, l, r) ?? '';
    },
  },
  trunc: {
    params: ['int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, c, s) => trunc(c as number, s as string),
  },
  trim: str1(trimSpace),
  upper: str1((s) => mapRunes(s, toUpperRune)),
  lower: str1((s) => mapRunes(s, toLowerRune)),
  title: str1(title),
  untitle: str1(uncapitalize),
  substr: {
    params: ['int', 'int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, start, end, s) => substr(start as number, end as number, s as string),
  },
  repeat: {
    params: ['int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, n, s) => repeat(n as number, s as string),
  },
  // Sprig registers the same function under both spellings.
  trimall: TRIM_ALL,
  trimAll: TRIM_ALL,
  trimSuffix: {
    params: ['string', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, suffix, s) => {
      return byteWise([suffix as string, s as string], ([x = '', str = ''], back) =>
        x !== '' && str.endsWith(x) ? back(str.slice(0, str.length - x.length)) : (s as string),
      );
    },
  },
  trimPrefix: {
    params: ['string', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, prefix, s) => {
      return byteWise([prefix as string, s as string], ([x = '', str = ''], back) =>
        str.startsWith(x) ? back(str.slice(x.length)) : (s as string),
      );
    },
  },
  nospace: str1(deleteWhiteSpace),
  initials: str1(initials),
  swapcase: str1(swapCase),
  snakecase: str1(toSnakeCase),
  camelcase: str1(toPascalCase),
  kebabcase: str1(toKebabCase),
  wrap: {
    params: ['int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, n, s) => wrapCustom(s as string, n as number, '', false),
  },
  wrapWith: {
    params: ['int', 'string', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, n, sep, s) => wrapCustom(s as string, n as number, sep as string, true),
  },
  contains: {
    params: ['string', 'string'],
    result: 'bool',
    call: (_ctx, sub, s) => byteWise([sub as string, s as string], ([x = '', str = '']) => str.includes(x)),
  },
  hasPrefix: {
    params: ['string', 'string'],
    result: 'bool',
    call: (_ctx, prefix, s) =>
      byteWise([prefix as string, s as string], ([x = '', str = '']) => str.startsWith(x)),
  },
  hasSuffix: {
    params: ['string', 'string'],
    result: 'bool',
    call: (_ctx, suffix, s) =>
      byteWise([suffix as string, s as string], ([x = '', str = '']) => str.endsWith(x)),
  },
  // nil arguments are dropped: `quote .Values.missing` prints nothing at all.
  quote: {
    params: [],
    variadic: 'interface {}',
    result: 'string',
    passThrough: 'any',
    call: (_ctx, ...vs) =>
      vs
        .filter((v) => !isNil(v))
        .map((v) => goQuote(toGoString(v as GoValue)))
        .join(' '),
  },
  squote: {
    params: [],
    variadic: 'interface {}',
    result: 'string',
    passThrough: 'any',
    call: (_ctx, ...vs) =>
      vs
        .filter((v) => !isNil(v))
        .map((v) => `'${formatValue(v as GoValue)}'`)
        .join(' '),
  },
  cat: {
    params: [],
    variadic: 'interface {}',
    result: 'string',
    passThrough: 'any',
    call: (_ctx, ...vs) =>
      vs
        .filter((v) => !isNil(v))
        .map((v) => formatValue(v as GoValue))
        .join(' '),
  },
  indent: {
    params: ['int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, n, s) => indent(n as number, s as string),
  },
  nindent: {
    params: ['int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, n, s) => `\n${indent(n as number, s as string)}`,
  },
  replace: {
    params: ['string', 'string', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_ctx, old, replacement, s) => replaceAll(s as string, old as string, replacement as string),
  },
  plural: {
    params: ['string', 'string', 'int'],
    result: 'string',
    call: (_ctx, one, many, n) => ((n as number) === 1 ? one : many),
  },
};
