import type { LintResult } from '../engine/types.js';
import { atLeast, type Severity } from '../diagnostics/severity.js';

/** Exit codes, in one place (README "Exit codes"). */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/**
 * 2 when anything stopped linting (a chart that could not be loaded, an invalid configuration); else 1 when an
 * unsuppressed finding is at or above `failOn` or there are more warnings than `maxWarnings`; else 0.
 */
export function exitCodeFor(result: LintResult, gate: { failOn: Severity; maxWarnings?: number }): number {
  if (result.errors.length > 0) return EXIT.error;
  const live = result.findings.filter((f) => !f.suppressed);
  if (live.some((f) => atLeast(f.severity, gate.failOn))) return EXIT.findings;
  if (
    gate.maxWarnings !== undefined &&
    live.filter((f) => f.severity === 'warning').length > gate.maxWarnings
  ) {
    return EXIT.findings;
  }
  return EXIT.ok;
}
