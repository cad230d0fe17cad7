import type { ChartlintError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Location } from '../diagnostics/location.js';
import type { LintResult } from '../engine/types.js';
import { summarize } from '../engine/types.js';
import { where } from './text.js';

/** Options of the GitHub Actions report. */
export interface GithubOptions {
  /**
   * Path of the working directory relative to the repository root (`''` when they are the same): annotations need
   * workspace-relative file paths to attach to the right file.
   */
  pathPrefix?: string;
}

/**
 * The report as GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per unsuppressed
 * finding (notes become notices), one `::error` per problem that stopped linting, then the summary as a plain line.
 * Suppressed findings are not annotated: they were accepted. Deterministic: the result's order is kept.
 */
export function formatGithub(result: LintResult, options: GithubOptions = {}): string {
  const prefix = options.pathPrefix ? `${options.pathPrefix.replace(/\/+$/, '')}/` : '';
  const out: string[] = [];
  for (const f of result.findings) if (!f.suppressed) out.push(findingCommand(f, prefix));
  for (const e of result.errors) out.push(errorCommand(e, prefix));
  const s = summarize(result);
  out.push(
    `chartlint: ${s.charts} chart(s), ${s.environments} environment(s): ${s.errors} error(s), ${s.warnings} warning(s), ` +
      `${s.notes} note(s), ${s.suppressed} suppressed, ${result.errors.length} problem(s) stopped linting`,
  );
  return `${out.join('\n')}\n`;
}

function findingCommand(f: Finding, prefix: string): string {
  const level = f.severity === 'note' ? 'notice' : f.severity;
  const lines = [f.environments.length ? `${f.message} [${f.environments.join(', ')}]` : f.message];
  for (const r of f.related) lines.push(`${r.label}: ${where({ ...r, file: prefix + r.file })}`);
  return command(level, { ...locationProperties(f.location, prefix), title: f.ruleId }, lines.join('\n'));
}

function errorCommand(e: ChartlintError, prefix: string): string {
  const lines = [e.message];
  for (const d of e.details)
    lines.push(
      d.location ? `${where({ ...d.location, file: prefix + d.location.file })}: ${d.message}` : d.message,
    );
  const properties = e.location ? locationProperties(e.location, prefix) : {};
  return command('error', { ...properties, title: `chartlint ${e.code}` }, lines.join('\n'));
}

/**
 * `file`, `line`, `col`, `endLine`, `endColumn`. GitHub takes columns only for a single-line range, and its end
 * column is the last character's (inclusive), while ours is the one after it.
 */
function locationProperties(l: Location, prefix: string): Record<string, string | number> {
  const p: Record<string, string | number> = { file: prefix + l.file };
  if (l.startLine === undefined) return p;
  const endLine = l.endLine ?? l.startLine;
  const oneLine = endLine === l.startLine && l.startColumn !== undefined;
  p.line = l.startLine;
  if (oneLine) p.col = l.startColumn as number;
  p.endLine = endLine;
  if (oneLine && l.endColumn !== undefined && l.endColumn - 1 >= (l.startColumn as number))
    p.endColumn = l.endColumn - 1;
  return p;
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Escapes a workflow command's message: `%`, CR and LF (GitHub's toolkit does the same). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as {@link escapeData}, plus `:` and `,` which delimit properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
