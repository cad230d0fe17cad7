/**
 * Sprig's random functions (helm-render-spec.md §11.12, §11.17): `randAlphaNum randAlpha randNumeric randAscii
 * randBytes randInt uuidv4 shuffle`.
 *
 * Helm draws these from the OS; chartlint draws them from {@link CallContext} so a render is repeatable
 * (DESIGN.md §6). The shapes match sprig's: alphabets, lengths, UUID version/variant bits, and the same
 * failures (`randInt 2 2` panics in `rand.Intn`, a negative `randBytes` count in `make`).
 */
import { GoFuncError, type CallContext, type GoFuncSpec } from '../../values/model.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
/** Printable ASCII, space to tilde, as goutils' CryptoRandomAscii uses. */
const ASCII = Array.from({ length: 127 - 32 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** A uniform integer in [0, n) from the context's stream. */
function randomIndex(ctx: CallContext, n: number): number {
  return Math.floor(ctx.random() * n);
}

/** `count` characters drawn uniformly from `alphabet`; goutils returns "" for counts ≤ 0 (its error is dropped). */
function randomString(ctx: CallContext, count: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[randomIndex(ctx, alphabet.length)];
  return out;
}

const randomStringFn = (alphabet: string): GoFuncSpec => ({
  params: ['int'],
  result: 'string',
  call: (ctx, count) => randomString(ctx, count as number, alphabet),
});

/** Formats 16 random bytes as a version 4, RFC 4122 variant UUID (google/uuid's `New().String()`). */
function formatUuidV4(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** xstrings.Shuffle: a Fisher–Yates shuffle of the string's code points. */
function shuffle(ctx: CallContext, s: string): string {
  const runes = [...s];
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomIndex(ctx, i + 1);
    [runes[i], runes[j]] = [runes[j] as string, runes[i] as string];
  }
  return runes.join('');
}

/** Sprig's random functions. */
export const randomFuncs: Readonly<Record<string, GoFuncSpec>> = {
  randAlphaNum: randomStringFn(UPPER + LOWER + DIGITS),
  randAlpha: randomStringFn(UPPER + LOWER),
  randNumeric: randomStringFn(DIGITS),
  randAscii: randomStringFn(ASCII),
  randBytes: {
    params: ['int'],
    result: 'string',
    call: (ctx, count) => {
      const n = count as number;
      if (n < 0) throw new GoFuncError('runtime error: makeslice: len out of range');
      return Buffer.from(ctx.randomBytes(n)).toString('base64');
    },
  },
  randInt: {
    params: ['int', 'int'],
    result: 'int',
    call: (ctx, min, max) => {
      const span = (max as number) - (min as number);
      if (span <= 0) throw new GoFuncError('invalid argument to Intn');
      return randomIndex(ctx, span) + (min as number);
    },
  },
  uuidv4: { params: [], result: 'string', call: (ctx) => formatUuidV4(ctx.randomBytes(16)) },
  shuffle: { params: ['string'], result: 'string', call: (ctx, s) => shuffle(ctx, s as string) },
};
