/**
 * Go text/template's builtin functions that stay visible in Helm (helm-render-spec.md §8.6, §8.7): `and or not len
 * index print printf println html js urlquery call eq ne lt le gt ge`. Sprig's `slice` replaces Go's, so it is not
 * here. `and`/`or` are short-circuited by the executor; their `call` is the plain (all arguments evaluated) form.
 */
import {
  GoBytes,
  GoFuncError,
  GoInt,
  GoList,
  GoMap,
  GoObject,
  goTypeOf,
  type GoFuncSpec,
  type GoValue,
} from '../values/model.js';
import { escapedByte, goByteLength, goBytes } from '../values/go-string.js';
import { formatValue, isPrint, sprint, sprintf, sprintln } from './fmt.js';
import { listElem, mapElem } from './exec/state.js';
import {
  concrete,
  GoComplex,
  indirectInterface,
  indirectTypeName,
  isTrue,
  listOf,
  mapElemZeroOf,
  mapOf,
  type ReflectValue,
} from './exec/value.js';

const RV = 'reflect.Value';

/** Basic kinds of Go's comparison functions. */
type Kind = 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'invalid';

function kindOf(v: GoValue | undefined): Kind {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
  }
  if (v instanceof GoInt) return v.type.startsWith('u') ? 'uint' : 'int';
  if (v instanceof GoComplex) return 'complex';
  return 'invalid';
}

const errBadComparisonType = 'invalid type for comparison';
const errNoComparison = 'missing argument for comparison';

function intOf(v: GoValue | undefined): bigint {
  return v instanceof GoInt ? v.value : 0n;
}

/** Go's `eq`: arg1 == arg2 || arg1 == arg3 …, with Go's kind rules and errors. */
function eq(arg1: ReflectValue, ...rest: ReflectValue[]): boolean {
  const a = indirectInterface(arg1).v;
  if (rest.length === 0) throw new GoFuncError(errNoComparison);
  const k1 = kindOf(a);
  for (const r of rest) {
    const b = indirectInterface(r).v;
    const k2 = kindOf(b);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = intOf(a) >= 0n && intOf(a) === intOf(b);
      else if (k1 === 'uint' && k2 === 'int') truth = intOf(b) >= 0n && intOf(a) === intOf(b);
      else if (a !== undefined && a !== null && b !== undefined && b !== null) {
        throw new GoFuncError(`incompatible types for comparison: ${goTypeOf(a)} and ${goTypeOf(b)}`);
      }
    } else {
      switch (k1) {
        case 'bool':
        case 'float':
        case 'string':
          truth = a === b;
          break;
        case 'int':
        case 'uint':
          truth = intOf(a) === intOf(b);
          break;
        case 'complex':
          truth = (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
          break;
        default:
          truth = eqNonBasic(a, b);
      }
    }
    if (truth) return true;
  }
  return false;
}

/** Equality of values that are not of a basic kind: nils, pointers (identity), non-comparable containers. */
function eqNonBasic(a: GoValue | undefined, b: GoValue | undefined): boolean {
  const aNil = a === undefined || a === null;
  const bNil = b === undefined || b === null;
  if (aNil || bNil) return aNil === bNil;
  if (goTypeOf(a) !== goTypeOf(b)) {
    throw new GoFuncError(
      `non-comparable types ${sprintf('%s', [a])}: ${goTypeOf(a)}, ${goTypeOf(b)}: ${formatValue(b)}`,
    );
  }
  if (a instanceof GoMap || a instanceof GoList || a instanceof GoBytes) {
    throw new GoFuncError(`non-comparable type ${sprintf('%s', [b])}: ${goTypeOf(b)}`);
  }
  return a === b;
}

/** Go's `lt`, the base of `le`, `gt` and `ge`. */
function lt(arg1: ReflectValue, arg2: ReflectValue): boolean {
  const a = indirectInterface(arg1).v;
  const k1 = kindOf(a);
  if (k1 === 'invalid') throw new GoFuncError(errBadComparisonType);
  const b = indirectInterface(arg2).v;
  const k2 = kindOf(b);
  if (k2 === 'invalid') throw new GoFuncError(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return intOf(a) < 0n || intOf(a) < intOf(b);
    if (k1 === 'uint' && k2 === 'int') return intOf(b) >= 0n && intOf(a) < intOf(b);
    throw new GoFuncError(`incompatible types for comparison: ${goTypeOf(a)} and ${goTypeOf(b)}`);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new GoFuncError(errBadComparisonType);
    case 'float':
      return (a as number) < (b as number);
    case 'string':
      return Buffer.compare(goBytes(a as string), goBytes(b as string)) < 0;
    default:
      return intOf(a) < intOf(b);
  }
}

function le(a: ReflectValue, b: ReflectValue): boolean {
  return lt(a, b) || eq(a, b);
}

/** Go's `indirect`: true when the value is a nil interface or nil pointer. */
function isNilRef(x: ReflectValue): boolean {
  return (x.v === null && x.iface) || (x.v instanceof GoObject && x.v.isNilPointer());
}

/** Go's `len`. */
function length(item: ReflectValue): number {
  if (isNilRef(item)) throw new GoFuncError('len of nil pointer');
  const v = item.v;
  if (v === undefined) throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof v === 'string') return goByteLength(v);
  if (v instanceof GoList) return v.items.length;
  if (v instanceof GoMap) return v.entries.size;
  if (v instanceof GoBytes) return v.bytes.length;
  if (v instanceof GoObject) {
    const m = mapOf(v);
    if (m) return m.entries.size;
    const l = listOf(v);
    if (l) return l.items.length;
  }
  throw new GoFuncError(`len of type ${indirectTypeName(v)}`);
}

/** Go's `indexArg`: an integer index within `[0, cap]`. */
function indexArg(index: ReflectValue, cap: number): number {
  const v = index.v;
  if (v === undefined || v === null) throw new GoFuncError('cannot index slice/array with nil');
  if (!(v instanceof GoInt)) throw new GoFuncError(`cannot index slice/array with type ${goTypeOf(v)}`);
  const x = v.type.startsWith('u') ? BigInt.asIntN(64, v.value) : v.value;
  if (x < 0n || x > BigInt(cap)) throw new GoFuncError(`index out of range: ${x}`);
  return Number(x);
}

/** Go's `index`: nested indexing of slices, strings and maps. */
function index(item: ReflectValue, ...indexes: ReflectValue[]): ReflectValue {
  let cur = indirectInterface(item);
  if (cur.v === undefined) throw new GoFuncError('index of untyped nil');
  for (const raw of indexes) {
    const ix = indirectInterface(raw);
    if (isNilRef(cur) || cur.v === null) throw new GoFuncError('index of nil pointer');
    const v = cur.v;
    const list = v instanceof GoList ? v : v instanceof GoObject ? listOf(v) : undefined;
    if (list) {
      const x = indexArg(ix, list.items.length);
      if (x === list.items.length) throw new GoFuncError('reflect: slice index out of range');
      cur = listElem(list, x);
    } else if (typeof v === 'string' || v instanceof GoBytes) {
      const bytes = typeof v === 'string' ? goBytes(v) : v.bytes;
      const x = indexArg(ix, bytes.length);
      if (x === bytes.length) {
        throw new GoFuncError(`reflect: ${typeof v === 'string' ? 'string' : 'slice'} index out of range`);
      }
      cur = concrete(new GoInt(BigInt(bytes[x] ?? 0), 'uint8'));
    } else {
      const m = v instanceof GoMap ? v : v instanceof GoObject ? mapOf(v) : undefined;
      if (!m) throw new GoFuncError(`can't index item of type ${goTypeOf(v)}`);
      const key = ix.v;
      if (key === undefined) throw new GoFuncError('value is nil; should be of type string');
      if (typeof key !== 'string') throw new GoFuncError(`value has type ${goTypeOf(key)}; should be string`);
      const x = m.get(key);
      const zero = v instanceof GoObject ? mapElemZeroOf(v) : undefined;
      if (zero !== undefined) cur = concrete(x ?? zero);
      else if (x !== undefined) cur = mapElem(m, key, x);
      else cur = m.type === 'map[string]string' ? concrete('') : { v: null, iface: true };
    }
  }
  return cur;
}

/** Go's `evalArgs` for html/js/urlquery: a lone string as is, else `fmt.Sprint` with `<no value>` for nil. */
function evalArgs(args: readonly (GoValue | null)[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null ? '<no value>' : a)));
}

/** Go's `HTMLEscapeString`. */
export function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\0]/g, (c) => HTML_ESCAPES[c] ?? c);
}
const HTML_ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&#39;',
  '"': '&#34;',
  '\0': '\uFFFD',
};

/** Go's `JSEscapeString`. */
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (cp < 0x20) out += `\\u00${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    // An invalid byte decodes to U+FFFD, which is printable: Go copies the byte through.
    else if (cp < 0x80 || isPrint(cp) || escapedByte(cp) >= 0) out += ch;
    else out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** Go's `url.QueryEscape`. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of goBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const fn = (spec: GoFuncSpec): GoFuncSpec => Object.freeze(spec);

/** Go's builtins as Helm exposes them, by name. */
export const builtinFuncs: Readonly<Record<string, GoFuncSpec>> = Object.freeze({
  and: fn({
    params: [RV],
    variadic: RV,
    result: RV,
    call: (_ctx, first, ...rest) => {
      let v = first as ReflectValue;
      for (const x of [first, ...rest] as ReflectValue[]) {
        v = x;
        if (!isTrue(indirectInterface(x).v)) return x;
      }
      return v;
    },
  }),
  or: fn({
    params: [RV],
    variadic: RV,
    result: RV,
    call: (_ctx, first, ...rest) => {
      let v = first as ReflectValue;
      for (const x of [first, ...rest] as ReflectValue[]) {
        v = x;
        if (isTrue(indirectInterface(x).v)) return x;
      }
      return v;
    },
  }),
  not: fn({
    params: [RV],
    result: 'bool',
    call: (_ctx, a) => !isTrue(indirectInterface(a as ReflectValue).v),
  }),
  len: fn({ params: [RV], result: 'int', call: (_ctx, a) => length(a as ReflectValue) }),
  index: fn({
    params: [RV],
    variadic: RV,
    result: RV,
    call: (_ctx, item, ...ix) => index(item as ReflectValue, ...(ix as ReflectValue[])),
  }),
  print: fn({
    params: [],
    variadic: 'interface {}',
    result: 'string',
    passThrough: 'any',
    call: (_ctx, ...args) => sprint(args as GoValue[]),
  }),
  printf: fn({
    params: ['string'],
    variadic: 'interface {}',
    result: 'string',
    passThrough: 'last',
    call: (_ctx, format, ...args) => sprintf(format as string, args as GoValue[]),
  }),
  println: fn({
    params: [],
    variadic: 'interface {}',
    result: 'string',
    call: (_ctx, ...args) => sprintln(args as GoValue[]),
  }),
  html: fn({
    params: [],
    variadic: 'interface {}',
    result: 'string',
    call: (_ctx, ...args) => htmlEscape(evalArgs(args as GoValue[])),
  }),
  js: fn({
    params: [],
    variadic: 'interface {}',
    result: 'string',
    call: (_ctx, ...args) => jsEscape(evalArgs(args as GoValue[])),
  }),
  urlquery: fn({
    params: [],
    variadic: 'interface {}',
    result: 'string',
    call: (_ctx, ...args) => queryEscape(evalArgs(args as GoValue[])),
  }),
  call: fn({
    params: [RV],
    variadic: RV,
    result: RV,
    // The executor passes the callee's text before the arguments, as Go does.
    call: (_ctx, callee, f): ReflectValue => {
      // Templates have no function values, so every callee is nil or of another kind.
      const v = indirectInterface(f as ReflectValue).v;
      if (v === undefined) throw new GoFuncError('call of nil');
      throw new GoFuncError(`non-function ${callee as string} of type ${goTypeOf(v)}`);
    },
  }),
  eq: fn({
    params: [RV],
    variadic: RV,
    result: 'bool',
    call: (_ctx, a, ...rest) => eq(a as ReflectValue, ...(rest as ReflectValue[])),
  }),
  ne: fn({
    params: [RV, RV],
    result: 'bool',
    call: (_ctx, a, b) => !eq(a as ReflectValue, b as ReflectValue),
  }),
  lt: fn({
    params: [RV, RV],
    result: 'bool',
    call: (_ctx, a, b) => lt(a as ReflectValue, b as ReflectValue),
  }),
  le: fn({
    params: [RV, RV],
    result: 'bool',
    call: (_ctx, a, b) => le(a as ReflectValue, b as ReflectValue),
  }),
  gt: fn({
    params: [RV, RV],
    result: 'bool',
    call: (_ctx, a, b) => !le(a as ReflectValue, b as ReflectValue),
  }),
  ge: fn({
    params: [RV, RV],
    result: 'bool',
    call: (_ctx, a, b) => !lt(a as ReflectValue, b as ReflectValue),
  }),
});

/** Names of {@link builtinFuncs}. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(Object.keys(builtinFuncs));
