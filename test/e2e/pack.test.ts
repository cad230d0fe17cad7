import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, ensureBuilt } from '../helpers/cli.js';

// How chartlint reaches users: the npm package (also what pre-commit installs, through `npm pack`), the pre-commit
// hook manifest, and the composite GitHub Action.

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  main: string;
  types: string;
};

function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', ...options.env } as NodeJS.ProcessEnv,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      },
      (err, stdout, stderr) => {
        resolvePromise({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'chartlint-pack-'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  let tarball: string;
  let files: string[];

  beforeAll(async () => {
    // dist/ was just built; `--ignore-scripts` skips `prepare`, which would rebuild it and fail the whole pack on a
    // type error anywhere (the typecheck step reports those).
    const packed = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: ROOT,
    });
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info!.filename);
    files = info!.files.map((f) => f.path);
  }, 600_000);

  it('holds the compiled CLI and its data, and no sources, tests or fixtures', () => {
    // Everything package.json points at, and the data the CLI loads at run time.
    const entryPoints = [...Object.values(PACKAGE.bin), PACKAGE.main, PACKAGE.types].map((p) =>
      p.replace(/^\.\//, ''),
    );
    for (const needed of [
      ...entryPoints,
      'dist/cli/main.js',
      'dist/bundle/cli.js',
      'dist/bundle/worker.js',
      'dist/bundle/package.json',
      'bin/package.json',
      'dist/data/catalog.json',
      'dist/data/kube-api-versions.json',
      'rules/catalog.yaml',
      'package.json',
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('schema/'))).toBe(true);
    expect(files.some((f) => f.startsWith('policies/'))).toBe(true);
    expect(
      files.filter(
        (f) => /^(src|test|fixtures|bench|scripts)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')),
      ),
    ).toEqual([]);
  });

  it('installs into an empty project from the npm cache alone and gives a working chartlint bin', async () => {
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', version: '1.0.0', private: true }),
    );
    const installed = await run(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: app,
    });
    expect(installed.code, installed.stderr).toBe(0);
    const bin = join(app, 'node_modules/.bin/chartlint');
    const version = await run(bin, ['--version'], { cwd: app });
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // The installed package finds its catalog, schemas and policy bundle: a whole lint runs.
    const lint = await run(bin, [join(ROOT, 'fixtures/charts/two-a'), '--format', 'json'], { cwd: app });
    expect(lint.stderr).toBe('');
    expect(JSON.parse(lint.stdout)).toMatchObject({ errors: [], summary: { charts: 1 } });
  }, 600_000);
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial: boolean;
  pass_filenames: boolean;
}

describe('the pre-commit hook manifest', () => {
  const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'chartlint')!;

  it('runs the package bin as a node hook, serially, with the changed files', () => {
    expect(hook).toMatchObject({ language: 'node', require_serial: true, pass_filenames: true });
    expect(Object.keys(PACKAGE.bin)).toContain(hook.entry);
  });

  // pre-commit matches `files` with Python's re.search; this pattern uses no syntax where JavaScript differs.
  const files = new RegExp(hook.files);
  it.each([
    'Chart.yaml',
    'charts/app/Chart.yaml',
    'charts/app/Chart.lock',
    'charts/app/values.yaml',
    'charts/app/values-prod.yml',
    'charts/app/values.schema.json',
    'charts/app/ci/lint-values.yaml',
    'charts/app/templates/deployment.yaml',
    'charts/app/templates/_helpers.tpl',
    'charts/app/templates/NOTES.txt',
    'charts/app/templates/tests/test-connection.yaml',
    'charts/app/crds/crontab.yaml',
    'charts/app/.helmignore',
    'charts/app/charts/redis-1.2.3.tgz',
    '.chartlint.yaml',
    'deploy/.chartlint.yml',
  ])('selects %s', (path) => {
    expect(files.test(path)).toBe(true);
  });
  it.each([
    'README.md',
    'src/values.ts',
    'docs/values.md',
    'charts/app/README.md',
    'myvalues.yaml',
    'charts/app/Chart.yaml.bak',
  ])('leaves out %s', (path) => {
    expect(files.test(path)).toBe(false);
  });
});

interface ActionStep {
  id?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

describe('the GitHub Action', () => {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const action = parseYaml(text) as Action;

  it('is a composite action that installs from its own checkout', () => {
    expect(action.runs.using).toBe('composite');
    const install = action.runs.steps.find((s) => s.run?.includes('npm ci'));
    expect(install?.['working-directory']).toBe('${{ github.action_path }}');
  });

  it('declares every input and step output it references', () => {
    const inputs = [...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!);
    for (const name of inputs) expect(Object.keys(action.inputs), name).toContain(name);
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    for (const output of Object.values(action.outputs)) {
      const key = /steps\.lint\.outputs\.([\w-]+)/.exec(output.value)?.[1];
      expect(lint.run).toContain(`echo "${key}=`);
    }
  });

  it('never splices an input into the shell script', () => {
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/);
  });

  /** Runs the action's chartlint step as the runner would, with these inputs over the defaults. */
  async function runStep(overrides: Record<string, string>) {
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    const inputs: Record<string, string> = {
      ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])),
      ...overrides,
    };
    // The step's environment, with `${{ inputs.x }}` resolved.
    const env = Object.fromEntries(
      Object.entries(lint.env ?? {}).map(([k, v]) => [
        k,
        v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/, (_, n: string) => inputs[n] ?? ''),
      ]),
    );
    const outputs = join(work, 'github-output');
    writeFileSync(outputs, '');
    const r = await run('bash', ['-c', lint.run!], {
      cwd: ROOT,
      env: { ...env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputs },
    });
    return { ...r, outputs: readFileSync(outputs, 'utf8') };
  }

  it('passes paths (spaces or newlines), format, output and extra arguments, and sets its outputs', async () => {
    const output = join(work, 'action.json');
    const r = await runStep({
      paths: 'fixtures/charts/two-a\n  fixtures/charts/two-b ',
      format: 'json',
      output,
      args: '--env default --fail-on error',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toBe(`report=${output}\nexit-code=0\n`);
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      summary: { charts: number };
      errors: unknown[];
    };
    expect(report.summary.charts).toBe(2);
    expect(report.errors).toEqual([]);
  }, 300_000);

  it("writes SARIF with the category by default, and fails the step with chartlint's exit code", async () => {
    const output = join(work, 'action.sarif');
    const ok = await runStep({ paths: 'fixtures/charts/two-a', output, category: 'charts' });
    expect(ok.code, ok.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { automationDetails: { id: string } }[];
    };
    expect(sarif.runs[0]!.automationDetails.id).toBe('charts/');
    const broken = await runStep({ paths: 'fixtures/charts/broken-template', output });
    expect(broken.code).toBe(1);
    expect(broken.outputs).toBe(`report=${output}\nexit-code=1\n`);
  }, 300_000);
});
