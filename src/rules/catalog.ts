import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Severity } from '../diagnostics/severity.js';

/** One catalog entry (rules/catalog.yaml). */
export interface CatalogEntry {
  id: string;
  kind: 'engine' | 'rule' | 'policy';
  title: string;
  description: string;
  remediation: string;
  severity: Severity;
  tags: string[];
  /** CVSS-like score as a string, only on security rules (GitHub code scanning reads it). */
  securitySeverity?: string;
  precision?: 'very-high' | 'high' | 'medium' | 'low';
  help: string;
}

const CATALOG_URL = new URL('../../rules/catalog.yaml', import.meta.url);
const SCHEMA_URL = new URL('../../rules/schema/catalog.schema.json', import.meta.url);

let cached: ReadonlyMap<string, CatalogEntry> | undefined;

/** The rule catalog, validated against its schema, keyed by id in file order. Loaded once. */
export function loadCatalog(): ReadonlyMap<string, CatalogEntry> {
  if (cached) return cached;
  const doc = parse(readFileSync(CATALOG_URL, 'utf8')) as unknown;
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  if (!validate(doc)) {
    const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new ChartlintError('internal', `rules/catalog.yaml is invalid: ${detail}`);
  }
  const map = new Map<string, CatalogEntry>();
  for (const entry of (doc as { rules: CatalogEntry[] }).rules) {
    if (map.has(entry.id)) throw new ChartlintError('internal', `rules/catalog.yaml: duplicate rule id ${entry.id}`);
    map.set(entry.id, entry);
  }
  cached = map;
  return map;
}
