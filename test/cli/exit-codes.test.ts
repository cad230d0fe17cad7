import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-codes.js';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import type { Finding } from '../../src/diagnostics/finding.js';
import type { LintResult } from '../../src/engine/types.js';

function finding(severity: Finding['severity'], suppressed = false): Finding {
  return {
    ruleId: 'r',
    message: 'm.',
    severity,
    chart: 'c',
    environments: ['default'],
    location: { file: 'c/values.yaml', startLine: 1 },
    related: [],
    fingerprint: `${severity}${suppressed}`,
    suppressed,
  };
}

function result(findings: Finding[], errors: ChartlintError[] = []): LintResult {
  return { charts: [{ chart: 'c', environments: ['default'] }], findings, errors, renderer: 'embedded' };
}

describe('exitCodeFor', () => {
  it('is 0 without findings at or above the threshold', () => {
    expect(exitCodeFor(result([finding('warning'), finding('note')]), { failOn: 'error' })).toBe(0);
  });

  it('is 1 with a finding at or above the threshold', () => {
    expect(exitCodeFor(result([finding('error')]), { failOn: 'error' })).toBe(1);
    expect(exitCodeFor(result([finding('warning')]), { failOn: 'warning' })).toBe(1);
    expect(exitCodeFor(result([finding('note')]), { failOn: 'note' })).toBe(1);
    expect(exitCodeFor(result([finding('note')]), { failOn: 'warning' })).toBe(0);
  });

  it('ignores suppressed findings', () => {
    expect(exitCodeFor(result([finding('error', true)]), { failOn: 'note' })).toBe(0);
  });

  it('is 1 with more warnings than --max-warnings', () => {
    const two = result([finding('warning'), { ...finding('warning'), fingerprint: 'x' }]);
    expect(exitCodeFor(two, { failOn: 'error', maxWarnings: 2 })).toBe(0);
    expect(exitCodeFor(two, { failOn: 'error', maxWarnings: 1 })).toBe(1);
  });

  it('is 2 when anything stopped linting, whatever the findings', () => {
    expect(exitCodeFor(result([], [new ChartlintError('archive-invalid', 'bad')]), { failOn: 'error' })).toBe(
      2,
    );
  });
});
