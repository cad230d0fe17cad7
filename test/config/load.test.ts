import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { findConfigFile, loadConfigForChart, parseConfig } from '../../src/config/load.js';
import { tempDir, writeTree } from '../chart/helpers.js';

function configError(text: string): ChartlintError {
  try {
    parseConfig(text, '.chartlint.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ChartlintError);
    return error as ChartlintError;
  }
  throw new Error('expected the configuration to be rejected');
}

const VALID = `environments:
  dev:   { values: [values-dev.yaml] }
  prod:  { values: [values-prod.yaml], set: { replicaCount: 3 }, namespace: shop, releaseName: shop,
           kubeVersion: "1.29", apiVersions: [monitoring.coreos.com/v1] }
rules:
  image-tag-latest: warning
  resources-limits: [error, { ignoreContainers: [istio-proxy] }]
  probes: off
policies: { paths: [policy], namespaces: [main], builtin: true, disable: [no-privileged] }
exclude:
  - { rule: "secret-*", chart: "charts/legacy*", kind: Secret, name: old, reason: migrating }
renderer: embedded
kubeVersion: "1.30"
failOn: warning
`;

describe('parseConfig', () => {
  it('accepts the documented shape', () => {
    const config = parseConfig(VALID, '.chartlint.yaml');
    expect(config.environments?.['prod']).toMatchObject({ set: { replicaCount: 3 }, namespace: 'shop' });
    expect(config.rules?.['resources-limits']).toEqual(['error', { ignoreContainers: ['istio-proxy'] }]);
    expect(config.failOn).toBe('warning');
  });

  it('reports every schema error together, each with its path and line', () => {
    const error = configError(
      [
        'environments:',
        '  prod:',
        '    namespace: Shop_Prod',
        '    replicas: 3',
        'rules:',
        '  image-tag-latest: fatal',
        'renderer: docker',
      ].join('\n'),
    );
    expect(error.code).toBe('config-invalid');
    expect(error.message).toBe('.chartlint.yaml: invalid configuration (4 problems)');
    const details = error.details.map((d) => [d.message, d.location?.startLine, d.location?.startColumn]);
    expect(details).toEqual(
      expect.arrayContaining([
        ['environments.prod.namespace: must match the pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', 3, 16],
        ['environments.prod.replicas: unknown key "replicas"', 4, 5],
        [
          'rules.image-tag-latest: must be a severity (error, warning, note), "off", or [severity, options]',
          6,
          21,
        ],
        ['renderer: must be one of "embedded", "helm"', 7, 11],
      ]),
    );
    expect(details).toHaveLength(4);
    expect(error.location).toEqual(error.details[0]?.location);
  });

  it('reports YAML syntax errors with their position', () => {
    const error = configError('environments:\n  dev: [\n');
    expect(error.code).toBe('config-invalid');
    expect(error.message).toMatch(/^\.chartlint\.yaml: invalid YAML: /);
    expect(error.location?.file).toBe('.chartlint.yaml');
    expect(error.location?.startLine).toBeGreaterThanOrEqual(2);
  });

  it('rejects a duplicate key', () => {
    expect(configError('failOn: error\nfailOn: note\n').message).toMatch(
      /invalid YAML: Map keys must be unique/,
    );
  });

  it('treats an empty file as an empty configuration', () => {
    expect(parseConfig('', '.chartlint.yaml')).toEqual({});
  });
});

describe('finding the configuration', () => {
  it('walks up from the chart and stops at the repository root', async () => {
    const root = await tempDir();
    await writeTree(root, {
      '.chartlint.yaml': 'failOn: note\n',
      'repo/.git/HEAD': 'ref',
      'repo/charts/app/Chart.yaml': 'name: app\n',
      'repo/other/.chartlint.yml': 'failOn: warning\n',
      'repo/other/app/Chart.yaml': 'name: app\n',
    });
    expect(findConfigFile(join(root, 'repo/charts/app'))).toBeUndefined();
    expect(findConfigFile(join(root, 'repo/other/app'))).toBe(join(root, 'repo/other/.chartlint.yml'));
    const loaded = await loadConfigForChart(join(root, 'repo/other/app'), { cwd: join(root, 'repo') });
    expect(loaded).toMatchObject({
      file: 'other/.chartlint.yml',
      dir: join(root, 'repo/other'),
      config: { failOn: 'warning' },
    });
    expect(await loadConfigForChart(join(root, 'repo/charts/app'), { cwd: root })).toEqual({ config: {} });
  });

  it("records where each environment's set: value is written, nested values too", async () => {
    const root = await tempDir();
    const text =
      'environments:\n  prod:\n    set:\n      image.tag: latest\n      debug: { on: true, ports: [80, 81] }\n  dev: {}\n';
    await writeTree(root, { '.chartlint.yaml': text, 'app/Chart.yaml': 'name: app\n' });
    const loaded = await loadConfigForChart(join(root, 'app'), { cwd: root });
    const spans = loaded.setSpans?.prod ?? {};
    const at = (span: { start: number; end: number } | undefined) =>
      span ? text.slice(span.start, span.end) : '';
    expect(Object.keys(loaded.setSpans ?? {})).toEqual(['prod']);
    expect(at(spans['image.tag'])).toBe('latest');
    expect(at(spans.debug)).toBe('{ on: true, ports: [80, 81] }');
    expect(at(spans.debug?.children?.on)).toBe('true');
    expect(at(spans.debug?.children?.ports?.children?.['1'])).toBe('81');
  });

  it('uses an explicit file and reports one that cannot be read', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'app'));
    await writeTree(root, { 'ci.yaml': 'renderer: helm\n' });
    const loaded = await loadConfigForChart(join(root, 'app'), { cwd: root, explicitPath: 'ci.yaml' });
    expect(loaded.config).toEqual({ renderer: 'helm' });
    await expect(
      loadConfigForChart(join(root, 'app'), { cwd: root, explicitPath: 'nope.yaml' }),
    ).rejects.toMatchObject({
      code: 'config-invalid',
      message: 'cannot read configuration file nope.yaml',
    });
  });
});
