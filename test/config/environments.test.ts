import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironments, type EnvironmentChart } from '../../src/config/environments.js';
import type { LoadedConfig } from '../../src/config/load.js';
import { parseConfig } from '../../src/config/load.js';
import { tempDir, writeTree } from '../chart/helpers.js';

const cwd = '/repo';
const chart: EnvironmentChart = { dir: 'charts/shop', files: [] };
const none = { envNames: [], ciValues: false, cwd };
const loaded = (text: string): LoadedConfig => ({
  file: '.chartlint.yaml',
  config: parseConfig(text, '.chartlint.yaml'),
});

const CONFIG = loaded(`kubeVersion: "1.30"
environments:
  dev:   { values: [values-dev.yaml] }
  prod:  { values: [values-prod.yaml], set: { replicaCount: 3 }, setString: { tag: 1.10 }, setFile: { cert: files/c.pem },
           setJson: { extra: { a: [1] } }, namespace: shop, releaseName: shop, kubeVersion: "1.29",
           apiVersions: [monitoring.coreos.com/v1], isUpgrade: true }
`);

describe('buildEnvironments', () => {
  it('makes one default environment without configuration', () => {
    expect(buildEnvironments({ config: {} }, {}, chart, none)).toEqual([
      {
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
      },
    ]);
  });

  it('builds the configured environments in file order with the config kubeVersion as default', () => {
    const [dev, prod] = buildEnvironments(CONFIG, {}, chart, none);
    expect(dev).toMatchObject({
      name: 'dev',
      valuesFiles: ['values-dev.yaml'],
      kubeVersion: '1.30',
      namespace: 'default',
    });
    expect(prod).toMatchObject({
      name: 'prod',
      valuesFiles: ['values-prod.yaml'],
      set: { replicaCount: 3 },
      setString: ['tag=1.1'],
      setFile: ['cert=charts/shop/files/c.pem'],
      setJson: ['extra={"a":[1]}'],
      namespace: 'shop',
      releaseName: 'shop',
      kubeVersion: '1.29',
      apiVersions: ['monitoring.coreos.com/v1'],
      isUpgrade: true,
    });
  });

  it('selects with --env and rejects an unknown name listing the known ones', () => {
    expect(buildEnvironments(CONFIG, {}, chart, { ...none, envNames: ['prod'] }).map((e) => e.name)).toEqual([
      'prod',
    ]);
    expect(() => buildEnvironments(CONFIG, {}, chart, { ...none, envNames: ['staging'] })).toThrow(
      'unknown environment "staging"; known environments: dev, prod',
    );
  });

  it('lets helm-style flags override the selected environment', () => {
    const [prod] = buildEnvironments(
      CONFIG,
      {
        values: ['charts/shop/values-extra.yaml'],
        set: ['a=1'],
        namespace: 'other',
        kubeVersion: '1.31',
        apiVersions: ['x/v1'],
      },
      chart,
      { ...none, envNames: ['prod'] },
    );
    expect(prod).toMatchObject({
      name: 'prod',
      valuesFiles: ['values-prod.yaml', 'values-extra.yaml'],
      setFlags: ['a=1'],
      namespace: 'other',
      releaseName: 'shop',
      kubeVersion: '1.31',
      apiVersions: ['monitoring.coreos.com/v1', 'x/v1'],
    });
  });

  it('makes an ad-hoc environment from flags when environments are configured and none is selected', () => {
    const environments = buildEnvironments(CONFIG, { setString: ['b=2'] }, chart, none);
    expect(environments.map((e) => [e.name, e.setString, e.kubeVersion])).toEqual([['cli', ['b=2'], '1.30']]);
    // Without configured environments the flags apply to `default`.
    const [only] = buildEnvironments({ config: {} }, { releaseName: 'r' }, chart, none);
    expect([only?.name, only?.releaseName]).toEqual(['default', 'r']);
  });

  it('turns ci/*-values.yaml into environments with --ci-values', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'app/Chart.yaml': 'name: app\n',
      'app/ci/prod-values.yaml': 'a: 1\n',
      'app/ci/dev-values.yaml': 'a: 2\n',
      'app/ci/notes.txt': 'x',
    });
    const environments = buildEnvironments(
      { config: {} },
      {},
      { dir: 'app', files: [] },
      { ...none, cwd: root, ciValues: true },
    );
    expect(environments.map((e) => [e.name, e.valuesFiles])).toEqual([
      ['dev', ['ci/dev-values.yaml']],
      ['prod', ['ci/prod-values.yaml']],
    ]);
    const archived = buildEnvironments(
      { config: {} },
      {},
      {
        dir: 'app.tgz#app',
        archivePath: 'app.tgz',
        files: [{ path: 'ci/x-values.yaml' }, { path: 'README.md' }],
      },
      { ...none, cwd: join(root, 'app'), ciValues: true },
    );
    expect(archived.map((e) => e.name)).toEqual(['x']);
    const fallback = buildEnvironments(
      { config: {} },
      {},
      { dir: 'none', files: [] },
      { ...none, cwd: root, ciValues: true },
    );
    expect(fallback.map((e) => e.name)).toEqual(['default']);
  });
});
