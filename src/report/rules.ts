import type { CatalogEntry } from '../rules/catalog.js';

/** `chartlint rules`: one line per rule (id, default severity, title), or the catalog as JSON. */
export function formatRuleList(catalog: ReadonlyMap<string, CatalogEntry>, format: 'text' | 'json'): string {
  const entries = [...catalog.values()];
  if (format === 'json') return JSON.stringify(entries, null, 2) + '\n';
  const width = Math.max(...entries.map((e) => e.id.length));
  return entries.map((e) => `${e.id.padEnd(width)}  ${e.severity.padEnd(7)}  ${e.title}`).join('\n') + '\n';
}

/** `chartlint explain RULE`: the rule's description, remediation and help with examples. */
export function formatRuleHelp(e: CatalogEntry): string {
  const lines = [
    `${e.id} — ${e.title}`,
    `default severity: ${e.severity}${e.securitySeverity ? ` (security severity ${e.securitySeverity})` : ''}; tags: ${e.tags.join(', ')}`,
    '',
    e.description.trim(),
    '',
    `Remediation: ${e.remediation.trim()}`,
    '',
    e.help.trim(),
  ];
  return lines.join('\n') + '\n';
}
