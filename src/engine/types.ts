import type { ChartlintError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';

/** Per-chart outcome of a lint run. */
export interface ChartResult {
  /** Display path of the chart (relative to cwd, forward slashes). */
  chart: string;
  /** Chart name from Chart.yaml, when it loaded. */
  name?: string;
  environments: string[];
}

/** What `lint()` returns: every finding (suppressed ones included, flagged) and the problems that stop a chart. */
export interface LintResult {
  charts: ChartResult[];
  /** Findings, merged across environments, in a deterministic order. */
  findings: Finding[];
  /**
   * Problems that are not findings: charts that could not be loaded, invalid configuration. Any of them makes the
   * run end with exit code 2, after the other charts were linted.
   */
  errors: ChartlintError[];
  /** The renderer that produced the manifests. */
  renderer: 'embedded' | 'helm';
}

/** Counts shown in every report's summary. */
export interface Summary {
  charts: number;
  environments: number;
  errors: number;
  warnings: number;
  notes: number;
  suppressed: number;
}

/** Counts unsuppressed findings by severity, and suppressed ones separately. */
export function summarize(result: LintResult): Summary {
  const s: Summary = {
    charts: result.charts.length,
    environments: new Set(result.charts.flatMap((c) => c.environments)).size,
    errors: 0,
    warnings: 0,
    notes: 0,
    suppressed: 0,
  };
  for (const f of result.findings) {
    if (f.suppressed) s.suppressed++;
    else if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.notes++;
  }
  return s;
}
