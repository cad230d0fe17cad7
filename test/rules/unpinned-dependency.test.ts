import { describe, expect, it } from 'vitest';
import { makeTgz } from '../chart/helpers.js';
import { lockDigest } from '../../src/rules/dependencies/lock-digest.js';
import { goJsonFloat, writeGoJson } from '../../src/rules/dependencies/go-json.js';
import { rule, versionKind } from '../../src/rules/unpinned-dependency.js';
import { chartFrom, expectReports, runRule, type Expected } from './tester.js';

/** Chart.yaml and the Chart.lock that `helm dependency update` (4.1.4) wrote for it, with file:// repositories. */
const HELM_CHART_YAML = `apiVersion: v2
name: app
version: 0.1.0
dependencies:
  - name: sub
    version: ">=1.0.0 <2.0.0"
    repository: file://../sub
    condition: sub.enabled,global.sub
    tags: [backend, "b<c>&d"]
    import-values:
      - child: exports.data
        parent: y
      - data
      - { child: n, parent: 1.5e-7 }
      - { b: 2, a: 1000000000000000000000 }
  - name: sub2
    alias: other
    version: "0.4.0"
    repository: "file://../sub2"
    enabled: true
`;
const HELM_LOCK = `dependencies:
- name: sub
  repository: file://../sub
  version: 1.2.3
- name: sub2
  repository: file://../sub2
  version: 0.4.0
digest: sha256:2aeff95e83ed9cfd9d3bf78801a3ea3bd10ff27ab1fa267e8683254bbf2c6cbb
generated: "2026-11-22T02:55:19.639725186Z"
`;

function chartYaml(deps: string): string {
  return `apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n${deps}`;
}

/** A lock for `files['Chart.yaml']` whose digest is right (computed by the helm-verified implementation). */
async function withLock(files: Record<string, string>, entries: string): Promise<Record<string, string>> {
  const draft = await chartFrom({ ...files, 'Chart.lock': `dependencies:\n${entries}digest: x\n` });
  const digest = lockDigest(draft, draft.lock?.parsed.dependencies ?? []);
  return {
    ...files,
    'Chart.lock': `dependencies:\n${entries}digest: ${digest}\ngenerated: "2024-01-01T00:00:00Z"\n`,
  };
}

const REDIS = '  - name: redis\n    version: 18.6.1\n    repository: https://charts.example.com\n';
const REDIS_LOCK = '- name: redis\n  repository: https://charts.example.com\n  version: 18.6.1\n';

interface Case {
  name: string;
  files: () => Promise<Record<string, string | Uint8Array>> | Record<string, string | Uint8Array>;
  options?: Record<string, unknown>;
  expected: Expected[];
}

const invalid: Case[] = [
  {
    name: 'caret range',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: redis\n    version: ^18.0.0\n    repository: https://r.example.com\n',
          ),
        },
        '- name: redis\n  repository: https://r.example.com\n  version: 18.6.1\n',
      ),
    expected: [{ messageId: 'range', line: 6, column: 14, file: 'chart/Chart.yaml' }],
  },
  {
    name: 'tilde range',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: ~1.2.3\n    repository: https://r.example.com\n',
          ),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.2.4\n',
      ),
    expected: [{ messageId: 'range', line: 6, column: 14 }],
  },
  {
    name: 'wildcard',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml('  - name: a\n    version: 1.2.x\n    repository: https://r.example.com\n'),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.2.9\n',
      ),
    expected: [{ messageId: 'range', line: 6, column: 14 }],
  },
  {
    name: 'partial version',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml('  - name: a\n    version: "1.2"\n    repository: https://r.example.com\n'),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.2.0\n',
      ),
    expected: [{ messageId: 'range', line: 6, column: 14 }],
  },
  {
    name: 'OR and hyphen ranges',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: "1.0.0 - 1.4.5 || >=2.0.0"\n    repository: https://r.example.com\n',
          ),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.4.0\n',
      ),
    expected: [{ messageId: 'range', line: 6, column: 14 }],
  },
  {
    name: 'missing version',
    files: () =>
      withLock(
        { 'Chart.yaml': chartYaml('  - name: a\n    repository: https://r.example.com\n') },
        '- name: a\n  repository: https://r.example.com\n  version: 1.0.0\n',
      ),
    expected: [{ messageId: 'missing-version', line: 5, column: 5, severity: 'error' }],
  },
  {
    name: 'invalid version',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: banana\n    repository: https://r.example.com\n',
          ),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.0.0\n',
      ),
    expected: [{ messageId: 'invalid-version', line: 6, column: 14, severity: 'error' }],
  },
  {
    name: 'remote dependency without a lock',
    files: () => ({ 'Chart.yaml': chartYaml(REDIS) }),
    expected: [{ messageId: 'no-lock', line: 4, column: 1 }],
  },
  {
    name: 'stale lock digest (a condition was added)',
    files: async () => {
      const files = await withLock({ 'Chart.yaml': chartYaml(REDIS) }, REDIS_LOCK);
      return { ...files, 'Chart.yaml': chartYaml(REDIS + '    condition: redis.enabled\n') };
    },
    expected: [
      { messageId: 'digest-mismatch', line: 5, column: 9, file: 'chart/Chart.lock', severity: 'error' },
    ],
  },
  {
    name: 'YAML 1.2 reading of y would give another digest',
    files: () => ({ 'Chart.yaml': HELM_CHART_YAML, 'Chart.lock': HELM_LOCK.replace('2aeff95e', '2aeff95f') }),
    options: { ranges: false },
    expected: [{ messageId: 'digest-mismatch', line: 8, column: 9 }],
  },
  {
    name: 'alias repository makes the digest unverifiable',
    files: () => ({
      'Chart.yaml': chartYaml('  - name: a\n    version: 1.0.0\n    repository: "@stable"\n'),
      'Chart.lock':
        'dependencies:\n- name: a\n  repository: https://charts.example.com\n  version: 1.0.0\ndigest: sha256:00\n',
    }),
    expected: [{ messageId: 'digest-unverifiable', line: 5, column: 9, severity: 'note' }],
  },
  {
    name: 'lock entry missing and another extra',
    files: () =>
      withLock(
        { 'Chart.yaml': chartYaml(REDIS) },
        '- name: postgresql\n  repository: https://charts.example.com\n  version: 12.0.0\n',
      ),
    expected: [
      { messageId: 'missing-lock-entry', line: 5, column: 11, file: 'chart/Chart.yaml' },
      { messageId: 'extra-lock-entry', line: 2, column: 9, file: 'chart/Chart.lock' },
    ],
  },
  {
    name: 'locked version outside the constraint',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml('  - name: a\n    version: 1.0.0\n    repository: https://r.example.com\n'),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.0.1\n',
      ),
    expected: [{ messageId: 'lock-unsatisfied', line: 4, column: 12, file: 'chart/Chart.lock' }],
  },
  {
    name: 'http repository',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: 1.0.0\n    repository: http://charts.example.com\n',
          ),
        },
        '- name: a\n  repository: http://charts.example.com\n  version: 1.0.0\n',
      ),
    expected: [{ messageId: 'http-repository', line: 7, column: 17 }],
  },
  {
    name: "range in a v1 chart's requirements.yaml",
    files: () => ({
      'Chart.yaml': 'apiVersion: v1\nname: app\nversion: 0.1.0\n',
      'requirements.yaml':
        'dependencies:\n  - name: a\n    version: ">=1.0.0"\n    repository: file://../a\n',
    }),
    expected: [{ messageId: 'range', line: 3, column: 14, file: 'chart/requirements.yaml' }],
  },
  {
    name: 'charts/ archive disagrees with the lock',
    files: async () => ({
      ...(await withLock(
        { 'Chart.yaml': chartYaml('  - name: sub\n    version: 1.2.3\n    repository: file://../sub\n') },
        '- name: sub\n  repository: file://../sub\n  version: 1.2.3\n',
      )),
      'charts/sub-1.2.2.tgz': await makeTgz([
        { name: 'sub/Chart.yaml', content: 'apiVersion: v2\nname: sub\nversion: 1.2.2\n' },
      ]),
    }),
    expected: [
      {
        messageId: 'archive-mismatch',
        line: 4,
        column: 12,
        file: 'chart/Chart.lock',
        contains: 'holds sub 1.2.2',
      },
    ],
  },
];

const valid: Case[] = [
  {
    name: 'the lock helm 4.1.4 wrote (HTML escapes, YAML 1.1 y, floats, alias, enabled)',
    files: () => ({
      'Chart.yaml': HELM_CHART_YAML.replace('">=1.0.0 <2.0.0"', '">=1.0.0 <2.0.0"'),
      'Chart.lock': HELM_LOCK,
    }),
    options: { ranges: false },
  },
  {
    name: 'exact version with a fresh lock',
    files: () => withLock({ 'Chart.yaml': chartYaml(REDIS) }, REDIS_LOCK),
  },
  {
    name: '= prefixed exact version',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: =1.0.0\n    repository: https://r.example.com\n',
          ),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.0.0\n',
      ),
  },
  {
    name: 'v-prefixed exact version',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: v1.0.0\n    repository: https://r.example.com\n',
          ),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.0.0\n',
      ),
  },
  {
    name: 'OCI dependency pinned',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: 2.3.4\n    repository: oci://ghcr.io/org/charts\n',
          ),
        },
        '- name: a\n  repository: oci://ghcr.io/org/charts\n  version: 2.3.4\n',
      ),
  },
  {
    name: 'file:// dependency without a lock',
    files: () => ({
      'Chart.yaml': chartYaml('  - name: a\n    version: 1.0.0\n    repository: file://../a\n'),
    }),
  },
  {
    name: 'empty repository (chart vendored in charts/)',
    files: () => ({ 'Chart.yaml': chartYaml('  - name: a\n    version: 1.0.0\n') }),
  },
  {
    name: 'same chart twice under different aliases',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: 1.0.0\n    repository: https://r.example.com\n    alias: one\n  - name: a\n    version: 1.0.0\n    repository: https://r.example.com\n    alias: two\n',
          ),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.0.0\n- name: a\n  repository: https://r.example.com\n  version: 1.0.0\n',
      ),
  },
  {
    name: 'ranges turned off',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: ^1.0.0\n    repository: https://r.example.com\n',
          ),
        },
        '- name: a\n  repository: https://r.example.com\n  version: 1.2.0\n',
      ),
    options: { ranges: false },
  },
  {
    name: 'ignored dependency',
    files: () =>
      withLock(
        { 'Chart.yaml': chartYaml('  - name: a\n    version: "*"\n    repository: https://r.example.com\n') },
        '- name: a\n  repository: https://r.example.com\n  version: 1.2.0\n',
      ),
    options: { ignore: ['a'] },
  },
  { name: 'no dependencies at all', files: () => ({}) },
  {
    name: 'https repository whose host contains http',
    files: () =>
      withLock(
        {
          'Chart.yaml': chartYaml(
            '  - name: a\n    version: 1.0.0\n    repository: https://http.example.com\n',
          ),
        },
        '- name: a\n  repository: https://http.example.com\n  version: 1.0.0\n',
      ),
  },
].map((c) => ({ ...c, expected: [] }));

async function run(c: Case) {
  return runRule(rule, {
    chart: await chartFrom(await c.files()),
    ...(c.options ? { options: c.options } : {}),
  });
}

describe('unpinned-dependency', () => {
  it.each(invalid)('reports $name', async (c) => expectReports(rule.id, await run(c), c.expected));
  it.each(valid)('accepts $name', async (c) => expectReports(rule.id, await run(c), []));

  it('computes the digest helm 4.1.4 wrote', async () => {
    const chart = await chartFrom({ 'Chart.yaml': HELM_CHART_YAML, 'Chart.lock': HELM_LOCK });
    expect(lockDigest(chart, chart.lock?.parsed.dependencies ?? [])).toBe(
      'sha256:2aeff95e83ed9cfd9d3bf78801a3ea3bd10ff27ab1fa267e8683254bbf2c6cbb',
    );
  });

  it.each([
    ['1.2.3', 'exact'],
    ['=1.2.3', 'exact'],
    ['1.2', 'range'],
    ['>=1.0.0', 'range'],
    ['1.2.3 || 1.2.4', 'range'],
    ['', 'missing'],
    ['not a version', 'invalid'],
  ])('classifies %j as %s', (v, kind) => expect(versionKind(v)).toBe(kind));

  it('writes strings and floats as Go does', () => {
    expect(writeGoJson('a<b>&c\u2028\n\u0001')).toBe('"a\\u003cb\\u003e\\u0026c\\u2028\\n\\u0001"');
    // Bytes that are not UTF-8 (lone escape code units) are written as U+FFFD, as encoding/json does.
    expect(writeGoJson({ fields: [['k\udcc3', 'x']] })).toBe('{"k\\ufffd":"x"}');
    expect([1.5e-7, 1e21, 100, 0.1].map(goJsonFloat)).toEqual(['1.5e-7', '1e+21', '100', '0.1']);
  });
});
