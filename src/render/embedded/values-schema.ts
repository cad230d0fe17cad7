/**
 * values.schema.json validation (helm-render-spec.md §5.6): each enabled chart's schema against its coalesced
 * values, root first then dependencies depth first, with Helm's error text. Helm uses santhosh-tekuri/jsonschema v6;
 * this uses ajv with the same draft selection (no `$schema`: 2020-12; formats asserted only for drafts 4–7) and
 * rewrites ajv's errors into v6's wording and nesting (a subschema with several failures becomes a
 * `validation failed` group with its failures indented under it).
 */
import { Ajv, type ErrorObject } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ChartValues } from '../../values/dependencies.js';
import { GoBytes, GoInt, GoList, GoMap, type GoValue } from '../../values/model.js';

type AjvInstance = Ajv | Ajv2019 | Ajv2020;

// ajv-formats is CommonJS; its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: AjvInstance) => AjvInstance;

/** Plain JSON of a values tree (what Helm marshals before validating). */
function toJson(v: GoValue | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof GoInt) return Number(v.value);
  if (v instanceof GoMap) {
    const o: Record<string, unknown> = {};
    for (const k of v.sortedKeys()) o[k] = toJson(v.get(k));
    return o;
  }
  if (v instanceof GoList) return v.items.map(toJson);
  if (v instanceof GoBytes) return Buffer.from(v.bytes).toString('base64');
  if (typeof v === 'object') return String(v.formatV());
  return v;
}

/**
 * Draft-04's boolean `exclusiveMaximum`/`exclusiveMinimum` in the numeric form later drafts (and ajv) use, so a
 * draft-04 schema validates as v6 validates it.
 */
function fromDraft4(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fromDraft4);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = fromDraft4(v);
  for (const [exclusive, bound] of [
    ['exclusiveMaximum', 'maximum'],
    ['exclusiveMinimum', 'minimum'],
  ] as const) {
    if (typeof out[exclusive] !== 'boolean') continue;
    if (out[exclusive] === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      delete out[bound];
    } else {
      delete out[exclusive];
    }
  }
  return out;
}

function validatorFor(schema: Record<string, unknown>): AjvInstance {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  const opts = { allErrors: true, strict: false, verbose: true, validateSchema: false } as const;
  if (/draft-0[467]/.test(declared)) return addFormats(new Ajv(opts));
  // 2019-09 and 2020-12 treat `format` as an annotation only.
  if (declared.includes('2019-09')) return new Ajv2019({ ...opts, validateFormats: false });
  return new Ajv2020({ ...opts, validateFormats: false });
}

/** jsonschema v6's name for a JSON value's type. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'boolean';
  return typeof v;
}

/** v6 prints numbers through golang.org/x/text's printer: integers with thousands separators. */
function num(v: unknown): string {
  if (typeof v !== 'number') return JSON.stringify(v);
  if (!Number.isInteger(v)) return String(v);
  return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

function quoted(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

/** One line of v6's output: a failure, or a group of failures of one subschema. */
interface Failure {
  at: string;
  message: string;
  children?: Failure[];
}

function leafMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const want = (Array.isArray(p.type) ? (p.type as string[]) : String(p.type).split(',')).sort();
      return `got ${typeName(e.data)}, want ${want.join(' or ')}`;
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]) ?? [];
      return values.length === 1
        ? `value must be ${quoted(values[0])}`
        : `value must be one of ${values.map(quoted).join(', ')}`;
    }
    case 'const':
      return `value must be ${quoted(p.allowedValue)}`;
    case 'pattern':
      return `${quoted(e.data)} does not match pattern ${quoted(p.pattern)}`;
    case 'format':
      return `${quoted(e.data)} is not valid ${String(p.format)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${e.keyword}: got ${num(e.data)}, want ${num(p.limit)}`;
    case 'minLength':
    case 'maxLength':
      return `${e.keyword}: got ${num([...String(e.data)].length)}, want ${num(p.limit)}`;
    case 'minItems':
    case 'maxItems':
      return `${e.keyword}: got ${num((e.data as unknown[]).length)}, want ${num(p.limit)}`;
    case 'minProperties':
    case 'maxProperties':
      return `${e.keyword}: got ${num(Object.keys(e.data as object).length)}, want ${num(p.limit)}`;
    case 'multipleOf':
      return `multipleOf: got ${num(e.data)}, want ${num(p.multipleOf)}`;
    case 'not':
      return "'not' failed";
    case 'dependentRequired':
    case 'dependencies':
      return `properties '${String(p.missingProperty)}' required, if '${String(p.property)}' exists`;
    case 'uniqueItems':
      return `items at ${String(p.j)} and ${String(p.i)} are equal`;
    case 'false schema':
      return 'false schema';
  }
  return e.message ?? e.keyword;
}

/** A node of the subschema tree the errors were found in (one per `properties/x`, `items/0` … step). */
interface SchemaNode {
  at: string;
  leaves: Failure[];
  children: Map<string, SchemaNode>;
  missing: string[];
  additional: string[];
  /** `anyOf`/`oneOf` that failed here: their branches' failures are printed under one line. */
  combinators: Map<'anyOf' | 'oneOf', Failure>;
}

function newNode(at: string): SchemaNode {
  return { at, leaves: [], children: new Map(), missing: [], additional: [], combinators: new Map() };
}

/** Keywords whose next schema-path segment names a subschema (a property name or an index). */
const NAMED_APPLICATORS = new Set([
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'allOf',
  'anyOf',
  'oneOf',
  'dependentSchemas',
  '$defs',
  'definitions',
]);
/** Keywords whose value is itself the subschema. */
const DIRECT_APPLICATORS = new Set([
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

function insert(root: SchemaNode, e: ErrorObject): void {
  const parts = e.schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '');
  const keyword = parts.pop() ?? e.keyword;
  let node = root;
  let i = 0;
  // Descend through applicators; the instance path of each level is a prefix of the error's.
  while (i < parts.length) {
    const k = parts[i] ?? '';
    let step: string;
    if (NAMED_APPLICATORS.has(k) && i + 1 < parts.length) {
      step = `${k}/${parts[i + 1] ?? ''}`;
      i += 2;
    } else if (DIRECT_APPLICATORS.has(k)) {
      step = k;
      i += 1;
    } else {
      i += 1;
      continue;
    }
    let child = node.children.get(step);
    if (!child) {
      const at =
        k === 'properties' ? `${node.at}/${(parts[i - 1] ?? '').replace(/~/g, '~0')}` : e.instancePath;
      child = newNode(at);
      node.children.set(step, child);
    }
    node = child;
  }
  const p = e.params as Record<string, unknown>;
  if (keyword === 'required' || e.keyword === 'required') node.missing.push(String(p.missingProperty));
  else if (e.keyword === 'additionalProperties') node.additional.push(String(p.additionalProperty));
  else if (e.keyword === 'anyOf')
    node.combinators.set('anyOf', { at: e.instancePath, message: "'anyOf' failed" });
  else if (e.keyword === 'oneOf') {
    const passing = p.passingSchemas;
    const matched = Array.isArray(passing) ? `subschemas ${passing.join(', ')} matched` : 'none matched';
    node.combinators.set('oneOf', { at: e.instancePath, message: `'oneOf' failed, ${matched}` });
  }
  // `if` only reports that `then`/`else` failed; v6 prints the failures of that branch alone.
  else if (e.keyword === 'if') return;
  else node.leaves.push({ at: e.instancePath, message: leafMessage(e) });
}

function listOf(names: string[]): string {
  return [...new Set(names)]
    .sort()
    .map((n) => `'${n}'`)
    .join(', ');
}

/** v6's flattening: the failures of a subschema evaluation; one failure stands alone, several form a group. */
function failuresOf(node: SchemaNode): Failure[] {
  const out: Failure[] = [...node.leaves];
  if (node.missing.length > 0) {
    const names = [...new Set(node.missing)];
    out.unshift({
      at: node.at,
      message:
        names.length === 1 ? `missing property ${listOf(names)}` : `missing properties ${listOf(names)}`,
    });
  }
  if (node.additional.length > 0) {
    out.push({ at: node.at, message: `additional properties ${listOf(node.additional)} not allowed` });
  }
  const branches = new Map<string, Failure[]>();
  for (const [step, child] of node.children) {
    const inner = failuresOf(child);
    const combinator = step.split('/')[0] ?? '';
    if (node.combinators.has(combinator as 'anyOf' | 'oneOf')) {
      branches.set(combinator, [...(branches.get(combinator) ?? []), ...inner]);
      continue;
    }
    if (inner.length === 1) out.push(inner[0] as Failure);
    else if (inner.length > 1) out.push({ at: child.at, message: 'validation failed', children: inner });
  }
  for (const [name, failure] of node.combinators) {
    const children = branches.get(name) ?? [];
    out.push(children.length > 0 ? { ...failure, children } : failure);
  }
  return out;
}

function printFailures(failures: readonly Failure[], indent: string): string {
  let s = '';
  for (const f of failures) {
    s += `${indent}- at '${f.at}': ${f.message}\n`;
    if (f.children) s += printFailures(f.children, `${indent}  `);
  }
  return s;
}

/** The problems of one chart's values against its schema, as v6 prints them (each line ends with `\n`). */
function validateOne(schemaText: string, values: GoMap): string | undefined {
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch (e) {
    return `${(e as Error).message}\n`;
  }
  if (typeof schema !== 'object' || schema === null) return undefined;
  const ajv = validatorFor(schema as Record<string, unknown>);
  const declared = (schema as Record<string, unknown>).$schema;
  if (typeof declared === 'string' && declared.includes('draft-04')) schema = fromDraft4(schema);
  else schema = { ...(schema as Record<string, unknown>) };
  // The draft is chosen by the validator class; ajv would otherwise insist on knowing the meta-schema URI.
  delete (schema as Record<string, unknown>).$schema;
  let validate;
  try {
    validate = ajv.compile(schema as object);
  } catch (e) {
    return `${(e as Error).message}\n`;
  }
  if (validate(toJson(values))) return undefined;
  const root = newNode('');
  for (const e of validate.errors ?? []) insert(root, e);
  let failures = failuresOf(root);
  // The root error of v6 swallows a single group: its failures are printed at the top level.
  while (failures.length === 1 && failures[0]?.children && failures[0].message === 'validation failed') {
    failures = failures[0].children;
  }
  return printFailures(failures, '');
}

function collect(node: ChartValues, out: string[]): void {
  const schema = node.chart.schemaFile;
  if (schema) {
    const problem = validateOne(schema.text, node.values);
    if (problem !== undefined) out.push(`${node.name}:\n${problem}`);
  }
  for (const sub of node.subcharts) collect(sub, out);
}

/**
 * Validates every enabled chart's values against its values.schema.json. Returns Helm's whole error message, or
 * undefined when all values conform. The order of failures within one chart is random in Helm; here it is stable.
 */
export function validateValuesSchemas(root: ChartValues): string | undefined {
  const problems: string[] = [];
  collect(root, problems);
  if (problems.length === 0) return undefined;
  return `values don't meet the specifications of the schema(s) in the following chart(s):\n${problems.join('')}`.trimEnd();
}
