// `npm run bench`: generates the corpus (bench/generate.mjs), then measures
//   1. the whole lint of the corpus through the CLI (render, every rule, the built-in policies, SARIF), with the
//      default worker pool and with --jobs 1 (their SARIF must be identical): chart×environment renders per second,
//      wall time, CPU time, peak RSS;
//   2. `helm template` over the same charts and environments, one process each (as many at a time as there are
//      cores), and the ratio of chartlint's wall time to helm's;
//   3. one small chart of `helm create`'s shape end to end through the CLI, process start included;
//   4. the template engine on a large template (parse and execute throughput);
//   5. the embedded renderer and `helm template` over fixtures/render/*;
//   6. policy evaluation throughput (the built-in pack).
// Results go to bench/results.json. Needs a build (`npm run build`); helm is taken from $HELM_BIN, .tools/helm or PATH.
//
// Usage: node bench/run.mjs [--charts N] [--jobs N] [--repeat N] [--small-runs N] [--no-helm] [--only SECTION,…]
//   --repeat N: N alternating rounds of the whole lint and helm; the median round of each is reported
//   sections: wholeLint, smallChart, templateEngine, fixtureRenders, policies (--only leaves results.json alone)
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus, HELPERS, DEPLOYMENT, SERVICE, CONFIGMAP, INGRESS } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'bench/corpus');
const DIST = join(ROOT, 'dist');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
const CHARTS = option('--charts', 200);
const CORES = availableParallelism();
const JOBS = option('--jobs', CORES);
const SMALL_RUNS = option('--small-runs', 11);
const REPEAT = Math.max(1, option('--repeat', 1));
const HELM = argv.includes('--no-helm') ? undefined : findHelm();

function findHelm() {
  const candidates = [
    process.env.HELM_BIN,
    join(ROOT, '.tools/helm'),
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'helm')),
  ];
  return candidates.find((p) => p && existsSync(p));
}

function log(line) {
  process.stderr.write(`${line}\n`);
}

/** CPU time of this process's reaped children, in ms (Linux: /proc/self/stat cutime + cstime), else undefined. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 0 is the state; cutime and cstime are the 14th and 15th fields from there.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

function run(file, args, options = {}) {
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8', ...options },
      (err, stdout, stderr) => {
        resolvePromise({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI once with the probe: wall time, CPU time and peak RSS of the whole process. */
async function timeCli(args, env = {}) {
  const probe = join(mkdtempSync(join(tmpdir(), 'chartlint-bench-')), 'probe.json');
  const start = performance.now();
  const r = await run(
    process.execPath,
    ['--require', join(ROOT, 'bench/probe.cjs'), join(ROOT, 'bin/chartlint.js'), ...args],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CHARTLINT_BENCH_PROBE: probe, ...env } },
  );
  const wallMs = performance.now() - start;
  if (r.code !== 0 && r.code !== 1)
    throw new Error(`chartlint ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  const usage = JSON.parse(readFileSync(probe, 'utf8'));
  rmSync(dirname(probe), { recursive: true, force: true });
  return { wallMs, cpuMs: usage.userMs + usage.systemMs, maxRssMb: usage.maxRssKb / 1024, stdout: r.stdout };
}

/** Runs `tasks` (functions returning promises) `width` at a time. */
async function inParallel(tasks, width) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }),
  );
}

/** `helm template` once per argument list, `width` processes at a time: wall and CPU time. */
async function timeHelm(argLists, width) {
  const cpu0 = childrenCpuMs();
  const start = performance.now();
  let failures = 0;
  const home = mkdtempSync(join(tmpdir(), 'chartlint-bench-helm-'));
  const env = {
    HOME: home,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    PATH: process.env.PATH,
  };
  await inParallel(
    argLists.map((args) => async () => {
      const r = await run(HELM, args, { env });
      if (r.code !== 0) failures++;
    }),
    width,
  );
  const wallMs = performance.now() - start;
  const cpu1 = childrenCpuMs();
  rmSync(home, { recursive: true, force: true });
  return { wallMs, cpuMs: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined, failures };
}

function helmArgs(chartDir, env) {
  const args = ['template', env.releaseName, chartDir, '--namespace', env.namespace, '--include-crds'];
  if (env.valuesFile) args.push('--values', join(chartDir, env.valuesFile));
  for (const s of env.setJson) args.push('--set-json', s);
  return args;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, digits = 1) => (x === undefined ? undefined : Number(x.toFixed(digits)));

/** Where two reports part: the first differing SARIF result (or the first differing character). */
function firstDifference(a, b) {
  const ra = JSON.parse(a).runs[0].results;
  const rb = JSON.parse(b).runs[0].results;
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    if (JSON.stringify(ra[i]) !== JSON.stringify(rb[i])) return { result: i, pooled: ra[i], jobs1: rb[i] };
  }
  let i = 0;
  while (a[i] === b[i]) i++;
  return { offset: i, pooled: a.slice(i, i + 200), jobs1: b.slice(i, i + 200) };
}

/** The run with the median wall time (its CPU and memory figures go with it). */
function medianRun(runs) {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
}

async function wholeLint(corpus) {
  const renders = corpus.charts.reduce((n, c) => n + c.environments.length, 0);
  const args = ['bench/corpus/charts', '--format', 'sarif'];
  const argLists = corpus.charts.flatMap((c) => c.environments.map((e) => helmArgs(c.dir, e)));
  // Rounds alternate chartlint and helm so that both meet the same conditions on a shared machine.
  const pooledRuns = [];
  const singleRuns = [];
  const helmRuns = [];
  for (let n = 1; n <= REPEAT; n++) {
    const of = REPEAT > 1 ? ` (round ${n}/${REPEAT})` : '';
    log(
      `whole lint: ${corpus.charts.length} charts × 3 environments = ${renders} renders, --jobs ${JOBS}${of} …`,
    );
    pooledRuns.push(await timeCli([...args, '--jobs', String(JOBS)]));
    log(`whole lint: the same with --jobs 1${of} …`);
    singleRuns.push(await timeCli([...args, '--jobs', '1']));
    if (HELM) {
      log(`helm template: ${argLists.length} processes, ${CORES} at a time${of} …`);
      helmRuns.push(await timeHelm(argLists, CORES));
    }
  }
  const pooled = medianRun(pooledRuns);
  const single = medianRun(singleRuns);
  const outputs = new Set([...pooledRuns, ...singleRuns].map((r) => r.stdout));
  const result = {
    charts: corpus.charts.length,
    renders,
    jobs: JOBS,
    rounds: REPEAT,
    wallMs: round(pooled.wallMs, 0),
    cpuMs: round(pooled.cpuMs, 0),
    rendersPerSecond: round(renders / (pooled.wallMs / 1000)),
    peakRssMb: round(Math.max(...pooledRuns.map((r) => r.maxRssMb))),
    jobs1: {
      wallMs: round(single.wallMs, 0),
      cpuMs: round(single.cpuMs, 0),
      rendersPerSecond: round(renders / (single.wallMs / 1000)),
      peakRssMb: round(Math.max(...singleRuns.map((r) => r.maxRssMb))),
    },
    identicalToJobs1: outputs.size === 1,
    ...(outputs.size === 1 ? {} : { firstDifference: firstDifference(pooled.stdout, single.stdout) }),
    sarifResults: JSON.parse(pooled.stdout).runs[0].results.length,
  };
  if (HELM) {
    const helm = medianRun(helmRuns);
    result.helm = {
      processes: argLists.length,
      concurrency: CORES,
      wallMs: round(helm.wallMs, 0),
      cpuMs: round(helm.cpuMs, 0),
      failures: helm.failures,
    };
    result.ratioToHelm = round(pooled.wallMs / helm.wallMs, 3);
    if (helm.cpuMs) result.cpuRatioToHelm = round(pooled.cpuMs / helm.cpuMs, 3);
    if (REPEAT > 1) {
      result.ratioToHelmPerRound = pooledRuns.map((r, i) => round(r.wallMs / helmRuns[i].wallMs, 3));
    }
  }
  return result;
}

async function smallChart(corpus) {
  const dir = corpus.small.dir;
  log(`small chart through the CLI: ${SMALL_RUNS} runs …`);
  // The first run warms the file cache and writes the compile cache (bin/chartlint.js); it is not counted.
  await timeCli([dir, '--format', 'sarif']);
  const runs = [];
  for (let i = 0; i < SMALL_RUNS; i++) runs.push(await timeCli([dir, '--format', 'sarif']));
  // The same without the compile cache: what the very first run after an install or upgrade costs.
  const cold = [];
  for (let i = 0; i < SMALL_RUNS; i++)
    cold.push(await timeCli([dir, '--format', 'sarif'], { CHARTLINT_COMPILE_CACHE: '0' }));
  const result = {
    chart: 'bench/corpus/small/mychart',
    runs: SMALL_RUNS,
    medianWallMs: round(median(runs.map((r) => r.wallMs)), 0),
    minWallMs: round(Math.min(...runs.map((r) => r.wallMs)), 0),
    medianCpuMs: round(median(runs.map((r) => r.cpuMs)), 0),
    peakRssMb: round(Math.max(...runs.map((r) => r.maxRssMb))),
    withoutCompileCacheMedianWallMs: round(median(cold.map((r) => r.wallMs)), 0),
  };
  if (HELM) {
    const walls = [];
    for (let i = 0; i < SMALL_RUNS; i++)
      walls.push((await timeHelm([helmArgs(dir, corpus.small.environments[0])], 1)).wallMs);
    result.helmTemplateMedianWallMs = round(median(walls), 0);
  }
  return result;
}

/** A template of about 50 applications' worth of helpers and manifests in one file, and values for it. */
function largeTemplate() {
  const parts = [];
  for (let i = 0; i < 50; i++) {
    const name = `app${i}`;
    const deployment = DEPLOYMENT(name, i % 2 ? 'worker' : 'web', false).replace(
      /^.*checksum\/config.*\n/m,
      '',
    );
    parts.push(
      HELPERS(name),
      '---\n',
      deployment,
      '---\n',
      SERVICE(name),
      '---\n',
      INGRESS(name),
      '---\n',
      CONFIGMAP(name),
    );
  }
  return parts.join('');
}

async function templateEngine() {
  log('template engine: a large template …');
  const { TemplateSet, execute } = await import(pathToFileURL(join(DIST, 'template/index.js')).href);
  const { helmEngineFuncs } = await import(pathToFileURL(join(DIST, 'template/funcmap.js')).href);
  const { createCallContext } = await import(pathToFileURL(join(DIST, 'template/render-context.js')).href);
  const { parseJsonDocument } = await import(pathToFileURL(join(DIST, 'values/json-value.js')).href);
  const YAML = (await import('yaml')).default;
  const text = largeTemplate();
  const funcs = helmEngineFuncs();
  const values = YAML.parse(readFileSync(join(CORPUS, 'small/mychart/values.yaml'), 'utf8'));
  values.ingress.enabled = true;
  values.autoscaling.enabled = false;
  const data = parseJsonDocument(
    JSON.stringify({
      Values: values,
      Release: { Name: 'bench', Namespace: 'default', Service: 'Helm' },
      Chart: { Name: 'bench', Version: '1.0.0', AppVersion: '1.0.0' },
      Template: { BasePath: 'bench/templates', Name: 'bench/templates/large.yaml' },
    }),
  );
  const parseOnce = () => {
    const set = new TemplateSet({ funcNames: Object.keys(funcs) });
    set.add('bench/templates/large.yaml', text);
    return set;
  };
  const timeIt = (fn, minMs = 1500) => {
    fn(); // warm-up
    let n = 0;
    const start = performance.now();
    let out;
    while (performance.now() - start < minMs) {
      out = fn();
      n++;
    }
    return { msPerRun: (performance.now() - start) / n, out };
  };
  const parsed = timeIt(parseOnce);
  const set = parsed.out;
  const executed = timeIt(() =>
    execute(set, 'bench/templates/large.yaml', data, { funcs, ctx: createCallContext({ seed: 'bench' }) }),
  );
  const executedNoSpans = timeIt(() =>
    execute(set, 'bench/templates/large.yaml', data, {
      funcs,
      ctx: createCallContext({ seed: 'bench' }),
      recordSpans: false,
    }),
  );
  const kb = text.length / 1024;
  const outKb = executed.out.output.length / 1024;
  return {
    templateKb: round(kb),
    templateLines: text.split('\n').length,
    parseMs: round(parsed.msPerRun, 2),
    parseMbPerSecond: round(kb / 1024 / (parsed.msPerRun / 1000), 2),
    outputKb: round(outKb),
    executeMs: round(executed.msPerRun, 2),
    executeOutputMbPerSecond: round(outKb / 1024 / (executed.msPerRun / 1000), 2),
    executeWithoutSpansMs: round(executedNoSpans.msPerRun, 2),
  };
}

async function fixtureRenders() {
  const fixturesDir = join(ROOT, 'fixtures/render');
  const charts = existsSync(fixturesDir)
    ? readdirSync(fixturesDir)
        .filter((d) => existsSync(join(fixturesDir, d, 'chart')))
        .sort()
    : [];
  if (charts.length === 0) return { charts: 0 };
  log(`embedded renderer over fixtures/render: ${charts.length} charts …`);
  const { EmbeddedRenderer } = await import(pathToFileURL(join(DIST, 'render/embedded/renderer.js')).href);
  const { helmTemplateArgs } = await import(pathToFileURL(join(DIST, 'render/helm-binary.js')).href);
  const request = (d) => ({
    chartPath: join('fixtures/render', d, 'chart'),
    releaseName: 'release-name',
    namespace: 'default',
    valuesFiles: [],
    setJson: [],
    set: [],
    setString: [],
    setFile: [],
    setLiteral: [],
    apiVersions: [],
    helmCapabilities: true,
    flags: {
      includeCrds: true,
      skipTests: false,
      noHooks: false,
      showOnly: [],
      isUpgrade: false,
      skipSchemaValidation: false,
    },
  });
  // Cold: a new renderer per chart (load and parse included). Warm: the same renderer again (templates parsed once).
  const renderer = new EmbeddedRenderer({ cwd: ROOT });
  let failed = 0;
  const coldStart = performance.now();
  for (const d of charts) if (!(await new EmbeddedRenderer({ cwd: ROOT }).render(request(d))).ok) failed++;
  const coldMs = performance.now() - coldStart;
  for (const d of charts) await renderer.render(request(d));
  const rounds = 5;
  const warmStart = performance.now();
  for (let i = 0; i < rounds; i++) for (const d of charts) await renderer.render(request(d));
  const warmMs = (performance.now() - warmStart) / rounds;
  const result = {
    charts: charts.length,
    // Error fixtures (parse errors, missing dependencies …) end in a failure, as with helm.
    renderFailures: failed,
    embeddedColdRendersPerSecond: round(charts.length / (coldMs / 1000)),
    embeddedWarmRendersPerSecond: round(charts.length / (warmMs / 1000)),
  };
  if (HELM) {
    const helm = await timeHelm(
      charts.map((d) => helmTemplateArgs(request(d))),
      1,
    );
    result.helmRendersPerSecond = round(charts.length / (helm.wallMs / 1000));
  }
  return result;
}

async function policies() {
  log('policies: the built-in pack over 2000 Deployments …');
  const { benchmarkPolicies } = await import(pathToFileURL(join(DIST, 'policy/index.js')).href);
  const r = await benchmarkPolicies(2000);
  return { manifests: r.manifests, results: r.results, manifestsPerSecond: round(r.manifestsPerSecond, 0) };
}

/** The commit measured: $CHARTLINT_BENCH_COMMIT (for a copy of the tree), else git's HEAD, if any. */
function commitMeasured() {
  if (process.env.CHARTLINT_BENCH_COMMIT) return process.env.CHARTLINT_BENCH_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return undefined;
  }
}

function machine() {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model?.trim(),
    cores: CORES,
    memoryGb: round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
    helm: HELM ? execFileSync(HELM, ['version', '--short'], { encoding: 'utf8' }).trim() : undefined,
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
  };
}

/** One summary line per section that ran. */
function summary(results) {
  const info = results.machine;
  const lines = [
    `machine: ${info.cpuModel}, ${info.cores} cores, ${info.memoryGb} GiB, node ${info.node}, load ${info.loadAverageAtStart.join(' ')}`,
  ];
  const w = results.wholeLint;
  if (w) {
    lines.push(
      `whole lint (${w.charts} charts × 3 envs, SARIF, --jobs ${w.jobs}): ${w.rendersPerSecond} renders/s, wall ${(w.wallMs / 1000).toFixed(2)} s, CPU ${(w.cpuMs / 1000).toFixed(2)} s, peak RSS ${w.peakRssMb} MiB`,
      `  --jobs 1: ${w.jobs1.rendersPerSecond} renders/s, wall ${(w.jobs1.wallMs / 1000).toFixed(2)} s, CPU ${(w.jobs1.cpuMs / 1000).toFixed(2)} s, peak RSS ${w.jobs1.peakRssMb} MiB; output identical: ${w.identicalToJobs1}`,
      w.helm
        ? `  helm template (${w.helm.processes} processes, ${w.helm.concurrency} at a time): wall ${(w.helm.wallMs / 1000).toFixed(2)} s, CPU ${((w.helm.cpuMs ?? NaN) / 1000).toFixed(2)} s; chartlint/helm wall ratio ${w.ratioToHelm} (CPU ratio ${w.cpuRatioToHelm})`
        : '  helm template: no helm binary, no ratio',
    );
    if (w.rounds > 1)
      lines.push(
        `  median of ${w.rounds} rounds; wall ratio per round: ${w.ratioToHelmPerRound?.join(', ')}`,
      );
  }
  const s = results.smallChart;
  if (s) {
    lines.push(
      `small chart through the CLI: median ${s.medianWallMs} ms (min ${s.minWallMs} ms, CPU ${s.medianCpuMs} ms, peak RSS ${s.peakRssMb} MiB; without the compile cache ${s.withoutCompileCacheMedianWallMs} ms)${s.helmTemplateMedianWallMs !== undefined ? `; helm template alone ${s.helmTemplateMedianWallMs} ms` : ''}`,
    );
  }
  const t = results.templateEngine;
  if (t) {
    lines.push(
      `template engine (${t.templateKb} KiB, ${t.templateLines} lines): parse ${t.parseMs} ms (${t.parseMbPerSecond} MB/s), execute ${t.executeMs} ms → ${t.outputKb} KiB (${t.executeOutputMbPerSecond} MB/s; ${t.executeWithoutSpansMs} ms without spans)`,
    );
  }
  const f = results.fixtureRenders;
  if (f) {
    lines.push(
      f.charts
        ? `fixtures/render (${f.charts} charts): embedded ${f.embeddedColdRendersPerSecond} renders/s cold, ${f.embeddedWarmRendersPerSecond} warm${f.helmRendersPerSecond !== undefined ? `; helm template ${f.helmRendersPerSecond} renders/s` : ''}`
        : 'fixtures/render: none',
    );
  }
  if (results.policies)
    lines.push(`policies: ${results.policies.manifestsPerSecond} manifests/s (built-in pack)`);
  return lines;
}

// The small chart goes first: it is the figure most sensitive to a machine still busy from a heavy section.
const SECTIONS = { smallChart, wholeLint, templateEngine, fixtureRenders, policies };

async function main() {
  if (!existsSync(join(DIST, 'cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',') : Object.keys(SECTIONS);
  for (const name of only) {
    if (!(name in SECTIONS))
      throw new Error(`--only: unknown section ${name} (${Object.keys(SECTIONS).join(', ')})`);
  }
  const results = { date: new Date().toISOString(), commit: commitMeasured(), machine: machine() };
  log(`generating ${CHARTS} charts under bench/corpus …`);
  const corpus = generateCorpus(CORPUS, { charts: CHARTS });
  for (const name of Object.keys(SECTIONS))
    if (only.includes(name)) results[name] = await SECTIONS[name](corpus);
  results.machine.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
  const lines = summary(results);
  // A partial run (--only) prints its figures but leaves the recorded results alone.
  if (onlyIndex < 0) {
    writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    lines.push('written to bench/results.json');
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
