/**
 * The conversions Sprig uses everywhere: spf13/cast v1.7.0 `ToInt64`/`ToInt`/`ToFloat64` (errors silently give
 * 0), Sprig's `strval` (`toString`), and the strconv parsers they rest on (helm-render-spec.md §11 intro).
 */
import { GoBytes, GoInt, GoObject, type GoValue } from '../../values/model.js';
import { formatValue } from '../fmt.js';
import { fromUtf8 } from './unicode.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Why a strconv parse failed: Go's `ErrSyntax` or `ErrRange`. */
export type ParseFailure = 'syntax' | 'range';

/** The result of a strconv-style integer parse: the value Go returns, and its error when there is one. */
export interface IntParse {
  value: bigint;
  error?: ParseFailure;
}

/** Go's `underscoreOK`: underscores only between digits (or right after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.startsWith('+') || s.startsWith('-')) s = s.slice(1);
  let hex = false;
  const p = s[1]?.toLowerCase();
  if (s.length >= 2 && s[0] === '0' && (p === 'b' || p === 'o' || p === 'x')) {
    i = 2;
    saw = '0';
    hex = p === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && c.toLowerCase() >= 'a' && c.toLowerCase() <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

function digitValue(c: string): number {
  const d = c.toLowerCase().charCodeAt(0);
  if (d >= 0x30 && d <= 0x39) return d - 0x30;
  if (d >= 0x61 && d <= 0x7a) return d - 0x61 + 10;
  return 99;
}

/** Go's `strconv.ParseUint(s, base, 64)` for base 0 (prefixes and underscores) or an explicit base. */
function parseUint(s0: string, base: number): IntParse {
  if (s0 === '') return { value: 0n, error: 'syntax' };
  let s = s0;
  const base0 = base === 0;
  if (base0) {
    base = 10;
    if (s[0] === '0') {
      const p = s[1]?.toLowerCase();
      if (s.length >= 3 && p === 'b') [base, s] = [2, s.slice(2)];
      else if (s.length >= 3 && p === 'o') [base, s] = [8, s.slice(2)];
      else if (s.length >= 3 && p === 'x') [base, s] = [16, s.slice(2)];
      else [base, s] = [8, s.slice(1)];
    }
  }
  const max = (1n << 64n) - 1n;
  let n = 0n;
  let underscores = false;
  let overflow = false;
  for (const c of s) {
    if (c === '_' && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return { value: 0n, error: 'syntax' };
    n = n * BigInt(base) + BigInt(d);
    if (n > max) overflow = true;
  }
  if (underscores && !underscoreOK(s0)) return { value: 0n, error: 'syntax' };
  if (overflow) return { value: max, error: 'range' };
  return { value: n };
}

/** Go's `strconv.ParseInt(s, base, 64)`; on a range error the value is clamped, as Go returns it. */
export function parseInt64(s: string, base: number): IntParse {
  if (s === '') return { value: 0n, error: 'syntax' };
  const neg = s[0] === '-';
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const u = parseUint(body, base);
  if (u.error === 'syntax') return { value: 0n, error: 'syntax' };
  if (u.error === 'range') return { value: neg ? INT64_MIN : INT64_MAX, error: 'range' };
  if (!neg && u.value > INT64_MAX) return { value: INT64_MAX, error: 'range' };
  if (neg && u.value > -INT64_MIN) return { value: INT64_MIN, error: 'range' };
  return { value: neg ? -u.value : u.value };
}

/** Go's `strconv.Atoi` (base 10, no underscores); the value is what Go returns even with an error. */
export function atoi(s: string): IntParse {
  return parseInt64(s, 10);
}

// Go's float literal syntax (decimal, or hexadecimal with a mandatory p exponent), underscores checked apart.
const DEC_FLOAT = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]((?:[0-9a-fA-F_]+\.?[0-9a-fA-F_]*|\.[0-9a-fA-F_]+))[pP]([+-]?[0-9_]+)$/;

function hexFloat(m: RegExpExecArray): number {
  const [, sign, mant = '', exp = ''] = m;
  const [intPart = '', fracPart = ''] = mant.replace(/_/g, '').split('.');
  let v = 0;
  for (const c of intPart + fracPart) v = v * 16 + digitValue(c);
  const e = Number(exp.replace(/_/g, '')) - 4 * fracPart.length;
  const r = v * 2 ** e;
  return sign === '-' ? -r : r;
}

/** Go's `strconv.ParseFloat(s, 64)`: `undefined` on a syntax or range error. */
export function parseFloat64(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return special[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  const hex = HEX_FLOAT.exec(s);
  let v: number;
  if (hex) {
    if (!underscoreOK(s)) return undefined;
    v = hexFloat(hex);
  } else {
    if (!DEC_FLOAT.test(s) || !/[0-9]/.test(s.replace(/[eE].*$/, ''))) return undefined;
    if (s.includes('_') && !underscoreOK(s)) return undefined;
    v = Number(s.replace(/_/g, ''));
  }
  return Number.isFinite(v) ? v : undefined;
}

/** cast's `trimZeroDecimal`: `"1.0"` → `"1"`, `"1.5"` and `"1."` unchanged. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/**
 * Go's `int64(f)` on amd64: truncation toward zero; NaN and values outside the int64 range give the "integer
 * indefinite" value −2⁶³ (`int64 1e20` prints `-9223372036854775808` in Helm).
 */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= 2 ** 63 || f < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** Wraps a mathematical integer to int64 as Go's two's-complement arithmetic does. */
export const wrapInt64 = (n: bigint): bigint => BigInt.asIntN(64, n);

/** cast.ToInt64 (and ToInt: `int` is 64-bit in Helm's builds). Anything cast cannot convert gives 0. */
export function toInt64(v: GoValue | undefined): bigint {
  if (v === undefined || v === null) return 0n;
  if (v instanceof GoInt) return wrapInt64(v.value);
  switch (typeof v) {
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string': {
      const r = parseInt64(trimZeroDecimal(v), 0);
      return r.error ? 0n : r.value;
    }
  }
  return 0n;
}

/** cast.ToFloat64. Anything cast cannot convert gives 0. */
export function toFloat64(v: GoValue | undefined): number {
  if (v === undefined || v === null) return 0;
  if (v instanceof GoInt) return Number(v.value);
  switch (typeof v) {
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return parseFloat64(v) ?? 0;
  }
  return 0;
}

/**
 * Sprig's `strval` (the `toString` function): strings as they are, `[]byte` as text, values with a `String()`
 * method through it, everything else as Go's `%v`.
 */
export function toGoString(v: GoValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoBytes) return fromUtf8(v.bytes);
  if (v instanceof GoObject && !v.stringerNeedsPointer) {
    const s = v.stringer();
    if (s !== undefined) return s;
  }
  // `%v` of a nil interface is `<nil>`; an argument never arrives as "no value" for an `interface {}` parameter.
  return formatValue(v ?? null);
}
