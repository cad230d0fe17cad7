import { describe, expect, it } from 'vitest';
import { parseChartYaml } from '../../src/chart/chart-yaml.js';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { lineStartsOf } from '../../src/diagnostics/location.js';

const file = (text: string) => ({
  chartPath: 'Chart.yaml',
  path: 'c/Chart.yaml',
  text,
  lineStarts: lineStartsOf(text),
});
const parse = (text: string) => parseChartYaml(file(text)).metadata;
const head = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';

function failure(text: string): ChartlintError {
  try {
    parseChartYaml(file(text));
  } catch (error) {
    expect(error).toBeInstanceOf(ChartlintError);
    expect((error as ChartlintError).code).toBe('chart-invalid');
    return error as ChartlintError;
  }
  throw new Error('expected Chart.yaml to be rejected');
}

describe('Chart.yaml scalar coercion (each verified with helm 4.1.4)', () => {
  it.each([
    ['1.10', '1.1'],
    ['1.0', '1'],
    ['0x10', '16'],
    ['0o17', '15'],
    ['0777', '511'],
    ['08', '8'],
    ['0b101', '5'],
    ['1_000', '1000'],
    ['1e21', '1e+21'],
    ['0.000001', '1e-06'],
    ['1e-4', '0.0001'],
    ['123456789.0', '1.2345679e+08'],
    ['3.14159265358979', '3.1415927'],
    ['100000000000000000000000', '1e+23'],
    ['12345678901234567890', '12345678901234567890'],
    ['-0', '0'],
    ['+.5', '0.5'],
    ['yes', 'true'],
    ['off', 'false'],
    ['y', 'true'],
    ['1:30', '1:30'],
    ['2020-01-01', '2020-01-01'],
    ["'1.10'", '1.10'],
    ['!!str 1.10', '1.10'],
    ['_1', '_1'],
    ['~', ''],
  ])('appVersion: %s → %j', (yaml, expected) => {
    expect(parse(`${head}appVersion: ${yaml}\n`).appVersion).toBe(expected);
  });

  it('coerces list items and annotation values, sanitises text fields, matches keys case-insensitively', () => {
    const meta = parse(
      'apiVersion: v2\nNAME: a\nname: c\nVersion: 1.0.0\nkeywords: [1, true]\nannotations: {a: 1, b: null}\n' +
        'description: "a\\nb\\tc\\x01d\\u00a0e\\u200bf"\nmaintainers:\n- name: " x\\ty"\n  email: e\n',
    );
    expect(meta.name).toBe('c');
    expect(meta.version).toBe('1.0.0');
    expect(meta.keywords).toEqual(['1', 'true']);
    expect(meta.annotations).toEqual({ a: '1', b: '' });
    expect(meta.description).toBe('a b cd ef');
    expect(meta.maintainers).toEqual([{ name: ' x y', email: 'e', url: '' }]);
  });

  it('defaults a missing apiVersion to v1 and reads only the first document', () => {
    const meta = parse('name: c\nversion: 1.0.0\n---\nname: d\n');
    expect([meta.apiVersion, meta.name]).toEqual(['v1', 'c']);
  });
});

describe('Chart.yaml errors, located', () => {
  it.each<[string, string, number, number]>([
    ['apiVersion: v2\nversion: 1.0.0\n', 'validation: chart.metadata.name is required', 1, 1],
    ['apiVersion: v2\nname: c\n', 'validation: chart.metadata.version is required', 1, 1],
    ['apiVersion: v2\nname: c\nversion: foo\n', 'validation: chart.metadata.version "foo" is invalid', 3, 10],
    [
      'apiVersion: v2\nname: c\nversion: 1.0.0-01\n',
      'validation: chart.metadata.version "1.0.0-01" is invalid',
      3,
      10,
    ],
    ['apiVersion: v2\nname: a/b\nversion: 1.0.0\n', 'validation: chart.metadata.name "a/b" is invalid', 2, 7],
    [
      'apiVersion: v2\nname: ..\nversion: 1.0.0\n',
      'validation: chart.metadata.name ".." is not allowed',
      2,
      7,
    ],
    [`${head}type: foo\n`, 'validation: chart.metadata.type must be application or library', 4, 7],
    [
      `${head}dependencies:\n- name: a\n  alias: "x.y"\n`,
      'validation: dependency "a" has disallowed characters in the alias',
      6,
      10,
    ],
    [
      `${head}dependencies:\n- name: a\n- name: a\n`,
      'validation: more than one dependency with name or alias "a"',
      6,
      3,
    ],
    [`${head}dependencies:\n- null\n`, 'validation: dependencies must not contain empty or null nodes', 5, 3],
    [`${head}maintainers:\n- ~\n`, 'validation: maintainers must not contain empty or null nodes', 5, 3],
    [
      `${head}deprecated: "yes"\n`,
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool',
      4,
      13,
    ],
    [
      `${head}appVersion: [1]\n`,
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Metadata.appVersion of type string',
      4,
      13,
    ],
    [
      `${head}maintainers:\n- name: [1]\n`,
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Maintainer.maintainers.name of type string',
      5,
      9,
    ],
    [
      `${head}dependencies:\n- name: d\n  tags: a\n`,
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Dependency.dependencies.tags of type []string',
      6,
      9,
    ],
    [
      'x\n',
      'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type loader.chartBase',
      1,
      1,
    ],
    [
      `${head}appVersion: .nan\n`,
      'cannot load Chart.yaml: error converting YAML to JSON: json: unsupported value: NaN',
      4,
      13,
    ],
    [
      `${head}x: &a [*a]\n`,
      "cannot load Chart.yaml: error converting YAML to JSON: yaml: anchor 'a' value contains itself",
      4,
      8,
    ],
    [
      'apiVersion: v9\nname: c\nversion: 1.0.0\n',
      'unsupported chart version: apiVersion "v9" is not v1 or v2',
      1,
      13,
    ],
    [
      'apiVersion: v3\nname: c\nversion: 1.0.0\n',
      'invalid chart apiVersion: chartlint renders charts of apiVersion v1 and v2 only',
      1,
      13,
    ],
  ])('%j → %s', (text, message, line, column) => {
    const error = failure(text);
    expect(error.message).toBe(message);
    expect(error.location).toMatchObject({ file: 'c/Chart.yaml', startLine: line, startColumn: column });
  });

  it('reports YAML syntax errors at their position', () => {
    const error = failure('apiVersion: v2\nname: [c\n');
    expect(error.message).toMatch(/^cannot load Chart\.yaml: /);
    expect(error.location?.startLine).toBe(3);
  });
});
