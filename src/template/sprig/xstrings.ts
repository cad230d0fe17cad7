/**
 * huandu/xstrings v1.5 case conversions as Sprig v3.3.0 uses them: `snakecase` (ToSnakeCase), `kebabcase`
 * (ToKebabCase) and `camelcase` (ToPascalCase — Sprig kept upper camel case when xstrings changed ToCamelCase).
 * (`shuffle` lives with the random functions in random.ts.) The word splitter is ported step by step because its
 * quirks are visible (`userIDs` → `user_i_ds`). Strings are handled as arrays of code points; U+FFFD plays Go's
 * `utf8.RuneError`.
 */
import {
  RUNE_ERROR,
  fromRunes,
  isLetter,
  isNumber,
  isPunct,
  isSpace,
  isUpper,
  runes,
  toLowerRune,
  toUpperRune,
} from './unicode.js';

const isConnector = (r: number): boolean => r === 0x2d || r === 0x5f || isSpace(r);

/** xstrings' `isAlphabet`: a letter that is not a CJK ideograph. */
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** `ToPascalCase`: words split at `-`, `_` and spaces, each capitalised; repeated connectors are kept. */
export function toPascalCase(str: string): string {
  const rs = runes(str);
  if (rs.length === 0) return '';
  const out: number[] = [];
  let i = 0;
  let r0 = 0;
  let isFirstRuneUpper = false;
  // Leading connectors are kept as they are.
  while (i < rs.length) {
    r0 = rs[i++] ?? 0;
    if (!isConnector(r0)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = toUpperRune(r0);
      break;
    }
    out.push(r0);
  }
  if (i >= rs.length) {
    // Go writes r0 again even when the string was all connectors ("__" → "___").
    out.push(r0);
    return fromRunes(out);
  }
  while (i < rs.length) {
    const r1 = r0;
    r0 = rs[i++] ?? 0;
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = toUpperRune(r0);
    } else {
      if (isFirstRuneUpper) {
        if (isUpper(r0)) r0 = toLowerRune(r0);
        else isFirstRuneUpper = false;
      }
      out.push(r1);
    }
  }
  out.push(r0);
  return fromRunes(out);
}

/** xstrings' word types. */
const Word = { Invalid: 0, Number: 1, UpperCase: 2, Alphabet: 3, Connector: 4, Punct: 5, Other: 6 } as const;
type Word = (typeof Word)[keyof typeof Word];

interface Split {
  wt: Word;
  word: number[];
  remaining: number[];
}

/** xstrings' `nextValidRune`: skips RuneErrors; its size counts the skipped ones. */
function nextValidRune(s: readonly number[], from: number, prev: number): [number, number] {
  for (let i = from; i < s.length; i++) {
    const r = s[i] ?? RUNE_ERROR;
    if (r !== RUNE_ERROR) return [r, i - from + 1];
  }
  return [prev, s.length - from];
}

/** xstrings' `nextWord`: the next run of one word type. */
function nextWord(str: readonly number[]): Split {
  if (str.length === 0) return { wt: Word.Invalid, word: [], remaining: [] };
  let [r, size] = nextValidRune(str, 0, RUNE_ERROR);
  let offset = size;
  let pos = size; // start of `remaining`
  if (r === RUNE_ERROR) return { wt: Word.Invalid, word: str.slice(0, offset), remaining: str.slice(offset) };
  let wt: Word;
  // Extends the word while `keep` holds for the next valid rune.
  const extend = (keep: (r: number) => boolean): void => {
    while (pos < str.length) {
      [r, size] = nextValidRune(str, pos, r);
      if (!keep(r)) break;
      offset += size;
      pos += size;
    }
  };
  if (isConnector(r)) {
    wt = Word.Connector;
    extend(isConnector);
  } else if (isPunct(r)) {
    wt = Word.Punct;
    extend(isPunct);
  } else if (isUpper(r)) {
    wt = Word.UpperCase;
    if (pos < str.length) {
      [r, size] = nextValidRune(str, pos, r);
      if (isUpper(r)) {
        let prevSize = size;
        offset += size;
        pos += size;
        while (pos < str.length) {
          [r, size] = nextValidRune(str, pos, r);
          if (!isUpper(r)) break;
          prevSize = size;
          offset += size;
          pos += size;
        }
        // "HTTPStatus" splits into "HTTP" and "Status": the last capital starts the next word.
        if (pos < str.length && isAlphabet(r)) {
          offset -= prevSize;
          pos = offset;
        }
      } else if (isAlphabet(r)) {
        offset += size;
        pos += size;
        extend((x) => isAlphabet(x) && !isUpper(x));
      }
    }
  } else if (isAlphabet(r)) {
    wt = Word.Alphabet;
    extend((x) => isAlphabet(x) && !isUpper(x));
  } else if (isNumber(r)) {
    wt = Word.Number;
    extend(isNumber);
  } else {
    wt = Word.Other;
    extend((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)));
  }
  return { wt, word: str.slice(0, offset), remaining: str.slice(pos) };
}

/** xstrings' `toLower`: upper-case and connector words are lowered (connectors become the connector). */
function writeLower(out: number[], wt: Word, word: readonly number[], connector: number): void {
  if (wt !== Word.UpperCase && wt !== Word.Connector) {
    out.push(...word);
    return;
  }
  for (const r of word) out.push(isConnector(r) ? connector : isUpper(r) ? toLowerRune(r) : r);
}

/** xstrings' `camelCaseToLowerCase`, behind ToSnakeCase and ToKebabCase. */
function camelCaseToLowerCase(str: string, connector: number): string {
  if (str.length === 0) return '';
  const out: number[] = [];
  let { wt, word, remaining } = nextWord(runes(str));
  while (remaining.length > 0) {
    if (wt !== Word.Connector) writeLower(out, wt, word, connector);
    const prev = wt;
    const last = word;
    ({ wt, word, remaining } = nextWord(remaining));
    switch (prev) {
      case Word.Number:
        while (wt === Word.Alphabet || wt === Word.Number) {
          writeLower(out, wt, word, connector);
          ({ wt, word, remaining } = nextWord(remaining));
        }
        if (wt !== Word.Invalid && wt !== Word.Punct && wt !== Word.Connector) out.push(connector);
        break;
      case Word.Connector:
        writeLower(out, prev, last, connector);
        break;
      case Word.Punct:
        break;
      default: {
        if (wt !== Word.Number) {
          if (wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
          break;
        }
        if (remaining.length === 0) break;
        const num = word;
        ({ wt, word, remaining } = nextWord(remaining));
        // A number followed by something other than letters belongs to the previous word ("Bld4Floor").
        if (wt !== Word.Alphabet) {
          writeLower(out, Word.Number, num, connector);
          if (wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
          break;
        }
        // Letters after a number start a new word with it ("HTTP2xx" → "http_2xx").
        out.push(connector);
        writeLower(out, Word.Number, num, connector);
        while (wt === Word.Alphabet || wt === Word.Number) {
          writeLower(out, wt, word, connector);
          ({ wt, word, remaining } = nextWord(remaining));
        }
        if (wt !== Word.Invalid && wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
      }
    }
  }
  writeLower(out, wt, word, connector);
  return fromRunes(out);
}

/** `ToSnakeCase`: `HTTPServerName` → `http_server_name`. */
export const toSnakeCase = (s: string): string => camelCaseToLowerCase(s, 0x5f);

/** `ToKebabCase`: `HTTPServerName` → `http-server-name`. */
export const toKebabCase = (s: string): string => camelCaseToLowerCase(s, 0x2d);
