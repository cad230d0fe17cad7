/**
 * Renders one recorded template case the way scripts/lib/helm-oracle.mjs had helm render it, so the result can be
 * compared byte for byte with the case's golden (helm-render-spec.md §14.4):
 *
 * - the case is a one-template chart `oracle` with the case's `values.yaml`, `templates/_helpers.tpl` (`helpers`),
 *   extra `files` (under `templates/` they are templates, elsewhere `.Files`) and helm-style `args`;
 * - output mode: the expression is the body of `define "oracle.case"` in `templates/_case.tpl`, and
 *   `templates/t.yaml` prints it base64-encoded, so the exact bytes survive; when that fails,
 * - error mode: the expression is `templates/t.yaml` itself and the error is what Helm prints for it (if error mode
 *   renders, the output-mode error stands, as the recorder keeps it).
 *
 * The built-in objects are Helm 4.1.4's `helm template` defaults: release `release-name` in `default`, kube
 * version v1.35.0 with Helm's default API versions, and the chart metadata of the case's Chart.yaml.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { helmErrorMessage } from '../../src/render/helm-errors.js';
import { formatValue } from '../../src/template/fmt.js';
import { helmEngineFuncs } from '../../src/template/funcmap.js';
import { execute, helmParseOrder, TemplateSet } from '../../src/template/index.js';
import { createCallContext } from '../../src/template/render-context.js';
import {
  GoBytes,
  GoFuncError,
  GoList,
  GoMap,
  GoObject,
  goInt,
  goMap,
  type GoFuncSpec,
  type GoValue,
} from '../../src/values/model.js';
import { goString } from '../../src/values/go-string.js';
import { mergeUserValues, type UserValuesInput } from '../../src/values/user-values.js';
import { loadValuesYaml } from '../../src/values/yaml11.js';

/** One case of a `*.cases.yaml` file, with the file's top-level defaults applied. */
export interface GoldenCase {
  id: string;
  template: string;
  values?: string;
  args?: string[];
  helpers?: string;
  files?: Record<string, string>;
  chartYaml?: string;
  /** A regular expression whose matches are replaced on both sides before comparison (nondeterminism). */
  mask?: string;
}

/** What helm printed (or what we render) for a case. */
export interface CaseResult {
  output?: string;
  error?: string;
}

/** A case file with its recorded goldens. */
export interface CaseFile {
  cases: GoldenCase[];
  golden: Record<string, CaseResult>;
}

/** Reads `x.cases.yaml` and its sibling `x.golden.json`, applying top-level `values`/`helpers`/`args`. */
export function loadCaseFile(path: string): CaseFile {
  const doc = parseYaml(readFileSync(path, 'utf8')) as {
    values?: string;
    helpers?: string;
    args?: string[];
    cases: GoldenCase[];
  };
  const cases = doc.cases.map((c) => ({
    ...c,
    values: c.values ?? doc.values,
    helpers: c.helpers ?? doc.helpers,
    args: c.args ?? doc.args,
  }));
  const golden = JSON.parse(readFileSync(path.replace(/\.cases\.yaml$/, '.golden.json'), 'utf8')) as {
    cases: Record<string, CaseResult & { wrapped?: boolean }>;
  };
  const results: Record<string, CaseResult> = {};
  for (const [id, r] of Object.entries(golden.cases)) {
    results[id] = r.error !== undefined ? { error: r.error } : { output: r.output ?? '' };
  }
  return { cases, golden: results };
}

/** Replaces every match of the case's mask, so nondeterministic parts compare equal. */
export function masked(r: CaseResult, mask: string | undefined): CaseResult {
  if (!mask) return r;
  const re = new RegExp(mask, 'g');
  return r.error !== undefined
    ? { error: r.error.replace(re, '<masked>') }
    : { output: (r.output ?? '').replace(re, '<masked>') };
}

const CHART = 'oracle';
const DEFAULT_CHART_YAML = 'apiVersion: v2\nname: oracle\nversion: 0.1.0\nappVersion: "1.0.0"\n';
const OUTPUT_WRAPPER = 'b64: {{ include "oracle.case" . | b64enc | quote }}\n';

/** Helm 4.1.4's default `.Capabilities.APIVersions` (helm-render-spec.md §6.3). */
const DEFAULT_API_VERSIONS = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1alpha1',
  'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1',
  'resource.k8s.io/v1beta2',
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

/** An own property of a field table (never an inherited one such as `constructor`). */
function pick(fields: Record<string, GoValue>, name: string): GoValue | undefined {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

const method = (params: string[], result: string, call: (...args: unknown[]) => unknown): GoFuncSpec => ({
  params,
  result,
  call: (_ctx, ...args) => call(...args),
});

/** A struct as encoding/json writes it: fields in declaration order, not sorted like map keys. */
class StructJson extends GoMap {
  override sortedKeys(): string[] {
    return [...this.entries.keys()];
  }
}

/** `common.KubeVersion`: `Version`, `Major`, `Minor`, `GitVersion()`, printed through `String()`. */
class KubeVersion extends GoObject {
  readonly goType = 'common.KubeVersion';
  constructor(
    private readonly version: string,
    private readonly normalized: string,
    private readonly major: string,
    private readonly minor: string,
  ) {
    super();
  }
  override field(name: string): GoValue | undefined {
    return pick({ Version: this.version, Major: this.major, Minor: this.minor }, name);
  }
  override method(name: string): GoFuncSpec | undefined {
    if (name === 'GitVersion') return method([], 'string', () => this.version);
    return name === 'String' ? method([], 'string', () => this.normalized) : undefined;
  }
  override stringer(): string {
    return this.normalized;
  }
  /** Helm declares `func (kv *KubeVersion) String()`: only `{{ .Capabilities.KubeVersion }}` reaches it. */
  override get stringerNeedsPointer(): boolean {
    return true;
  }
  formatV(): string {
    // The struct dump includes the hidden normalised version field.
    return `{${this.version} ${this.normalized} ${this.major} ${this.minor}}`;
  }
  override structFields(): readonly (readonly [string, GoValue])[] {
    return [
      ['Version', this.version],
      ['normalizedVersion', this.normalized],
      ['Major', this.major],
      ['Minor', this.minor],
    ];
  }
  /** encoding/json: the exported fields, in declaration order. */
  toJsonValue(): GoValue {
    return new StructJson(
      new Map([
        ['Version', this.version],
        ['Major', this.major],
        ['Minor', this.minor],
      ]),
    );
  }
}

/** `common.VersionSet`: a `[]string` with a `Has` method. */
class VersionSet extends GoObject {
  readonly goType = 'common.VersionSet';
  constructor(private readonly versions: readonly string[]) {
    super();
  }
  override method(name: string): GoFuncSpec | undefined {
    return name === 'Has'
      ? method(['string'], 'bool', (v) => this.versions.includes(v as string))
      : undefined;
  }
  /** The slice underneath, for `len`, `range` and `index`. */
  asGoList(): GoList {
    return new GoList([...this.versions], '[]string');
  }
  formatV(): string {
    return `[${this.versions.join(' ')}]`;
  }
}

/** `version.BuildInfo` of helm v4.1.4 (`.Capabilities.HelmVersion`). */
class HelmBuildInfo extends GoObject {
  readonly goType = 'version.BuildInfo';
  private readonly fields: Record<string, string> = {
    Version: 'v4.1.4',
    GitCommit: '05fa37973dc9e42b76e1d2883494c87174b6074f',
    GitTreeState: 'clean',
    GoVersion: 'go1.25.9',
    KubeClientVersion: 'v1.35',
  };
  override field(name: string): GoValue | undefined {
    return pick(this.fields, name);
  }
  formatV(): string {
    return `{${Object.values(this.fields).join(' ')}}`;
  }
}

/** `*common.Capabilities`: an unknown field is an error, as for any struct. */
class Capabilities extends GoObject {
  readonly goType = '*common.Capabilities';
  constructor(
    private readonly kube: KubeVersion,
    private readonly apis: VersionSet,
    private readonly helm: HelmBuildInfo,
  ) {
    super();
  }
  override field(name: string): GoValue | undefined {
    return pick({ KubeVersion: this.kube, APIVersions: this.apis, HelmVersion: this.helm }, name);
  }
  formatV(): string {
    return `&{${this.kube.formatV()} ${this.apis.formatV()} ${this.helm.formatV()}}`;
  }
}

/** `engine.files`: the chart's non-template files, a `map[string][]byte` with helper methods. */
class Files extends GoObject {
  readonly goType = 'engine.files';
  constructor(private readonly files: ReadonlyMap<string, Uint8Array>) {
    super();
  }
  asGoMap(): GoMap {
    const m = new GoMap(new Map(), 'map[string]interface {}');
    for (const [k, v] of this.files) m.set(k, new GoBytes(v));
    return m;
  }
  /** The map's element type is `[]byte`: a missing key indexes to an empty one. */
  mapElemZero(): GoValue {
    return new GoBytes(new Uint8Array());
  }
  /** `.Files.name` is a map lookup: the file's bytes, or an empty `[]byte` (the map's zero element). */
  override field(name: string): GoValue {
    return new GoBytes(this.files.get(name) ?? new Uint8Array());
  }
  /** Go's `string(bytes)`: bytes that are not UTF-8 are kept. */
  private text(path: string): string {
    const b = this.files.get(path);
    return b ? goString(b) : '';
  }
  override method(name: string): GoFuncSpec | undefined {
    switch (name) {
      case 'Get':
        return method(['string'], 'string', (p) => this.text(p as string));
      case 'GetBytes':
        return method(
          ['string'],
          '[]uint8',
          (p) => new GoBytes(this.files.get(p as string) ?? new Uint8Array()),
        );
      case 'Lines':
        return method(['string'], '[]string', (p) => {
          const b = this.files.get(p as string);
          if (!b) return new GoList([], '[]string');
          if (b.length === 0) throw new GoFuncError('runtime error: index out of range [-1]');
          const lines = this.text(p as string).split('\n');
          if (lines[lines.length - 1] === '') lines.pop();
          return new GoList(lines, '[]string');
        });
      case 'Glob':
        return method(['string'], 'engine.files', (pattern) => {
          const re = globRegExp(pattern as string);
          return new Files(new Map([...this.files].filter(([k]) => re.test(k))));
        });
      default:
        return undefined;
    }
  }
  formatV(): string {
    return formatValue(this.asGoMap());
  }
}

/** gobwas/glob with `/` as separator: `*` and `?` stay within a segment, `**` crosses them, `{a,b}` alternates. */
function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else if (c === '[' || c === ']') re += c;
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `--kube-version` as Helm normalises it: `.Version` keeps the input, `String()` keeps `vMAJOR.MINOR[.PATCH]`. */
function kubeVersion(input: string): KubeVersion {
  const bare = input.replace(/^v/, '');
  const core = bare.split(/[-+]/)[0] ?? bare;
  const [major = '0', minor = '0'] = core.split('.');
  return new KubeVersion(`v${bare}`, `v${core}`, major, minor);
}

/** The chart metadata map of Helm 4 (`.Chart`), from the case's Chart.yaml. */
function chartMap(chartYaml: string): GoMap {
  const meta = (parseYaml(chartYaml) ?? {}) as Record<string, unknown>;
  const str = (k: string): string => (meta[k] === undefined || meta[k] === null ? '' : String(meta[k]));
  const strings = (k: string): GoList =>
    new GoList(Array.isArray(meta[k]) ? (meta[k] as unknown[]).map(String) : []);
  const annotations = new GoMap(new Map(), 'map[string]string');
  for (const [k, v] of Object.entries((meta.annotations as Record<string, unknown> | undefined) ?? {})) {
    annotations.set(k, String(v));
  }
  return goMap({
    APIVersion: str('apiVersion'),
    Annotations: annotations,
    AppVersion: str('appVersion'),
    Condition: str('condition'),
    Dependencies: new GoList([]),
    Deprecated: meta.deprecated === true,
    Description: str('description'),
    Home: str('home'),
    Icon: str('icon'),
    IsRoot: true,
    Keywords: strings('keywords'),
    KubeVersion: str('kubeVersion'),
    Maintainers: new GoList([]),
    Name: str('name'),
    Sources: strings('sources'),
    Tags: str('tags'),
    Type: str('type'),
    Version: str('version'),
  });
}

/** The helm flags a case may carry. */
interface CaseFlags {
  user: UserValuesInput;
  namespace: string;
  kubeVersion: string;
  apiVersions: string[];
  isUpgrade: boolean;
}

function parseArgs(args: readonly string[]): CaseFlags {
  const flags: CaseFlags = {
    user: {},
    namespace: 'default',
    kubeVersion: '1.35.0',
    apiVersions: [],
    isUpgrade: false,
  };
  const lists: Record<string, keyof UserValuesInput> = {
    '--set': 'set',
    '--set-string': 'setString',
    '--set-json': 'setJson',
    '--set-literal': 'setLiteral',
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string => inline ?? args[++i] ?? '';
    const field = lists[flag];
    if (field) ((flags.user[field] as string[] | undefined) ??= []).push(value());
    else if (flag === '--namespace' || flag === '-n') flags.namespace = value();
    else if (flag === '--kube-version') flags.kubeVersion = value();
    else if (flag === '--api-versions' || flag === '-a') flags.apiVersions.push(...value().split(','));
    else if (flag === '--is-upgrade') flags.isUpgrade = true;
    else throw new Error(`render-case: unsupported helm argument ${a}`);
  }
  return flags;
}

/** Helm's coalescing of user values over chart defaults for one chart: user wins, a user `null` deletes. */
function coalesce(user: GoMap, chart: GoMap): GoMap {
  const out = new GoMap(new Map(user.entries), 'common.Values');
  for (const [k, v] of chart.entries) {
    if (!out.has(k)) out.set(k, v, chart.origins?.get(k));
    else if (out.get(k) === null) out.delete(k);
    else {
      const u = out.get(k);
      if (u instanceof GoMap && v instanceof GoMap) out.set(k, new GoMap(coalesce(u, v).entries));
    }
  }
  return out;
}

/** Renders the chart's templates as Helm does; returns each rendered file's text or throws the first error. */
function renderTemplates(
  templates: ReadonlyMap<string, string>,
  data: GoMap,
  seed: string,
): Map<string, string> {
  const funcs = helmEngineFuncs();
  const set = new TemplateSet({ funcNames: Object.keys(funcs) });
  const order = helmParseOrder(templates.keys());
  for (const name of order) set.add(name, templates.get(name) ?? '');
  const ctx = createCallContext({ seed });
  const rendered = new Map<string, string>();
  for (const name of order) {
    if ((name.split('/').pop() ?? '').startsWith('_')) continue;
    data.set('Template', goMap({ Name: name, BasePath: `${CHART}/templates` }, 'common.Values'));
    const { output } = execute(set, name, data, { funcs, ctx, recordSpans: false });
    rendered.set(name, output.replaceAll('<no value>', ''));
  }
  return rendered;
}

/** Builds the render data (the chart's top-level map) for a case. */
function renderData(c: GoldenCase, flags: CaseFlags, files: ReadonlyMap<string, Uint8Array>): GoMap {
  const chartValues = loadValuesYaml(c.values ?? '', 'values.yaml');
  const values = coalesce(mergeUserValues(flags.user), chartValues);
  const kube = kubeVersion(flags.kubeVersion);
  // Helm 4's top-level render data is a `common.Values` map.
  return goMap(
    {
      Values: values,
      Release: goMap({
        Name: 'release-name',
        Namespace: flags.namespace,
        IsInstall: !flags.isUpgrade,
        IsUpgrade: flags.isUpgrade,
        Revision: goInt(1),
        Service: 'Helm',
      }),
      Chart: chartMap(c.chartYaml ?? DEFAULT_CHART_YAML),
      Capabilities: new Capabilities(
        kube,
        new VersionSet([...DEFAULT_API_VERSIONS, ...flags.apiVersions]),
        new HelmBuildInfo(),
      ),
      Files: new Files(files),
      Subcharts: goMap(),
    },
    'common.Values',
  );
}

/** Renders the case's chart in one of the recorder's two modes. */
function renderMode(c: GoldenCase, mode: 'output' | 'error'): { output: string } | { error: unknown } {
  try {
    const flags = parseArgs(c.args ?? []);
    const templates = new Map<string, string>();
    const files = new Map<string, Uint8Array>();
    for (const [path, content] of Object.entries(c.files ?? {})) {
      if (path.startsWith('templates/')) templates.set(`${CHART}/${path}`, content);
      else files.set(path, Buffer.from(content, 'utf8'));
    }
    if (c.helpers !== undefined) templates.set(`${CHART}/templates/_helpers.tpl`, c.helpers);
    if (mode === 'output') {
      templates.set(`${CHART}/templates/_case.tpl`, `{{ define "oracle.case" }}${c.template}{{ end }}`);
      templates.set(`${CHART}/templates/t.yaml`, OUTPUT_WRAPPER);
    } else {
      templates.set(`${CHART}/templates/t.yaml`, c.template);
    }
    const rendered = renderTemplates(templates, renderData(c, flags, files), c.id);
    const text = rendered.get(`${CHART}/templates/t.yaml`) ?? '';
    if (mode === 'error') return { output: text };
    const m = /^b64: "([A-Za-z0-9+/=]*)"$/m.exec(text);
    if (!m) throw new Error(`render-case ${c.id}: unexpected wrapper output ${JSON.stringify(text)}`);
    return { output: Buffer.from(m[1] ?? '', 'base64').toString('utf8') };
  } catch (e) {
    return { error: e };
  }
}

/** Renders a case as the oracle did: output mode, then error mode for failures. */
export function renderCase(c: GoldenCase): CaseResult {
  const out = renderMode(c, 'output');
  if ('output' in out) return { output: out.output };
  const err = renderMode(c, 'error');
  const failure = 'error' in err ? err.error : out.error;
  return { error: helmErrorMessage(failure) };
}
