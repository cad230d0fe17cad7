/**
 * Validation of `.chartlint.yaml` against the JSON schema shipped in `schema/chartlint.schema.json` (compiled once
 * per process). Every problem is reported with its path in the file; locating them is the loader's job.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** One schema problem: the path of the offending node, whether the key (not the value) is at fault, and a message. */
export interface SchemaProblem {
  path: (string | number)[];
  onKey: boolean;
  message: string;
}

let compiled: ValidateFunction | undefined;

/** The compiled validator (the schema is read from the package's `schema/` directory on first use). */
function validator(): ValidateFunction {
  if (!compiled) {
    const schemaUrl = new URL('../../schema/chartlint.schema.json', import.meta.url);
    const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as object;
    compiled = new Ajv({
      allErrors: true,
      strictTuples: false,
      allowUnionTypes: true,
      validateSchema: false,
    }).compile(schema);
  }
  return compiled;
}

/** JSON pointer → path parts; indexes of arrays become numbers. */
function pointerPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) {
      path.push(Number(key));
      node = node[Number(key)];
    } else {
      path.push(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key ${JSON.stringify(params['additionalProperty'])}`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'oneOf':
      return 'must be a severity (error, warning, note), "off", or [severity, options]';
    case 'propertyNames':
      return `invalid key ${JSON.stringify(params['propertyName'])}`;
    case 'pattern':
      return `must match the pattern ${String(params['pattern'])}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** Validates a parsed config document; returns every problem (empty when valid). */
export function validateConfigData(data: unknown): SchemaProblem[] {
  const validate = validator();
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // The branches of a oneOf only explain the oneOf error itself; one message per place is clearer.
    if (error.schemaPath.includes('/oneOf/')) continue;
    // propertyNames reports the inner pattern failure too.
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') continue;
    const path = pointerPath(error.instancePath, data);
    let onKey = false;
    if (error.keyword === 'additionalProperties') {
      path.push(String((error.params as Record<string, unknown>)['additionalProperty']));
      onKey = true;
    } else if (error.keyword === 'propertyNames') {
      path.push(String((error.params as Record<string, unknown>)['propertyName']));
      onKey = true;
    }
    const message = messageOf(error);
    const key = `${JSON.stringify(path)} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, onKey, message });
  }
  return problems;
}
