import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import type { Finding } from '../../src/diagnostics/finding.js';
import { ruleFindings } from '../../src/engine/run-rules.js';
import type { LintResult } from '../../src/engine/types.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { loadCatalog } from '../../src/rules/catalog.js';
import { RULES } from '../../src/rules/registry.js';
import type { RuleSetting } from '../../src/config/types.js';
import { PRIVATE_KEY, SAMPLES } from './secret-samples.js';
import { chartFrom, manifestsFrom } from './tester.js';

/** Every rule off except `only`. */
function onlyRule(only: string, setting: RuleSetting = 'error'): Record<string, RuleSetting> {
  return Object.fromEntries([...RULES.keys()].map((id) => [id, id === only ? setting : 'off']));
}

const LATEST =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n';
const environment = { name: 'prod', releaseName: 'release-name', kubeVersion: '1.29', valuesFiles: [] };

describe('ruleFindings', () => {
  it('turns a manifest report into a finding at the template, with resource, path and fingerprint', async () => {
    const chart = await chartFrom({ 'templates/test.yaml': LATEST });
    const [finding, ...rest] = ruleFindings({
      chart,
      environment,
      manifests: manifestsFrom(LATEST, { environment: 'prod' }),
      settings: onlyRule('floating-image-tag', 'warning'),
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'floating-image-tag',
      messageId: 'latest',
      severity: 'warning',
      chart: 'chart',
      environments: ['prod'],
      resource: { apiVersion: 'v1', kind: 'Pod', name: 'p' },
      path: ['spec', 'containers', 0, 'image'],
      location: { file: 'chart/templates/test.yaml', startLine: 8 },
    });
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('uses the catalog severity unless the configuration sets one, and per-report severities otherwise', async () => {
    const chart = await chartFrom({ 'templates/test.yaml': LATEST });
    const manifests = manifestsFrom(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.25\n    - name: b\n      image: nginx:latest\n',
    );
    const settings = onlyRule('floating-image-tag');
    delete settings['floating-image-tag'];
    const byDefault = ruleFindings({ chart, environment, manifests, settings });
    expect(byDefault.map((f) => f.severity)).toEqual(['note', 'warning']);
    const configured = ruleFindings({
      chart,
      environment,
      manifests,
      settings: onlyRule('floating-image-tag', 'error'),
    });
    expect(configured.map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('skips rules turned off', async () => {
    const chart = await chartFrom({ 'templates/test.yaml': LATEST });
    const settings = Object.fromEntries([...RULES.keys()].map((id) => [id, 'off' as const]));
    expect(ruleFindings({ chart, environment, manifests: manifestsFrom(LATEST), settings })).toEqual([]);
  });

  it('passes validated options and rejects invalid ones with a config error naming the rule', async () => {
    const chart = await chartFrom();
    const manifests = manifestsFrom(LATEST);
    const allowed = ruleFindings({
      chart,
      environment,
      manifests,
      settings: onlyRule('floating-image-tag', ['warning', { allow: ['docker.io/library/nginx'] }]),
    });
    expect(allowed).toEqual([]);
    const run = () =>
      ruleFindings({
        chart,
        environment,
        manifests,
        settings: onlyRule('floating-image-tag', ['warning', { allow: 'nginx' }]),
      });
    expect(run).toThrow(ChartlintError);
    expect(run).toThrow(/rules\.floating-image-tag: invalid options: \/allow must be array/);
    try {
      run();
    } catch (e) {
      expect((e as ChartlintError).code).toBe('config-invalid');
    }
    expect(() =>
      ruleFindings({
        chart,
        environment,
        manifests,
        settings: onlyRule('crd-ordering', ['error', { nope: true }]),
      }),
    ).toThrow(/rules\.crd-ordering/);
  });

  it('places chart-level reports at the file span they name', async () => {
    const chart = await chartFrom({
      'Chart.yaml':
        'apiVersion: v2\nname: chart\nversion: 0.1.0\ndependencies:\n  - name: a\n    version: ^1.0.0\n    repository: file://../a\n',
    });
    const [finding] = ruleFindings({
      chart,
      environment,
      manifests: [],
      settings: onlyRule('unpinned-dependency', 'warning'),
    });
    expect(finding?.location).toEqual({
      file: 'chart/Chart.yaml',
      startLine: 6,
      startColumn: 14,
      endLine: 6,
      endColumn: 20,
    });
    expect(finding?.resource).toBeUndefined();
  });
});

describe('secrets never reach a report', () => {
  it('keeps every secret of the secret fixtures out of the JSON, SARIF and text reports', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const secretYaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  token: ${b64(SAMPLES.secretData)}\n  tls.key: ${b64(PRIVATE_KEY)}\nstringData:\n  slack: ${SAMPLES.slackToken}\n`;
    const values = [
      `db:\n  password: "${SAMPLES.password}"`,
      `github: ${SAMPLES.githubToken}`,
      `aws:\n  accessKeyId: ${SAMPLES.awsKeyId}`,
      `session: ${SAMPLES.jwt}`,
      `url: postgres://app:${SAMPLES.urlPassword}@db/app`,
      `extraEnv:\n  - name: API_TOKEN\n    value: ${SAMPLES.apiToken}`,
    ].join('\n');
    const chart = await chartFrom({ 'values.yaml': `${values}\n`, 'templates/test.yaml': secretYaml });
    const findings: Finding[] = ruleFindings({
      chart,
      environment,
      manifests: manifestsFrom(secretYaml),
      settings: onlyRule('plaintext-secret'),
    });
    expect(findings.length).toBe(9);
    expect(findings.every((f) => f.properties?.sensitive === true)).toBe(true);
    const result: LintResult = {
      charts: [{ chart: 'chart', name: 'chart', environments: ['prod'] }],
      findings,
      errors: [],
      renderer: 'embedded',
    };
    const outputs = [
      formatJson(result, { name: 'chartlint', version: '0.0.0' }),
      formatText(result, { color: false, showSuppressed: true }),
      formatSarif(result, {
        tool: { name: 'chartlint', version: '0.0.0' },
        catalog: loadCatalog(),
        uriPrefix: '',
      }).text,
    ];
    const secrets = [...Object.values(SAMPLES), b64(SAMPLES.secretData)];
    for (const output of outputs) {
      for (const secret of secrets) expect(output).not.toContain(secret);
      expect(output).toContain('[redacted,');
    }
  });
});

describe('rule failures', () => {
  it('turn into an internal error naming the rule, the chart and the environment', async () => {
    const chart = await chartFrom();
    // An image list that is not an array of objects cannot crash the walkers; a Proxy that throws on access can.
    const object = new Proxy({ apiVersion: 'v1', kind: 'Pod' } as Record<string, unknown>, {
      get(target, key) {
        if (key === 'spec') throw new Error('boom');
        return target[key as string];
      },
    });
    const [manifest] = manifestsFrom(LATEST);
    const broken = { ...manifest!, object };
    const run = () =>
      ruleFindings({ chart, environment, manifests: [broken], settings: onlyRule('floating-image-tag') });
    expect(run).toThrow(ChartlintError);
    expect(run).toThrow('rule floating-image-tag failed on chart (prod): boom');
  });
});
