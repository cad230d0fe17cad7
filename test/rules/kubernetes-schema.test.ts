import { describe, expect, it } from 'vitest';
import { pointerToPath, rule } from '../../src/rules/kubernetes-schema.js';
import { expectReports, manifestsFrom, runRule, type Expected } from './tester.js';

function deployment(spec: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;
}

const POD_SPEC =
  '  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.25.3\n';

interface Case {
  name: string;
  yaml: string;
  options?: Record<string, unknown>;
  expected: Expected[];
}

const invalid: Case[] = [
  {
    name: 'replicas as a string',
    yaml: deployment(`  replicas: "3"\n${POD_SPEC}`),
    expected: [
      {
        messageId: 'invalid',
        line: 6,
        column: 13,
        contains: 'spec.replicas of Deployment "web" must be integer',
      },
    ],
  },
  {
    name: 'missing containers',
    yaml: deployment('  selector:\n    matchLabels: {app: web}\n  template:\n    spec:\n      volumes: []\n'),
    expected: [
      { messageId: 'invalid', line: 9, column: 5, contains: 'is missing the required field containers' },
    ],
  },
  {
    name: 'missing selector',
    yaml: deployment('  template:\n    spec:\n      containers:\n        - name: a\n'),
    expected: [{ messageId: 'invalid', line: 5, column: 1, contains: 'selector' }],
  },
  {
    name: 'container port as a string',
    yaml: deployment(POD_SPEC + '          ports:\n            - containerPort: "80"\n'),
    expected: [{ messageId: 'invalid', line: 16, column: 30 }],
  },
  {
    name: 'image as a number',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: 5\n',
    expected: [{ messageId: 'invalid', line: 8, column: 14 }],
  },
  {
    name: 'quantity of the wrong type',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          cpu: true\n',
    expected: [
      { messageId: 'invalid', line: 10, column: 16, contains: 'does not have any of the allowed types' },
    ],
  },
  {
    name: 'Service port missing',
    yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - name: http\n',
    expected: [{ messageId: 'invalid', line: 7, column: 7, contains: 'port' }],
  },
  {
    name: 'ConfigMap data with a number',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  port: 80\n',
    expected: [{ messageId: 'invalid', line: 6, column: 9 }],
  },
  {
    name: 'labels that are not strings',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: true\n',
    expected: [{ messageId: 'invalid', line: 6, column: 14 }],
  },
  {
    name: 'Ingress path without backend',
    yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n',
    expected: [{ messageId: 'invalid', line: 9, column: 13, contains: 'backend' }],
  },
  {
    name: 'CronJob without schedule',
    yaml: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n',
    expected: [{ messageId: 'invalid', line: 5, column: 1, contains: 'schedule' }],
  },
  {
    name: 'RoleBinding without roleRef',
    yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: r\nsubjects: []\n',
    expected: [{ messageId: 'invalid', line: 1, column: 1, contains: 'roleRef' }],
  },
  {
    name: 'unknown kind noted once',
    yaml: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: a\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: b\n',
    expected: [{ messageId: 'unknown-kind', line: 2, column: 7, severity: 'note' }],
  },
  {
    name: 'removed API without a bundled schema',
    yaml: 'apiVersion: extensions/v1beta2\nkind: Deployment\nmetadata:\n  name: d\n',
    expected: [{ messageId: 'unknown-kind', line: 2, column: 7 }],
  },
  {
    name: 'a malformed apiVersion is never resolved as a module path',
    yaml: 'apiVersion: ../../x/v1\nkind: Pod\nmetadata:\n  name: p\n',
    expected: [{ messageId: 'unknown-kind', line: 2, column: 7 }],
  },
  {
    name: 'two problems in one object',
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: 1\n  containers:\n    - name: a\n      image: 5\n`,
    expected: [
      { messageId: 'invalid', line: 6, column: 18 },
      { messageId: 'invalid', line: 9, column: 14 },
    ],
  },
];

const valid: Case[] = [
  { name: 'a valid Deployment', yaml: deployment(`  replicas: 3\n${POD_SPEC}`) },
  {
    name: 'int-or-string ports',
    yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n',
  },
  {
    name: 'quantities as strings and numbers',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          cpu: 1\n          memory: 128Mi\n',
  },
  {
    name: 'ConfigMap with string data',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  port: "80"\n',
  },
  {
    name: 'Secret with base64 data',
    yaml: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: YWJj\n',
  },
  {
    name: 'CronJob',
    yaml: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: a\n',
  },
  {
    name: 'Ingress v1',
    yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
  },
  {
    name: 'unknown kinds not reported on request',
    yaml: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: a\n',
    options: { reportUnknownKinds: false },
  },
  {
    name: 'skipped kind',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  port: 80\n',
    options: { skip: ['v1/ConfigMap'] },
  },
  {
    name: 'CustomResourceDefinition',
    yaml: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: w.example.com\nspec:\n  group: example.com\n  names:\n    kind: W\n    plural: ws\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n',
  },
  {
    name: 'unknown fields are not schema errors',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labelz: {}\n',
  },
].map((c) => ({ ...c, expected: [] as Expected[] }));

describe('kubernetes-schema', () => {
  it.each(invalid)('reports $name', async ({ yaml, options, expected }) =>
    expectReports(
      rule.id,
      await runRule(rule, { manifests: manifestsFrom(yaml), ...(options ? { options } : {}) }),
      expected,
    ),
  );
  it.each(valid)('accepts $name', async ({ yaml, options }) =>
    expectReports(
      rule.id,
      await runRule(rule, { manifests: manifestsFrom(yaml), ...(options ? { options } : {}) }),
      [],
    ),
  );
  it('turns JSON pointers into paths with list indexes', () => {
    expect(pointerToPath({ a: [{ 'b/c': 1 }] }, '/a/0/b~1c')).toEqual(['a', 0, 'b/c']);
  });
});
