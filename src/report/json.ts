import type { LintResult } from '../engine/types.js';
import { summarize } from '../engine/types.js';

/** Version of the JSON report's shape; bumped on any incompatible change. */
export const JSON_REPORT_VERSION = 1;

/** The JSON report (documented in the README). Deterministic: same input, same bytes. */
export function formatJson(result: LintResult, tool: { name: string; version: string }): string {
  const doc = {
    version: JSON_REPORT_VERSION,
    tool,
    renderer: result.renderer,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      severity: f.severity,
      message: f.message,
      chart: f.chart,
      environments: f.environments,
      ...(f.resource ? { resource: f.resource } : {}),
      ...(f.path ? { path: f.path } : {}),
      location: f.location,
      related: f.related,
      fingerprint: f.fingerprint,
      suppressed: f.suppressed,
      ...(f.suppression ? { suppression: f.suppression } : {}),
      ...(f.properties ? { properties: f.properties } : {}),
    })),
    errors: result.errors.map((e) => ({
      code: e.code,
      message: e.message,
      ...(e.location ? { location: e.location } : {}),
      ...(e.details.length ? { details: e.details } : {}),
    })),
    summary: summarize(result),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
