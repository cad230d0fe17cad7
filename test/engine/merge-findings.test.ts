import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostics/finding.js';
import { mergeFindings } from '../../src/engine/findings.js';

function f(env: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'r',
    message: 'm.',
    severity: 'warning',
    chart: 'c',
    environments: [env],
    location: { file: 'c/values.yaml', startLine: line },
    related: [],
    fingerprint: 'fp',
    suppressed: false,
    ...extra,
  };
}

describe('mergeFindings', () => {
  it('merges one fingerprint across environments, in lint order', () => {
    const merged = mergeFindings([f('dev', 3), f('prod', 3), f('dev', 3)], ['c']);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.environments).toEqual(['dev', 'prod']);
  });

  it('keeps a finding reported when only some environments suppress it', () => {
    const suppressed = f('dev', 3, { suppressed: true, suppression: { kind: 'comment' } });
    for (const order of [
      [suppressed, f('prod', 3)],
      [f('prod', 3), suppressed],
    ]) {
      const [merged] = mergeFindings(order, ['c']);
      expect(merged?.suppressed).toBe(false);
      expect(merged?.suppression).toBeUndefined();
    }
  });

  it('stays suppressed when every environment suppresses it', () => {
    const s = (env: string) => f(env, 3, { suppressed: true, suppression: { kind: 'config' } });
    expect(mergeFindings([s('dev'), s('prod')], ['c'])[0]?.suppressed).toBe(true);
  });

  it('sorts by chart order, file, line and rule', () => {
    const merged = mergeFindings(
      [
        f('d', 9, { fingerprint: 'a', chart: 'b' }),
        f('d', 5, { fingerprint: 'b' }),
        f('d', 2, { fingerprint: 'c' }),
      ],
      ['c', 'b'],
    );
    expect(merged.map((x) => [x.chart, x.location.startLine])).toEqual([
      ['c', 2],
      ['c', 5],
      ['b', 9],
    ]);
  });
});
