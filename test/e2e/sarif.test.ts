import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ExcludeConfig } from '../../src/config/types.js';
import type { Finding } from '../../src/diagnostics/finding.js';
import { applySuppressions, ignoreAnnotationLookup } from '../../src/engine/suppress.js';
import { parseManifests } from '../../src/manifests/parse.js';
import { splitTemplateOutput } from '../../src/render/split-output.js';
import { formatSarif } from '../../src/report/sarif.js';
import { loadCatalog } from '../../src/rules/catalog.js';
import { HELM, ROOT, ensureBuilt, runCli } from '../helpers/cli.js';

/**
 * The SARIF multitool (`@microsoft/sarif-multitool`, a devDependency): its package resolves to the platform's native
 * binary, which is run directly — its npm bin goes through a shell, which would split `--rule-kind Sarif;Gh`.
 * `$SARIF_MULTITOOL` may name the binary instead.
 */
function findMultitool(): string | undefined {
  try {
    return createRequire(join(ROOT, 'package.json'))('@microsoft/sarif-multitool') as string;
  } catch {
    const explicit = process.env.SARIF_MULTITOOL;
    return explicit && existsSync(explicit) ? explicit : undefined;
  }
}
const MULTITOOL = findMultitool();

const helmEnv = HELM ? { HELM_BIN: HELM } : {};
// The embedded renderer needs nothing; the helm renderer runs when a helm binary is present (CI always has one).
const RENDERERS = ['embedded', ...(HELM ? ['helm'] : [])];
const FIXTURES = readdirSync(join(ROOT, 'fixtures/charts'))
  .filter((name) => statSync(join(ROOT, 'fixtures/charts', name)).isDirectory())
  .sort();

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } };
    automationDetails?: { id: string };
    results: SarifResult[];
  }[];
}
interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }[];
  relatedLocations?: { physicalLocation: { region?: unknown } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification?: string }[];
}
interface JsonReport {
  findings: Finding[];
}

let work: string;
/** SARIF files written by the CLI: fixture × renderer. */
const sarifFiles: { name: string; renderer: string; file: string }[] = [];

beforeAll(async () => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'chartlint-sarif-'));
  for (const renderer of RENDERERS) {
    for (const name of FIXTURES) {
      const file = join(work, `${name}.${renderer}.sarif`);
      await runCli(
        [
          `fixtures/charts/${name}`,
          '--renderer',
          renderer,
          '--format',
          'sarif',
          '--category',
          'chartlint',
          '-o',
          file,
        ],
        { env: helmEnv },
      );
      sarifFiles.push({ name, renderer, file });
    }
  }
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function readSarif(file: string): SarifLog {
  return JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
}

describe('the SARIF of every fixture chart', () => {
  it('is written for every chart, even one that stops with an error', () => {
    for (const { name, renderer, file } of sarifFiles) {
      expect(existsSync(file), `${name} (${renderer})`).toBe(true);
      const log = readSarif(file);
      expect(log.version).toBe('2.1.0');
      expect(log.$schema).toMatch(/sarif-2\.1\.0/);
      expect(log.runs).toHaveLength(1);
      expect(Array.isArray(log.runs[0]?.results)).toBe(true);
      expect(log.runs[0]?.automationDetails?.id).toBe('chartlint/');
    }
  });

  it('avoids what breaks GitHub ingestion: unknown rule ids, missing files, non-numeric security severities', () => {
    for (const { name, renderer, file } of sarifFiles) {
      const run = readSarif(file).runs[0]!;
      const ids = new Set(run.tool.driver.rules.map((r) => r.id));
      for (const rule of run.tool.driver.rules) {
        const severity = rule.properties['security-severity'];
        if (severity !== undefined) expect(Number(severity), rule.id).toBeGreaterThan(0);
      }
      for (const r of run.results) {
        expect(ids.has(r.ruleId), `${name} (${renderer}): ${r.ruleId}`).toBe(true);
        const uri = r.locations[0]!.physicalLocation.artifactLocation.uri;
        expect(existsSync(join(ROOT, decodeURI(uri))), `${name} (${renderer}): ${uri}`).toBe(true);
        expect(r.partialFingerprints['chartlint/v1']).toMatch(/^[0-9a-f]{32}$/);
      }
    }
  });
});

/** Every template and values file of the charts below `dir` (not inside archives). */
function templatesAndValues(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...templatesAndValues(path));
    else if (/\/templates\//.test(path) || /^values[^/]*\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The parts of a result that must not change when lines move: everything but the regions. */
function withoutRegions(r: SarifResult): unknown {
  return {
    ...r,
    locations: r.locations.map((l) => ({
      ...l,
      physicalLocation: { ...l.physicalLocation, region: undefined },
    })),
    relatedLocations: r.relatedLocations?.map((l) => ({
      ...l,
      physicalLocation: { ...l.physicalLocation, region: undefined },
    })),
  };
}

describe.each(RENDERERS)('identity survives line shifts (%s renderer)', (renderer) => {
  let original: string;
  let shifted: string;

  beforeAll(() => {
    original = join(work, `original-${renderer}`);
    shifted = join(work, `shifted-${renderer}`);
    // Both copies sit at the same relative path, so chart paths (part of every fingerprint) are equal.
    for (const root of [original, shifted])
      cpSync(join(ROOT, 'fixtures/charts'), join(root, 'fixtures/charts'), { recursive: true });
    for (const file of templatesAndValues(join(shifted, 'fixtures/charts'))) {
      writeFileSync(file, `\n\n\n${readFileSync(file, 'utf8')}`);
    }
  });

  async function lintCopy(root: string, format: 'json' | 'sarif'): Promise<string> {
    const r = await runCli(['fixtures/charts', '--renderer', renderer, '--format', format], {
      cwd: root,
      env: helmEnv,
    });
    expect(r.stdout, r.stderr).not.toBe('');
    return r.stdout;
  }

  it('gives the same fingerprints and SARIF results, regions aside', async () => {
    const [a, b] = [
      readSarifText(await lintCopy(original, 'sarif')),
      readSarifText(await lintCopy(shifted, 'sarif')),
    ];
    const resultsA = a.runs[0]!.results;
    const resultsB = b.runs[0]!.results;
    expect(resultsA.length).toBeGreaterThan(0);
    expect(resultsB.map((r) => r.partialFingerprints)).toEqual(resultsA.map((r) => r.partialFingerprints));
    expect(resultsB.map(withoutRegions)).toEqual(resultsA.map(withoutRegions));
    // The shift is real: some region moved down by the three inserted lines.
    const lines = (rs: SarifResult[]) =>
      rs.map((r) => (r.locations[0]!.physicalLocation.region as { startLine: number }).startLine);
    expect(lines(resultsB)).not.toEqual(lines(resultsA));
  }, 300_000);

  it('a run with --baseline of its own output reports no new findings, even after the shift', async () => {
    const baseline = join(work, `baseline-${renderer}.json`);
    const write = await runCli(
      ['fixtures/charts', '--renderer', renderer, '--baseline', baseline, '--update-baseline'],
      {
        cwd: original,
        env: helmEnv,
      },
    );
    expect(existsSync(baseline), write.stderr).toBe(true);
    for (const root of [original, shifted]) {
      const r = await runCli(
        ['fixtures/charts', '--renderer', renderer, '--baseline', baseline, '--format', 'json'],
        {
          cwd: root,
          env: helmEnv,
        },
      );
      const findings = (JSON.parse(r.stdout) as JsonReport).findings;
      expect(findings.filter((f) => f.suppression?.kind === 'baseline').length).toBeGreaterThan(0);
      expect(findings.filter((f) => !f.suppressed)).toEqual([]);
    }
  }, 300_000);
});

function readSarifText(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

describe('suppressions in the suppress-comments fixture chart', () => {
  const chart = 'fixtures/charts/suppress-comments';

  it('comments, the annotation and the configuration exclude suppress exactly the findings they name', async () => {
    const lint = await runCli([chart, '--renderer', 'embedded', '--format', 'json'], { env: helmEnv });
    const findings = (JSON.parse(lint.stdout) as JsonReport).findings;
    const rendered = await runCli(['template', chart, '--renderer', 'embedded'], { env: helmEnv });
    const { manifests } = parseManifests(splitTemplateOutput(rendered.stdout), 'default');
    const config = parseYaml(readFileSync(join(ROOT, chart, '.chartlint.yaml'), 'utf8')) as {
      exclude: ExcludeConfig[];
    };
    // Findings the engine already marked keep their reason; the others get it here, as the engine will.
    const out = applySuppressions(findings, {
      readText: (file) =>
        existsSync(resolve(ROOT, file)) ? readFileSync(resolve(ROOT, file), 'utf8') : undefined,
      ignoreAnnotation: ignoreAnnotationLookup(manifests),
      excludes: config.exclude,
      configDir: chart,
    });
    const comment = { kind: 'comment', justification: 'a demo image; production values pin a digest' };
    const probes = { kind: 'comment', justification: 'a queue worker serves no HTTP' };
    const expected: Record<string, unknown> = {
      'floating-image-tag': comment,
      'chartlint.liveness_probe/warn': probes,
      'chartlint.readiness_probe/warn': probes,
      'chartlint.automount_service_account_token/warn': {
        kind: 'annotation',
        justification: 'the worker reads ConfigMaps through the API',
      },
      'chartlint.seccomp_profile/warn': {
        kind: 'config',
        justification: 'the runtime default profile is enforced by the cluster',
      },
    };
    const byRule = Object.fromEntries(out.map((f) => [f.ruleId, f.suppressed ? f.suppression : 'reported']));
    // Every policy of the built-in pack that the chart trips is there; rules added later are reported unless named.
    for (const id of Object.keys(expected).filter((k) => k.startsWith('chartlint.')))
      expect(byRule).toHaveProperty([id]);
    expect(byRule['chartlint.service_exposure/warn']).toBe('reported');
    for (const [id, outcome] of Object.entries(byRule))
      expect(outcome, id).toEqual(expected[id] ?? 'reported');

    // SARIF lists them under `suppressions`: in source for comments and annotations, external for the rest.
    const sarif = formatSarif(
      { charts: [], findings: out, errors: [], renderer: 'embedded' },
      {
        tool: { name: 'chartlint', version: '0.0.0', informationUri: 'https://example.com/chartlint' },
        catalog: loadCatalog(),
        uriPrefix: '',
        helpUriBase: 'https://example.com/chartlint#rule-',
      },
    );
    const results = readSarifText(sarif.text).runs[0]!.results;
    const kinds = Object.fromEntries(
      results.map((r) => [r.ruleId, r.suppressions?.map((s) => s.kind) ?? []]),
    );
    expect(kinds['floating-image-tag']).toEqual(['inSource']);
    expect(kinds['chartlint.automount_service_account_token/warn']).toEqual(['inSource']);
    expect(kinds['chartlint.seccomp_profile/warn']).toEqual(['external']);
    expect(kinds['chartlint.service_exposure/warn']).toEqual([]);
    const file = join(work, 'suppressed.sarif');
    writeFileSync(file, sarif.text);
    sarifFiles.push({ name: 'suppress-comments (suppressed)', renderer: 'embedded', file });
  }, 120_000);
});

// Last, so that it also validates the SARIF files the tests above added.
describe('SARIF validation', () => {
  it.skipIf(!MULTITOOL)(
    'validates with the SARIF multitool (rule kinds Sarif and Gh) with zero errors',
    () => {
      const out = join(work, 'validation.sarif');
      const files = sarifFiles.map((s) => s.file);
      // The multitool exits 0 even when it reports errors: its output file is the verdict.
      execFileSync(
        MULTITOOL!,
        ['validate', ...files, '-o', out, '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite'],
        {
          stdio: 'pipe',
          timeout: 300_000,
        },
      );
      const results = (readSarif(out).runs[0]?.results ?? []) as unknown as {
        level?: string;
        ruleId: string;
        message: { id?: string; arguments?: string[] };
        locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
      const errors = results
        .filter((r) => r.level === 'error')
        .map(
          (r) =>
            `${r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '?'}: ${r.ruleId} ${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}`,
        );
      expect(errors).toEqual([]);
    },
    600_000,
  );
});
