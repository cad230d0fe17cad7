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

/** The hand-written catalog, and the built-in policy pack's entries generated from its `# METADATA`. */
const CATALOG_URLS = [
  new URL('../../rules/catalog.yaml', import.meta.url),
  new URL('../../rules/catalog.policies.yaml', import.meta.url),
];
const SCHEMA_URL = new URL('../../rules/schema/catalog.schema.json', import.meta.url);

let cached: ReadonlyMap<string, CatalogEntry> | undefined;

/** The rule catalog, validated against its schema, keyed by id in file order. Loaded once. */
export function loadCatalog(): ReadonlyMap<string, CatalogEntry> {
  if (cached) return cached;
  // The schema ships with chartlint (tests compile it strictly); skipping meta-schema validation saves start-up time.
  const ajv = new Ajv({ allErrors: true, validateSchema: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  const map = new Map<string, CatalogEntry>();
  for (const url of CATALOG_URLS) {
    const name = url.pathname.split('/').slice(-2).join('/');
    const doc = parse(readFileSync(url, 'utf8')) as unknown;
    if (!validate(doc)) {
      const detail = (validate.errors ?? [])
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
        .join('; ');
      throw new ChartlintError('internal', `${name} is invalid: ${detail}`);
    }
    for (const entry of (doc as { rules: CatalogEntry[] }).rules) {
      if (map.has(entry.id)) throw new ChartlintError('internal', `${name}: duplicate rule id ${entry.id}`);
      map.set(entry.id, entry);
    }
  }
  cached = map;
  return map;
}
