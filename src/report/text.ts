import type { ChartlintError } from '../diagnostics/errors.js';
import { formatLocated } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Location } from '../diagnostics/location.js';
import type { LintResult } from '../engine/types.js';
import { summarize } from '../engine/types.js';

/** How the text report is drawn. */
export interface TextOptions {
  color: boolean;
  /** Show suppressed findings too (marked). */
  showSuppressed: boolean;
  /** Reads a repository file for code frames; undefined when it cannot be read. */
  readSource?: (file: string) => string | undefined;
  /** Lines of context above and below the primary line in code frames. */
  contextLines?: number;
}

const ansi = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const plain = (s: string) => s;

/** The human report: findings grouped by chart with a code frame each, then errors, then a summary line. */
export function formatText(result: LintResult, options: TextOptions): string {
  const c = options.color
    ? { red: ansi('31'), yellow: ansi('33'), blue: ansi('34'), dim: ansi('2'), bold: ansi('1') }
    : { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain };
  const out: string[] = [];
  const byChart = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.suppressed && !options.showSuppressed) continue;
    const list = byChart.get(f.chart) ?? [];
    list.push(f);
    byChart.set(f.chart, list);
  }
  for (const [chart, findings] of byChart) {
    out.push(c.bold(chart));
    for (const f of findings) {
      const sev =
        f.severity === 'error'
          ? c.red('error')
          : f.severity === 'warning'
            ? c.yellow('warning')
            : c.blue('note');
      const envs = f.environments.length ? `  [${f.environments.join(', ')}]` : '';
      const supp = f.suppressed ? c.dim(`  (suppressed: ${f.suppression?.kind ?? 'yes'})`) : '';
      const approx = f.properties?.approximateLocation
        ? c.dim('  (line approximate: no source map with --renderer helm)')
        : '';
      out.push(
        `  ${where(f.location)}  ${sev}  ${c.dim(f.ruleId)}  ${f.message}${c.dim(envs)}${supp}${approx}`,
      );
      // A finding about a secret never shows the lines around it: they hold the secret.
      const sensitive = f.properties?.sensitive === true;
      const frame =
        options.readSource && !sensitive
          ? codeFrame(f.location, options.readSource, options.contextLines ?? 1)
          : '';
      if (frame) out.push(c.dim(frame));
      for (const r of f.related) {
        out.push(c.dim(`      ${r.label}: ${where(r)}`));
        // The template line is the context a reader needs next to a values line.
        if (r.label === 'template' && options.readSource && !sensitive) {
          const context = codeFrame(r, options.readSource, 0);
          if (context) out.push(c.dim(context));
        }
      }
    }
    out.push('');
  }
  for (const e of result.errors) out.push(formatError(e, c.red));
  if (result.errors.length) out.push('');
  const s = summarize(result);
  const parts = [
    `${s.charts} chart${s.charts === 1 ? '' : 's'}`,
    `${s.environments} environment${s.environments === 1 ? '' : 's'}`,
    `${s.errors} error${s.errors === 1 ? '' : 's'}`,
    `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`,
    `${s.notes} note${s.notes === 1 ? '' : 's'}`,
  ];
  if (s.suppressed) parts.push(`${s.suppressed} suppressed`);
  if (result.errors.length)
    parts.push(`${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} stopped linting`);
  out.push(parts.join(', '));
  return out.join('\n') + '\n';
}

/** `file:line:col` of a location (line and column when known). */
export function where(l: Location): string {
  let s = l.file;
  if (l.startLine !== undefined) s += `:${l.startLine}`;
  if (l.startLine !== undefined && l.startColumn !== undefined) s += `:${l.startColumn}`;
  return s;
}

function formatError(e: ChartlintError, red: (s: string) => string): string {
  const lines = [`${red('error')}  ${formatLocated(e.message, e.location)}`];
  for (const d of e.details) lines.push(`  ${formatLocated(d.message, d.location)}`);
  return lines.join('\n');
}

/** A few numbered source lines around the primary line with a caret under the span. */
export function codeFrame(
  loc: Location,
  read: (file: string) => string | undefined,
  context: number,
): string {
  if (loc.startLine === undefined) return '';
  const text = read(loc.file);
  if (text === undefined) return '';
  const lines = text.split('\n');
  const first = Math.max(1, loc.startLine - context);
  const last = Math.min(lines.length, loc.startLine + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === loc.startLine ? '>' : ' ';
    out.push(`    ${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === loc.startLine && loc.startColumn !== undefined) {
      const endCol =
        loc.endLine === loc.startLine && loc.endColumn !== undefined && loc.endColumn > loc.startColumn
          ? loc.endColumn
          : loc.startColumn + 1;
      out.push(
        `      ${' '.repeat(width)} | ${' '.repeat(loc.startColumn - 1)}${'^'.repeat(endCol - loc.startColumn)}`,
      );
    }
  }
  return out.join('\n');
}
