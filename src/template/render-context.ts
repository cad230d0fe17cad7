/**
 * The per-render {@link CallContext}: where template functions get randomness and the current time.
 *
 * DESIGN.md §6 asks for deterministic renders, so by default both come from the render seed: random bytes are a
 * SHA-256 counter-mode stream (block i = SHA-256(SHA-256(seed) ‖ i as 8 bytes big-endian)), and "now" is a fixed
 * instant. Only an explicit `random: true` switches to the operating system's randomness and the real clock.
 */
import { createHash, randomBytes as osRandomBytes } from 'node:crypto';
import type { CallContext } from '../values/model.js';

/** Options for {@link createCallContext}. */
export interface CallContextOptions {
  /** Seed of the deterministic stream; renders with the same seed see the same random values. */
  seed: string;
  /** Use real randomness and the real clock instead of the seed and the fixed instant. */
  random?: boolean;
  /** The instant `now` returns; defaults to {@link DEFAULT_NOW} (or the real clock with `random`). */
  now?: Date;
}

/** The fixed instant a deterministic render calls "now": 2024-01-01T00:00:00Z. */
export const DEFAULT_NOW = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** A deterministic byte stream: SHA-256 in counter mode over a hash of the seed. */
class SeededStream {
  private readonly key: Buffer;
  private counter = 0n;
  private pool: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(seed: string) {
    this.key = createHash('sha256').update(seed, 'utf8').digest();
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      if (this.offset >= this.pool.length) this.refill();
      const take = Math.min(n - filled, this.pool.length - this.offset);
      out.set(this.pool.subarray(this.offset, this.offset + take), filled);
      this.offset += take;
      filled += take;
    }
    return out;
  }

  private refill(): void {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(this.counter++);
    this.pool = createHash('sha256').update(this.key).update(counter).digest();
    this.offset = 0;
  }
}

/** A uniform double in [0, 1) from 7 bytes (53 significant bits, as Math.random gives). */
function toUnitInterval(b: Uint8Array): number {
  let hi = 0;
  for (let i = 0; i < 7; i++) hi = hi * 256 + (b[i] ?? 0);
  // 56 bits were read; drop the low 3 so every result is exactly representable.
  return Math.floor(hi / 8) / 2 ** 53;
}

/** Creates the context template functions receive for one render. */
export function createCallContext(options: CallContextOptions): CallContext {
  if (options.random) {
    const fixed = options.now;
    return {
      random: () => toUnitInterval(osRandomBytes(7)),
      randomBytes: (n) => new Uint8Array(osRandomBytes(n)),
      now: () => (fixed ? new Date(fixed.getTime()) : new Date()),
    };
  }
  const stream = new SeededStream(options.seed);
  const instant = (options.now ?? DEFAULT_NOW).getTime();
  return {
    random: () => toUnitInterval(stream.bytes(7)),
    randomBytes: (n) => stream.bytes(n),
    now: () => new Date(instant),
  };
}
