/**
 * Runes and bytes of Go strings for fmt and strconv. Strings that hold bytes which are not valid UTF-8 carry them as
 * lone surrogates (src/values/go-string.ts): U+DC80–U+DCFF is one invalid byte, any other lone surrogate its three
 * WTF-8 bytes. Go decodes each invalid byte as one rune (U+FFFD), which keeps rune counts, `%x` and
 * `strconv.Quote` (`"h\xc3"`) consistent with Go.
 */
import { escapedByte, goBytes, goString } from '../../values/go-string.js';

/** One decoded unit of a string: a Unicode scalar value, or `invalid` for a lone surrogate. */
export interface Rune {
  /** Code point (for a lone surrogate: the surrogate's code unit). */
  cp: number;
  /** True for a lone surrogate, which stands for invalid UTF-8. */
  invalid: boolean;
}

/** Iterates the runes of a string in order. */
export function* runes(s: string): Generator<Rune> {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        yield { cp: 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00), invalid: false };
        i++;
        continue;
      }
    }
    yield { cp: c, invalid: c >= 0xd800 && c <= 0xdfff };
  }
}

/** Number of runes Go would count (`utf8.RuneCountInString`): one per invalid byte. */
export function runeCount(s: string): number {
  let n = 0;
  for (const r of runes(s)) n += r.invalid && escapedByte(r.cp) < 0 ? 3 : 1;
  return n;
}

/** The bytes of a Go string. */
export function utf8Bytes(s: string): Uint8Array {
  return goBytes(s);
}

/** Go's `string(b)`: the bytes as a string, invalid bytes kept (printing writes them back unchanged). */
export function bytesToString(b: Uint8Array): string {
  return goString(b);
}

/** The string of one rune as `utf8.AppendRune` writes it: out-of-range values and surrogates become U+FFFD. */
export function runeString(cp: number | bigint): string {
  const n = typeof cp === 'bigint' ? (cp < 0n || cp > 0x10ffffn ? 0xfffd : Number(cp)) : cp;
  if (n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}
