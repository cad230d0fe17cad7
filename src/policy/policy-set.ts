import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ChartlintError } from '../diagnostics/errors.js';
import { ruleKind } from './conventions.js';
import { BUILTIN_BUNDLE_PATH, builtinRuleFilter } from './builtin.js';
import { readWasmBundle } from './bundle.js';
import { compileRego, conftestRuleIds, type RegoSource } from './compile.js';
import { loadDataFiles, mergeData } from './data-files.js';
import { PolicyModule, type RuleFilter } from './module.js';
import { interpretRuleValues, type EvaluationTarget } from './results.js';
import type { PolicyContext, PolicyManifest, PolicyResult, PolicySetOptions } from './types.js';

/** A loaded module with the base data it evaluates against (before `data.chartlint` is added). */
interface LoadedModule {
  module: PolicyModule;
  data: Record<string, unknown>;
  builtin: boolean;
}

/**
 * The policies of one run: the built-in pack and the user's policies, each compiled module instantiated once.
 * `evaluate` may be called for every chart × environment; data is re-sent to wasm only when the context changes.
 */
export class PolicySet {
  private readonly modules: LoadedModule[];

  /** Use {@link loadPolicySet}. */
  constructor(modules: LoadedModule[]) {
    this.modules = modules;
  }

  /** True when no policy is loaded (nothing to evaluate). */
  get empty(): boolean {
    return this.modules.length === 0;
  }

  /**
   * Evaluates every policy over the manifests of one chart × environment. Each manifest is the `input` of one
   * evaluation; with `combine`, user policies instead get one input, conftest's combined list of
   * `{path, contents}` sorted by path. The built-in pack always sees one manifest at a time. Results come in
   * manifest order, then module, then rule id.
   */
  evaluate(manifests: readonly PolicyManifest[], context: PolicyContext, combine: boolean): PolicyResult[] {
    const chartlint = {
      chart: { name: context.chart.name, version: context.chart.version, path: context.chart.path },
      environment: context.environment,
      kubeVersion: context.kubeVersion,
    };
    for (const m of this.modules) m.module.setData({ ...m.data, chartlint });

    const results: PolicyResult[] = [];
    const perManifest = this.modules.filter((m) => !combine || m.builtin);
    if (perManifest.length > 0) {
      for (const manifest of manifests) {
        const input = encode(manifest.object);
        const target: EvaluationTarget = { kind: 'manifest', manifestId: manifest.id };
        for (const m of perManifest) {
          const values = m.module.evaluate(input, describeManifest(manifest));
          results.push(...interpretRuleValues(values, target, m.builtin));
        }
      }
    }
    if (combine) {
      const sorted = [...manifests].sort((a, b) => compare(sourceOf(a), sourceOf(b)));
      const input = encode(sorted.map((m) => ({ path: sourceOf(m), contents: m.object })));
      const target: EvaluationTarget = { kind: 'combined', manifests: sorted };
      for (const m of this.modules) {
        if (m.builtin) continue;
        results.push(
          ...interpretRuleValues(m.module.evaluate(input, 'the combined manifests'), target, false),
        );
      }
    }
    return results;
  }
}

function sourceOf(m: PolicyManifest): string {
  return m.source ?? `manifest-${m.id}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encode(value: unknown): ArrayBuffer {
  // Encoded once per input and shared by every module (opa-wasm copies it into each module's memory).
  return new TextEncoder().encode(JSON.stringify(value ?? null)).buffer as ArrayBuffer;
}

function describeManifest(m: PolicyManifest): string {
  const obj = (m.object ?? {}) as { kind?: unknown; metadata?: { name?: unknown } };
  const kind = typeof obj.kind === 'string' ? obj.kind : 'object';
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : `#${m.id}`;
  return `${sourceOf(m)} (${kind} ${name})`;
}

/** The user's `--policy` paths sorted into `.rego` sources and prebuilt modules. */
interface UserPolicies {
  rego: RegoSource[];
  bundles: string[];
  wasm: string[];
}

function classifyPaths(paths: readonly string[]): UserPolicies {
  const out: UserPolicies = { rego: [], bundles: [], wasm: [] };
  const addRego = (file: string) => out.rego.push({ file, text: readFileSync(file, 'utf8') });
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const child = join(dir, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (name.endsWith('.rego')) addRego(child);
    }
  };
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (err) {
      throw new ChartlintError(
        'io',
        `${path}: cannot read the policy (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
        {
          location: { file: path },
          cause: err,
        },
      );
    }
    if (isDir) walk(path);
    else if (path.endsWith('.rego')) addRego(path);
    else if (path.endsWith('.tar.gz') || path.endsWith('.tgz')) out.bundles.push(path);
    else if (path.endsWith('.wasm')) out.wasm.push(path);
    else {
      throw new ChartlintError(
        'policy-invalid',
        'a policy must be a .rego file, a directory of them, a bundle (.tar.gz from `opa build -t wasm`) or a .wasm module.',
        { location: { file: path } },
      );
    }
  }
  return out;
}

function namespaceFilter(namespaces: string[] | 'all'): RuleFilter {
  if (namespaces === 'all') return () => true;
  const set = new Set(namespaces.length > 0 ? namespaces : ['main']);
  return (pkg) => set.has(pkg);
}

function describeNamespaces(namespaces: string[] | 'all'): string {
  if (namespaces === 'all') return 'any package';
  const list = namespaces.length > 0 ? namespaces : ['main'];
  return `package${list.length > 1 ? 's' : ''} ${list.join(', ')} (choose others with --namespace or --all-namespaces)`;
}

/**
 * Loads the policies of a run: the built-in pack (unless turned off), users' `.rego` compiled with the opa CLI
 * (cached by content hash), prebuilt bundles and `.wasm` modules as they are, and the `--data` documents. Throws
 * ChartlintError: 'opa-missing' when `.rego` needs compiling and no opa is found, 'policy-invalid' (located at
 * opa's file and line) when a policy does not compile or has no conftest rule in the selected namespaces.
 */
export async function loadPolicySet(options: PolicySetOptions): Promise<PolicySet> {
  const env = options.env ?? {};
  const modules: LoadedModule[] = [];
  const userData = loadDataFiles(options.dataFiles);

  if (options.builtin) {
    const bundle = await readWasmBundle(readFileSync(BUILTIN_BUNDLE_PATH), 'policies/bundle.tar.gz');
    const filter = builtinRuleFilter(options.disabledBuiltin);
    const module = await PolicyModule.load('policies/bundle.tar.gz', bundle.wasm, filter);
    modules.push({ module, data: bundle.data, builtin: true });
  }

  const user = classifyPaths(options.paths);
  const filter = namespaceFilter(options.namespaces);
  if (user.rego.length > 0) {
    const ruleIds = conftestRuleIds(user.rego, filter);
    if (!ruleIds.some((id) => ruleKind(id.slice(id.lastIndexOf('/') + 1)) !== 'exception')) {
      throw new ChartlintError(
        'policy-invalid',
        `no deny, violation or warn rule in ${describeNamespaces(options.namespaces)} in ${options.paths.join(', ')}.`,
        { location: { file: user.rego[0]?.file ?? options.paths.join(', ') } },
      );
    }
    const compiled = compileRego(user.rego, ruleIds, {
      cacheDir: options.cacheDir,
      env,
      ...(options.opaBin !== undefined ? { opaBin: options.opaBin } : {}),
    });
    const bundle = await readWasmBundle(compiled, 'compiled policies');
    const label = user.rego.length === 1 ? (user.rego[0] as RegoSource).file : options.paths.join(', ');
    modules.push({
      module: await PolicyModule.load(label, bundle.wasm, filter),
      data: userData,
      builtin: false,
    });
  }
  for (const file of user.bundles) {
    const bundle = await readWasmBundle(readFileSync(file), file);
    const data = mergeData(bundle.data, userData, file);
    modules.push({
      module: await loadPrebuilt(file, bundle.wasm, filter, options.namespaces),
      data,
      builtin: false,
    });
  }
  for (const file of user.wasm) {
    const module = await loadPrebuilt(file, readFileSync(file), filter, options.namespaces);
    modules.push({ module, data: userData, builtin: false });
  }
  return new PolicySet(modules);
}

async function loadPrebuilt(
  file: string,
  wasm: Uint8Array,
  filter: RuleFilter,
  namespaces: string[] | 'all',
): Promise<PolicyModule> {
  const module = await PolicyModule.load(file, wasm, filter);
  if (!module.hasRules()) {
    throw new ChartlintError(
      'policy-invalid',
      `no deny, violation or warn entry point in ${describeNamespaces(namespaces)}; build it with ` +
        '`opa build -t wasm -e <package>/deny …`.',
      { location: { file } },
    );
  }
  return module;
}
