import type { Finding } from '../diagnostics/finding.js';
import type { Location } from '../diagnostics/location.js';
import { severityRank } from '../diagnostics/severity.js';
import type { LintResult } from '../engine/types.js';
import type { CatalogEntry } from '../rules/catalog.js';

/** GitHub code scanning keeps at most this many results per run. */
export const SARIF_MAX_RESULTS = 25_000;

/** Options of the SARIF report. */
export interface SarifOptions {
  tool: { name: string; version: string; informationUri?: string };
  /** Every rule that can appear: built-in rules and policies (tool.driver.rules lists them all). */
  catalog: ReadonlyMap<string, CatalogEntry>;
  /**
   * Path of the working directory relative to the repository root (`''` when they are the same), so result URIs
   * are relative to the repository root as code scanning needs.
   */
  uriPrefix: string;
  /** `automationDetails.id` category (`--category`). */
  category?: string;
  /** Base URL of rule documentation; the rule id is appended. Without it rules carry no helpUri. */
  helpUriBase?: string;
}

/** A SARIF 2.1.0 log that GitHub code scanning accepts (checks-facts.md §6). Deterministic. */
export function formatSarif(result: LintResult, options: SarifOptions): { text: string; truncated: number } {
  const rules = [...options.catalog.values()];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  let findings = result.findings;
  let truncated = 0;
  if (findings.length > SARIF_MAX_RESULTS) {
    // Keep the most severe: a stable sort by severity keeps the report's own order within a severity.
    findings = [...findings]
      .map((f, i) => ({ f, i }))
      .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
      .slice(0, SARIF_MAX_RESULTS)
      .map((x) => x.f);
    truncated = result.findings.length - findings.length;
  }
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: options.tool.name,
        version: options.tool.version,
        semanticVersion: options.tool.version,
        ...(options.tool.informationUri ? { informationUri: options.tool.informationUri } : {}),
        rules: rules.map((r) => reportingDescriptor(r, options.helpUriBase)),
      },
    },
    ...(options.category ? { automationDetails: { id: `${options.category.replace(/\/+$/, '')}/` } } : {}),
    // Charts that could not be linted at all are not results (no rule produced them) but must not vanish: they are
    // tool execution notifications, and the run is marked unsuccessful.
    invocations: [
      {
        executionSuccessful: result.errors.length === 0,
        ...(result.errors.length
          ? {
              toolExecutionNotifications: result.errors.map((e) => ({
                level: 'error',
                message: { text: e.message },
                descriptor: { id: e.code },
                ...(e.location ? { locations: [physical(e.location, options.uriPrefix)] } : {}),
              })),
            }
          : {}),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: findings.map((f) => sarifResult(f, ruleIndex, options.uriPrefix)),
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return { text: JSON.stringify(log, null, 2) + '\n', truncated };
}

function reportingDescriptor(r: CatalogEntry, helpUriBase: string | undefined): Record<string, unknown> {
  const security = r.securitySeverity !== undefined;
  return {
    id: r.id,
    name: pascalCase(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: truncate(r.description, 1024) },
    help: {
      text: `${r.description}\n\n${r.remediation}`,
      markdown: `${r.help.trim()}\n\n**Remediation:** ${r.remediation}`,
    },
    ...(helpUriBase ? { helpUri: `${helpUriBase}${encodeURIComponent(r.id)}` } : {}),
    defaultConfiguration: { level: r.severity },
    properties: {
      tags: (security && !r.tags.includes('security') ? ['security', ...r.tags] : r.tags).slice(0, 20),
      precision: r.precision ?? 'high',
      ...(security
        ? { 'security-severity': r.securitySeverity }
        : { 'problem.severity': r.severity === 'note' ? 'recommendation' : r.severity }),
    },
  };
}

function sarifResult(f: Finding, ruleIndex: Map<string, number>, prefix: string): Record<string, unknown> {
  const related = f.related.map((r, i) => ({
    id: i + 1,
    ...physical(r, prefix),
    message: { text: r.label },
  }));
  const refs = related.map((r) => `[${r.message.text}](${r.id})`).join(', ');
  const index = ruleIndex.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: f.severity,
    message: { text: refs ? `${f.message} See ${refs}.` : f.message },
    locations: [physical(f.location, prefix)],
    ...(related.length ? { relatedLocations: related } : {}),
    partialFingerprints: { 'chartlint/v1': f.fingerprint },
    properties: {
      chart: f.chart,
      environments: f.environments,
      ...(f.resource ? { resource: f.resource } : {}),
      ...(f.path ? { jsonPath: f.path } : {}),
    },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind:
                f.suppression?.kind === 'comment' || f.suppression?.kind === 'annotation'
                  ? 'inSource'
                  : 'external',
              ...(f.suppression?.justification ? { justification: f.suppression.justification } : {}),
            },
          ],
        }
      : {}),
  };
}

function physical(l: Location, prefix: string): { physicalLocation: Record<string, unknown> } {
  const uri = encodeURI(prefix ? `${prefix.replace(/\/+$/, '')}/${l.file}` : l.file);
  const startLine = l.startLine ?? 1;
  const startColumn = l.startColumn ?? 1;
  const endLine = l.endLine ?? startLine;
  const endColumn =
    l.endColumn !== undefined && (endLine > startLine || l.endColumn > startColumn)
      ? l.endColumn
      : startColumn + 1;
  return {
    physicalLocation: {
      artifactLocation: { uri },
      region: { startLine, startColumn, endLine, endColumn },
    },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
