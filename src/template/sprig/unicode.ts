/**
 * Go's `unicode` predicates and simple (one rune → one rune) case mappings, plus UTF-8 byte helpers.
 *
 * JavaScript's `toUpperCase`/`toLowerCase` apply *full* case mappings (`ß` → `SS`) and context rules (final
 * sigma); Go maps each rune on its own with the simple mapping, so every function here works per code point.
 */
import { goBytes, goString } from '../../values/go-string.js';

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const TITLE = /^\p{Lt}$/u;
const LETTER = /^\p{L}$/u;
const PUNCT = /^\p{P}$/u;
const NUMBER = /^\p{N}$/u;
const DIGIT = /^\p{Nd}$/u;
// Go's unicode.IsSpace is exactly the Unicode White_Space property (JavaScript's \s adds U+FEFF).
const SPACE = /^\p{White_Space}$/u;

/** Go's `utf8.RuneError`; a real U+FFFD in the input decodes to it too. */
export const RUNE_ERROR = 0xfffd;

const test = (re: RegExp, r: number): boolean => r >= 0 && r <= 0x10ffff && re.test(String.fromCodePoint(r));

/** `unicode.IsUpper`. */
export const isUpper = (r: number): boolean => (r < 0x80 ? r >= 0x41 && r <= 0x5a : test(UPPER, r));
/** `unicode.IsLower`. */
export const isLower = (r: number): boolean => (r < 0x80 ? r >= 0x61 && r <= 0x7a : test(LOWER, r));
/** `unicode.IsTitle`. */
export const isTitle = (r: number): boolean => r >= 0x80 && test(TITLE, r);
/** `unicode.IsLetter`. */
export const isLetter = (r: number): boolean => test(LETTER, r);
/** `unicode.IsPunct`. */
export const isPunct = (r: number): boolean => test(PUNCT, r);
/** `unicode.IsNumber`. */
export const isNumber = (r: number): boolean => test(NUMBER, r);
/** `unicode.IsDigit`. */
export const isDigit = (r: number): boolean => test(DIGIT, r);
/** `unicode.IsSpace`. */
export const isSpace = (r: number): boolean =>
  r < 0x80 ? r === 0x20 || (r >= 0x09 && r <= 0x0d) : test(SPACE, r);

/** `unicode.ToUpper`: the simple uppercase mapping. */
export function toUpperRune(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  // Greek letters with ypogegrammeni: the simple mapping is the titlecase letter, the full one two runes.
  if (r >= 0x1f80 && r <= 0x1faf && (r & 0xf) < 8) return r + 8;
  if (r === 0x1fb3 || r === 0x1fc3 || r === 0x1ff3) return r + 9;
  const m = String.fromCodePoint(r).toUpperCase();
  const cp = m.codePointAt(0) ?? r;
  return m.length === String.fromCodePoint(cp).length ? cp : r;
}

/** `unicode.ToLower`: the simple lowercase mapping. */
export function toLowerRune(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69; // İ: full mapping is "i̇", the simple one plain i
  const m = String.fromCodePoint(r).toLowerCase();
  const cp = m.codePointAt(0) ?? r;
  return m.length === String.fromCodePoint(cp).length ? cp : r;
}

// Digraphs whose titlecase differs from their uppercase (DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz).
const TITLE_DIGRAPHS: ReadonlyMap<number, number> = new Map([
  [0x1c4, 0x1c5],
  [0x1c5, 0x1c5],
  [0x1c6, 0x1c5],
  [0x1c7, 0x1c8],
  [0x1c8, 0x1c8],
  [0x1c9, 0x1c8],
  [0x1ca, 0x1cb],
  [0x1cb, 0x1cb],
  [0x1cc, 0x1cb],
  [0x1f1, 0x1f2],
  [0x1f2, 0x1f2],
  [0x1f3, 0x1f2],
]);

/** `unicode.ToTitle`. */
export function toTitleRune(r: number): number {
  return TITLE_DIGRAPHS.get(r) ?? toUpperRune(r);
}

/** The rune Go decodes for one character of a string: a lone surrogate is an invalid byte, so `RuneError`. */
function goRune(ch: string): number {
  const cp = ch.codePointAt(0) ?? RUNE_ERROR;
  return cp >= 0xd800 && cp <= 0xdfff ? RUNE_ERROR : cp;
}

/** The code points of a string (Go's `[]rune(s)`: invalid bytes become `RuneError`). */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(goRune(ch));
  return out;
}

/** Builds a string from code points. */
export function fromRunes(rs: readonly number[]): string {
  let s = '';
  for (const r of rs) s += String.fromCodePoint(r);
  return s;
}

/** Go's `strings.Map` with a rune → rune function. */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  // Go rebuilds the string from the mapped runes, so an invalid byte comes out as the mapping of RuneError.
  for (const ch of s) out += String.fromCodePoint(f(goRune(ch)));
  return out;
}

/** The bytes of a Go string: Go strings are byte sequences, and several Sprig functions index bytes. */
export function utf8(s: string): Buffer {
  return goBytes(s);
}

/**
 * Go's `string(b)`. Bytes that are not valid UTF-8 (a multi-byte character cut by `trunc` or `substr`) are kept
 * (src/values/go-string.ts), so `len` still counts them and the output carries them as Helm's does.
 */
export function fromUtf8(bytes: Uint8Array): string {
  return goString(bytes);
}

/** Go's `rune(b)` written with `WriteRune`: a byte ≥ 0x80 becomes the Latin-1 character of that value. */
export const latin1Rune = (b: number): string => String.fromCharCode(b);
