/**
 * Sprig's encoding functions (helm-render-spec.md §11.11): `b64enc`, `b64dec`, `b32enc`, `b32dec`.
 *
 * Decoding never fails a render: as in sprig, a malformed input makes the *result* Go's error text
 * (`illegal base64 data at input byte 0`). The byte offsets in those texts follow Go's `encoding/base64` and
 * `encoding/base32` decoders exactly, so both decoders are ported here instead of using Buffer's lenient ones.
 */
import { goBytes, goString } from '../../values/go-string.js';
import type { GoFuncSpec } from '../../values/model.js';

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PAD = 0x3d; // '='
const LF = 0x0a;
const CR = 0x0d;

function decodeMap(alphabet: string): Int16Array {
  const map = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) map[alphabet.charCodeAt(i)] = i;
  return map;
}
const B64_MAP = decodeMap(B64_ALPHABET);
const B32_MAP = decodeMap(B32_ALPHABET);

/** A decode failure at a byte offset, as Go's `CorruptInputError`. */
class CorruptInput {
  constructor(readonly offset: number) {}
}

const isNewline = (c: number | undefined): boolean => c === LF || c === CR;

/**
 * Go's `base64.StdEncoding.DecodeString`: 4-character quanta, `\r`/`\n` skipped anywhere, padding required,
 * trailing garbage after the padding rejected.
 */
function decodeBase64(src: Uint8Array): Uint8Array | CorruptInput {
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: CorruptInput | undefined;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return new Uint8Array(out);
        return new CorruptInput(si - j);
      }
      const ch = src[si++] as number;
      const v = B64_MAP[ch] as number;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNewline(ch)) {
        j--;
        continue;
      }
      if (ch !== PAD) return new CorruptInput(si - 1);
      // Padding: only valid after two or three data characters.
      if (j < 2) return new CorruptInput(si - 1);
      if (j === 2) {
        // "==" is expected; the first '=' is consumed.
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return new CorruptInput(src.length);
        if (src[si] !== PAD) return new CorruptInput(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailing = new CorruptInput(si);
      dlen = j;
      break;
    }
    const val =
      ((dbuf[0] as number) << 18) |
      ((dbuf[1] as number) << 12) |
      ((dbuf[2] as number) << 6) |
      (dbuf[3] as number);
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing) return trailing;
    if (dlen < 4) return new Uint8Array(out);
  }
}

/** Go's `base32.StdEncoding.DecodeString`: newlines are removed first, then 8-character quanta with padding. */
function decodeBase32(input: Uint8Array): Uint8Array | CorruptInput {
  const src = input.filter((c) => !isNewline(c));
  const olen = src.length;
  const out: number[] = [];
  let pos = 0;
  let end = false;
  while (pos < olen && !end) {
    const dbuf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (pos === olen) return new CorruptInput(olen - j);
      const ch = src[pos++] as number;
      const remaining = olen - pos;
      if (ch === PAD && j >= 2 && remaining < 8) {
        if (remaining + j < 7) return new CorruptInput(olen);
        for (let k = 0; k < 7 - j; k++) {
          if (remaining > k && src[pos + k] !== PAD) return new CorruptInput(pos + k - 1);
        }
        dlen = j;
        end = true;
        // 1, 3 and 6 characters cannot encode a whole byte (RFC 4648 §6).
        if (dlen === 1 || dlen === 3 || dlen === 6) return new CorruptInput(pos - 1);
        break;
      }
      const v = B32_MAP[ch] as number;
      if (v < 0) return new CorruptInput(pos - 1);
      dbuf[j++] = v;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const bytes: number[] = [];
    for (let i = 4; i >= 0; i--) bytes.push(Number((bits >> BigInt(i * 8)) & 0xffn));
    const produced = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen] as number;
    out.push(...bytes.slice(0, produced));
  }
  return new Uint8Array(out);
}

/** Go's `base64.StdEncoding.DecodeString`: the bytes, or an Error with Go's text. */
export function base64Decode(s: string): Uint8Array | Error {
  const result = decodeBase64(goBytes(s));
  return result instanceof CorruptInput
    ? new Error(`illegal base64 data at input byte ${result.offset}`)
    : result;
}

function decoded(result: Uint8Array | CorruptInput, kind: string): string {
  if (result instanceof CorruptInput) return `illegal ${kind} data at input byte ${result.offset}`;
  // Go's string(bytes): bytes that are not UTF-8 stay bytes (escape code units), they do not become U+FFFD.
  return goString(result);
}

function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 5) {
    const chunk = bytes.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const chars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) {
      out += k < chars ? B32_ALPHABET[Number((bits >> BigInt(35 - k * 5)) & 31n)] : '=';
    }
  }
  return out;
}

/** Sprig's encoding functions. */
export const encodingFuncs: Readonly<Record<string, GoFuncSpec>> = {
  b64enc: {
    params: ['string'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, s) => goBytes(s as string).toString('base64'),
  },
  b64dec: {
    params: ['string'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, s) => decoded(decodeBase64(goBytes(s as string)), 'base64'),
  },
  b32enc: {
    params: ['string'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, s) => encodeBase32(goBytes(s as string)),
  },
  b32dec: {
    params: ['string'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, s) => decoded(decodeBase32(goBytes(s as string)), 'base32'),
  },
};
