import { createHash } from 'node:crypto';
import type { ResourceRef } from './finding.js';

/**
 * A fingerprint is stable under line shifts, environment changes and re-ordering: it hashes the rule id, the chart,
 * the resource identity, the JSON path, the primary file and an optional rule-specific discriminator (for
 * example a hash of a secret, never the secret itself) — never line numbers and never the environment.
 */
export function fingerprintOf(parts: {
  ruleId: string;
  chart: string;
  resource?: ResourceRef | undefined;
  path?: readonly (string | number)[] | undefined;
  file: string;
  discriminator?: string | undefined;
}): string {
  const r = parts.resource;
  const key = [
    parts.ruleId,
    parts.chart,
    r ? `${r.apiVersion}|${r.kind}|${r.namespace ?? ''}|${r.name}` : '',
    parts.path ? JSON.stringify(parts.path) : '',
    parts.file,
    parts.discriminator ?? '',
  ].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
