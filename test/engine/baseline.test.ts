import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import type { Finding } from '../../src/diagnostics/finding.js';
import { applyBaseline, writeBaseline } from '../../src/engine/baseline.js';

function finding(fingerprint: string, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'image-tag',
    message: 'Image tag is floating.',
    severity: 'warning',
    chart: 'chart',
    environments: ['default'],
    location: { file: `chart/${fingerprint}.yaml`, startLine: 1 },
    related: [],
    fingerprint,
    suppressed: false,
    ...over,
  };
}

function failure(text: string): ChartlintError {
  try {
    applyBaseline([], text, '.chartlint-baseline.json');
  } catch (e) {
    if (e instanceof ChartlintError) return e;
    throw e;
  }
  throw new Error('expected a ChartlintError');
}

describe('writeBaseline', () => {
  it('lists each fingerprint once, sorted, with rule id and file, as JSON ending with a newline', () => {
    const text = writeBaseline([
      finding('c'),
      finding('a', { ruleId: 'render-error' }),
      finding('c'),
      finding('b'),
    ]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      findings: [
        { fingerprint: 'a', ruleId: 'render-error', file: 'chart/a.yaml' },
        { fingerprint: 'b', ruleId: 'image-tag', file: 'chart/b.yaml' },
        { fingerprint: 'c', ruleId: 'image-tag', file: 'chart/c.yaml' },
      ],
    });
  });

  it('leaves out findings accepted in the sources, keeps those an older baseline accepted', () => {
    const text = writeBaseline([
      finding('comment', { suppressed: true, suppression: { kind: 'comment' } }),
      finding('annotation', { suppressed: true, suppression: { kind: 'annotation' } }),
      finding('config', { suppressed: true, suppression: { kind: 'config' } }),
      finding('old', { suppressed: true, suppression: { kind: 'baseline' } }),
      finding('new'),
    ]);
    expect(
      (JSON.parse(text) as { findings: { fingerprint: string }[] }).findings.map((e) => e.fingerprint),
    ).toEqual(['new', 'old']);
  });

  it('is deterministic whatever the order of the findings', () => {
    const fs = [finding('x'), finding('y'), finding('z')];
    expect(writeBaseline(fs)).toBe(writeBaseline([...fs].reverse()));
  });
});

describe('applyBaseline', () => {
  it('suppresses the findings of its own run and nothing new', () => {
    const before = [finding('a'), finding('b')];
    const baseline = writeBaseline(before);
    const after = applyBaseline([finding('a'), finding('b'), finding('c')], baseline, 'baseline.json');
    expect(after.map((f) => [f.fingerprint, f.suppressed, f.suppression])).toEqual([
      ['a', true, { kind: 'baseline' }],
      ['b', true, { kind: 'baseline' }],
      ['c', false, undefined],
    ]);
  });

  it('keeps an existing suppression and never drops or mutates a finding', () => {
    const input = [
      finding('a', { suppressed: true, suppression: { kind: 'comment', justification: 'why' } }),
      finding('b'),
    ];
    const snapshot = structuredClone(input);
    const out = applyBaseline(input, writeBaseline([finding('a'), finding('b')]), 'baseline.json');
    expect(input).toEqual(snapshot);
    expect(out[0]).toBe(input[0]);
    expect(out[1]).toEqual({ ...input[1], suppressed: true, suppression: { kind: 'baseline' } });
  });

  it('accepts an empty baseline and ignores unknown fields', () => {
    expect(
      applyBaseline([finding('a')], '{"version":1,"findings":[],"note":"x"}', 'b.json')[0]?.suppressed,
    ).toBe(false);
    const extra = '{"version":1,"findings":[{"fingerprint":"a","rule":"?","seen":3}]}';
    expect(applyBaseline([finding('a')], extra, 'b.json')[0]?.suppressed).toBe(true);
  });
});

describe('a broken baseline file is a located config-invalid error', () => {
  it('syntax errors point at the line and column', () => {
    const e = failure('{\n  "version": 1,\n  "findings": [\n    {"fingerprint": "a"\n  ]\n}\n');
    expect(e.code).toBe('config-invalid');
    expect(e.message).toMatch(/^invalid baseline \.chartlint-baseline\.json: /);
    expect(e.location?.file).toBe('.chartlint-baseline.json');
    expect(e.location?.startLine).toBeGreaterThanOrEqual(4);
  });

  it('text that is YAML but not JSON is refused', () => {
    const e = failure('version: 1\nfindings: []\n');
    expect(e.code).toBe('config-invalid');
    expect(e.message).toContain('not valid JSON');
    expect(e.location?.file).toBe('.chartlint-baseline.json');
  });

  it('an empty file is refused', () => {
    expect(failure('').code).toBe('config-invalid');
  });

  it('a wrong version points at the version value', () => {
    const e = failure('{\n  "version": 2,\n  "findings": []\n}\n');
    expect(e.message).toContain('"version" must be 1');
    expect(e.location).toMatchObject({ startLine: 2, startColumn: 14 });
  });

  it('a missing or non-list findings is refused', () => {
    expect(failure('{"version": 1}').message).toContain('"findings" must be a list');
    const e = failure('{\n"version": 1,\n"findings": {}\n}');
    expect(e.message).toContain('"findings" must be a list');
    expect(e.location).toMatchObject({ startLine: 3, startColumn: 13 });
  });

  it('a top level that is not an object is refused', () => {
    expect(failure('[]').message).toContain('expected a JSON object');
  });

  it('an entry without a fingerprint points at the entry', () => {
    const e = failure('{\n"version": 1,\n"findings": [\n  {"fingerprint": "a"},\n  {"ruleId": "x"}\n]\n}');
    expect(e.message).toContain('non-empty "fingerprint"');
    expect(e.location).toMatchObject({ startLine: 5, startColumn: 3 });
    const wrongType = failure('{"version": 1, "findings": [{"fingerprint": 7}]}');
    expect(wrongType.location).toMatchObject({ startLine: 1, startColumn: 45 });
    expect(failure('{"version": 1, "findings": ["a"]}').message).toContain('each finding must be an object');
  });
});
