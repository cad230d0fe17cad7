/**
 * values.schema.json validation (helm-render-spec.md §5.6): every enabled chart's schema against its coalesced
 * values, with ajv standing in for Helm's santhosh-tekuri/jsonschema v6. Results are findings-ready (chart,
 * values path, message, origin of the offending values-file scalar) and Helm's own error text is rebuilt for
 * `chartlint template` parity: the draft comes from `$schema` (default 2020-12), `format` is asserted only for
 * drafts 4/6/7, and messages use jsonschema v6's wording.
 */
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import draft06Meta from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { GoBytes, GoInt, GoList, GoMap, type GoValue, type ValueOrigin } from './model.js';
import type { ChartValues } from './dependencies.js';
import { JsonSyntaxError, parseJsonDocument } from './json-value.js';

/** One schema violation, ready to become a finding. */
export interface SchemaProblem {
  /** Name of the chart whose schema failed (its alias when it has one), as Helm prints it. */
  chart: string;
  /** The schema file (display path). */
  schemaFile: string;
  /** JSON pointer of the failing value inside that chart's values (`''` for the chart's values themselves). */
  pointer: string;
  /** Path of the failing value from the root chart's `.Values`. */
  valuesPath: (string | number)[];
  /** jsonschema v6's message without the `- at '…': ` prefix, e.g. `minimum: got 0, want 1`. */
  message: string;
  /** Where the failing value (or, for missing or extra keys, its parent) came from, when known. */
  origin?: ValueOrigin;
}

/** A schema that could not be used (bad JSON or not a valid schema). */
export interface SchemaFailure {
  chart: string;
  schemaFile: string;
  message: string;
}

/** Everything validation found; `helmError` is Helm's whole error text when anything failed. */
export interface SchemaValidation {
  problems: SchemaProblem[];
  failures: SchemaFailure[];
  helmError?: string;
}

type Draft = '4' | '6' | '7' | '2019-09' | '2020-12';

type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

function draftOf(schema: unknown): Draft {
  const uri =
    typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined;
  if (typeof uri !== 'string') return '2020-12';
  if (uri.includes('draft-04')) return '4';
  if (uri.includes('draft-06')) return '6';
  if (uri.includes('draft-07')) return '7';
  if (uri.includes('2019-09')) return '2019-09';
  return '2020-12';
}

/** ajv has no draft-04 mode: rewrite the few draft-04 forms that differ (boolean exclusive bounds, `id`). */
function fromDraft4(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(fromDraft4);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  const src = schema as Record<string, unknown>;
  for (const [k, v] of Object.entries(src)) {
    if (k === '$schema') continue;
    if (k === 'id' && typeof v === 'string') out.$id = v;
    else if ((k === 'exclusiveMaximum' || k === 'exclusiveMinimum') && typeof v === 'boolean') continue;
    else out[k] = k === 'enum' || k === 'const' || k === 'default' ? v : fromDraft4(v);
  }
  if (src.exclusiveMaximum === true && typeof src.maximum === 'number') {
    out.exclusiveMaximum = src.maximum;
    delete out.maximum;
  }
  if (src.exclusiveMinimum === true && typeof src.minimum === 'number') {
    out.exclusiveMinimum = src.minimum;
    delete out.minimum;
  }
  return out;
}

const ajvByDraft = new Map<string, Ajv>();

function ajvFor(draft: Draft): Ajv {
  const key = draft;
  let ajv = ajvByDraft.get(key);
  if (ajv) return ajv;
  const options = {
    allErrors: true,
    strict: false,
    // Formats are assertions only up to draft-07, as in jsonschema v6.
    validateFormats: draft === '4' || draft === '6' || draft === '7',
    unicodeRegExp: true,
  };
  if (draft === '2019-09') ajv = new Ajv2019(options) as unknown as Ajv;
  else if (draft === '2020-12') ajv = new Ajv2020(options) as unknown as Ajv;
  else {
    ajv = new Ajv(options);
    ajv.addMetaSchema(draft06Meta as AnySchemaObject);
  }
  addFormats(ajv);
  ajvByDraft.set(key, ajv);
  return ajv;
}

const compiled = new Map<string, ValidateFunction | SchemaFailure['message']>();

/** Compiles a schema text once (cached by content); returns the validator or the error text Helm shows. */
function compile(text: string): ValidateFunction | string {
  const cached = compiled.get(text);
  if (cached !== undefined) return cached;
  let result: ValidateFunction | string;
  try {
    const raw = parseJsonDocument(text);
    const schema = toJson(raw);
    const draft = draftOf(schema);
    const ajv = ajvFor(draft);
    const prepared = draft === '4' ? fromDraft4(schema) : schema;
    result = ajv.compile(typeof prepared === 'boolean' ? prepared : (prepared as AnySchemaObject));
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      result = e.message.endsWith('after top-level value')
        ? 'invalid character after top-level value'
        : e.message;
    } else result = (e as Error).message;
  }
  compiled.set(text, result);
  return result;
}

/** Plain JSON for ajv (numbers of every Go kind become JSON numbers). */
function toJson(v: GoValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (v instanceof GoInt) return v.toNumber();
  if (v instanceof GoList) return v.items.map(toJson);
  if (v instanceof GoMap) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries) out[k] = toJson(x);
    return out;
  }
  if (v instanceof GoBytes) return Buffer.from(v.bytes).toString('base64');
  return null;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** jsonschema v6's rendering of a value inside a message: strings single-quoted, nil as `<nil>`. */
function quoteValue(v: unknown): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function sizeOf(v: unknown): number {
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (v !== null && typeof v === 'object') return Object.keys(v).length;
  return 0;
}

/** A short reason for common format failures, as jsonschema v6 gives them. */
function formatReason(format: string, value: unknown): string {
  if (typeof value !== 'string') return '';
  if (format === 'email' && !value.includes('@')) return ': missing @';
  if (format === 'ipv4') {
    const parts = value.split('.');
    if (parts.length !== 4) return ': expected four decimals';
    if (parts.some((p) => !/^[0-9]+$/.test(p))) return ': invalid decimal';
    if (parts.some((p) => Number(p) > 255)) return ': decimal must be between 0 and 255';
  }
  return '';
}

/** Groups ajv's errors into jsonschema v6 messages, keyed by instance pointer. */
function messages(
  errors: readonly ErrorObject[],
  data: unknown,
): { pointer: string; message: string; key?: string }[] {
  const out: { pointer: string; message: string; key?: string }[] = [];
  const grouped = new Map<string, { kind: string; pointer: string; items: string[]; extra?: string }>();
  const group = (kind: string, pointer: string, item: string, extra?: string): void => {
    const id = `${kind}\u0000${pointer}\u0000${extra ?? ''}`;
    const g = grouped.get(id) ?? { kind, pointer, items: [], ...(extra !== undefined ? { extra } : {}) };
    if (!g.items.includes(item)) g.items.push(item);
    grouped.set(id, g);
    if (!out.some((o) => o.message === id)) out.push({ pointer, message: id });
  };
  for (const e of errors) {
    const value = valueAt(data, e.instancePath);
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'type': {
        const want = Array.isArray(p.type) ? [...p.type].sort() : String(p.type).split(',').sort();
        out.push({ pointer: e.instancePath, message: `got ${jsonType(value)}, want ${want.join(' or ')}` });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'multipleOf':
        out.push({
          pointer: e.instancePath,
          message: `${e.keyword}: got ${String(value)}, want ${String(p.limit ?? p.multipleOf)}`,
        });
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties':
        out.push({
          pointer: e.instancePath,
          message: `${e.keyword}: got ${sizeOf(value)}, want ${String(p.limit)}`,
        });
        break;
      case 'required':
        group('required', e.instancePath, String(p.missingProperty));
        break;
      case 'additionalProperties':
        group('additional', e.instancePath, String(p.additionalProperty));
        break;
      case 'dependentRequired':
      case 'dependencies':
        group('dependent', e.instancePath, String(p.missingProperty), String(p.property));
        break;
      case 'enum': {
        const allowed = (p.allowedValues as unknown[]) ?? [];
        out.push({
          pointer: e.instancePath,
          message:
            allowed.length === 1
              ? `value must be ${quoteValue(allowed[0])}`
              : `value must be one of ${allowed.map(quoteValue).join(', ')}`,
        });
        break;
      }
      case 'const':
        out.push({ pointer: e.instancePath, message: `value must be ${quoteValue(p.allowedValue)}` });
        break;
      case 'pattern':
        out.push({
          pointer: e.instancePath,
          message: `${quoteValue(value)} does not match pattern '${String(p.pattern)}'`,
        });
        break;
      case 'format':
        out.push({
          pointer: e.instancePath,
          message: `${quoteValue(value)} is not valid ${String(p.format)}${formatReason(String(p.format), value)}`,
        });
        break;
      case 'uniqueItems':
        out.push({
          pointer: e.instancePath,
          message: `items at ${String(p.j)} and ${String(p.i)} are equal`,
        });
        break;
      case 'not':
        out.push({ pointer: e.instancePath, message: "'not' failed" });
        break;
      case 'anyOf':
        out.push({ pointer: e.instancePath, message: 'anyOf failed' });
        break;
      case 'oneOf':
        out.push({
          pointer: e.instancePath,
          message: Array.isArray(p.passingSchemas)
            ? `oneOf failed, subschemas ${(p.passingSchemas as number[]).join(', ')} matched`
            : 'oneOf failed, none matched',
        });
        break;
      case 'false schema':
        out.push({ pointer: e.instancePath, message: 'false schema' });
        break;
      case 'if':
        // jsonschema v6 reports only the failing then/else branch.
        break;
      default:
        out.push({ pointer: e.instancePath, message: e.message ?? e.keyword });
    }
  }
  return out.map((o) => {
    const g = grouped.get(o.message);
    if (!g) return o;
    const list = g.items.map((i) => `'${i}'`).join(', ');
    if (g.kind === 'required') {
      return {
        pointer: g.pointer,
        message: `missing ${g.items.length === 1 ? 'property' : 'properties'} ${list}`,
      };
    }
    if (g.kind === 'additional') {
      const sorted = [...g.items]
        .sort()
        .map((i) => `'${i}'`)
        .join(', ');
      return {
        pointer: g.pointer,
        message: `additional properties ${sorted} not allowed`,
        key: g.items[0] ?? '',
      };
    }
    return { pointer: g.pointer, message: `properties ${list} required, if '${g.extra ?? ''}' exists` };
  });
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const seg of decodePointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (cur !== null && typeof cur === 'object') cur = (cur as Record<string, unknown>)[seg];
    else return undefined;
  }
  return cur;
}

/** The values path of a pointer and the origin of the deepest entry on it that has one. */
function locateInValues(
  values: GoMap,
  pointer: string,
  extraKey?: string,
): { path: (string | number)[]; origin?: ValueOrigin } {
  const path: (string | number)[] = [];
  let cur: GoValue = values;
  let origin: ValueOrigin | undefined;
  const segments = decodePointer(pointer);
  if (extraKey !== undefined) segments.push(extraKey);
  for (const seg of segments) {
    if (cur instanceof GoMap) {
      origin = cur.origins?.get(seg) ?? origin;
      path.push(seg);
      cur = cur.get(seg) ?? null;
    } else if (cur instanceof GoList) {
      const i = Number(seg);
      origin = cur.origins?.[i] ?? origin;
      path.push(i);
      cur = cur.items[i] ?? null;
    } else break;
  }
  return origin ? { path, origin } : { path };
}

/**
 * Validates every enabled chart's values against its values.schema.json (root first, then subcharts depth-first
 * in Helm's order). Charts without a schema, and subcharts whose values are missing or nil, are skipped.
 */
export function validateValuesSchemas(root: ChartValues): SchemaValidation {
  const problems: SchemaProblem[] = [];
  const failures: SchemaFailure[] = [];
  let text = '';
  const visit = (node: ChartValues): void => {
    const schemaFile = node.chart.schemaFile;
    if (schemaFile) {
      const validate = compile(schemaFile.text);
      if (typeof validate === 'string') {
        failures.push({ chart: node.name, schemaFile: schemaFile.path, message: validate });
        text += `${node.name}:\n${validate}`;
      } else {
        const data = toJson(node.values);
        if (!validate(data)) {
          const lines: string[] = [];
          for (const m of messages(validate.errors ?? [], data)) {
            const where = locateInValues(node.values, m.pointer, m.key);
            problems.push({
              chart: node.name,
              schemaFile: schemaFile.path,
              pointer: m.pointer,
              valuesPath: [...node.valuesPath, ...where.path],
              message: m.message,
              ...(where.origin ? { origin: where.origin } : {}),
            });
            lines.push(`- at '${m.pointer}': ${m.message}`);
          }
          text += `${node.name}:\n${lines.join('\n')}\n`;
        }
      }
    }
    for (const sub of node.subcharts) visit(sub);
  };
  visit(root);
  if (text === '') return { problems, failures };
  return {
    problems,
    failures,
    helmError:
      `values don't meet the specifications of the schema(s) in the following chart(s):\n${text}`.trimEnd(),
  };
}
