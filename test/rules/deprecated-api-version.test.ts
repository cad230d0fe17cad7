import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { compareMinor, parseKubeVersion } from '../../src/manifests/kube-version.js';
import { rule } from '../../src/rules/deprecated-api-version.js';
import { chartFrom, expectReports, manifestsFrom, runRule, type Expected } from './tester.js';

function object(apiVersion: string, kind: string): string {
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;
}

/** apiVersion's value is at line 1, column 13 of every single-object case. */
const AT = { line: 1, column: 13 };

interface Case {
  name: string;
  yaml: string;
  kube?: string;
  chartKube?: string;
  options?: Record<string, unknown>;
  expected: Expected[];
}

const invalid: Case[] = [
  {
    name: 'extensions/v1beta1 Deployment on 1.16',
    yaml: object('extensions/v1beta1', 'Deployment'),
    kube: '1.16',
    expected: [{ messageId: 'removed', ...AT, severity: 'error', contains: 'use apps/v1' }],
  },
  {
    name: 'apps/v1beta2 StatefulSet on 1.29',
    yaml: object('apps/v1beta2', 'StatefulSet'),
    kube: 'v1.29.3',
    expected: [{ messageId: 'removed', ...AT, severity: 'error' }],
  },
  {
    name: 'Ingress v1beta1 on 1.22',
    yaml: object('networking.k8s.io/v1beta1', 'Ingress'),
    kube: '1.22',
    expected: [{ messageId: 'removed', ...AT }],
  },
  {
    name: 'Ingress v1beta1 deprecated on 1.19',
    yaml: object('networking.k8s.io/v1beta1', 'Ingress'),
    kube: '1.19',
    expected: [{ messageId: 'deprecated', ...AT, severity: 'warning', contains: 'removed in 1.22' }],
  },
  {
    name: 'CronJob batch/v1beta1 on 1.25',
    yaml: object('batch/v1beta1', 'CronJob'),
    kube: '1.25',
    expected: [{ messageId: 'removed', ...AT }],
  },
  {
    name: 'PSP has no replacement',
    yaml: object('policy/v1beta1', 'PodSecurityPolicy'),
    kube: '1.25',
    expected: [{ messageId: 'removed', ...AT, contains: 'there is no replacement' }],
  },
  {
    name: 'PodDisruptionBudget deprecated on 1.21',
    yaml: object('policy/v1beta1', 'PodDisruptionBudget'),
    kube: '1.21',
    expected: [{ messageId: 'deprecated', ...AT }],
  },
  {
    name: 'HPA v2beta2 removed in 1.26',
    yaml: object('autoscaling/v2beta2', 'HorizontalPodAutoscaler'),
    kube: '1.26',
    expected: [{ messageId: 'removed', ...AT }],
  },
  {
    name: 'FlowSchema v1beta3 removed in 1.32',
    yaml: object('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'),
    kube: '1.32',
    expected: [{ messageId: 'removed', ...AT }],
  },
  {
    name: 'CRD v1beta1 on the default target (1.35)',
    yaml: object('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition'),
    expected: [{ messageId: 'removed', ...AT, contains: 'Kubernetes 1.35' }],
  },
  {
    name: 'core v1 Endpoints deprecated without removal',
    yaml: object('v1', 'Endpoints'),
    kube: '1.33',
    expected: [{ messageId: 'deprecated', line: 1, column: 13, contains: 'since Kubernetes 1.33; use' }],
  },
  {
    name: 'vendor-suffixed target version',
    yaml: object('rbac.authorization.k8s.io/v1beta1', 'ClusterRole'),
    kube: 'v1.22.0-gke.100',
    expected: [{ messageId: 'removed', ...AT }],
  },
  {
    name: 'numeric comparison (1.9 < 1.16)',
    yaml: object('apps/v1beta2', 'Deployment'),
    kube: '1.9',
    expected: [{ messageId: 'deprecated', ...AT }],
  },
  {
    name: 'replacement not served at the chart minimum',
    yaml: object('networking.k8s.io/v1beta1', 'Ingress'),
    kube: '1.20',
    chartKube: '>=1.16.0-0',
    expected: [{ messageId: 'replacement-unavailable', ...AT, severity: 'note', contains: 'supports 1.16' }],
  },
  {
    name: 'List items expanded',
    yaml: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: extensions/v1beta1\n    kind: Ingress\n    metadata:\n      name: a\n  - apiVersion: networking.k8s.io/v1\n    kind: Ingress\n    metadata:\n      name: b\n',
    kube: '1.22',
    expected: [{ messageId: 'removed', line: 4, column: 17 }],
  },
  {
    name: 'a user-added third-party API',
    yaml: object('cert-manager.io/v1alpha2', 'Certificate'),
    options: {
      additional: [
        {
          apiVersion: 'cert-manager.io/v1alpha2',
          kinds: [],
          deprecatedIn: '1.4',
          removedIn: '1.6',
          replacement: 'cert-manager.io/v1',
        },
      ],
    },
    expected: [{ messageId: 'removed', ...AT }],
  },
];

const valid: Case[] = [
  { name: 'apps/v1 Deployment', yaml: object('apps/v1', 'Deployment'), kube: '1.35' },
  {
    name: 'Ingress v1beta1 before its deprecation',
    yaml: object('networking.k8s.io/v1beta1', 'Ingress'),
    kube: '1.18',
  },
  { name: 'v1 Endpoints before 1.33', yaml: object('v1', 'Endpoints'), kube: '1.32' },
  { name: 'a kind the row does not list', yaml: object('policy/v1beta1', 'SomethingElse'), kube: '1.30' },
  {
    name: 'networking.k8s.io/v1 NetworkPolicy',
    yaml: object('networking.k8s.io/v1', 'NetworkPolicy'),
    kube: '1.30',
  },
  { name: 'batch/v1 CronJob', yaml: object('batch/v1', 'CronJob'), kube: '1.30' },
  { name: 'autoscaling/v2 HPA', yaml: object('autoscaling/v2', 'HorizontalPodAutoscaler'), kube: '1.30' },
  {
    name: 'a CRD-defined kind in a look-alike group',
    yaml: object('extensions.example.com/v1beta1', 'Deployment'),
    kube: '1.30',
  },
  {
    name: 'planned removal not reached',
    yaml: object('resource.k8s.io/v1beta1', 'ResourceClaim'),
    kube: '1.34',
  },
  {
    name: 'ignored by option',
    yaml: object('batch/v1beta1', 'CronJob'),
    kube: '1.30',
    options: { ignore: ['batch/v1beta1/CronJob'] },
  },
  {
    name: 'user row overrides nothing for other kinds',
    yaml: object('cert-manager.io/v1', 'Certificate'),
    options: { additional: [{ apiVersion: 'cert-manager.io/v1alpha2', kinds: [], deprecatedIn: '1.4' }] },
  },
].map((c) => ({ ...c, expected: [] }));

async function run(c: Case) {
  const chart = await chartFrom(
    c.chartKube
      ? { 'Chart.yaml': `apiVersion: v2\nname: chart\nversion: 0.1.0\nkubeVersion: "${c.chartKube}"\n` }
      : {},
  );
  return runRule(rule, {
    chart,
    manifests: manifestsFrom(c.yaml),
    ...(c.kube ? { kubeVersion: c.kube } : {}),
    ...(c.options ? { options: c.options } : {}),
  });
}

describe('deprecated-api-version', () => {
  it.each(invalid)('reports $name', async (c) => expectReports(rule.id, await run(c), c.expected));
  it.each(valid)('accepts $name', async (c) => expectReports(rule.id, await run(c), []));

  it('rejects a target that is not a Kubernetes version', async () => {
    await expect(
      run({ name: 'junk', yaml: object('apps/v1', 'Deployment'), kube: 'latest', expected: [] }),
    ).rejects.toThrow(ChartlintError);
  });
});

describe('kube versions', () => {
  it.each([
    ['1.29', '1.9', 1],
    ['v1.16.0', '1.9', 1],
    ['1.29.3-gke.100', 'v1.29', 0],
    ['1.8', '1.16', -1],
  ])('%s vs %s', (a, b, sign) => {
    const va = parseKubeVersion(a);
    const vb = parseKubeVersion(b);
    expect(va && vb ? Math.sign(compareMinor(va, vb)) : 'unparsed').toBe(sign);
  });
  it.each(['', 'latest', '1', '1.x', 'v1.2.3.4'])('rejects %j', (text) =>
    expect(parseKubeVersion(text)).toBeUndefined(),
  );
});
