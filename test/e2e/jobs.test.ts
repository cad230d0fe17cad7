import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/cli.js';

beforeAll(() => ensureBuilt(), 240_000);

// The fixture corpus: charts with several environments, subcharts and archives, render errors, invalid charts and
// configuration, CRDs, hooks, library charts.
const CORPUS = ['fixtures/charts', 'fixtures/render'];

describe('--jobs', () => {
  it('gives identical JSON output with --jobs 1 and --jobs 4', async () => {
    const single = await runCli([...CORPUS, '--format', 'json', '--jobs', '1']);
    const pooled = await runCli([...CORPUS, '--format', 'json', '--jobs', '4']);
    const report = JSON.parse(single.stdout) as { findings: unknown[]; errors: unknown[] };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(pooled.code).toBe(single.code);
    expect(pooled.stdout).toBe(single.stdout);
    // Piped output never gets a progress line; what stderr says does not depend on the threads either.
    expect(pooled.stderr).toBe(single.stderr);
    expect(pooled.stderr).not.toContain('\r');
  }, 240_000);

  it('gives identical SARIF with --jobs 1 and --jobs 3', async () => {
    const single = await runCli([...CORPUS, '--format', 'sarif', '--jobs', '1']);
    const pooled = await runCli([...CORPUS, '--format', 'sarif', '--jobs', '3']);
    expect(pooled.code).toBe(single.code);
    expect(pooled.stdout).toBe(single.stdout);
  }, 240_000);
});
