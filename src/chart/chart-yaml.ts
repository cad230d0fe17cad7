/**
 * Chart.yaml (and a v1 chart's requirements.yaml) → {@link ChartMetadata}, the way Helm 4 reads it (§1.2): YAML
 * converted to JSON by sigs.k8s.io/yaml (scalars coerced to the Go field types), decoded by encoding/json
 * (case-insensitive keys, first type error reported), then `Metadata.Validate` (sanitisation and Helm's checks, with
 * Helm's texts). Every error is a located `chart-invalid` ChartlintError.
 */
import { ChartlintError } from '../diagnostics/errors.js';
import type { Location } from '../diagnostics/location.js';
import { formatFloat32 } from './go-yaml-scalar.js';
import { convertYamlTree, type GoYamlTree } from './go-yaml-tree.js';
import type {
  ChartMetadata,
  Dependency,
  ImportValue,
  Maintainer,
  SourceFile,
  YamlSourceFile,
} from './types.js';
import { nodeLocation, parseYamlSource, yamlPathKey, type YamlPath } from './yaml-source.js';

/** Where each decoded field came from, keyed like {@link yamlPathKey} with canonical field names. */
export type MetadataSources = Map<string, Location>;

/** The result of reading Chart.yaml: the metadata (not yet validated), the file with positions, field locations. */
export interface ParsedChartYaml {
  metadata: ChartMetadata;
  file: YamlSourceFile;
  sources: MetadataSources;
}

type FieldType =
  | { type: 'string' }
  | { type: 'bool' }
  | { type: 'stringList' }
  | { type: 'stringMap' }
  | { type: 'importValues' }
  | { type: 'time' }
  | { type: 'structList'; struct: StructSpec };

interface StructSpec {
  /** Go type name in error messages (`Metadata`, `Maintainer`, `Dependency`). */
  goName: string;
  fields: Record<string, FieldType>;
}

const STRING: FieldType = { type: 'string' };
const MAINTAINER: StructSpec = { goName: 'Maintainer', fields: { name: STRING, email: STRING, url: STRING } };
const DEPENDENCY: StructSpec = {
  goName: 'Dependency',
  fields: {
    name: STRING,
    version: STRING,
    repository: STRING,
    condition: STRING,
    tags: { type: 'stringList' },
    enabled: { type: 'bool' },
    'import-values': { type: 'importValues' },
    alias: STRING,
  },
};
const METADATA: StructSpec = {
  goName: 'Metadata',
  fields: {
    name: STRING,
    home: STRING,
    sources: { type: 'stringList' },
    version: STRING,
    description: STRING,
    keywords: { type: 'stringList' },
    maintainers: { type: 'structList', struct: MAINTAINER },
    icon: STRING,
    apiVersion: STRING,
    condition: STRING,
    tags: STRING,
    appVersion: STRING,
    deprecated: { type: 'bool' },
    annotations: { type: 'stringMap' },
    kubeVersion: STRING,
    dependencies: { type: 'structList', struct: DEPENDENCY },
    type: STRING,
  },
};

const LOCK: StructSpec = {
  goName: 'Lock',
  fields: {
    generated: { type: 'time' },
    digest: STRING,
    dependencies: { type: 'structList', struct: DEPENDENCY },
  },
};

/** The layout Go's time.Time accepts in JSON. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Go type names of each field type, as encoding/json prints them. */
function goTypeName(field: FieldType): string {
  switch (field.type) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'stringList':
      return '[]string';
    case 'stringMap':
      return 'map[string]string';
    case 'importValues':
      return '[]interface {}';
    case 'time':
      return 'time.Time';
    case 'structList':
      return `[]*v2.${field.struct.goName}`;
  }
}

/** The JSON kind encoding/json names in "cannot unmarshal X into …". */
function jsonKind(tree: GoYamlTree): string {
  switch (tree.kind) {
    case 'int':
    case 'float':
      return 'number';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    default:
      return tree.kind;
  }
}

interface DecodeContext {
  file: SourceFile;
  label: string;
  sources: MetadataSources;
}

function typeError(ctx: DecodeContext, tree: GoYamlTree, target: string, goType: string): ChartlintError {
  return new ChartlintError(
    'chart-invalid',
    `cannot load ${ctx.label}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(tree)} into ${target} of type ${goType}`,
    { location: nodeLocation(ctx.file, tree.node) },
  );
}

/** A scalar as sigs.k8s.io/yaml turns it into a Go string field; undefined for null (field left unset). */
function decodeString(ctx: DecodeContext, tree: GoYamlTree, target: string): string | undefined {
  switch (tree.kind) {
    case 'null':
      return undefined;
    case 'string':
      return tree.value;
    case 'int':
    case 'bool':
      return String(tree.value);
    case 'float':
      return formatFloat32(tree.value);
    default:
      throw typeError(ctx, tree, target, 'string');
  }
}

/** The entries of an object in encoding/json's order: sigs.k8s.io/yaml marshals maps with sorted keys. */
function sortedEntries(tree: GoYamlTree & { kind: 'object' }): [string, GoYamlTree][] {
  return [...tree.entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, entry]) => [key, entry.value]);
}

/** The struct field a JSON key selects: the exact name, else a case-insensitive match (encoding/json's rule). */
function fieldFor(spec: StructSpec, key: string): string | undefined {
  if (Object.hasOwn(spec.fields, key)) return key;
  const folded = key.toLowerCase();
  return Object.keys(spec.fields).find((name) => name.toLowerCase() === folded);
}

/**
 * Decodes an object into `out` following `spec`, recording each field's location under `path`. `jsonPath` is the
 * dotted field path Go prints in type errors (`maintainers.` for a maintainer's fields).
 */
function decodeStruct(
  ctx: DecodeContext,
  tree: GoYamlTree & { kind: 'object' },
  spec: StructSpec,
  jsonPath: string,
  path: YamlPath,
  out: Record<string, unknown>,
): void {
  for (const [key, value] of sortedEntries(tree)) {
    const name = fieldFor(spec, key);
    if (name === undefined) continue;
    const field = spec.fields[name] as FieldType;
    const target = `Go struct field ${spec.goName}.${jsonPath}${name}`;
    const fieldPath = [...path, name];
    if (value.node) ctx.sources.set(yamlPathKey(fieldPath), nodeLocation(ctx.file, value.node));
    const decoded = decodeField(ctx, value, field, target, `${jsonPath}${name}.`, fieldPath);
    if (decoded !== undefined) out[name] = decoded;
  }
}

function decodeField(
  ctx: DecodeContext,
  value: GoYamlTree,
  field: FieldType,
  target: string,
  jsonPath: string,
  path: YamlPath,
): unknown {
  // encoding/json: null leaves a string or bool untouched but sets a slice or map to nil.
  if (value.kind === 'null') return field.type === 'string' || field.type === 'bool' ? undefined : null;
  switch (field.type) {
    case 'string':
      return decodeString(ctx, value, target);
    case 'bool':
      if (value.kind !== 'bool') throw typeError(ctx, value, target, 'bool');
      return value.value;
    case 'stringList':
      if (value.kind !== 'array') throw typeError(ctx, value, target, '[]string');
      return value.items.map((item) => decodeString(ctx, item, target) ?? '');
    case 'stringMap': {
      if (value.kind !== 'object') throw typeError(ctx, value, target, 'map[string]string');
      const map: Record<string, string> = {};
      for (const [key, item] of sortedEntries(value)) map[key] = decodeString(ctx, item, target) ?? '';
      return map;
    }
    case 'time': {
      const text = value.kind === 'string' ? value.value : undefined;
      if (text === undefined || !RFC3339.test(text)) {
        throw new ChartlintError(
          'chart-invalid',
          `cannot load ${ctx.label}: ${target.replace('Go struct field ', '')} is not an RFC 3339 time`,
          { location: nodeLocation(ctx.file, value.node) },
        );
      }
      return text;
    }
    case 'importValues':
      if (value.kind !== 'array') throw typeError(ctx, value, target, '[]interface {}');
      return value.items.flatMap((item) => importValueOf(item));
    case 'structList': {
      if (value.kind !== 'array') throw typeError(ctx, value, target, goTypeName(field));
      return value.items.map((item, index) => {
        if (item.node) ctx.sources.set(yamlPathKey([...path, index]), nodeLocation(ctx.file, item.node));
        if (item.kind === 'null') return null;
        if (item.kind !== 'object') throw typeError(ctx, item, target, `v2.${field.struct.goName}`);
        const element: Record<string, unknown> = {};
        decodeStruct(ctx, item, field.struct, jsonPath, [...path, index], element);
        return element;
      });
    }
  }
}

/** Go's `%v` of a plain JSON value, as Helm formats an import-values `child`/`parent`. */
function goPrint(tree: GoYamlTree | undefined): string {
  if (!tree || tree.kind === 'null') return '<nil>';
  if (tree.kind === 'string' || tree.kind === 'bool' || tree.kind === 'int') return String(tree.value);
  if (tree.kind === 'float') return String(tree.value);
  return tree.kind === 'array' ? '[…]' : 'map[…]';
}

/** An import-values entry as Helm uses it: strings and child/parent maps; anything else Helm skips. */
function importValueOf(item: GoYamlTree): ImportValue[] {
  if (item.kind === 'string') return [item.value];
  if (item.kind === 'object') {
    return [
      {
        child: goPrint(item.entries.get('child')?.value),
        parent: goPrint(item.entries.get('parent')?.value),
      },
    ];
  }
  return [];
}

/** Metadata with every field at Go's zero value. */
export function emptyMetadata(): ChartMetadata {
  return {
    apiVersion: 'v1',
    name: '',
    version: '',
    appVersion: '',
    kubeVersion: '',
    type: '',
    description: '',
    home: '',
    icon: '',
    sources: [],
    keywords: [],
    maintainers: [],
    annotations: null,
    deprecated: false,
    condition: '',
    tags: '',
    dependencies: [],
  };
}

/** Decoded Chart.yaml fields by canonical name, before validation (list elements may be null). */
export interface RawMetadata {
  fields: Record<string, unknown>;
}

/**
 * Decodes a YAML file into the raw metadata record `into` (fields present in the file overwrite, as Go's
 * `yaml.Unmarshal` into an existing struct does — which is how requirements.yaml's `dependencies` land in the
 * metadata). `label` is the file name in messages.
 */
export function decodeMetadataFile(
  file: SourceFile,
  label: string,
  into: RawMetadata,
  sources: MetadataSources,
): YamlSourceFile {
  const parsed = parseYamlSource(file);
  const tree = convertYamlTree(parsed.file, parsed.document, parsed.root, label);
  const ctx: DecodeContext = { file: parsed.file, label, sources };
  if (tree.kind === 'null') return parsed.file;
  if (tree.kind !== 'object') throw typeError(ctx, tree, 'Go value', 'v2.Metadata');
  decodeStruct(ctx, tree, METADATA, '', [], into.fields);
  return parsed.file;
}

/**
 * Reads the `apiVersion` the way Helm 4's loader picks a chart implementation before decoding: missing means `v1`;
 * `v1`/`v2` are supported; `v3` charts are rejected (Helm 4.1.4 cannot render them); anything else is unknown.
 */
function checkApiVersion(ctx: DecodeContext, tree: GoYamlTree): 'v1' | 'v2' {
  if (tree.kind === 'null') return 'v1';
  if (tree.kind !== 'object') throw typeError(ctx, tree, 'Go value', 'loader.chartBase');
  let apiVersion: GoYamlTree | undefined;
  for (const [key, value] of sortedEntries(tree)) if (key.toLowerCase() === 'apiversion') apiVersion = value;
  if (!apiVersion) return 'v1';
  const text = decodeString(ctx, apiVersion, 'Go struct field chartBase.apiVersion') ?? '';
  if (text === '' || text === 'v1') return 'v1';
  if (text === 'v2') return 'v2';
  const location = nodeLocation(ctx.file, apiVersion.node);
  if (text === 'v3') {
    throw new ChartlintError(
      'chart-invalid',
      'invalid chart apiVersion: chartlint renders charts of apiVersion v1 and v2 only',
      { location },
    );
  }
  throw new ChartlintError(
    'chart-invalid',
    `unsupported chart version: apiVersion ${JSON.stringify(text)} is not v1 or v2`,
    {
      location,
    },
  );
}

/** Parses Chart.yaml (`file`) into raw metadata; call {@link finishMetadata} once requirements.yaml is merged in. */
export function readChartYaml(file: SourceFile): {
  raw: RawMetadata;
  file: YamlSourceFile;
  sources: MetadataSources;
  apiVersion: 'v1' | 'v2';
} {
  const parsed = parseYamlSource(file);
  const tree = convertYamlTree(parsed.file, parsed.document, parsed.root, 'Chart.yaml');
  const sources: MetadataSources = new Map();
  const ctx: DecodeContext = { file: parsed.file, label: 'Chart.yaml', sources };
  const apiVersion = checkApiVersion(ctx, tree);
  const raw: RawMetadata = { fields: {} };
  if (tree.kind === 'object') decodeStruct(ctx, tree, METADATA, '', [], raw.fields);
  return { raw, file: parsed.file, sources, apiVersion };
}

/**
 * Go's `unicode.IsSpace` → space, non-printable (`!unicode.IsPrint`) → removed: Helm's `sanitizeString`.
 */
export function sanitizeString(text: string): string {
  // Printable ASCII is kept as it is; skipping the Unicode-property scan for it spares compiling those tables.
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(ch)) out += ' ';
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
  }
  return out;
}

/** Masterminds semver v3 `NewVersion` acceptance: what Helm requires of `version:`. */
export function isValidChartSemver(version: string): boolean {
  const match =
    /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.exec(
      version,
    );
  if (!match) return false;
  const uint64Max = 2n ** 64n - 1n;
  for (const segment of [match[1], match[2], match[3]]) {
    if (segment !== undefined && BigInt(segment) > uint64Max) return false;
  }
  const prerelease = match[4];
  if (prerelease !== undefined) {
    for (const identifier of prerelease.split('.')) {
      if (/^[0-9]+$/.test(identifier) && identifier.length > 1 && identifier.startsWith('0')) return false;
    }
  }
  return true;
}

/** Go's `filepath.Base` for `/`-separated paths. */
function goBase(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

const ALIAS_FORMAT = /^[a-zA-Z0-9_-]+$/;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function strList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => str(item)) : [];
}

/**
 * Builds validated metadata from the raw fields (Helm's `Metadata.Validate`): sanitises, then checks name, version,
 * type, maintainers and dependencies in Helm's order with Helm's texts. `chartYaml` locates errors of fields that
 * are missing.
 */
export function finishMetadata(
  raw: RawMetadata,
  apiVersion: 'v1' | 'v2',
  sources: MetadataSources,
  chartYaml: SourceFile,
): ChartMetadata {
  const f = raw.fields;
  const at = (key: string): Location =>
    sources.get(key) ?? { file: chartYaml.path, startLine: 1, startColumn: 1 };
  const invalid = (message: string, key: string): ChartlintError =>
    new ChartlintError('chart-invalid', `validation: ${message}`, { location: at(key) });

  const meta = emptyMetadata();
  meta.apiVersion = apiVersion;
  meta.name = sanitizeString(str(f['name']));
  meta.version = str(f['version']);
  meta.description = sanitizeString(str(f['description']));
  meta.home = sanitizeString(str(f['home']));
  meta.icon = sanitizeString(str(f['icon']));
  meta.condition = sanitizeString(str(f['condition']));
  meta.tags = sanitizeString(str(f['tags']));
  meta.appVersion = sanitizeString(str(f['appVersion']));
  meta.kubeVersion = sanitizeString(str(f['kubeVersion']));
  meta.sources = strList(f['sources']).map(sanitizeString);
  meta.keywords = strList(f['keywords']).map(sanitizeString);
  meta.deprecated = f['deprecated'] === true;
  const annotations = f['annotations'];
  meta.annotations =
    annotations && typeof annotations === 'object' ? (annotations as Record<string, string>) : null;

  if (meta.name === '') throw invalid('chart.metadata.name is required', 'name');
  if (meta.name === '.' || meta.name === '..') {
    throw invalid(`chart.metadata.name ${JSON.stringify(meta.name)} is not allowed`, 'name');
  }
  if (goBase(meta.name) !== meta.name)
    throw invalid(`chart.metadata.name ${JSON.stringify(meta.name)} is invalid`, 'name');
  if (meta.version === '') throw invalid('chart.metadata.version is required', 'version');
  if (!isValidChartSemver(meta.version)) {
    throw invalid(`chart.metadata.version ${JSON.stringify(meta.version)} is invalid`, 'version');
  }
  const type = str(f['type']);
  if (type !== '' && type !== 'application' && type !== 'library') {
    throw invalid('chart.metadata.type must be application or library', 'type');
  }
  meta.type = type;

  const maintainers = Array.isArray(f['maintainers']) ? (f['maintainers'] as unknown[]) : [];
  meta.maintainers = maintainers.map((item, index): Maintainer => {
    if (item === null)
      throw invalid('maintainers must not contain empty or null nodes', `maintainers[${index}]`);
    const m = item as Record<string, unknown>;
    return {
      name: sanitizeString(str(m['name'])),
      email: sanitizeString(str(m['email'])),
      url: sanitizeString(str(m['url'])),
    };
  });

  const dependencies = Array.isArray(f['dependencies']) ? (f['dependencies'] as unknown[]) : [];
  const seen = new Set<string>();
  meta.dependencies = dependencies.map((item, index): Dependency => {
    const key = `dependencies[${index}]`;
    if (item === null) throw invalid('dependencies must not contain empty or null nodes', key);
    const d = item as Record<string, unknown>;
    const dependency: Dependency = {
      name: sanitizeString(str(d['name'])),
      version: sanitizeString(str(d['version'])),
      repository: sanitizeString(str(d['repository'])),
      condition: sanitizeString(str(d['condition'])),
      tags: strList(d['tags']).map(sanitizeString),
      enabled: d['enabled'] === true,
      importValues: Array.isArray(d['import-values']) ? (d['import-values'] as ImportValue[]) : [],
      alias: str(d['alias']),
    };
    if (dependency.alias !== '' && !ALIAS_FORMAT.test(dependency.alias)) {
      throw invalid(
        `dependency ${JSON.stringify(dependency.name)} has disallowed characters in the alias`,
        `${key}.alias`,
      );
    }
    const identity = dependency.alias !== '' ? dependency.alias : dependency.name;
    if (seen.has(identity)) {
      throw invalid(`more than one dependency with name or alias ${JSON.stringify(identity)}`, key);
    }
    seen.add(identity);
    return dependency;
  });
  return meta;
}

/** Reads and validates a Chart.yaml on its own (no requirements.yaml): the common case and the unit under test. */
export function parseChartYaml(file: SourceFile): ParsedChartYaml {
  const read = readChartYaml(file);
  const metadata = finishMetadata(read.raw, read.apiVersion, read.sources, read.file);
  return { metadata, file: read.file, sources: read.sources };
}

/**
 * Decodes a Chart.lock / requirements.lock as Helm's `chart.Lock` (label names the file in messages). Returns the
 * positioned file and the raw fields (`generated`, `digest`, `dependencies` with possibly-null elements).
 */
export function decodeLockYaml(
  file: SourceFile,
  label: string,
): { file: YamlSourceFile; fields: Record<string, unknown>; sources: MetadataSources } {
  const parsed = parseYamlSource(file);
  const tree = convertYamlTree(parsed.file, parsed.document, parsed.root, label);
  const sources: MetadataSources = new Map();
  const ctx: DecodeContext = { file: parsed.file, label, sources };
  const fields: Record<string, unknown> = {};
  if (tree.kind === 'object') decodeStruct(ctx, tree, LOCK, '', [], fields);
  else if (tree.kind !== 'null') throw typeError(ctx, tree, 'Go value', 'chart.Lock');
  return { file: parsed.file, fields, sources };
}
