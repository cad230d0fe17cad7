/**
 * Go's `strconv.Quote`, `QuoteToASCII`, `QuoteRune`, `QuoteRuneToASCII`, `CanBackquote` and `IsPrint`
 * (helm-render-spec.md §8.9, §11.2 `quote`). Invalid UTF-8 is represented by lone surrogates (see utf8.ts) and
 * quoted byte by byte as `\xNN`, as Go does.
 */
import { runes, utf8Bytes } from './utf8.js';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function escapeRune(cp: number, quote: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return ch;
  switch (cp) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function quoteWith(s: string, quote: string, asciiOnly: boolean): string {
  let out = quote;
  for (const r of runes(s)) {
    if (r.invalid) {
      for (const b of utf8Bytes(String.fromCharCode(r.cp))) out += '\\x' + hex(b, 2);
    } else {
      out += escapeRune(r.cp, quote, asciiOnly);
    }
  }
  return out + quote;
}

/** Go's `strconv.Quote`: a double-quoted string with Go escapes; printable Unicode is kept. */
export function goQuote(s: string): string {
  return quoteWith(s, '"', false);
}

/** Go's `strconv.QuoteToASCII` (`%+q`): like {@link goQuote} but every non-ASCII rune is escaped. */
export function goQuoteToASCII(s: string): string {
  return quoteWith(s, '"', true);
}

function quoteRuneWith(r: number, asciiOnly: boolean): string {
  const cp = r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) ? 0xfffd : r;
  return "'" + escapeRune(cp, "'", asciiOnly) + "'";
}

/** Go's `strconv.QuoteRune`: a single-quoted character literal; invalid code points become U+FFFD. */
export function goQuoteRune(r: number): string {
  return quoteRuneWith(r, false);
}

/** Go's `strconv.QuoteRuneToASCII` (`%+q` on an integer). */
export function goQuoteRuneToASCII(r: number): string {
  return quoteRuneWith(r, true);
}

/** Go's `strconv.CanBackquote`: whether `%#q` may print the string as a raw string. */
export function canBackquote(s: string): boolean {
  for (const r of runes(s)) {
    if (r.invalid || r.cp === 0xfeff) return false;
    if ((r.cp < 0x20 && r.cp !== 0x09) || r.cp === 0x60 || r.cp === 0x7f) return false;
  }
  return true;
}
