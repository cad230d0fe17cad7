import { resolve } from 'node:path';
import { loadChart } from '../chart/load.js';
import type { Chart } from '../chart/types.js';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Renderer } from '../render/types.js';
import { mergeFindings } from './findings.js';
import { lintEnvironment } from './lint-job.js';
import type { ChartResult, LintResult } from './types.js';
import { discoverCharts } from '../chart/discover.js';
import { loadConfigForChart, type LoadedConfig } from '../config/load.js';
import { buildEnvironments, type Environment, type EnvironmentOverrides } from '../config/environments.js';
import { loadPolicySet, type PolicySet, type PolicySetOptions } from '../policy/index.js';

/** What `lint()` needs; the CLI builds it from its arguments. */
export interface LintOptions {
  paths: string[];
  cwd: string;
  /** An explicit configuration file (`--config`); else `.chartlint.yaml` is looked up from each chart. */
  configPath?: string;
  /** `--env` selections; empty = every environment. */
  envNames: string[];
  ciValues: boolean;
  /** Helm-style flags that make or override an ad-hoc environment. */
  overrides: EnvironmentOverrides;
  renderer: Renderer;
  /** Rego policies: command-line settings, merged with each chart's `policies:` configuration. */
  policies: PolicyOptions;
}

/** Policy settings from the command line. */
export interface PolicyOptions {
  /** `--policy`: files or directories (relative to cwd). */
  paths: string[];
  /** `--policy-namespace` (default `main`) or `all` (`--all-namespaces`). */
  namespaces: string[] | 'all';
  /** `--data` files. */
  dataFiles: string[];
  /** False with `--no-builtin-policies`. */
  builtin: boolean;
  /** `--disable-policy` ids. */
  disabled: string[];
  /** `--combine`: user policies see all manifests of an environment at once. */
  combine: boolean;
  /** Where compiled user policies are cached. */
  cacheDir: string;
  /** For finding `opa` (`OPA_BIN`, `PATH`). */
  env: Record<string, string | undefined>;
}

/**
 * Lints every chart below the paths: discover → configuration → environments → render → checks → merge. A chart that
 * cannot be loaded (or whose configuration is invalid) becomes an entry in `errors`; the others are still linted.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = resolve(options.cwd);
  const discovered = await discoverCharts(options.paths, { cwd });
  const errors: ChartlintError[] = [...discovered.errors];
  const charts: ChartResult[] = [];
  const findings: Finding[] = [];
  const policyCache = new Map<string, Promise<PolicySet>>();
  for (const chartPath of discovered.charts) {
    let chart: Chart;
    try {
      chart = await loadChart(chartPath, { cwd });
    } catch (e) {
      errors.push(asChartlintError(e, chartPath));
      continue;
    }
    let config: LoadedConfig | undefined;
    let environments: Environment[];
    try {
      config = await loadConfigForChart(resolve(cwd, chartPath), {
        cwd,
        ...(options.configPath !== undefined ? { explicitPath: options.configPath } : {}),
      });
      environments = buildEnvironments(config, options.overrides, chart, {
        envNames: options.envNames,
        ciValues: options.ciValues,
        cwd,
      });
    } catch (e) {
      errors.push(asChartlintError(e, chartPath));
      continue;
    }
    charts.push({
      chart: chart.dir,
      name: chart.metadata.name,
      environments: environments.map((e) => e.name),
    });
    const policies = await policySetFor(options.policies, config, cwd, policyCache);
    for (const env of environments) {
      findings.push(
        ...(await lintEnvironment({
          chart,
          env,
          renderer: options.renderer,
          cwd,
          policies,
          combine: options.policies.combine,
          ruleSettings: config?.config.rules ?? {},
        })),
      );
    }
  }
  return {
    charts,
    findings: mergeFindings(
      findings,
      charts.map((c) => c.chart),
    ),
    errors,
    renderer: options.renderer.name,
  };
}

/**
 * The policy set of a chart: the command line's settings plus its configuration's `policies:` (paths relative to the
 * configuration file). Loaded once per distinct setting: the WebAssembly is compiled once per run.
 */
function policySetFor(
  cli: PolicyOptions,
  loaded: LoadedConfig | undefined,
  cwd: string,
  cache: Map<string, Promise<PolicySet>>,
): Promise<PolicySet> {
  const conf = loaded?.config.policies;
  const base = loaded?.dir ?? cwd;
  const paths = [
    ...cli.paths.map((p) => resolve(cwd, p)),
    ...(conf?.paths ?? []).map((p) => resolve(base, p)),
  ];
  const namespaces: string[] | 'all' =
    cli.namespaces === 'all'
      ? 'all'
      : cli.namespaces.length
        ? cli.namespaces
        : (conf?.namespaces ?? ['main']);
  const settings: PolicySetOptions = {
    builtin: cli.builtin && (conf?.builtin ?? true),
    disabledBuiltin: [...cli.disabled, ...(conf?.disable ?? [])],
    paths,
    namespaces,
    dataFiles: cli.dataFiles.map((p) => resolve(cwd, p)),
    cacheDir: cli.cacheDir,
    env: cli.env,
  };
  const key = JSON.stringify({ ...settings, env: undefined });
  let set = cache.get(key);
  if (!set) {
    set = loadPolicySet(settings);
    cache.set(key, set);
  }
  return set;
}

function asChartlintError(e: unknown, chartPath: string): ChartlintError {
  if (e instanceof ChartlintError) return e;
  return new ChartlintError('internal', `${chartPath}: ${e instanceof Error ? e.message : String(e)}`, {
    location: { file: chartPath },
  });
}
