import { describe, expect, it } from 'vitest';
import { benchmarkPolicies } from '../../src/policy/bench.js';

describe('benchmarkPolicies', () => {
  it('evaluates the built-in pack over N manifests and reports the throughput', async () => {
    const result = await benchmarkPolicies(200);
    expect(result.manifests).toBe(200);
    // Every synthetic Deployment lacks a readiness probe, so each yields at least one result.
    expect(result.results).toBeGreaterThanOrEqual(200);
    expect(result.manifestsPerSecond).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThan(0);
  });
});
