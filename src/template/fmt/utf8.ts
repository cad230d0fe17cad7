/**
 * Go strings are byte strings; chartlint keeps them as JavaScript strings. A well-formed string maps to its UTF-8
 * bytes. A lone UTF-16 surrogate has no UTF-8 form: it stands for bytes that are not valid UTF-8 (a template can
 * produce those, e.g. `trunc 2 "héllo"`), so it is encoded as its three WTF-8 bytes, which Go decodes as three
 * invalid bytes. This keeps byte counts, `%x` and `strconv.Quote` (`\xed\xa0\x80`) consistent.
 */

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

/** Number of runes Go would count (`utf8.RuneCountInString`); a lone surrogate counts as its three bytes. */
export function runeCount(s: string): number {
  let n = 0;
  for (const r of runes(s)) n += r.invalid ? 3 : 1;
  return n;
}

/** The UTF-8 (WTF-8 for lone surrogates) bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const { cp } of runes(s)) {
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Decodes bytes as Go's `string(b)` would be printed: valid UTF-8 as is, each invalid byte as U+FFFD. */
export function bytesToString(b: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(b);
}

/** The string of one rune as `utf8.AppendRune` writes it: out-of-range values and surrogates become U+FFFD. */
export function runeString(cp: number | bigint): string {
  const n = typeof cp === 'bigint' ? (cp < 0n || cp > 0x10ffffn ? 0xfffd : Number(cp)) : cp;
  if (n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}
