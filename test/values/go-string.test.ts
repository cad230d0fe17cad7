/**
 * Go strings as JavaScript strings (src/values/go-string.ts): every byte sequence survives the round trip, invalid
 * bytes are one escape unit each, and joining the halves of a cut character gives the character back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byteWise,
  canonicalGoString,
  goByteLength,
  goBytes,
  goString,
  toValidUtf8,
} from '../../src/values/go-string.js';

const bytesOf = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('go strings', () => {
  it('round-trips any byte sequence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect([...goBytes(goString(b))]).toEqual([...b]);
      }),
    );
  });

  it('keeps valid UTF-8 as its characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 32 }), (s) => {
        expect(goString(Buffer.from(s, 'utf8'))).toBe(s);
        expect(goByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
    );
  });

  it('reads each invalid byte as one escape unit, as Go reads one RuneError per byte', () => {
    // "é" cut after its first byte, an overlong "/", an encoded surrogate, a byte past U+10FFFF.
    expect(goString(bytesOf(0x68, 0xc3))).toBe('h\udcc3');
    expect(goString(bytesOf(0xc0, 0xaf))).toBe('\udcc0\udcaf');
    expect(goString(bytesOf(0xed, 0xa0, 0x80))).toBe('\udced\udca0\udc80');
    expect(goString(bytesOf(0xf4, 0x90, 0x80, 0x80))).toBe('\udcf4\udc90\udc80\udc80');
    expect(goByteLength('h\udcc3')).toBe(2);
  });

  it('keeps a byte order mark', () => {
    expect(goString(bytesOf(0xef, 0xbb, 0xbf, 0x61))).toBe('\ufeffa');
  });

  it('writes other lone surrogates as their three WTF-8 bytes', () => {
    expect([...goBytes('\ud800')]).toEqual([0xed, 0xa0, 0x80]);
  });

  it('joins the halves of a cut character into the character', () => {
    expect(canonicalGoString('h\udcc3' + '\udca9llo')).toBe('héllo');
    expect(canonicalGoString('plain')).toBe('plain');
  });

  it('writes invalid bytes as U+FFFD for encoding/json', () => {
    expect(toValidUtf8('h\udcc3\udcff')).toBe('h\ufffd\ufffd');
  });

  it('matches substrings byte-wise when a string holds invalid bytes', () => {
    const trimmed = byteWise(['\udca9', 'hé'], ([x = '', s = ''], back) =>
      s.endsWith(x) ? back(s.slice(0, s.length - x.length)) : s,
    );
    expect(trimmed).toBe('h\udcc3');
    expect(byteWise(['é', 'hé'], ([x = '', s = '']) => s.endsWith(x))).toBe(true);
  });
});
