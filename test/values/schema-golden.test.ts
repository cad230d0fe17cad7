import { describe, expect, it } from 'vitest';
import { computeChartValues } from '../../src/values/dependencies.js';
import { validateValuesSchemas } from '../../src/values/schema.js';
import { mergeUserValues } from '../../src/values/user-values.js';
import { ORACLE_CHART_YAML, chartFromFiles } from './chart-fixture.js';
import { loadGoldenCases, userInputFromArgs } from './helpers.js';

/** Helm lists extra properties in Go map order: sort them for comparison. */
function sortExtra(line: string): string {
  return line.replace(/additional properties (.*) not allowed/, (_, list: string) => {
    return `additional properties ${list.split(', ').sort().join(', ')} not allowed`;
  });
}

/** Helm prints one chart's `- at …` lines in random order: compare them as sets, per chart, in chart order. */
function normalise(text: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    out.push(...block.sort());
    block = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('- at ')) block.push(sortExtra(line));
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

describe('values.schema.json validation matches helm v4.1.4 (fixtures/values/schema)', () => {
  for (const c of loadGoldenCases('schema')) {
    it(c.id, () => {
      const files = {
        'Chart.yaml': (c as { chartYaml?: string }).chartYaml ?? ORACLE_CHART_YAML,
        'values.yaml': c.values ?? '',
        ...c.files,
      };
      const user = mergeUserValues(userInputFromArgs(c.args ?? []));
      const { root } = computeChartValues(chartFromFiles(files), user);
      const result = validateValuesSchemas(root);
      if (c.expected.error === undefined) {
        expect(result.helmError).toBeUndefined();
        expect(result.problems).toEqual([]);
      } else {
        expect(normalise(result.helmError ?? '')).toEqual(normalise(c.expected.error));
      }
    });
  }
});

describe('schema problems are findings-ready', () => {
  const files = {
    'Chart.yaml':
      'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: ">=0.0.1"\n',
    'values.yaml': 'port: 0\nsub:\n  x: bad\n',
    'values.schema.json':
      '{"properties": {"port": {"minimum": 1}, "host": {"type": "string"}}, "required": ["host"]}',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/values.yaml': 'x: 1\n',
    'charts/sub/values.schema.json': '{"properties": {"x": {"type": "integer"}}}',
  };
  const { root } = computeChartValues(chartFromFiles(files), mergeUserValues({}));
  const { problems } = validateValuesSchemas(root);

  it('points a failing scalar at the values-file text that set it', () => {
    const port = problems.find((p) => p.pointer === '/port');
    expect(port).toMatchObject({ chart: 'app', valuesPath: ['port'], message: 'minimum: got 0, want 1' });
    expect(files['values.yaml'].slice(port?.origin?.start, port?.origin?.end)).toBe('0');
    expect(port?.origin?.source).toBe('values.yaml');
  });

  it('reports subchart problems with the path from the root values', () => {
    const x = problems.find((p) => p.chart === 'sub');
    expect(x).toMatchObject({ pointer: '/x', valuesPath: ['sub', 'x'], message: 'got string, want integer' });
    expect(files['values.yaml'].slice(x?.origin?.start, x?.origin?.end)).toBe('bad');
  });

  it('reports missing properties at the chart values without an origin of their own', () => {
    expect(problems.find((p) => p.message === "missing property 'host'")).toMatchObject({
      pointer: '',
      valuesPath: [],
    });
  });
});
