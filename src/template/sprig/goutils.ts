/**
 * Masterminds/goutils v1.1 string helpers behind Sprig's `abbrev`, `abbrevboth`, `wrap`, `wrapWith`,
 * `initials`, `nospace`, `swapcase` and `untitle`.
 *
 * Several of them walk the string **byte by byte** and write each kept byte back as a rune, so any non-ASCII
 * input comes out as Latin-1 mojibake; that is reproduced here on the UTF-8 bytes.
 */
import {
  fromRunes,
  fromUtf8,
  isLower,
  isSpace,
  isTitle,
  isUpper,
  latin1Rune,
  runes,
  toLowerRune,
  toTitleRune,
  toUpperRune,
  utf8,
} from './unicode.js';

/** `AbbreviateFull(str, offset, maxWidth)`, byte-based; `undefined` where goutils returns an error. */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string | undefined {
  if (str === '') return '';
  if (maxWidth < 4) return undefined;
  const b = utf8(str);
  if (b.length <= maxWidth) return str;
  if (offset > b.length) offset = b.length;
  if (b.length - offset < maxWidth - 3) offset = b.length - (maxWidth - 3);
  const marker = '...';
  if (offset <= 4) return fromUtf8(b.subarray(0, maxWidth - 3)) + marker;
  if (maxWidth < 7) return undefined;
  if (offset + maxWidth - 3 < b.length) {
    // The error of the inner call is ignored by goutils: its result is then "".
    return marker + (abbreviateFull(fromUtf8(b.subarray(offset)), 0, maxWidth - 3) ?? '');
  }
  return marker + fromUtf8(b.subarray(b.length - (maxWidth - 3)));
}

/**
 * `WrapCustom(str, wrapLength, newLine, wrapLongWords)`: breaks at spaces (byte columns), drops one space at each
 * break and leading spaces of a new line; long words are cut only when `wrapLongWords`.
 */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = utf8(str);
  const SPACE = 0x20;
  const out: string[] = [];
  const text = (from: number, to: number): string => fromUtf8(b.subarray(from, to));
  let offset = 0;
  while (b.length - offset > wrapLength) {
    if (b[offset] === SPACE) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    const spaceToWrapAt = b.subarray(offset, end).lastIndexOf(SPACE) + offset;
    if (spaceToWrapAt >= offset) {
      out.push(text(offset, spaceToWrapAt), newLine);
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      out.push(text(offset, wrapLength + offset), newLine);
      offset += wrapLength;
    } else {
      const from = wrapLength + offset;
      const index = b.subarray(from).indexOf(SPACE);
      if (index >= 0) {
        out.push(text(offset, index + from), newLine);
        offset = index + from + 1;
      } else {
        out.push(text(offset, b.length));
        offset = b.length;
      }
    }
  }
  out.push(text(offset, b.length));
  return out.join('');
}

/** `Initials`: the first byte of each whitespace-separated word (whitespace tested per byte). */
export function initials(str: string): string {
  let out = '';
  let lastWasGap = true;
  for (const byte of utf8(str)) {
    if (isSpace(byte)) lastWasGap = true;
    else if (lastWasGap) {
      out += latin1Rune(byte);
      lastWasGap = false;
    }
  }
  return out;
}

/**
 * `DeleteWhiteSpace`: drops whitespace bytes. When nothing is dropped the input comes back unchanged; otherwise
 * every kept byte is re-encoded as a rune (bytes 0x85 and 0xA0 count as whitespace even inside a UTF-8 sequence).
 */
export function deleteWhiteSpace(str: string): string {
  const b = utf8(str);
  let out = '';
  let count = 0;
  for (const byte of b) {
    if (!isSpace(byte)) {
      out += latin1Rune(byte);
      count++;
    }
  }
  return count === b.length ? str : out;
}

/**
 * `SwapCase`: upper and title case become lower; lower case becomes title case at the start of a word (after
 * whitespace) and upper case elsewhere.
 */
export function swapCase(str: string): string {
  const rs = runes(str);
  let whitespace = true;
  for (let i = 0; i < rs.length; i++) {
    const ch = rs[i] ?? 0;
    if (isUpper(ch) || isTitle(ch)) {
      rs[i] = toLowerRune(ch);
      whitespace = false;
    } else if (isLower(ch)) {
      rs[i] = whitespace ? toTitleRune(ch) : toUpperRune(ch);
      whitespace = false;
    } else {
      whitespace = isSpace(ch);
    }
  }
  return fromRunes(rs);
}

/** `Uncapitalize`: lower-cases the first rune of each whitespace-separated word. */
export function uncapitalize(str: string): string {
  const rs = runes(str);
  let next = true;
  for (let i = 0; i < rs.length; i++) {
    const ch = rs[i] ?? 0;
    if (isSpace(ch)) next = true;
    else if (next) {
      rs[i] = toLowerRune(ch);
      next = false;
    }
  }
  return fromRunes(rs);
}
