import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { loadChart } from '../chart/load.js';
import type { Chart } from '../chart/types.js';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Renderer } from '../render/types.js';
import { mergeFindings } from './findings.js';
import { lintEnvironment } from './lint-job.js';
import { LintPool } from './pool.js';
import type { ChartResult, LintResult } from './types.js';
import { discoverCharts } from '../chart/discover.js';
import { loadConfigForChart, type LoadedConfig } from '../config/load.js';
import { buildEnvironments, type Environment, type EnvironmentOverrides } from '../config/environments.js';
import { loadPolicySet, type PolicySet, type PolicySetOptions } from '../policy/index.js';

/**
 * Which renderer to use, as plain data: worker threads cannot receive a Renderer object, so each builds its own from
 * this description.
 */
export type RendererSpec = { kind: 'embedded' } | { kind: 'helm'; helmPath: string };

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
  /**
   * The renderer. A {@link RendererSpec} lets the run use worker threads; a Renderer object (e.g. a custom one from
   * a library user) cannot cross threads, so the run then stays in-process.
   */
  renderer: Renderer | RendererSpec;
  /** Rego policies: command-line settings, merged with each chart's `policies:` configuration. */
  policies: PolicyOptions;
  /** `--helm-capabilities`: helm's fixed offline API list instead of the target version's. */
  helmCapabilities?: boolean;
  /** `--jobs`: worker threads for the charts (default: the cores available). 1 lints in-process. */
  jobs?: number;
  /** Told when a chart starts and when one is done, for a progress line. */
  onProgress?: (progress: LintProgress) => void;
}

/** How far a lint run is. */
export interface LintProgress {
  /** Charts finished (linted, or stopped by an error). */
  done: number;
  /** Charts discovered. */
  total: number;
  /** Display path of the chart most recently started, while some are still running. */
  current?: string;
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

/** The settings every job of a run shares (plain data: a worker receives them once, at start). */
export interface LintRunSettings {
  /** Absolute working directory. */
  cwd: string;
  renderer: RendererSpec;
  policies: PolicyOptions;
  /** Render with helm's own fixed offline `.Capabilities` instead of what the target version serves. */
  helmCapabilities?: boolean;
}

/** One chart × environment as plain data: everything a worker needs to lint it besides the run's settings. */
export interface LintJob {
  /** The chart as discovery found it (relative to `cwd` or absolute). */
  chartPath: string;
  /** The chart's configuration (its `policies:` and `rules:` apply to this job). */
  config: LoadedConfig | undefined;
  environment: Environment;
}

/**
 * Lints jobs, keeping what is expensive to build for the whole run: each chart is loaded once, the renderer is built
 * once (the embedded one parses a chart's templates once and reuses them for every environment), and each distinct
 * policy setting is compiled once. The main thread uses one for in-process runs, every worker thread one of its own.
 */
export class LintJobRunner {
  private readonly charts = new Map<string, Promise<Chart>>();
  private readonly policySets = new Map<string, Promise<PolicySet>>();
  private renderer: Promise<Renderer> | undefined;

  /** `renderer` overrides `settings.renderer` with an object built by the caller (in-process runs only). */
  constructor(
    private readonly settings: LintRunSettings,
    renderer?: Renderer,
  ) {
    if (renderer) this.renderer = Promise.resolve(renderer);
  }

  /** Lints one job; `chart` is the already loaded chart when the caller has it. */
  async run(job: LintJob, chart?: Chart): Promise<Finding[]> {
    const { cwd } = this.settings;
    const loaded = chart ?? (await this.chart(job.chartPath));
    // Not awaited here: lintEnvironment waits for the policies after rendering (their WebAssembly compiles meanwhile).
    const policies = this.policySet(job.config);
    this.renderer ??= createRenderer(this.settings.renderer, cwd);
    return lintEnvironment({
      chart: loaded,
      env: job.environment,
      renderer: await this.renderer,
      cwd,
      policies,
      combine: this.settings.policies.combine,
      helmCapabilities: this.settings.helmCapabilities ?? false,
      ruleSettings: job.config?.config.rules ?? {},
      excludes: job.config?.config.exclude ?? [],
      ...(job.config?.file ? { configDir: dirnameOf(job.config.file) } : {}),
    });
  }

  private chart(chartPath: string): Promise<Chart> {
    let chart = this.charts.get(chartPath);
    if (!chart) {
      chart = loadChart(chartPath, { cwd: this.settings.cwd });
      this.charts.set(chartPath, chart);
    }
    return chart;
  }

  /**
   * The policy set of a chart: the command line's settings plus its configuration's `policies:` (paths relative to
   * the configuration file). Loaded once per distinct setting: the WebAssembly is compiled once per run (per thread).
   */
  private policySet(loaded: LoadedConfig | undefined): Promise<PolicySet> {
    const { cwd, policies: cli } = this.settings;
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
    let set = this.policySets.get(key);
    if (!set) {
      set = loadPolicySet(settings);
      // Its failure is reported by the job that awaits it; until then it must not count as unhandled.
      set.catch(() => undefined);
      this.policySets.set(key, set);
    }
    return set;
  }
}

/**
 * Builds the renderer a spec describes. The embedded renderer's module (the whole template engine) is imported only
 * when it is used, so that `--renderer helm` runs never load it.
 */
async function createRenderer(spec: RendererSpec, cwd: string): Promise<Renderer> {
  if (spec.kind === 'helm') {
    const { HelmBinaryRenderer } = await import('../render/helm-binary.js');
    return new HelmBinaryRenderer(spec.helmPath);
  }
  const { EmbeddedRenderer } = await import('../render/embedded/renderer.js');
  return new EmbeddedRenderer({ cwd });
}

/** A chart ready to lint: loaded, configured, its environments known. */
interface PlannedChart {
  chart: Chart;
  jobs: LintJob[];
}

/**
 * Lints every chart below the paths: discover → configuration → environments → render → checks → merge. A chart that
 * cannot be loaded (or whose configuration is invalid) becomes an entry in `errors`; the others are still linted.
 *
 * With several charts and more than one job, charts are spread over a pool: `jobs - 1` worker threads and the main
 * thread, which also goes on loading the next charts. Each chart's environments stay on one lane (so its templates
 * are parsed once), unless there are fewer charts than lanes. The result is the same as an in-process run's, in the
 * same order.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = resolve(options.cwd);
  const discovered = await discoverCharts(options.paths, { cwd });
  const errors: ChartlintError[] = [...discovered.errors];
  const charts: ChartResult[] = [];
  const total = discovered.charts.length;
  const spec = 'render' in options.renderer ? undefined : options.renderer;
  const rendererObject = 'render' in options.renderer ? options.renderer : undefined;
  const settings: LintRunSettings = {
    cwd,
    renderer: spec ?? { kind: 'embedded' },
    policies: options.policies,
    ...(options.helmCapabilities ? { helmCapabilities: true } : {}),
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const runner = new LintJobRunner(settings, rendererObject);
  // Charts this thread loaded while planning: its own lane lints them without loading them again.
  const loaded = new Map<string, Chart>();
  // The main thread is one of the pool's lanes: `jobs` lanes need jobs - 1 worker threads.
  const pool =
    spec && jobs > 1 && total > 1 && LintPool.available()
      ? new LintPool(jobs - 1, settings, (unit) => runUnit(runner, unit, loaded))
      : undefined;
  // Charts finish out of order on the pool; their findings are kept by chart so the result keeps discovery order.
  const results: Promise<Settled<Finding[]>>[] = [];
  let done = 0;
  const progress = (current?: string): void =>
    options.onProgress?.({ done, total, ...(current !== undefined ? { current } : {}) });
  try {
    for (const chartPath of discovered.charts) {
      const planned = await planChart(chartPath, options, cwd, errors);
      if (!planned) {
        done++;
        continue;
      }
      charts.push({
        chart: planned.chart.dir,
        name: planned.chart.metadata.name,
        environments: planned.jobs.map((j) => j.environment.name),
      });
      if (!pool) {
        progress(planned.chart.dir);
        const found: Finding[] = [];
        for (const job of planned.jobs) found.push(...(await runner.run(job, planned.chart)));
        results.push(Promise.resolve({ ok: true, value: found }));
        done++;
      } else {
        // Fewer charts than lanes: environments go to lanes one by one, so that every lane has work.
        const units = total < jobs ? planned.jobs.map((j) => [j]) : [planned.jobs];
        loaded.set(chartPath, planned.chart);
        const chartDone = Promise.all(
          units.map((unit) => pool.submit(unit, () => progress(planned.chart.dir))),
        ).then((parts) => parts.flat(2));
        results.push(
          settle(chartDone).then((s) => {
            loaded.delete(chartPath);
            done++;
            progress();
            return s;
          }),
        );
      }
    }
    const findings: Finding[] = [];
    // The first failure in chart order is the one an in-process run would have stopped at.
    for (const r of await Promise.all(results)) {
      if (!r.ok) throw r.error;
      findings.push(...r.value);
    }
    progress();
    return {
      charts,
      findings: mergeFindings(
        findings,
        charts.map((c) => c.chart),
      ),
      errors,
      renderer: spec?.kind ?? rendererObject?.name ?? 'embedded',
    };
  } finally {
    await pool?.close();
  }
}

/** Loads a chart and its configuration and builds its environments; a problem goes to `errors`. */
async function planChart(
  chartPath: string,
  options: LintOptions,
  cwd: string,
  errors: ChartlintError[],
): Promise<PlannedChart | undefined> {
  let chart: Chart;
  try {
    chart = await loadChart(chartPath, { cwd });
  } catch (e) {
    errors.push(asChartlintError(e, chartPath));
    return undefined;
  }
  try {
    const config = await loadConfigForChart(resolve(cwd, chartPath), {
      cwd,
      ...(options.configPath !== undefined ? { explicitPath: options.configPath } : {}),
    });
    const environments = buildEnvironments(config, options.overrides, chart, {
      envNames: options.envNames,
      ciValues: options.ciValues,
      cwd,
    });
    return { chart, jobs: environments.map((environment) => ({ chartPath, config, environment })) };
  } catch (e) {
    errors.push(asChartlintError(e, chartPath));
    return undefined;
  }
}

/** Lints a unit's jobs one after the other on this thread. */
async function runUnit(
  runner: LintJobRunner,
  jobs: readonly LintJob[],
  loaded: ReadonlyMap<string, Chart>,
): Promise<Finding[][]> {
  const findings: Finding[][] = [];
  for (const job of jobs) findings.push(await runner.run(job, loaded.get(job.chartPath)));
  return findings;
}

/** A promise's outcome as a value, so that a failure can wait for its turn in chart order. */
type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function asChartlintError(e: unknown, chartPath: string): ChartlintError {
  if (e instanceof ChartlintError) return e;
  return new ChartlintError('internal', `${chartPath}: ${e instanceof Error ? e.message : String(e)}`, {
    location: { file: chartPath },
  });
}

/** Directory part of a display path (`.` for a file in the working directory). */
function dirnameOf(displayPath: string): string {
  const i = displayPath.lastIndexOf('/');
  return i < 0 ? '.' : displayPath.slice(0, i);
}
