/**
 * The rules' data tables (rules/*.yaml), each validated against rules/schema/<name>.schema.json when first used
 * (DESIGN.md §5: data lives in files, never in rule code).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';

const RULES_DIR = new URL('../../rules/', import.meta.url);

/** Names of the data files under rules/ that rules read (each has a schema of the same name). */
export const RULE_DATA_FILES = ['deprecated-apis', 'floating-tags', 'secret-patterns'] as const;
export type RuleDataName = (typeof RULE_DATA_FILES)[number];

const cache = new Map<string, unknown>();
const validators = new Map<string, ValidateFunction>();

/** The compiled schema of a data file (also used to validate user additions given as rule options). */
export function dataSchemaValidator(name: RuleDataName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const schema = JSON.parse(
      readFileSync(new URL(`schema/${name}.schema.json`, RULES_DIR), 'utf8'),
    ) as object;
    // Shipped schemas are checked by the meta tests; skipping meta-schema validation saves start-up time.
    validate = new Ajv({ allErrors: true, validateSchema: false }).compile(schema);
    validators.set(name, validate);
  }
  return validate;
}

/** `path message; path message` for ajv errors, the form every chartlint schema error uses. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()).join('; ');
}

/** Loads and validates `rules/<name>.yaml` once. An invalid table is an internal error naming the file. */
export function loadRuleData<T>(name: RuleDataName): T {
  const cached = cache.get(name);
  if (cached !== undefined) return cached as T;
  const doc = parse(readFileSync(new URL(`${name}.yaml`, RULES_DIR), 'utf8')) as unknown;
  const validate = dataSchemaValidator(name);
  if (!validate(doc)) {
    throw new ChartlintError(
      'internal',
      `rules/${name}.yaml is invalid: ${describeSchemaErrors(validate.errors)}`,
    );
  }
  cache.set(name, doc);
  return doc as T;
}
