/**
 * The rules' data tables (rules/*.yaml, DESIGN.md §5: data lives in files, never in rule code). The build validates
 * them against rules/schema/<name>.schema.json and compiles them to JSON (config/shipped-data.ts).
 */
import type { ErrorObject } from 'ajv';
import { shippedTable } from '../config/shipped-data.js';

/** Names of the data files under rules/ that rules read (each has a schema of the same name). */
export const RULE_DATA_FILES = ['deprecated-apis', 'floating-tags', 'secret-patterns'] as const;
export type RuleDataName = (typeof RULE_DATA_FILES)[number];

/** `path message; path message` for ajv errors, the form every chartlint schema error uses. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()).join('; ');
}

/** The compiled `rules/<name>.yaml`, read once. */
export function loadRuleData<T>(name: RuleDataName): T {
  return shippedTable<T>(name);
}
