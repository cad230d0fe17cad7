/**
 * Go strings are byte sequences; chartlint keeps them as JavaScript strings. The mapping is lossless:
 *
 * - bytes that form valid UTF-8 (by Go's rules: no overlong forms, no surrogates, nothing above U+10FFFF) are their
 *   characters;
 * - every other byte `b` (always ≥ 0x80) is the lone low surrogate `U+DC00 + b` (U+DC80–U+DCFF), so a string cut
 *   inside a character (`trunc 2 "héllo"` is `h\xc3`) keeps its length in bytes, prints as `"h\xc3"` under `%q`,
 *   and writes the original bytes back;
 * - any other lone surrogate, which no Go byte sequence decodes to, stands for its three WTF-8 bytes.
 *
 * Functions that see bytes (`len`, `index`, `substr`, `trunc`, `b64enc`, `%x` …) convert with {@link goBytes};
 * functions that make a string from bytes (`string(b)`, `.Files.Get`, `"\xNN"` literals) use {@link goString}.
 */

const LONE_SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The byte an escape code unit stands for, or -1 when `unit` is not one (U+DC80–U+DCFF). */
export function escapedByte(unit: number): number {
  return unit >= 0xdc80 && unit <= 0xdcff ? unit - 0xdc00 : -1;
}

/** The bytes of a Go string held as a JavaScript string (see the module comment for the mapping). */
export function goBytes(s: string): Buffer {
  // Well-formed strings are the common case and Buffer's encoder is exact for them.
  if (!LONE_SURROGATE.test(s)) return Buffer.from(s, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    } else {
      const b = escapedByte(c);
      if (b >= 0) out.push(b);
      else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
  }
  return Buffer.from(out);
}

const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Go's `len(s)`: the number of bytes of the string. */
export function goByteLength(s: string): number {
  return LONE_SURROGATE.test(s) ? goBytes(s).length : Buffer.byteLength(s, 'utf8');
}

/** Go's `string(b)`: valid UTF-8 decoded, each byte of an invalid sequence kept as its escape code unit. */
export function goString(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return decodeLenient(bytes);
  }
}

function decodeLenient(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const n = validSequenceLength(b, i);
    if (n === 0) {
      out += String.fromCharCode(0xdc00 + (b[i] ?? 0));
      i++;
    } else {
      out += STRICT_UTF8.decode(b.subarray(i, i + n));
      i += n;
    }
  }
  return out;
}

const cont = (x: number | undefined, lo = 0x80, hi = 0xbf): boolean => x !== undefined && x >= lo && x <= hi;

/** Length of the valid UTF-8 sequence at `i` as Go's `utf8.DecodeRune` accepts it, or 0 for an invalid byte. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const x = b[i] ?? 0;
  if (x < 0x80) return 1;
  if (x >= 0xc2 && x <= 0xdf) return cont(b[i + 1]) ? 2 : 0;
  if (x >= 0xe0 && x <= 0xef) {
    // The second byte's range excludes overlong forms (E0) and surrogates (ED).
    const lo = x === 0xe0 ? 0xa0 : 0x80;
    const hi = x === 0xed ? 0x9f : 0xbf;
    return cont(b[i + 1], lo, hi) && cont(b[i + 2]) ? 3 : 0;
  }
  if (x >= 0xf0 && x <= 0xf4) {
    // Likewise overlong forms (F0) and code points past U+10FFFF (F4).
    const lo = x === 0xf0 ? 0x90 : 0x80;
    const hi = x === 0xf4 ? 0x8f : 0xbf;
    return cont(b[i + 1], lo, hi) && cont(b[i + 2]) && cont(b[i + 3]) ? 4 : 0;
  }
  return 0;
}

/**
 * The canonical form of a Go string: joining strings joins their bytes, so escapes of invalid bytes that now form a
 * valid character (`trunc 2 "héllo"` followed by the rest) must become that character, as Go would read it.
 */
export function canonicalGoString(s: string): string {
  return LONE_SURROGATE.test(s) ? goString(goBytes(s)) : s;
}

/** The string as valid UTF-8 the way encoding/json writes it: each invalid byte becomes U+FFFD. */
export function toValidUtf8(s: string): string {
  if (!LONE_SURROGATE.test(s)) return s;
  return s.replace(LONE_SURROGATES, (u) =>
    escapedByte(u.charCodeAt(0)) >= 0 ? '\ufffd' : '\ufffd\ufffd\ufffd',
  );
}

/** Whether any of the strings holds bytes that are not UTF-8 (escape code units). */
export function hasInvalidBytes(...ss: readonly string[]): boolean {
  return ss.some((s) => LONE_SURROGATE.test(s));
}

/**
 * Runs a substring operation (prefix, suffix, search, split, replace) with Go's byte semantics. For valid UTF-8
 * strings matching code units is matching bytes, so `op` runs on the strings themselves; when one holds invalid
 * bytes, a pattern may match part of a character (`trimSuffix "\xa9" "hé"` is `h\xc3`), so `op` runs on byte
 * strings (one character per byte) and `back` turns its byte strings into Go strings again.
 */
export function byteWise<T>(ss: readonly string[], op: (ss: string[], back: (b: string) => string) => T): T {
  if (!hasInvalidBytes(...ss)) return op([...ss], (b) => b);
  return op(
    ss.map((s) => goBytes(s).toString('latin1')),
    (b) => goString(Buffer.from(b, 'latin1')),
  );
}
