import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { GoList, GoMap } from '../../src/values/model.js';
import { loadValuesYaml, parseYamlList, parseYamlMap, parseYamlValue } from '../../src/values/yaml11.js';

const text =
  'image:\n  tag: "1.2"\n  pull: &p Always\nports: [80, 443]\nother: *p\nbase: &b {x: 1}\nm: {<<: *b, y: 2}\n';

describe('origins', () => {
  const v = loadValuesYaml(text, 'charts/a/values.yaml');
  const slice = (o: { start: number; end: number } | undefined) =>
    o ? text.slice(o.start, o.end) : undefined;

  it('points scalar entries at their value text, with the values path', () => {
    const image = v.get('image') as GoMap;
    expect(image.origins?.get('tag')).toEqual({
      source: 'charts/a/values.yaml',
      isFile: true,
      start: text.indexOf('"1.2"'),
      end: text.indexOf('"1.2"') + 5,
      path: ['image', 'tag'],
    });
  });

  it('points container entries at their key', () => {
    expect(slice(v.origins?.get('image'))).toBe('image');
    expect(slice(v.origins?.get('ports'))).toBe('ports');
  });

  it('points list items at each item', () => {
    const ports = v.get('ports') as GoList;
    expect(ports.origins?.map(slice)).toEqual(['80', '443']);
    expect(ports.origins?.[1]?.path).toEqual(['ports', 1]);
  });

  it('points aliased values at the anchored scalar and merged keys at their definition', () => {
    expect(slice(v.origins?.get('other'))).toBe('Always');
    expect(v.origins?.get('other')?.path).toEqual(['other']);
    const m = v.get('m') as GoMap;
    expect(slice(m.origins?.get('x'))).toBe('1');
    expect(m.origins?.get('x')?.path).toEqual(['m', 'x']);
  });

  it('keeps origins of later documents when merging documents', () => {
    const t = 'a: 1\nb: {x: 1}\n---\nb: {z: 2}\n';
    const r = loadValuesYaml(t, 'v.yaml');
    const b = r.get('b') as GoMap;
    expect(b.sortedKeys()).toEqual(['x', 'z']);
    expect(b.origins?.get('z')?.start).toBe(t.lastIndexOf('2'));
    expect(r.origins?.get('a')?.start).toBe(3);
  });

  it('marks non-file sources', () => {
    const r = loadValuesYaml('a: 1', '<stdin>', { isFile: false, pathPrefix: ['sub'] });
    expect(r.origins?.get('a')).toMatchObject({ isFile: false, path: ['sub', 'a'] });
  });
});

describe('errors are located', () => {
  it('reports syntax errors at their line and column', () => {
    try {
      loadValuesYaml('a: 1\nb: [1, 2\n', 'values.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ChartlintError);
      expect((e as ChartlintError).location).toMatchObject({ file: 'values.yaml', startLine: 3 });
    }
  });

  it('reports resolution errors at the offending scalar', () => {
    try {
      loadValuesYaml('a: 1\nb: .inf\n', 'values.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as ChartlintError).location).toEqual({ file: 'values.yaml', startLine: 2, startColumn: 4 });
    }
  });

  it("caps alias expansion with go-yaml's error", () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(
        `${cur}: &${cur} [${Array(10)
          .fill('*' + prev)
          .join(', ')}]`,
      );
    }
    expect(() => loadValuesYaml(lines.join('\n'), 'v.yaml')).toThrow('document contains excessive aliasing');
  });

  it('also caps expansion absolutely', () => {
    const t = 'a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n';
    expect(() => loadValuesYaml(t, 'v.yaml', { maxNodes: 50 })).toThrow('alias expansion is capped');
  });
});

describe('fromYaml variants', () => {
  it('reads only the first document', () => {
    expect((parseYamlMap('a: 1\n---\nb: 2', 'x') as GoMap).sortedKeys()).toEqual(['a']);
    expect(parseYamlValue('', 'x')).toBeNull();
  });

  it('rejects the wrong top-level kind with encoding/json wording', () => {
    expect(() => parseYamlMap('- 1', 'x')).toThrow(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
    expect(() => parseYamlList('a: 1', 'x')).toThrow(
      'cannot unmarshal object into Go value of type []interface {}',
    );
    expect(parseYamlList('- y', 'x').items).toEqual([true]);
  });

  it('reports syntax errors without the values-file prefix', () => {
    expect(() => parseYamlMap('a: [1', 'x')).toThrow(
      /^error converting YAML to JSON: yaml: line 1: did not find expected ',' or '\]'$/,
    );
  });
});
