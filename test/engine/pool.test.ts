import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import type * as LintModule from '../../src/engine/lint.js';
import type * as PoolModule from '../../src/engine/pool.js';
import type * as ErrorsModule from '../../src/diagnostics/errors.js';
import { LintPool, deserializeError, serializeError } from '../../src/engine/pool.js';
import { lint as lintFromSources } from '../../src/engine/lint.js';
import { ROOT, ensureBuilt } from '../helpers/cli.js';

// Worker threads run compiled JavaScript: the pool is exercised through dist/ (built from the current sources).
// Classes are per module instance: errors from dist/ are instances of dist's ChartlintError.
let dist: { lint: typeof LintModule; pool: typeof PoolModule; errors: typeof ErrorsModule };

beforeAll(async () => {
  ensureBuilt();
  const load = (m: string): Promise<unknown> => import(pathToFileURL(resolve(ROOT, 'dist', m)).href);
  dist = {
    lint: (await load('engine/lint.js')) as typeof LintModule,
    pool: (await load('engine/pool.js')) as typeof PoolModule,
    errors: (await load('diagnostics/errors.js')) as typeof ErrorsModule,
  };
}, 240_000);

function options(jobs: number, paths: string[], onProgress?: LintModule.LintOptions['onProgress']) {
  return {
    paths,
    cwd: ROOT,
    envNames: [],
    ciValues: false,
    overrides: {},
    renderer: { kind: 'embedded' as const },
    policies: {
      paths: [],
      namespaces: [],
      dataFiles: [],
      builtin: true,
      disabled: [],
      combine: false,
      cacheDir: resolve(ROOT, '.cache/test-pool'),
      env: {},
    },
    jobs,
    ...(onProgress ? { onProgress } : {}),
  };
}

/** A LintResult as plain JSON (errors are class instances). */
function plain(result: Awaited<ReturnType<typeof LintModule.lint>>): unknown {
  return JSON.parse(
    JSON.stringify(result, (_k, v: unknown) =>
      v instanceof Error
        ? { name: v.name, message: v.message, ...(v as unknown as Record<string, unknown>) }
        : v,
    ),
  );
}

// Fixture charts of every kind: several environments, subcharts and archives, render errors, invalid charts and
// configuration (errors on the main thread), CRDs, hooks, library charts.
const CORPUS = ['fixtures/charts', 'fixtures/render'];

/** The environment of a chart linted without configuration. */
const DEFAULT_ENVIRONMENT: LintModule.LintJob['environment'] = {
  name: 'default',
  valuesFiles: [],
  set: {},
  setFlags: [],
  setString: [],
  setFile: [],
  setJson: [],
  setLiteral: [],
  namespace: 'default',
  releaseName: 'release-name',
  apiVersions: [],
  isUpgrade: false,
};

describe('errors crossing threads', () => {
  it('keeps a ChartlintError’s code, message, location and details', () => {
    const e = new ChartlintError('config-invalid', 'bad configuration', {
      location: { file: 'x/.chartlint.yaml', startLine: 3, startColumn: 5 },
      details: [{ message: 'unknown key', location: { file: 'x/.chartlint.yaml', startLine: 4 } }],
    });
    const back = deserializeError(structuredClone(serializeError(e)));
    expect(back).toBeInstanceOf(ChartlintError);
    expect(back).toMatchObject({
      code: e.code,
      message: e.message,
      location: e.location,
      details: e.details,
    });
  });

  it('turns any other error into an Error with its message', () => {
    const back = deserializeError(structuredClone(serializeError(new TypeError('x is not a function'))));
    expect(back).not.toBeInstanceOf(ChartlintError);
    expect(back.message).toBe('x is not a function');
    expect(deserializeError(serializeError('thrown string')).message).toBe('thrown string');
  });
});

describe('the local lane', () => {
  const settings: LintModule.LintRunSettings = {
    cwd: ROOT,
    renderer: { kind: 'embedded' },
    policies: options(1, []).policies,
  };
  const job = (chartPath: string) => ({ chartPath }) as LintModule.LintJob;

  it('runs units on the calling thread one at a time, in order, when there are no workers', async () => {
    const seen: string[] = [];
    let running = 0;
    const pool = new LintPool(0, settings, async (jobs) => {
      expect(++running).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(...jobs.map((j) => j.chartPath));
      running--;
      return jobs.map((j) => [{ ruleId: j.chartPath }] as never);
    });
    const started: string[] = [];
    const results = await Promise.all(
      ['a', 'b', 'c'].map((c) => pool.submit([job(c), job(`${c}2`)], () => started.push(c))),
    );
    expect(started).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual(['a', 'a2', 'b', 'b2', 'c', 'c2']);
    expect(results.map((r) => r.map((f) => (f[0] as unknown as { ruleId: string }).ruleId))).toEqual([
      ['a', 'a2'],
      ['b', 'b2'],
      ['c', 'c2'],
    ]);
    await pool.close();
  });

  it('passes its errors through unchanged and goes on with the next unit', async () => {
    const boom = new ChartlintError('chart-invalid', 'bad chart', { location: { file: 'x/Chart.yaml' } });
    const pool = new LintPool(0, settings, async (jobs) => {
      if (jobs[0]?.chartPath === 'bad') throw boom;
      return [[]];
    });
    const bad = pool.submit([job('bad')]);
    const good = pool.submit([job('good')]);
    await expect(bad).rejects.toBe(boom);
    await expect(good).resolves.toEqual([[]]);
    await pool.close();
  });
});

describe('the worker pool (dist/)', () => {
  it('is available from dist/ but not from the TypeScript sources', () => {
    expect(dist.pool.LintPool.available()).toBe(true);
    expect(LintPool.available()).toBe(false);
  });

  it('gives the same result with 1 and 3 jobs, in the same order', async () => {
    const single = await dist.lint.lint(options(1, CORPUS));
    const pooled = await dist.lint.lint(options(3, CORPUS));
    expect(single.charts.length).toBeGreaterThan(30);
    expect(single.findings.length).toBeGreaterThan(0);
    expect(single.errors.length).toBeGreaterThan(0);
    expect(plain(pooled)).toEqual(plain(single));
  }, 240_000);

  it('splits environments over workers when there are fewer charts than workers', async () => {
    const paths = ['fixtures/charts/shop', 'fixtures/charts/two-a'];
    const single = await dist.lint.lint(options(1, paths));
    const pooled = await dist.lint.lint(options(4, paths));
    expect(single.charts.map((c) => c.environments.length)).toEqual([3, 1]);
    expect(plain(pooled)).toEqual(plain(single));
  }, 120_000);

  it('lints in-process from the sources with the same result', async () => {
    const paths = ['fixtures/charts/shop', 'fixtures/charts/broken-template'];
    expect(plain(await lintFromSources(options(4, paths)))).toEqual(
      plain(await dist.lint.lint(options(4, paths))),
    );
  }, 120_000);

  it('reports progress: every chart started, done counts up to the total', async () => {
    const events: LintModule.LintProgress[] = [];
    const result = await dist.lint.lint(options(2, ['fixtures/charts'], (p) => events.push(p)));
    const total = events[0]?.total ?? 0;
    expect(total).toBe(result.charts.length + result.errors.length);
    const dones = events.map((e) => e.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ done: total, total });
    expect(new Set(events.flatMap((e) => (e.current ? [e.current] : [])))).toEqual(
      new Set(result.charts.map((c) => c.chart)),
    );
  }, 120_000);

  it('rejects a unit with the error an in-process run throws, and goes on with the next', async () => {
    const settings: LintModule.LintRunSettings = {
      cwd: ROOT,
      renderer: { kind: 'embedded' },
      policies: options(1, []).policies,
    };
    const missing: LintModule.LintJob = {
      chartPath: 'fixtures/charts/does-not-exist',
      config: undefined,
      environment: DEFAULT_ENVIRONMENT,
    };
    const good: LintModule.LintJob = { ...missing, chartPath: 'fixtures/charts/broken-template' };
    const inProcess = new dist.lint.LintJobRunner(settings);
    const expected = await inProcess.run(missing).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(expected).toBeInstanceOf(dist.errors.ChartlintError);

    const pool = new dist.pool.LintPool(1, settings);
    try {
      const failed = pool.submit([missing]).then(
        () => undefined,
        (e: unknown) => e,
      );
      const next = pool.submit([good, good]);
      const error = await failed;
      expect(error).toBeInstanceOf(dist.errors.ChartlintError);
      expect(error).toMatchObject({
        code: (expected as ChartlintError).code,
        message: (expected as ChartlintError).message,
      });
      const findings = await next;
      expect(findings).toHaveLength(2);
      expect(findings[0]).toEqual(await inProcess.run(good));
      expect(findings[1]).toEqual(findings[0]);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('answers each unit with its own findings when a worker holds several', async () => {
    const settings: LintModule.LintRunSettings = {
      cwd: ROOT,
      renderer: { kind: 'embedded' },
      policies: options(1, []).policies,
    };
    const environment = DEFAULT_ENVIRONMENT;
    const units = ['shop', 'broken-template', 'two-b', 'shop'].map((c) => [
      { chartPath: `fixtures/charts/${c}`, config: undefined, environment },
    ]);
    const inProcess = new dist.lint.LintJobRunner(settings);
    const expected: unknown[] = [];
    for (const [job] of units) expected.push([await inProcess.run(job!)]);
    // The charts' findings differ, so a unit answered with another's findings would show.
    expect(new Set(expected.slice(0, 3).map((e) => JSON.stringify(e))).size).toBe(3);
    const pool = new dist.pool.LintPool(1, settings);
    try {
      expect(await Promise.all(units.map((u) => pool.submit(u)))).toEqual(expected);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('rejects units still running or queued when closed', async () => {
    const pool = new dist.pool.LintPool(1, {
      cwd: ROOT,
      renderer: { kind: 'embedded' },
      policies: options(1, []).policies,
    });
    const settled = [pool.submit([]), pool.submit([])].map((p) =>
      p.then(
        () => 'resolved',
        (e: unknown) => (e as Error).message,
      ),
    );
    await pool.close();
    expect(await Promise.all(settled)).toEqual(['the worker pool closed', 'the worker pool closed']);
    await expect(pool.submit([])).rejects.toThrow('the worker pool is closed');
  });
});
