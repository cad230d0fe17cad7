/**
 * `.Capabilities` (helm-render-spec.md §6.3): the Kubernetes version a chart is rendered for, the API versions that
 * version serves, and the Helm build. Two modes:
 * - chartlint's own (default): APIVersions are what the target Kubernetes version really serves by default — every
 *   group/version and group/version/kind of rules/kube-api-versions.yaml in range — so a chart that branches on
 *   `.Capabilities.APIVersions.Has` renders what that cluster would get;
 * - `helmCapabilities`: helm 4.1.4's fixed offline list and default version, for byte parity with `helm template`.
 * The request's extra API versions (`--api-versions`) are appended in both modes, as Helm appends them.
 */
import { shippedTable } from '../config/shipped-data.js';
import { ChartlintError } from '../diagnostics/errors.js';
import { GoList, GoMap, GoObject, type GoFuncSpec, type GoValue } from '../values/model.js';
import { formatValue } from '../template/fmt.js';
import type { ListBackedObject } from '../template/index.js';

/** A kind of a group/version and the minors that serve it (narrowing the group/version's range). */
interface KindEntry {
  kind: string;
  introduced?: number;
  removed?: number;
  defaultOff?: boolean;
}

/** One built-in group/version of the data table. */
interface GroupVersionEntry {
  groupVersion: string;
  introduced: number;
  removed?: number;
  defaultOff?: boolean;
  kinds: (string | KindEntry)[];
}

/** Helm's build information and offline capabilities, as recorded from the binary. */
export interface HelmBuild {
  version: string;
  gitCommit: string;
  gitTreeState: string;
  goVersion: string;
  kubeClientVersion: string;
  /** Default `.Capabilities.KubeVersion` of `helm template`. */
  kubeVersion: string;
  /** Default `.Capabilities.APIVersions` of `helm template`, in Helm's order. */
  apiVersions: string[];
}

interface KubeApiTable {
  builtin: GroupVersionEntry[];
  helm: HelmBuild;
}

/** rules/kube-api-versions.yaml as compiled (and validated) by the build. */
export function loadKubeApiTable(): KubeApiTable {
  return shippedTable<KubeApiTable>('kube-api-versions');
}

/** The Helm build chartlint reproduces (`.Capabilities.HelmVersion`, default kube version and API list). */
export function helmBuild(): HelmBuild {
  return loadKubeApiTable().helm;
}

function serves(introduced: number, removed: number | undefined, minor: number): boolean {
  return introduced <= minor && (removed === undefined || minor < removed);
}

/**
 * What a Kubernetes 1.`minor` API server serves by default: its group/versions (table order), then its
 * group/version/kind entries (table order).
 */
export function servedApiVersions(minor: number): string[] {
  const groupVersions: string[] = [];
  const kinds: string[] = [];
  for (const gv of loadKubeApiTable().builtin) {
    let any = false;
    for (const k of gv.kinds) {
      const e: KindEntry = typeof k === 'string' ? { kind: k } : k;
      const off = e.defaultOff ?? gv.defaultOff ?? false;
      const removed = e.removed ?? gv.removed;
      if (off || !serves(e.introduced ?? gv.introduced, removed, minor)) continue;
      any = true;
      kinds.push(`${gv.groupVersion}/${e.kind}`);
    }
    if (any) groupVersions.push(gv.groupVersion);
  }
  return [...groupVersions, ...kinds];
}

/** A method without arguments. */
function nullary(result: string, fn: () => unknown): GoFuncSpec {
  return { params: [], result, call: () => fn() };
}

/**
 * `common.KubeVersion`: `Version` is the input as given (with a `v` prefix), `String()` the normalised version
 * (`v1.30.2` for `v1.30.2-gke.100`), `Major`/`Minor` strings.
 */
export class KubeVersion extends GoObject {
  readonly goType = 'common.KubeVersion';
  constructor(
    readonly version: string,
    readonly normalized: string,
    readonly major: string,
    readonly minor: string,
  ) {
    super();
  }

  override field(name: string): GoValue | undefined {
    switch (name) {
      case 'Version':
        return this.version;
      case 'Major':
        return this.major;
      case 'Minor':
        return this.minor;
    }
    return undefined;
  }

  override method(name: string): GoFuncSpec | undefined {
    // GitVersion is a deprecated alias of Version; String is the normalised form.
    if (name === 'GitVersion') return nullary('string', () => this.version);
    if (name === 'String') return nullary('string', () => this.normalized);
    return undefined;
  }

  /** Helm's String(): the normalised version. */
  override stringer(): string {
    return this.normalized;
  }

  /**
   * String() has a pointer receiver: `{{ .Capabilities.KubeVersion }}` prints it, a copy passed to a function
   * (`quote`, `printf "%v"`) prints the struct.
   */
  override get stringerNeedsPointer(): boolean {
    return true;
  }

  formatV(): string {
    return `{${this.version} ${this.normalized} ${this.major} ${this.minor}}`;
  }

  /** encoding/json: the exported fields only. */
  toJsonValue(): GoValue {
    const m = new StructJson();
    m.set('Version', this.version);
    m.set('Major', this.major);
    m.set('Minor', this.minor);
    return m;
  }
}

/** An error parsing `--kube-version`, with Helm's text (`invalid kube version '<x>': <reason>`). */
export class KubeVersionError extends ChartlintError {
  constructor(input: string, reason: string) {
    super('usage', `invalid kube version '${input}': ${reason}`);
    this.name = 'KubeVersionError';
  }
}

/** Go's `%q` for the ASCII-only texts Kubernetes' version parser quotes. */
function quote(s: string): string {
  return JSON.stringify(s);
}

const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Helm's `ParseKubeVersion`: Kubernetes' generic version parser (two or more numeric components after an optional
 * `v` and leading whitespace; anything after the numbers is ignored), `Version` keeps the input.
 */
export function parseKubeVersion(input: string): KubeVersion {
  const m = /^[\t\n\v\f\r ]*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s.exec(input);
  if (!m) throw new KubeVersionError(input, `could not parse ${quote(input)} as version`);
  const components = (m[1] ?? '').split('.');
  if (components.length < 2) throw new KubeVersionError(input, `illegal version string ${quote(input)}`);
  const numbers: bigint[] = [];
  components.forEach((c, i) => {
    if (i === 0 && c.startsWith('0') && c !== '0') {
      throw new KubeVersionError(
        input,
        `illegal zero-prefixed version component ${quote(c)} in ${quote(input)}`,
      );
    }
    const n = BigInt(c);
    if (n > MAX_UINT64) {
      throw new KubeVersionError(
        input,
        `illegal non-numeric version component ${quote(c)} in ${quote(input)}: strconv.ParseUint: parsing ${quote(c)}: value out of range`,
      );
    }
    numbers.push(n);
  });
  const original = input.startsWith('v') ? input : `v${input}`;
  return new KubeVersion(
    original,
    `v${numbers.join('.')}`,
    String(numbers[0] ?? 0n),
    String(numbers[1] ?? 0n),
  );
}

/** `common.VersionSet`: the API versions (a `[]string` to range, index and len), with `Has` (exact match). */
export class VersionSet extends GoObject implements ListBackedObject {
  readonly goType = 'common.VersionSet';
  private list: GoList | undefined;
  constructor(readonly versions: readonly string[]) {
    super();
  }

  asGoList(): GoList {
    this.list ??= new GoList([...this.versions], '[]string');
    return this.list;
  }

  override method(name: string): GoFuncSpec | undefined {
    if (name !== 'Has') return undefined;
    return { params: ['string'], result: 'bool', call: (_ctx, v) => this.versions.includes(v as string) };
  }

  formatV(): string {
    return formatValue(this.toJsonValue());
  }

  toJsonValue(): GoValue {
    return new GoList([...this.versions], '[]string');
  }
}

/** `version.BuildInfo`, Helm's `.Capabilities.HelmVersion`. */
export class HelmBuildInfo extends GoObject {
  readonly goType = 'version.BuildInfo';
  constructor(readonly build: HelmBuild) {
    super();
  }

  override field(name: string): GoValue | undefined {
    switch (name) {
      case 'Version':
        return this.build.version;
      case 'GitCommit':
        return this.build.gitCommit;
      case 'GitTreeState':
        return this.build.gitTreeState;
      case 'GoVersion':
        return this.build.goVersion;
      case 'KubeClientVersion':
        return this.build.kubeClientVersion;
    }
    return undefined;
  }

  formatV(): string {
    const b = this.build;
    return `{${b.version} ${b.gitCommit} ${b.gitTreeState} ${b.goVersion} ${b.kubeClientVersion}}`;
  }

  /** encoding/json with Helm's json tags. */
  toJsonValue(): GoValue {
    const b = this.build;
    const m = new StructJson();
    m.set('version', b.version);
    m.set('git_commit', b.gitCommit);
    m.set('git_tree_state', b.gitTreeState);
    m.set('go_version', b.goVersion);
    m.set('kube_client_version', b.kubeClientVersion);
    return m;
  }
}

/**
 * A struct as encoding/json sees it: members in declaration order (Go writes struct fields in that order, while
 * map keys are sorted), which is the order entries are added in.
 */
export class StructJson extends GoMap {
  override sortedKeys(): string[] {
    return [...this.entries.keys()];
  }
}

/** `*common.Capabilities`: a struct pointer, so unknown fields are errors (unlike `.Chart`/`.Release`). */
export class Capabilities extends GoObject {
  readonly goType = '*common.Capabilities';
  constructor(
    readonly kubeVersion: KubeVersion,
    readonly apiVersions: VersionSet,
    readonly helmVersion: HelmBuildInfo,
  ) {
    super();
  }

  override field(name: string): GoValue | undefined {
    switch (name) {
      case 'KubeVersion':
        return this.kubeVersion;
      case 'APIVersions':
        return this.apiVersions;
      case 'HelmVersion':
        return this.helmVersion;
    }
    return undefined;
  }

  formatV(): string {
    return `&{${this.kubeVersion.formatV()} ${this.apiVersions.formatV()} ${this.helmVersion.formatV()}}`;
  }

  /** encoding/json: the fields in declaration order. */
  toJsonValue(): GoValue {
    const m = new StructJson();
    m.set('KubeVersion', this.kubeVersion.toJsonValue());
    m.set('APIVersions', this.apiVersions.toJsonValue());
    m.set('HelmVersion', this.helmVersion.toJsonValue());
    return m;
  }
}

/** What `.Capabilities` is built from. */
export interface CapabilitiesOptions {
  /** `--kube-version`; absent: Helm's default (v1.35.0 for helm 4.1.4). */
  kubeVersion?: string;
  /** `--api-versions`, appended after the defaults. */
  apiVersions: readonly string[];
  /** Reproduce helm's fixed offline API list instead of what the Kubernetes version serves. */
  helmCapabilities: boolean;
}

/** Builds `.Capabilities`; throws {@link KubeVersionError} for an invalid `kubeVersion`. */
export function buildCapabilities(opts: CapabilitiesOptions): Capabilities {
  const build = helmBuild();
  const kube = parseKubeVersion(opts.kubeVersion ?? build.kubeVersion);
  const defaults = opts.helmCapabilities
    ? build.apiVersions
    : kube.major === '1'
      ? servedApiVersions(Number(kube.minor))
      : [];
  return new Capabilities(kube, new VersionSet([...defaults, ...opts.apiVersions]), new HelmBuildInfo(build));
}
