import type { CatalogEntry } from '../rules/catalog.js';

/** `chartlint rules`: one line per rule (id, default severity, title), or the catalog as JSON. */
export function formatRuleList(catalog: ReadonlyMap<string, CatalogEntry>, format: 'text' | 'json'): string {
  const entries = [...catalog.values()];
  if (format === 'json') return JSON.stringify(entries, null, 2) + '\n';
  const width = Math.max(...entries.map((e) => e.id.length));
  return entries.map((e) => `${e.id.padEnd(width)}  ${e.severity.padEnd(7)}  ${e.title}`).join('\n') + '\n';
}

/** `chartlint explain RULE`: the rule's description, remediation, help with examples and, for a rule, its options. */
export function formatRuleHelp(e: CatalogEntry, options?: RuleOptionsHelp): string {
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
  const optionLines = options ? formatOptions(e.id, options) : [];
  if (optionLines.length > 0) lines.push('', ...optionLines);
  return lines.join('\n') + '\n';
}

/** A rule's options as `explain` shows them: its options schema and its defaults. */
export interface RuleOptionsHelp {
  schema: Record<string, unknown>;
  defaults: unknown;
}

interface OptionSchema {
  type?: string;
  description?: string;
  items?: { type?: string; $ref?: string };
}

/** `list of strings`, `boolean`, … for one option's schema. */
function typeText(schema: OptionSchema): string {
  if (schema.type !== 'array') return schema.type ?? 'value';
  const item = schema.items?.type ?? (schema.items?.$ref ? 'object' : 'value');
  return `list of ${item}s`;
}

function formatOptions(id: string, { schema, defaults }: RuleOptionsHelp): string[] {
  const properties = (schema.properties ?? {}) as Record<string, OptionSchema>;
  const names = Object.keys(properties);
  if (names.length === 0) return [];
  const example = names[0] as string;
  const lines = [`Options (in .chartlint.yaml: rules: { ${id}: [<severity>, { ${example}: … }] }):`];
  for (const name of names) {
    const option = properties[name] as OptionSchema;
    const fallback = (defaults as Record<string, unknown> | undefined)?.[name];
    lines.push(
      `  ${name} (${typeText(option)}; default ${JSON.stringify(fallback)})`,
      ...(option.description ? [`      ${option.description}`] : []),
    );
  }
  return lines;
}
