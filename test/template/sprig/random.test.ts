import { describe, expect, it } from 'vitest';
import { createCallContext } from '../../../src/template/render-context.js';
import { randomFuncs } from '../../../src/template/sprig/random.js';
import { GoFuncError, type CallContext } from '../../../src/values/model.js';

const call = (ctx: CallContext, name: string, ...args: unknown[]): unknown =>
  randomFuncs[name]?.call(ctx, ...args);

describe('randomFuncs', () => {
  it('draws strings of the requested length from the right alphabet', () => {
    const ctx = createCallContext({ seed: 's' });
    expect(call(ctx, 'randAlphaNum', 200)).toMatch(/^[A-Za-z0-9]{200}$/);
    expect(call(ctx, 'randAlpha', 200)).toMatch(/^[A-Za-z]{200}$/);
    expect(call(ctx, 'randNumeric', 200)).toMatch(/^[0-9]{200}$/);
    expect(call(ctx, 'randAscii', 200)).toMatch(/^[ -~]{200}$/);
  });
  it('returns "" for zero and negative counts (goutils errors are dropped by sprig)', () => {
    const ctx = createCallContext({ seed: 's' });
    expect([0, -1].map((n) => call(ctx, 'randAlphaNum', n))).toEqual(['', '']);
  });
  it('is deterministic per seed and differs across seeds', () => {
    const a = createCallContext({ seed: 'one' });
    const b = createCallContext({ seed: 'one' });
    const c = createCallContext({ seed: 'two' });
    const draw = (ctx: CallContext): unknown[] => [
      call(ctx, 'randAlphaNum', 16),
      call(ctx, 'uuidv4'),
      call(ctx, 'randBytes', 8),
      call(ctx, 'randInt', 0, 1000),
      call(ctx, 'shuffle', 'abcdefgh'),
    ];
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });
  it('randBytes is base64 of n bytes and fails like Go for negative n', () => {
    const ctx = createCallContext({ seed: 's' });
    expect(Buffer.from(call(ctx, 'randBytes', 24) as string, 'base64')).toHaveLength(24);
    expect(call(ctx, 'randBytes', 0)).toBe('');
    expect(() => call(ctx, 'randBytes', -1)).toThrow(
      new GoFuncError('runtime error: makeslice: len out of range'),
    );
  });
  it('randInt stays in [min, max) and panics like rand.Intn on an empty range', () => {
    const ctx = createCallContext({ seed: 's' });
    const seen = new Set<unknown>();
    for (let i = 0; i < 200; i++) seen.add(call(ctx, 'randInt', 3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5]);
    expect(call(ctx, 'randInt', -3, -2)).toBe(-3);
    expect(() => call(ctx, 'randInt', 2, 2)).toThrow(new GoFuncError('invalid argument to Intn'));
  });
  it('uuidv4 has the version and variant bits', () => {
    const ctx = createCallContext({ seed: 's' });
    for (let i = 0; i < 20; i++) {
      expect(call(ctx, 'uuidv4')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
  it('shuffle permutes code points', () => {
    const ctx = createCallContext({ seed: 's' });
    const s = call(ctx, 'shuffle', 'héllo wörld') as string;
    expect([...s].sort()).toEqual([...'héllo wörld'].sort());
    expect(call(ctx, 'shuffle', '')).toBe('');
  });
});
