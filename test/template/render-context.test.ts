import { describe, expect, it } from 'vitest';
import { DEFAULT_NOW, createCallContext } from '../../src/template/render-context.js';

describe('createCallContext', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createCallContext({ seed: 'chart/dev' });
    const b = createCallContext({ seed: 'chart/dev' });
    const c = createCallContext({ seed: 'chart/prod' });
    const draw = (ctx: ReturnType<typeof createCallContext>): string =>
      Buffer.from(ctx.randomBytes(100)).toString('hex') + ctx.random();
    const first = draw(a);
    expect(draw(b)).toBe(first);
    expect(draw(c)).not.toBe(first);
  });
  it('splits the stream consistently whatever the request sizes', () => {
    const a = createCallContext({ seed: 'x' });
    const b = createCallContext({ seed: 'x' });
    const whole = Buffer.from(a.randomBytes(70)).toString('hex');
    const parts = [b.randomBytes(5), b.randomBytes(40), b.randomBytes(25)].map((p) =>
      Buffer.from(p).toString('hex'),
    );
    expect(parts.join('')).toBe(whole);
  });
  it('random() is in [0, 1) and spread out', () => {
    const ctx = createCallContext({ seed: 'r' });
    const xs = Array.from({ length: 2000 }, () => ctx.random());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
  it('has a fixed now by default and honours an explicit one', () => {
    expect(createCallContext({ seed: 's' }).now().toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(DEFAULT_NOW.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    const at = new Date('2030-05-06T07:08:09Z');
    expect(createCallContext({ seed: 's', now: at }).now().getTime()).toBe(at.getTime());
  });
  it('uses real randomness and the clock with random: true', () => {
    const a = createCallContext({ seed: 's', random: true });
    const b = createCallContext({ seed: 's', random: true });
    expect(Buffer.from(a.randomBytes(16)).toString('hex')).not.toBe(
      Buffer.from(b.randomBytes(16)).toString('hex'),
    );
    expect(Math.abs(a.now().getTime() - Date.now())).toBeLessThan(60_000);
  });
});
