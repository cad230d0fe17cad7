import { ChartlintError } from '../../src/diagnostics/errors.js';
import type { Finding } from '../../src/diagnostics/finding.js';
import type { LintResult } from '../../src/engine/types.js';

/** A finding with sensible defaults for report tests. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'render-error',
    message: 'Rendering failed.',
    severity: 'error',
    chart: 'charts/app',
    environments: ['dev', 'prod'],
    location: {
      file: 'charts/app/templates/cm.yaml',
      startLine: 7,
      startColumn: 20,
      endLine: 7,
      endColumn: 25,
    },
    related: [],
    fingerprint: '0123456789abcdef0123456789abcdef',
    suppressed: false,
    ...over,
  };
}

/** A lint result over the given findings, charts `charts/app` and `charts/empty`. */
export function result(findings: Finding[], errors: ChartlintError[] = []): LintResult {
  return {
    charts: [
      { chart: 'charts/app', name: 'app', environments: ['dev', 'prod'] },
      { chart: 'charts/empty', name: 'empty', environments: ['default'] },
    ],
    findings,
    errors,
    renderer: 'helm',
  };
}

/** A configuration error with a location and one detail. */
export function configError(): ChartlintError {
  return new ChartlintError('config-invalid', 'invalid configuration', {
    location: { file: 'charts/bad/.chartlint.yaml', startLine: 3, startColumn: 5 },
    details: [
      {
        message: 'unknown key "envs"',
        location: { file: 'charts/bad/.chartlint.yaml', startLine: 3, startColumn: 5 },
      },
    ],
  });
}
