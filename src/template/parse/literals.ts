/**
 * Go's literal parsing as text/template's parser uses it: `strconv.Unquote`, `strconv.UnquoteChar`,
 * `strconv.ParseInt`/`ParseUint` with base 0 and `strconv.ParseFloat`, including Go's underscore rules.
 * Each returns `undefined` where Go returns an error.
 */
import { goString } from '../../values/go-string.js';

const MAX_UINT64 = (1n << 64n) - 1n;
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

function lower(c: string | undefined): string {
  return (c ?? '').toLowerCase();
}

/** Go's `underscoreOK`: underscores only between digits, or between a base prefix and a digit. */
export function underscoreOK(text: string): boolean {
  let s = text;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0'; // The base prefix counts as a digit for the separator rule.
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
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

/** `strconv.ParseUint(s, 0, 64)`. */
export function parseUint(text: string): bigint | undefined {
  if (text === '') return undefined;
  let s = text;
  let base = 10n;
  if (s[0] === '0') {
    const p = lower(s[1]);
    if (s.length >= 3 && p === 'b') [base, s] = [2n, s.slice(2)];
    else if (s.length >= 3 && p === 'o') [base, s] = [8n, s.slice(2)];
    else if (s.length >= 3 && p === 'x') [base, s] = [16n, s.slice(2)];
    else [base, s] = [8n, s.slice(1)];
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d === undefined || BigInt(d) >= base) return undefined;
    n = n * base + BigInt(d);
    if (n > MAX_UINT64) return undefined;
  }
  if (underscores && !underscoreOK(text)) return undefined;
  return n;
}

/** `strconv.ParseInt(s, 0, 64)`. */
export function parseInt64(text: string): bigint | undefined {
  if (text === '') return undefined;
  let s = text;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  const un = parseUint(s);
  if (un === undefined) return undefined;
  const v = neg ? -un : un;
  if (v < MIN_INT64 || v > MAX_INT64) return undefined;
  return v;
}

function digitValue(c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return undefined;
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9][0-9_]*)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9][0-9_]*)$/;

/** `strconv.ParseFloat(s, 64)` for the forms the template lexer can produce (no `inf`/`nan`). */
export function parseFloat64(text: string): number | undefined {
  if (text.includes('_') && !underscoreOK(text)) return undefined;
  const clean = text.replaceAll('_', '');
  let value: number;
  const hex = HEX_FLOAT.exec(clean);
  if (hex) {
    const [, sign, intPart = '', fracPart = '', exp = '0'] = hex;
    if (intPart === '' && fracPart === '') return undefined;
    const mantissa = BigInt(`0x${intPart}${fracPart}` === '0x' ? '0' : `0x${intPart}${fracPart}`);
    const e = Number(exp) - 4 * fracPart.length;
    value = Number(mantissa) * 2 ** e;
    if (sign === '-') value = -value;
  } else if (DECIMAL_FLOAT.test(clean) && /[0-9]/.test(clean.split(/[eE]/)[0] ?? '')) {
    value = Number(clean);
  } else {
    return undefined;
  }
  // Go reports a range error for finite literals that overflow float64.
  if (!Number.isFinite(value)) return undefined;
  return value;
}

/** The result of {@link unquoteChar}: the code point or byte, and the rest of the input. */
interface UnquotedChar {
  /** A code point, or a raw byte value when `isByte` (from `\x` or octal escapes). */
  value: number;
  isByte: boolean;
  tail: string;
}

/** `strconv.UnquoteChar(s, quote)`; `undefined` for Go's `invalid syntax`. */
export function unquoteChar(s: string, quote: string): UnquotedChar | undefined {
  const c = s[0];
  if (c === undefined) return undefined;
  if (c === quote && (quote === "'" || quote === '"')) return undefined;
  if (c !== '\\') {
    const cp = s.codePointAt(0) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    return { value: cp, isByte: false, tail: s.slice(len) };
  }
  const e = s[1];
  if (e === undefined) return undefined;
  const rest = s.slice(2);
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (e in simple) return { value: simple[e] ?? 0, isByte: false, tail: rest };
  switch (e) {
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      if (rest.length < n) return undefined;
      const digits = rest.slice(0, n);
      if (!/^[0-9a-fA-F]+$/.test(digits)) return undefined;
      const v = parseInt(digits, 16);
      if (e === 'x') return { value: v, isByte: true, tail: rest.slice(n) };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      return { value: v, isByte: false, tail: rest.slice(n) };
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      const digits = s.slice(1, 4);
      if (!/^[0-7]{3}$/.test(digits)) return undefined;
      const v = parseInt(digits, 8);
      if (v > 255) return undefined;
      return { value: v, isByte: true, tail: s.slice(4) };
    }
    case "'":
    case '"':
      if (e !== quote) return undefined;
      return { value: e.charCodeAt(0), isByte: false, tail: rest };
  }
  return undefined;
}

/** `strconv.Unquote` of a double-quoted or back-quoted literal; `undefined` for `invalid syntax`. */
export function unquote(quoted: string): string | undefined {
  const q = quoted[0];
  if (quoted.length < 2 || quoted[quoted.length - 1] !== q) return undefined;
  const body = quoted.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) return undefined;
    return body.replaceAll('\r', '');
  }
  if (q !== '"') return undefined;
  if (!body.includes('\\') && !body.includes('"')) return body.includes('\n') ? undefined : body;
  // Escapes may produce raw bytes (\xNN, \NNN), so assemble UTF-8 and decode once at the end.
  const bytes: number[] = [];
  let s = body;
  while (s.length > 0) {
    const r = unquoteChar(s, '"');
    if (!r) return undefined;
    if (r.isByte) bytes.push(r.value);
    else for (const b of Buffer.from(String.fromCodePoint(r.value), 'utf8')) bytes.push(b);
    s = r.tail;
  }
  // `"\xff"` is a one-byte string that is not UTF-8: goString keeps the byte.
  return goString(Uint8Array.from(bytes));
}
