/**
 * The shared rule tester: builds RenderedManifests from YAML text with parseManifests, charts from in-memory
 * files with the real chart assembler, runs one rule and returns its reports with 1-based positions — rendered
 * positions for manifest reports, file positions for chart reports.
 */
import { expect } from 'vitest';
import { assembleChart } from '../../src/chart/assemble.js';
import { DEFAULT_LOAD_LIMITS } from '../../src/chart/limits.js';
import { readChartArchive } from '../../src/chart/load-archive.js';
import type { Chart } from '../../src/chart/types.js';
import { parseManifests } from '../../src/manifests/parse.js';
import type { RenderedManifest } from '../../src/manifests/types.js';
import type { RenderedDocument } from '../../src/render/types.js';
import type { Rule, RuleEnvironment, RuleReport } from '../../src/rules/types.js';
import type { ChartValues } from '../../src/values/dependencies.js';

/** Display path of the test chart. */
export const CHART_DIR = 'chart';
const MINIMAL_CHART_YAML = 'apiVersion: v2\nname: chart\nversion: 0.1.0\n';

/** Builds manifests from multi-document YAML as if `templates/<template>` had rendered it. */
export function manifestsFrom(
  yaml: string,
  options: { template?: string; role?: RenderedDocument['role']; environment?: string } = {},
): RenderedManifest[] {
  const document: RenderedDocument = {
    source: `chart/${options.template ?? 'templates/test.yaml'}`,
    text: yaml,
    role: options.role ?? 'manifest',
  };
  const { manifests, errors } = parseManifests([document], options.environment ?? 'default');
  if (errors.length > 0) throw new Error(`test YAML does not parse: ${errors[0]?.message}`);
  return manifests;
}

/** Builds manifests from several rendered documents (one per template), numbered in order. */
export function manifestsFromDocuments(documents: RenderedDocument[]): RenderedManifest[] {
  const { manifests, errors } = parseManifests(documents, 'default');
  if (errors.length > 0) throw new Error(`test YAML does not parse: ${errors[0]?.message}`);
  return manifests;
}

/** Builds a chart from files (path inside the chart → content); Chart.yaml defaults to a minimal one. */
export async function chartFrom(
  files: Record<string, string | Uint8Array> = {},
  dir = CHART_DIR,
): Promise<Chart> {
  const all = { 'Chart.yaml': MINIMAL_CHART_YAML, ...files };
  return assembleChart(
    Object.entries(all).map(([name, data]) => ({
      name,
      data: typeof data === 'string' ? new TextEncoder().encode(data) : data,
    })),
    { origin: { dir }, limits: DEFAULT_LOAD_LIMITS, readArchive: readChartArchive, depth: 0 },
  );
}

/** A report with the rule id and the 1-based position it points at. */
export interface TestedReport {
  ruleId: string;
  messageId: string;
  message: string;
  severity?: RuleReport['severity'];
  line: number;
  column: number;
  /** The file of a chart report, or the rendered template of a manifest report. */
  file: string;
  report: RuleReport;
}

/** Inputs of one rule run. */
export interface RunInput<O> {
  chart?: Chart;
  manifests?: RenderedManifest[];
  options?: Partial<O>;
  kubeVersion?: string;
  environment?: Partial<RuleEnvironment>;
  values?: ChartValues;
}

/** Runs `rule` with its default options overlaid by `input.options` and returns the positioned reports. */
export async function runRule<O>(rule: Rule<O>, input: RunInput<O> = {}): Promise<TestedReport[]> {
  const chart = input.chart ?? (await chartFrom());
  const manifests = input.manifests ?? [];
  const reports: RuleReport[] = [];
  const ctx = {
    chart,
    environment: {
      name: 'default',
      releaseName: 'release-name',
      kubeVersion: input.kubeVersion ?? '',
      valuesFiles: [],
      ...input.environment,
    },
    manifests,
    options: { ...rule.defaultOptions, ...input.options } as O,
    ...(input.values ? { values: input.values } : {}),
    report: (r: RuleReport) => reports.push(r),
  };
  if (rule.scope === 'manifest') for (const m of manifests) rule.check(ctx, m);
  else rule.check(ctx);
  return reports.map((report) => {
    let line = 0;
    let column = 0;
    let file = '';
    if (report.manifest) {
      const pos = report.manifest.positionOf(report.manifest.rangeOf(report.path ?? []).start);
      line = pos.line;
      column = pos.column;
      file = report.manifest.document.source;
    } else if (report.file) {
      line = report.file.span?.startLine ?? 0;
      column = report.file.span?.startColumn ?? 0;
      file = report.file.path;
    }
    expect(report.message.endsWith('.'), `message ends with a period: ${report.message}`).toBe(true);
    expect(Object.keys(rule.messages)).toContain(report.messageId);
    return {
      ruleId: rule.id,
      messageId: report.messageId,
      message: report.message,
      ...(report.severity ? { severity: report.severity } : {}),
      line,
      column,
      file,
      report,
    };
  });
}

/** What a table case expects of one report: message id and position (and optionally severity/file/text). */
export interface Expected {
  messageId: string;
  line: number;
  column: number;
  severity?: RuleReport['severity'];
  file?: string;
  /** A substring the message must contain. */
  contains?: string;
}

/** Asserts the reports match `expected` in order: rule id, message id, position (and the optional parts). */
export function expectReports(ruleId: string, actual: TestedReport[], expected: Expected[]): void {
  const summary = actual.map((r) => `${r.messageId}@${r.line}:${r.column} ${r.message}`);
  expect(actual.length, `reports: ${JSON.stringify(summary, null, 1)}`).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i] as TestedReport;
    expect(a.ruleId).toBe(ruleId);
    expect({ messageId: a.messageId, line: a.line, column: a.column }).toEqual({
      messageId: e.messageId,
      line: e.line,
      column: e.column,
    });
    if (e.severity) expect(a.severity ?? 'default').toBe(e.severity);
    if (e.file) expect(a.file).toBe(e.file);
    if (e.contains) expect(a.message).toContain(e.contains);
  });
}
