import { shippedTable } from '../config/shipped-data.js';
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

let cached: ReadonlyMap<string, CatalogEntry> | undefined;

/**
 * The rule catalog keyed by id in file order: rules/catalog.yaml, then the built-in policy pack's entries generated
 * from its `# METADATA` (rules/catalog.policies.yaml). The build validates both and rejects duplicate ids.
 */
export function loadCatalog(): ReadonlyMap<string, CatalogEntry> {
  if (cached) return cached;
  const { rules } = shippedTable<{ rules: CatalogEntry[] }>('catalog');
  cached = new Map(rules.map((entry) => [entry.id, entry]));
  return cached;
}
