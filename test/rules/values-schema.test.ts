import { describe, expect, it } from 'vitest';
import { lineStartsOf } from '../../src/diagnostics/location.js';
import type { RuleEnvironment } from '../../src/rules/types.js';
import { rule } from '../../src/rules/values-schema.js';
import { chartFrom, expectReports, runRule, type Expected } from './tester.js';

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function pos(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

const SCHEMA = JSON.stringify(
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      replicas: { type: 'integer', minimum: 1, maximum: 10 },
      image: {
        type: 'object',
        properties: {
          tag: { type: 'string', pattern: '^[0-9.]+$' },
          pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
        },
        required: ['tag'],
      },
      name: { type: 'string', minLength: 3, maxLength: 20 },
      ports: { type: 'array', maxItems: 2, items: { type: 'integer' } },
      mode: { const: 'strict' },
      strict: { type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } } },
      ratio: { type: 'number', exclusiveMaximum: 1 },
    },
  },
  null,
  2,
);

const GOOD =
  'replicas: 2\nimage:\n  tag: "1.2.3"\n  pullPolicy: Always\nname: web\nports: [80, 443]\nmode: strict\nstrict:\n  a: true\nratio: 0.5\n';

interface Case {
  name: string;
  values?: string;
  env?: string;
  files?: Record<string, string>;
  expected: (text: string) => Expected[];
}

const at = (text: string, needle: string, messageId = 'violation', contains?: string): Expected => ({
  messageId,
  ...pos(text, needle),
  ...(contains ? { contains } : {}),
});

const invalid: Case[] = [
  {
    name: 'below the minimum',
    values: GOOD.replace('replicas: 2', 'replicas: 0'),
    expected: (t) => [at(t, '0\n', 'violation', 'Value replicas')],
  },
  {
    name: 'above the maximum',
    values: GOOD.replace('replicas: 2', 'replicas: 11'),
    expected: (t) => [at(t, '11')],
  },
  {
    name: 'wrong type',
    values: GOOD.replace('replicas: 2', 'replicas: two'),
    expected: (t) => [at(t, 'two')],
  },
  {
    name: 'pattern',
    values: GOOD.replace('tag: "1.2.3"', 'tag: latest'),
    expected: (t) => [at(t, 'latest', 'violation', 'Value image.tag')],
  },
  {
    name: 'enum',
    values: GOOD.replace('pullPolicy: Always', 'pullPolicy: Sometimes'),
    expected: (t) => [at(t, 'Sometimes')],
  },
  {
    name: 'required key missing',
    values: GOOD.replace('  tag: "1.2.3"\n', ''),
    expected: (t) => [at(t, 'image')],
  },
  { name: 'too short', values: GOOD.replace('name: web', 'name: w'), expected: (t) => [at(t, 'w\n')] },
  {
    name: 'too long',
    values: GOOD.replace('name: web', `name: ${'x'.repeat(21)}`),
    expected: (t) => [at(t, 'xxx')],
  },
  {
    name: 'too many items',
    values: GOOD.replace('ports: [80, 443]', 'ports: [80, 443, 8080]'),
    expected: (t) => [at(t, 'ports')],
  },
  {
    name: 'wrong item type',
    values: GOOD.replace('ports: [80, 443]', 'ports: [80, http]'),
    expected: (t) => [at(t, 'http')],
  },
  { name: 'const', values: GOOD.replace('mode: strict', 'mode: lax'), expected: (t) => [at(t, 'lax')] },
  {
    name: 'additional property',
    values: GOOD.replace('  a: true\n', '  a: true\n  b: 1\n'),
    expected: (t) => [at(t, '1\nratio')],
  },
  {
    name: 'exclusive maximum',
    values: GOOD.replace('ratio: 0.5', 'ratio: 1'),
    expected: (t) => [at(t, '1\n')],
  },
  {
    name: 'two violations at once',
    values: GOOD.replace('replicas: 2', 'replicas: 0').replace('mode: strict', 'mode: lax'),
    expected: (t) => [at(t, '0\n'), at(t, 'lax')],
  },
  {
    name: "an environment's values file overrides a good default",
    values: GOOD,
    env: 'replicas: 99\n',
    expected: () => [{ messageId: 'violation', line: 1, column: 11, file: 'chart/values-prod.yaml' }],
  },
  {
    name: 'a schema that is not JSON',
    values: GOOD,
    files: { 'values.schema.json': '{ "type": ' },
    expected: () => [{ messageId: 'invalid-schema', line: 1, column: 1, file: 'chart/values.schema.json' }],
  },
  {
    name: "a subchart's schema",
    values: GOOD + 'sub:\n  port: high\n',
    files: {
      'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
      'charts/sub/values.yaml': 'port: 80\n',
      'charts/sub/values.schema.json': '{"properties": {"port": {"type": "integer"}}}',
    },
    expected: (t) => [{ ...at(t, 'high'), contains: 'chart/charts/sub/values.schema.json' }],
  },
];

const valid: Case[] = (
  [
    { name: 'good values', values: GOOD },
    { name: 'optional keys absent', values: 'image:\n  tag: "1"\n' },
    { name: 'boundary minimum', values: GOOD.replace('replicas: 2', 'replicas: 1') },
    { name: 'boundary maximum', values: GOOD.replace('replicas: 2', 'replicas: 10') },
    { name: 'integer written as a float', values: GOOD.replace('replicas: 2', 'replicas: 2.0') },
    {
      name: 'environment fixes a bad default',
      values: GOOD.replace('replicas: 2', 'replicas: 0'),
      env: 'replicas: 3\n',
    },
    { name: 'no schema at all', values: 'replicas: banana\n', files: { 'values.schema.json': '' } },
    { name: 'enum member', values: GOOD.replace('pullPolicy: Always', 'pullPolicy: Never') },
    { name: 'empty list', values: GOOD.replace('ports: [80, 443]', 'ports: []') },
    {
      name: 'subchart values within its schema',
      values: GOOD + 'sub:\n  port: 8080\n',
      files: {
        'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
        'charts/sub/values.schema.json': '{"properties": {"port": {"type": "integer"}}}',
      },
    },
  ] as Omit<Case, 'expected'>[]
).map((c) => ({ ...c, expected: () => [] }));

async function run(c: Case) {
  const files: Record<string, string> = {
    'values.yaml': c.values ?? '',
    'values.schema.json': SCHEMA,
    ...c.files,
  };
  if (files['values.schema.json'] === '') delete files['values.schema.json'];
  if (c.env) files['values-prod.yaml'] = c.env;
  const chart = await chartFrom(files);
  return runRule(rule, {
    chart,
    ...(c.env ? { environment: { name: 'prod', valuesFiles: ['chart/values-prod.yaml'] } } : {}),
  });
}

describe('values-schema', () => {
  it('validates the values helm validates: --set-style values of the environment too', async () => {
    const chart = await chartFrom({ 'values.yaml': GOOD, 'values.schema.json': SCHEMA });
    const withSet = (setValues: RuleEnvironment['setValues']) =>
      runRule(rule, { chart, environment: { name: 'prod', valuesFiles: [], setValues } });
    const [bad] = await withSet({ set: ['replicas=0'] });
    expect(bad).toMatchObject({ messageId: 'violation', file: 'chart/values.schema.json' });
    expect(bad?.message).toBe(
      'Value replicas does not satisfy chart/values.schema.json: minimum: got 0, want 1.',
    );
    // Configuration `set:` values arrive as --set-json; a later --set-string wins over them, as in helm.
    expect(await withSet({ setJson: ['image={"tag": "latest"}'] })).toHaveLength(1);
    expect(await withSet({ setJson: ['replicas=0'], set: ['replicas=3'] })).toEqual([]);
    expect(await withSet({ setFile: ['name=names.txt'], readFile: () => 'ab' })).toHaveLength(1);
    // Values that do not even parse fail the render; the rule has nothing to add.
    expect(await withSet({ set: ['replicas'] })).toEqual([]);
  });

  it('points a violation from a configuration set: at that line of .chartlint.yaml', async () => {
    const chart = await chartFrom({ 'values.yaml': GOOD, 'values.schema.json': SCHEMA });
    const text = 'environments:\n  prod:\n    set:\n      replicas: 0\n';
    const start = text.indexOf('0\n');
    const [report] = await runRule(rule, {
      chart,
      environment: {
        name: 'prod',
        valuesFiles: [],
        setValues: {
          setJson: ['replicas=0'],
          setJsonOrigins: [{ file: '.chartlint.yaml', start, end: start + 1 }],
        },
        configSource: {
          chartPath: '.chartlint.yaml',
          path: '.chartlint.yaml',
          text,
          lineStarts: lineStartsOf(text),
        },
      },
    });
    expect(report).toMatchObject({ messageId: 'violation', file: '.chartlint.yaml', line: 4, column: 17 });
  });

  it.each(invalid)('reports $name', async (c) =>
    expectReports(rule.id, await run(c), c.expected(c.values ?? '')),
  );
  it.each(valid)('accepts $name', async (c) => expectReports(rule.id, await run(c), []));
  it('names the failing keyword without repeating Helm prefixes', async () => {
    const [r] = await run({
      name: 'x',
      values: GOOD.replace('replicas: 2', 'replicas: 0'),
      expected: () => [],
    });
    expect(r?.message).toBe(
      'Value replicas does not satisfy chart/values.schema.json: minimum: got 0, want 1.',
    );
  });
});
