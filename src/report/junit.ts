import type { ChartlintError } from '../diagnostics/errors.js';
import { formatLocated } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { LintResult } from '../engine/types.js';
import { where } from './text.js';

/**
 * The report as JUnit XML, for CI systems that show test results: a `<testsuite>` per chart with a `<testcase>` per
 * finding (class name = rule id), a `<failure>` for each unsuppressed finding and `<skipped>` for a suppressed one.
 * A chart without findings has one passing test case, so it shows up as passed rather than missing. Problems that
 * stopped linting (a chart that cannot be loaded, an invalid configuration) are `<error>` test cases in a suite
 * named after the file they concern. Deterministic: no timestamps, no durations, the result's order.
 */
export function formatJunit(result: LintResult): string {
  const suites: Suite[] = result.charts.map((c) => ({
    name: c.chart,
    cases: result.findings.filter((f) => f.chart === c.chart).map(findingCase),
  }));
  for (const suite of suites)
    if (suite.cases.length === 0) suite.cases.push({ classname: 'chartlint', name: 'lint' });
  for (const e of result.errors) {
    const name = e.location?.file ?? 'chartlint';
    let suite = suites.find((s) => s.name === name);
    if (!suite) suites.push((suite = { name, cases: [] }));
    suite.cases.push(errorCase(e));
  }
  const total = count(suites.flatMap((s) => s.cases));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="chartlint" ${countAttributes(total)}>`,
  ];
  for (const suite of suites) {
    out.push(`  <testsuite name="${attr(suite.name)}" ${countAttributes(count(suite.cases))}>`);
    for (const c of suite.cases) out.push(...testcase(c));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

interface Case {
  classname: string;
  name: string;
  file?: string;
  line?: number;
  outcome?: { element: 'failure' | 'skipped' | 'error'; message: string; type?: string; body?: string };
}

interface Suite {
  name: string;
  cases: Case[];
}

function findingCase(f: Finding): Case {
  const r = f.resource;
  const subject = r ? `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}` : '';
  const path = f.path?.length ? ` ${jsonPath(f.path)}` : '';
  const envs = f.environments.length ? `  [${f.environments.join(', ')}]` : '';
  const body = [`${where(f.location)}  ${f.severity}  ${f.ruleId}  ${f.message}${envs}`];
  for (const rel of f.related) body.push(`  ${rel.label}: ${where(rel)}`);
  const outcome: Case['outcome'] = f.suppressed
    ? {
        element: 'skipped',
        message: `suppressed (${f.suppression?.kind ?? 'suppressed'})${f.suppression?.justification ? `: ${f.suppression.justification}` : ''}`,
      }
    : { element: 'failure', message: f.message, type: f.severity, body: body.join('\n') };
  return {
    classname: f.ruleId,
    name: subject ? `${subject}${path} (${where(f.location)})` : where(f.location),
    file: f.location.file,
    ...(f.location.startLine !== undefined ? { line: f.location.startLine } : {}),
    outcome,
  };
}

function errorCase(e: ChartlintError): Case {
  const body = [
    formatLocated(e.message, e.location),
    ...e.details.map((d) => `  ${formatLocated(d.message, d.location)}`),
  ];
  return {
    classname: 'chartlint',
    name: e.code,
    ...(e.location ? { file: e.location.file } : {}),
    ...(e.location?.startLine !== undefined ? { line: e.location.startLine } : {}),
    outcome: { element: 'error', message: e.message, type: e.code, body: body.join('\n') },
  };
}

function testcase(c: Case): string[] {
  const attrs = [`classname="${attr(c.classname)}"`, `name="${attr(c.name)}"`];
  if (c.file !== undefined) attrs.push(`file="${attr(c.file)}"`);
  if (c.line !== undefined) attrs.push(`line="${c.line}"`);
  const open = `    <testcase ${attrs.join(' ')}`;
  const o = c.outcome;
  if (!o) return [`${open}/>`];
  const outcomeAttrs = `message="${attr(o.message)}"${o.type !== undefined ? ` type="${attr(o.type)}"` : ''}`;
  const element =
    o.body === undefined
      ? `<${o.element} ${outcomeAttrs}/>`
      : `<${o.element} ${outcomeAttrs}>${text(o.body)}</${o.element}>`;
  return [`${open}>`, `      ${element}`, '    </testcase>'];
}

function count(cases: readonly Case[]): { tests: number; failures: number; errors: number; skipped: number } {
  const n = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const c of cases) {
    if (c.outcome?.element === 'failure') n.failures++;
    else if (c.outcome?.element === 'error') n.errors++;
    else if (c.outcome?.element === 'skipped') n.skipped++;
  }
  return n;
}

function countAttributes(n: ReturnType<typeof count>): string {
  return `tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}"`;
}

/** `spec.template.spec.containers[0].image` */
function jsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

// Characters XML 1.0 cannot carry at all (even escaped): C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes element text. */
function text(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value; line breaks and tabs as references, since parsers normalise literal ones to spaces. */
function attr(s: string): string {
  return text(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
