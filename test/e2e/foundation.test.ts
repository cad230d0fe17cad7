import { beforeAll, describe, expect, it } from 'vitest';
import { HELM, ensureBuilt, runCli } from '../helpers/cli.js';

// These end-to-end cases render through the real helm binary (`--renderer helm`); CI always fetches it
// (`npm run get-helm`), a fresh machine without it skips them.
const helmEnv = HELM ? { HELM_BIN: HELM } : {};

interface JsonReport {
  version: number;
  findings: {
    ruleId: string;
    severity: string;
    message: string;
    chart: string;
    environments: string[];
    location: { file: string; startLine?: number; startColumn?: number };
    related: { file: string; startLine?: number; label: string }[];
    fingerprint: string;
  }[];
  errors: {
    code: string;
    message: string;
    location?: { file: string; startLine?: number; startColumn?: number };
  }[];
  summary: { charts: number; environments: number; errors: number };
}

async function lintJson(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await runCli([...args, '--renderer', 'helm', '--format', 'json'], { env: helmEnv });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

beforeAll(() => ensureBuilt(), 240_000);

describe('CLI basics', () => {
  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown flag with exit 2 and a one-line message', async () => {
    const r = await runCli(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^chartlint: Unknown option '--frobnicate'/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('explains how to get helm when none is found', async () => {
    const r = await runCli(['fixtures/charts/two-a', '--renderer', 'helm'], {
      env: { PATH: '/nonexistent' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no helm binary found on PATH');
  });
});

describe.skipIf(!HELM)('end to end through the helm renderer', () => {
  it('lints a chart with directory, archive and library subcharts in three configured environments', async () => {
    const { code, report } = await lintJson(['fixtures/charts/shop']);
    expect(code).toBe(0);
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({ charts: 1, environments: 3, errors: 0 });
    expect(report.errors).toEqual([]);
  });

  it('reports a template that fails to render at the template line, in every environment, exit 1', async () => {
    const { code, report } = await lintJson(['fixtures/charts/broken-template']);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0]!;
    expect(f.ruleId).toBe('render-error');
    expect(f.severity).toBe('error');
    expect(f.environments).toEqual(['default']);
    expect(f.location).toMatchObject({
      file: 'fixtures/charts/broken-template/templates/configmap.yaml',
      startLine: 7,
      startColumn: 20,
    });
    expect(f.message).toContain('nil pointer evaluating interface {}.level');
    expect(f.message).toMatch(/\.$/);
  });

  it('reports a corrupt archive at its path, still lints the other charts, and exits 2', async () => {
    const { code, report } = await lintJson(['fixtures/archives/corrupt-0.1.0.tgz', 'fixtures/charts/two-a']);
    expect(code).toBe(2);
    expect(report.summary.charts).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({
      code: 'archive-invalid',
      location: { file: 'fixtures/archives/corrupt-0.1.0.tgz' },
    });
  });

  it('refuses an archive with a ../ entry', async () => {
    const { code, report } = await lintJson(['fixtures/archives/escape-0.1.0.tgz']);
    expect(code).toBe(2);
    expect(report.errors[0]?.code).toBe('archive-invalid');
    expect(report.errors[0]?.message).toContain('../../evil.txt');
  });

  it('locates a malformed Chart.yaml', async () => {
    const { code, report } = await lintJson(['fixtures/charts/bad-chart-yaml']);
    expect(code).toBe(2);
    expect(report.errors[0]?.code).toBe('chart-invalid');
    expect(report.errors[0]?.location?.file).toBe('fixtures/charts/bad-chart-yaml/Chart.yaml');
    expect(report.errors[0]?.location?.startLine).toBeGreaterThanOrEqual(4);
  });

  it('reports both schema errors of a configuration file with their lines', async () => {
    const { code, report } = await lintJson(['fixtures/charts/bad-config']);
    expect(code).toBe(2);
    const details = (
      report.errors[0] as unknown as { details: { message: string; location: { startLine: number } }[] }
    ).details;
    expect(details.map((d) => d.location.startLine).sort()).toEqual([3, 5]);
    expect(details.map((d) => d.message).join('\n')).toMatch(
      /environments\.dev\.values[\s\S]*environments\.prod\.namespace/,
    );
  });

  it('maps pre-commit file arguments to their charts and lints each chart once', async () => {
    const { code, report } = await lintJson([
      'fixtures/charts/two-a/templates/cm.yaml',
      'fixtures/charts/two-b/values.yaml',
      'fixtures/charts/two-b/templates/cm.yaml',
      'README.md',
    ]);
    expect(code).toBe(0);
    expect(report.summary.charts).toBe(2);
  });

  it('prints text grouped by chart with a code frame and a summary line', async () => {
    const r = await runCli(['fixtures/charts/broken-template', '--renderer', 'helm'], { env: helmEnv });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/charts/broken-template\n');
    expect(r.stdout).toMatch(
      /fixtures\/charts\/broken-template\/templates\/configmap\.yaml:7:20 {2}error {2}render-error {2}Rendering failed: .*\[default\]/,
    );
    expect(r.stdout).toContain('> 7 |   level: {{ .Values.settings.level | quote }}');
    expect(r.stdout.trim().split('\n').pop()).toBe('1 chart, 1 environment, 1 error, 0 warnings, 0 notes');
    expect(r.stdout).not.toContain(String.fromCharCode(27));
  });

  it('--fail-on note turns any finding into exit 1, and a clean chart exits 0', async () => {
    expect(
      (await runCli(['fixtures/charts/two-b', '--renderer', 'helm', '--fail-on', 'note'], { env: helmEnv }))
        .code,
    ).toBe(0);
  });

  it('chartlint template prints what helm template prints', async () => {
    const r = await runCli(
      [
        'template',
        'shop',
        'fixtures/charts/shop',
        '--renderer',
        'helm',
        '-f',
        'fixtures/charts/shop/values-prod.yaml',
      ],
      {
        env: helmEnv,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Source: shop/charts/metrics/templates/daemonset.yaml');
    expect(r.stdout).toContain('replicas: 3');
    expect(r.stdout).toContain('type: LoadBalancer');
  });

  it('chartlint template reports a failing render on stderr with exit 1', async () => {
    const r = await runCli(['template', 'fixtures/charts/broken-template', '--renderer', 'helm'], {
      env: helmEnv,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: /);
  });
});

describe('deterministic randomness', () => {
  it('renders random functions identically run after run, and differently with --random', async () => {
    const args = ['template', 'fixtures/render/random-masked/chart'];
    const a = await runCli(args);
    const b = await runCli(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const c = await runCli([...args, '--random']);
    const d = await runCli([...args, '--random']);
    expect(c.code).toBe(0);
    expect(c.stdout).not.toBe(d.stdout);
  });
});
