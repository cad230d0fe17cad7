import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { OPA_MISSING_MESSAGE } from '../../src/policy/opa-cli.js';
import type { PolicyResult } from '../../src/policy/types.js';
import { CONTEXT, FIXTURES, OPA, deployment, freshCache, loadUser } from './helpers.js';

const brief = (r: PolicyResult) => [r.ruleId, r.severity, r.manifestId, r.path, r.message, r.suppressed];

async function thrown(promise: Promise<unknown>): Promise<ChartlintError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ChartlintError) return err;
    throw err;
  }
  throw new Error('expected a ChartlintError');
}

describe('prebuilt policies (no opa needed)', () => {
  for (const file of ['deny.tar.gz', 'deny.wasm']) {
    it(`evaluates the entry points of ${file}`, async () => {
      const set = await loadUser({ paths: [`${FIXTURES}/prebuilt/${file}`], opaBin: '/nonexistent' });
      const got = set.evaluate([{ id: 1, object: deployment('api') }], CONTEXT, false);
      expect(got.map(brief)).toEqual([
        ['main/deny', 'error', 1, ['metadata', 'name'], 'Deployment api must set runAsNonRoot.', false],
        [
          'main/deny_replicas',
          'error',
          1,
          ['spec', 'replicas'],
          'Deployments need at least two replicas.',
          false,
        ],
      ]);
      expect(got[1]?.details).toEqual({ minimum: 2 });
    });
  }

  it('refuses a prebuilt module with no rule in the selected namespaces', async () => {
    const error = await thrown(
      loadUser({ paths: [`${FIXTURES}/prebuilt/deny.wasm`], namespaces: ['other'] }),
    );
    expect(error.code).toBe('policy-invalid');
    expect(error.location?.file).toBe(`${FIXTURES}/prebuilt/deny.wasm`);
  });
});

describe('missing opa', () => {
  it('stops .rego with the documented message when no opa is found', async () => {
    const error = await thrown(
      loadUser({ paths: [`${FIXTURES}/deny`], opaBin: undefined, env: { PATH: '' } }),
    );
    expect(error.code).toBe('opa-missing');
    expect(error.message).toBe(OPA_MISSING_MESSAGE);
  });
});

describe.skipIf(!OPA)('conftest fixtures compiled with the opa CLI', () => {
  it('deny: strings at metadata.name, objects at their path, helpers ignored', async () => {
    const set = await loadUser({ paths: [`${FIXTURES}/deny`] });
    const secure = deployment('secure', {});
    (secure.spec as Record<string, unknown>).replicas = 3;
    (secure.spec as { template: { spec: Record<string, unknown> } }).template.spec.securityContext = {
      runAsNonRoot: true,
    };
    const got = set.evaluate(
      [
        { id: 0, object: deployment('api') },
        { id: 1, object: secure },
      ],
      CONTEXT,
      false,
    );
    expect(got.map(brief)).toEqual([
      ['main/deny', 'error', 0, ['metadata', 'name'], 'Deployment api must set runAsNonRoot.', false],
      [
        'main/deny_replicas',
        'error',
        0,
        ['spec', 'replicas'],
        'Deployments need at least two replicas.',
        false,
      ],
    ]);
  });

  it('warn: warnings, string paths and a severity override', async () => {
    const set = await loadUser({ paths: [`${FIXTURES}/warn/warn.rego`] });
    const service = { kind: 'Service', metadata: { name: 'web' } };
    expect(set.evaluate([{ id: 4, object: service }], CONTEXT, false).map(brief)).toEqual([
      ['main/warn', 'warning', 4, ['metadata', 'name'], 'Service web: prefer an Ingress.', false],
      ['main/warn_labels', 'note', 4, ['metadata', 'labels'], 'Objects should carry an app label.', false],
    ]);
  });

  it('violation: structured results keep their keys as details, located by _loc', async () => {
    const set = await loadUser({ paths: [`${FIXTURES}/violation`] });
    const d = deployment('api');
    const containers = (d.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template
      .spec.containers;
    containers.push({ name: 'tail', image: 'busybox:latest' });
    const got = set.evaluate([{ id: 2, object: d }], CONTEXT, false);
    expect(got).toEqual([
      {
        ruleId: 'main/violation',
        severity: 'error',
        message: 'Container tail uses a latest image.',
        manifestId: 2,
        path: ['spec', 'template', 'spec', 'containers', 1, 'image'],
        details: { image: 'busybox:latest' },
        suppressed: false,
        builtin: false,
      },
    ]);
  });

  it('exception: excepted rules are reported as suppressed, others stay', async () => {
    const set = await loadUser({ paths: [`${FIXTURES}/exception`] });
    const legacy = deployment('old');
    (legacy.metadata as { labels: Record<string, string> }).labels.legacy = 'true';
    const got = set.evaluate(
      [
        { id: 0, object: deployment('can-run-as-root') },
        { id: 1, object: deployment('other') },
        { id: 2, object: legacy },
      ],
      CONTEXT,
      false,
    );
    expect(got.map((r) => [r.manifestId, r.ruleId, r.suppressed])).toEqual([
      [0, 'main/deny', false],
      [0, 'main/deny_run_as_root', true],
      [1, 'main/deny', false],
      [1, 'main/deny_run_as_root', false],
      [2, 'main/deny', true],
      [2, 'main/deny_run_as_root', false],
    ]);
  });

  it('combine: one input of {path, contents} sorted by path, targets resolved from the results', async () => {
    const set = await loadUser({ paths: [`${FIXTURES}/combine`] });
    const manifests = [
      {
        id: 0,
        source: 'shop/templates/service.yaml',
        object: { kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' } } },
      },
      {
        id: 1,
        source: 'shop/templates/admin-service.yaml',
        object: { kind: 'Service', metadata: { name: 'admin' }, spec: { selector: { app: 'admin' } } },
      },
      { id: 2, source: 'shop/templates/deployment.yaml', object: deployment('web') },
      {
        id: 3,
        source: 'shop/templates/configmap.yaml',
        object: { kind: 'ConfigMap', metadata: { name: 'cfg' } },
      },
    ];
    const got = set.evaluate(manifests, CONTEXT, true);
    expect(got.map((r) => [r.ruleId, r.manifestId, r.path, r.message])).toEqual([
      ['main/deny', 1, ['spec', 'selector'], 'Service admin selects no Deployment of the release.'],
      ['main/warn', 2, ['metadata', 'name'], 'Several Services in front of one Deployment.'],
      ['main/warn_count', undefined, undefined, 'The release renders 4 objects.'],
    ]);
  });

  it('data: --data documents and data.chartlint reach the policies', async () => {
    const set = await loadUser({ paths: [`${FIXTURES}/data/policy`], dataFiles: [`${FIXTURES}/data/data`] });
    const service = {
      kind: 'Service',
      metadata: { name: 'ssh' },
      spec: { replicas: 1, ports: [{ port: 443 }, { port: 22 }] },
    };
    const got = set.evaluate([{ id: 0, object: service }], CONTEXT, false);
    expect(got.map((r) => [r.ruleId, r.path, r.message])).toEqual([
      ['main/deny', ['spec', 'ports', 1, 'port'], 'Service ssh exposes the forbidden port 22.'],
      ['main/warn', ['metadata', 'name'], 'ssh of chart shop runs one replica in prod (Kubernetes 1.31.0).'],
    ]);
    const dev = set.evaluate([{ id: 0, object: service }], { ...CONTEXT, environment: 'dev' }, false);
    expect(dev.map((r) => r.ruleId)).toEqual(['main/deny']);
  });

  it('namespaces: main by default, chosen packages, or all of them', async () => {
    const secret = { kind: 'Secret', metadata: { name: 's' } };
    const run = async (namespaces: string[] | 'all') =>
      (await loadUser({ paths: [`${FIXTURES}/namespaces`], namespaces }))
        .evaluate([{ id: 0, object: secret }], CONTEXT, false)
        .map((r) => r.ruleId);
    expect(await run(['main'])).toEqual(['main/deny']);
    expect(await run(['kubernetes.labels'])).toEqual(['kubernetes.labels/warn']);
    expect(await run(['main', 'kubernetes.labels'])).toEqual(['kubernetes.labels/warn', 'main/deny']);
    expect(await run('all')).toEqual(['kubernetes.labels/warn', 'main/deny']);
    const error = await thrown(loadUser({ paths: [`${FIXTURES}/namespaces`], namespaces: ['nothing'] }));
    expect(error.code).toBe('policy-invalid');
    expect(error.message).toMatch(/no deny, violation or warn rule in package nothing/);
  });

  it('v0: policies in Rego v0 syntax still compile', async () => {
    const set = await loadUser({ paths: [`${FIXTURES}/v0`] });
    const pod = { kind: 'Pod', metadata: { name: 'p' } };
    expect(set.evaluate([{ id: 0, object: pod }], CONTEXT, false).map((r) => r.message)).toEqual([
      'Pod p: use a Deployment.',
    ]);
  });

  it('a broken policy is a located error with opa’s message', async () => {
    const error = await thrown(loadUser({ paths: [`${FIXTURES}/broken`] }));
    expect(error.code).toBe('policy-invalid');
    expect(error.location).toEqual({ file: `${FIXTURES}/broken/broken.rego`, startLine: 7, startColumn: 1 });
    expect(error.message).toMatch(/^policy does not compile: unexpected } token/);
  });

  it('caches compiled policies by content: a second load needs no opa, an edit recompiles', async () => {
    const cacheDir = freshCache();
    const dir = mkdtempSync(join(tmpdir(), 'chartlint-rego-'));
    cpSync(`${FIXTURES}/deny`, dir, { recursive: true });
    await loadUser({ paths: [dir], cacheDir });
    expect(readdirSync(join(cacheDir, 'policies')).filter((f) => f.endsWith('.tar.gz'))).toHaveLength(1);
    const again = await loadUser({ paths: [dir], cacheDir, opaBin: undefined, env: { PATH: '' } });
    expect(again.evaluate([{ id: 0, object: deployment('x') }], CONTEXT, false)).toHaveLength(2);
    writeFileSync(
      join(dir, 'extra.rego'),
      'package main\n\nimport rego.v1\n\nwarn contains "extra." if true\n',
    );
    const error = await thrown(loadUser({ paths: [dir], cacheDir, opaBin: undefined, env: { PATH: '' } }));
    expect(error.code).toBe('opa-missing');
    expect(existsSync(join(cacheDir, 'policies'))).toBe(true);
  });

  it('runs the built-in pack and user policies side by side', async () => {
    const set = await loadUser({ builtin: true, paths: [`${FIXTURES}/deny`] });
    const got = set.evaluate([{ id: 0, object: deployment('api') }], CONTEXT, false);
    expect(got.some((r) => r.builtin && r.ruleId === 'chartlint.resource_limits/warn')).toBe(true);
    expect(got.filter((r) => !r.builtin).map((r) => r.ruleId)).toEqual(['main/deny', 'main/deny_replicas']);
  });
});
