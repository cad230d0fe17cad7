import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/floating-image-tag.js';
import { expectReports, manifestsFrom, runRule, type Expected } from './tester.js';

/** A Deployment whose only container uses `image`; the image value sits on line 11, column 18. */
function deployment(image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          imagePullPolicy: IfNotPresent
          image: ${JSON.stringify(image)}
`;
}

const AT = { line: 11, column: 18 };
const DIGEST = 'sha256:' + 'a'.repeat(64);

interface Case {
  name: string;
  yaml: string;
  options?: Record<string, unknown>;
  expected: Expected[];
}

const invalid: Case[] = [
  { name: 'no tag', yaml: deployment('nginx'), expected: [{ messageId: 'no-tag', ...AT }] },
  {
    name: 'registry with a port and no tag',
    yaml: deployment('localhost:5000/app'),
    expected: [{ messageId: 'no-tag', ...AT }],
  },
  {
    name: 'registry path without tag',
    yaml: deployment('ghcr.io/org/app'),
    expected: [{ messageId: 'no-tag', ...AT }],
  },
  { name: 'latest', yaml: deployment('nginx:latest'), expected: [{ messageId: 'latest', ...AT }] },
  {
    name: 'latest with a variant',
    yaml: deployment('redis:latest-alpine'),
    expected: [{ messageId: 'latest', ...AT }],
  },
  {
    name: 'latest behind a port',
    yaml: deployment('registry.local:5000/team/app:latest'),
    expected: [{ messageId: 'latest', ...AT }],
  },
  {
    name: 'branch tag main',
    yaml: deployment('ghcr.io/org/app:main'),
    expected: [{ messageId: 'mutable-tag', ...AT, contains: '"main"' }],
  },
  {
    name: 'channel tag stable-alpine',
    yaml: deployment('nginx:stable-alpine'),
    expected: [{ messageId: 'mutable-tag', ...AT }],
  },
  { name: 'nightly', yaml: deployment('app:nightly'), expected: [{ messageId: 'mutable-tag', ...AT }] },
  {
    name: 'extra mutable tag from options',
    yaml: deployment('app:prod'),
    options: { mutableTags: ['prod'] },
    expected: [{ messageId: 'mutable-tag', ...AT }],
  },
  {
    name: 'partial minor version',
    yaml: deployment('nginx:1.25'),
    expected: [{ messageId: 'partial-version', ...AT, severity: 'note' }],
  },
  {
    name: 'partial major with variant',
    yaml: deployment('python:3-alpine'),
    expected: [{ messageId: 'partial-version', ...AT, severity: 'note' }],
  },
  {
    name: 'variant only',
    yaml: deployment('debian:bookworm'),
    expected: [{ messageId: 'partial-version', ...AT, severity: 'note' }],
  },
  {
    name: 'v-prefixed major',
    yaml: deployment('org/tool:v2'),
    expected: [{ messageId: 'partial-version', ...AT }],
  },
  {
    name: 'tag without digest when digests are required',
    yaml: deployment('nginx:1.25.3'),
    options: { requireDigest: true },
    expected: [{ messageId: 'no-digest', ...AT, severity: 'note' }],
  },
  {
    name: 'uppercase path',
    yaml: deployment('MyOrg/App:1.0.0'),
    expected: [{ messageId: 'invalid-reference', ...AT, severity: 'error' }],
  },
  {
    name: 'malformed digest',
    yaml: deployment('nginx@sha256:abc'),
    expected: [{ messageId: 'invalid-reference', ...AT }],
  },
  {
    name: 'a number instead of a string',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: 5\n',
    expected: [{ messageId: 'not-a-string', line: 8, column: 14 }],
  },
  {
    name: 'init, sidecar and ephemeral containers and image volumes of a Pod',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: busybox
    - name: sidecar
      restartPolicy: Always
      image: envoy:latest
  containers:
    - name: app
      image: app:1.2.3
  ephemeralContainers:
    - name: debug
      image: debug:dev
  volumes:
    - name: data
      image:
        reference: ghcr.io/org/data
`,
    expected: [
      { messageId: 'no-tag', line: 8, column: 14 },
      { messageId: 'latest', line: 11, column: 14 },
      { messageId: 'mutable-tag', line: 17, column: 14 },
      { messageId: 'no-tag', line: 21, column: 20 },
    ],
  },
  {
    name: "CronJob's job template",
    yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: alpine
`,
    expected: [{ messageId: 'no-tag', line: 12, column: 22 }],
  },
  {
    name: 'PodTemplate, ReplicationController, StatefulSet, DaemonSet, Job',
    yaml: [
      'v1|PodTemplate|template',
      'v1|ReplicationController|spec.template',
      'apps/v1|StatefulSet|spec.template',
      'apps/v1|DaemonSet|spec.template',
      'batch/v1|Job|spec.template',
    ]
      .map((spec) => {
        const [apiVersion, kind, path] = spec.split('|') as [string, string, string];
        const keys = path.split('.');
        const indent = (n: number) => ' '.repeat(n * 2);
        let out = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;
        keys.forEach((k, i) => (out += `${indent(i)}${k}:\n`));
        out += `${indent(keys.length)}spec:\n${indent(keys.length + 1)}containers:\n${indent(keys.length + 2)}- name: a\n${indent(keys.length + 2)}  image: nginx\n`;
        return out;
      })
      .join('---\n'),
    expected: [
      { messageId: 'no-tag', line: 9, column: 16 },
      { messageId: 'no-tag', line: 20, column: 18 },
      { messageId: 'no-tag', line: 31, column: 18 },
      { messageId: 'no-tag', line: 42, column: 18 },
      { messageId: 'no-tag', line: 53, column: 18 },
    ],
  },
  {
    name: 'Argo Workflow templates and a Tekton Task',
    yaml: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: w
spec:
  templates:
    - name: a
      container:
        image: alpine:latest
    - name: b
      script:
        image: python
---
apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: t
spec:
  steps:
    - name: s
      image: golang:master
`,
    expected: [
      { messageId: 'latest', line: 9, column: 16 },
      { messageId: 'no-tag', line: 12, column: 16 },
      { messageId: 'mutable-tag', line: 21, column: 14 },
    ],
  },
  {
    name: 'Prometheus operator image and a Crossplane package',
    yaml: `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: p
spec:
  image: quay.io/prometheus/prometheus
---
apiVersion: pkg.crossplane.io/v1
kind: Provider
metadata:
  name: aws
spec:
  package: xpkg.upbound.io/upbound/provider-aws:latest
`,
    expected: [
      { messageId: 'no-tag', line: 6, column: 10 },
      { messageId: 'latest', line: 13, column: 12 },
    ],
  },
];

const valid: Case[] = [
  { name: 'full version', yaml: deployment('nginx:1.25.3') },
  { name: 'registry port with a version tag', yaml: deployment('localhost:5000/app:1.2.3') },
  {
    name: 'a repository whose name contains latest',
    yaml: deployment('registry.example.com/latest-tools:2.0.1'),
  },
  { name: 'digest only', yaml: deployment(`nginx@${DIGEST}`) },
  { name: 'latest with a digest pins the content', yaml: deployment(`nginx:latest@${DIGEST}`) },
  { name: 'appVersion fallback rendered as a version', yaml: deployment('ghcr.io/org/app:1.16.0') },
  { name: 'dated nightly build', yaml: deployment('app:nightly-20240101') },
  { name: 'branch plus commit sha', yaml: deployment('app:main-3f2a1b9') },
  { name: 'full version with a variant', yaml: deployment('python:3.12.1-slim') },
  { name: 'git sha tag', yaml: deployment('app:3f2a1b9c') },
  { name: 'unrendered placeholder', yaml: deployment('${IMAGE}') },
  {
    name: 'allow-listed by glob',
    yaml: deployment('busybox'),
    options: { allow: ['docker.io/library/busybox'] },
  },
  {
    name: 'allow-listed registry',
    yaml: deployment('ghcr.io/org/app:main'),
    options: { allow: ['ghcr.io/org/*'] },
  },
  {
    name: 'partial versions turned off',
    yaml: deployment('nginx:1.25'),
    options: { partialVersions: false },
  },
  { name: 'IPv6 registry with a version', yaml: deployment('[::1]:5000/app:1.0.0') },
  {
    name: 'test hooks skipped on request',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\nspec:\n  containers:\n    - name: a\n      image: busybox\n',
    options: { skipTestHooks: true },
  },
  {
    name: 'a Service has no images',
    yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  image: nginx\n',
  },
].map((c) => ({ ...c, expected: [] }));

describe('floating-image-tag', () => {
  it.each(invalid)('reports $name', async ({ yaml, options, expected }) => {
    expectReports(
      rule.id,
      await runRule(rule, { manifests: manifestsFrom(yaml), ...(options ? { options } : {}) }),
      expected,
    );
  });
  it.each(valid)('accepts $name', async ({ yaml, options }) => {
    expectReports(
      rule.id,
      await runRule(rule, { manifests: manifestsFrom(yaml), ...(options ? { options } : {}) }),
      [],
    );
  });
  it('never prints anything but the image in messages', async () => {
    const [report] = await runRule(rule, { manifests: manifestsFrom(deployment('nginx:latest')) });
    expect(report?.message).toBe(
      'Image "nginx:latest" uses the latest tag, which moves with every release; pin a version tag or a digest.',
    );
  });
});
