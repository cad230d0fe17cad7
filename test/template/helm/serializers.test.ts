/**
 * The serialisers on hand-built Go values: provenance of emitted lines and spans, key order, byte slices,
 * cycles, and TOML against the recorded goldens of cases built from template literals.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeJsonWithOrigins, JsonMarshalError, toJsonNode } from '../../../src/template/helm/go-json.js';
import { encodeToml, TomlEncodeError, TomlEncodePanic } from '../../../src/template/helm/toml.js';
import { emitYamlV2, emitYamlV2WithOrigins } from '../../../src/template/helm/yaml-emit-v2.js';
import { emitYamlV3WithOrigins } from '../../../src/template/helm/yaml-emit-v3.js';
import { compareYamlKeys } from '../../../src/template/helm/yaml-key-order.js';
import { GoBytes, GoList, GoMap, goInt, goList, goMap, type ValueOrigin } from '../../../src/values/model.js';

const origin = (path: string): ValueOrigin => ({
  source: 'values.yaml',
  isFile: true,
  start: 0,
  end: 1,
  path: path.split('.'),
});

const golden = (name: string, id: string): string | undefined => {
  const file = new URL(`../../../fixtures/template/helm/${name}.golden.json`, import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { cases: Record<string, { output?: string }> };
  return data.cases[id]?.output;
};

/** A values-like tree whose every entry and item carries an origin named after its path. */
function sourcedValues(): GoMap {
  const root = new GoMap();
  const app = new GoMap();
  app.set('name', 'web', origin('app.name'));
  app.set('note', 'x '.repeat(50).trim(), origin('app.note'));
  const ports = goList([goInt(80), goInt(443)]);
  ports.origins = [origin('app.ports.0'), origin('app.ports.1')];
  app.set('ports', ports, origin('app.ports'));
  app.set('script', 'echo a\necho b\n', origin('app.script'));
  root.set('app', app, origin('app'));
  root.set('plain', 'no origin');
  return root;
}

const paths = (origins: (ValueOrigin | undefined)[]): (string | undefined)[] =>
  origins.map((o) => o?.path.join('.'));

describe('toYaml provenance', () => {
  it('maps every line to the key or scalar written on it, folded and block lines included', () => {
    const { text, lineOrigins } = emitYamlV2WithOrigins(sourcedValues());
    expect(text).toBe(
      [
        'app:',
        '  name: web',
        '  note: x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x',
        '    x x x x x x x x x x x x x',
        '  ports:',
        '  - 80',
        '  - 443',
        '  script: |',
        '    echo a',
        '    echo b',
        'plain: no origin',
      ].join('\n'),
    );
    expect(paths(lineOrigins)).toEqual([
      'app',
      'app.name',
      'app.note',
      'app.note',
      'app.ports',
      'app.ports.0',
      'app.ports.1',
      'app.script',
      'app.script',
      'app.script',
      undefined,
    ]);
  });

  it('toYamlPretty indents the list and keeps the same origins', () => {
    const { text, lineOrigins } = emitYamlV3WithOrigins(sourcedValues());
    const lines = text.split('\n');
    expect(lines[3]).toBe('  ports:');
    expect(lines[4]).toBe('    - 80');
    expect(paths(lineOrigins).slice(0, 6)).toEqual([
      'app',
      'app.name',
      'app.note',
      'app.ports',
      'app.ports.0',
      'app.ports.1',
    ]);
    expect(lineOrigins).toHaveLength(lines.length);
  });
});

describe('toJson provenance', () => {
  it('records the span of each sourced member, starting at its key', () => {
    const { text, spans } = encodeJsonWithOrigins(sourcedValues(), { escapeHtml: true });
    const name = spans.find((s) => s.origin.path.join('.') === 'app.name');
    expect(name && text.slice(name.start, name.end)).toBe('"name":"web"');
    const port = spans.find((s) => s.origin.path.join('.') === 'app.ports.1');
    expect(port && text.slice(port.start, port.end)).toBe('443');
    expect(spans.some((s) => s.origin.path.join('.') === 'plain')).toBe(false);
  });
});

describe('go-yaml natural key order', () => {
  it('orders the spec examples as helm did', () => {
    expect(['b', 'a', 'B', '_c', '10', '9'].sort(compareYamlKeys)).toEqual(['_c', '9', '10', 'B', 'a', 'b']);
    const keys = ['a01', 'a1', 'a10', 'a2', 'a001', 'a0', 'ab', 'a', 'a_', 'a-b', 'A', '1a', 'é', 'z'];
    expect(keys.sort(compareYamlKeys)).toEqual([
      ...['1a', 'A', 'a', 'a-b', 'a_', 'a0', 'a1', 'a01', 'a001', 'a2', 'a10', 'ab', 'z', 'é'],
    ]);
  });
});

describe('byte slices and cycles', () => {
  it('encodes []byte as base64 in JSON and toYaml', () => {
    const bytes = new GoBytes(new TextEncoder().encode('hello'));
    expect(encodeJsonWithOrigins(bytes, { escapeHtml: true }).text).toBe('"aGVsbG8="');
    expect(emitYamlV2(bytes)).toBe(golden('serialize-toyaml', 'toyaml-bytes'));
    expect(emitYamlV2(new GoList([goInt(104, 'uint8'), goInt(105, 'uint8')], '[]uint8'))).toBe('aGk=');
  });

  it('reports a map that contains itself as Go does', () => {
    const m = goMap();
    m.set('self', m);
    expect(() => toJsonNode(m)).toThrow(JsonMarshalError);
    expect(() => toJsonNode(m)).toThrow(
      'json: unsupported value: encountered a cycle via map[string]interface {}',
    );
  });
});

describe('toToml on template literals', () => {
  it('matches the spec example recorded from helm', () => {
    const v = goMap({ a: goInt(1), t: goMap({ b: 'x' }), l: goList([goInt(1), goInt(2)]) });
    expect(encodeToml(v)).toBe(golden('serialize-totoml', 'toToml-spec-example'));
  });

  it('writes tables, arrays of tables and inline tables as helm did', () => {
    const v = goMap({
      t: goMap({ u: goMap({ v: goInt(1) }), w: goInt(2) }),
      arr: goList([
        goMap({ x: goInt(1), sub: goMap({ q: goInt(1) }) }),
        goMap({ y: goList([goInt(1), 'a']) }),
      ]),
      mixed: goList([goInt(1), goMap({ k: 'v' })]),
      e: goMap(),
      z: goInt(1),
    });
    expect(encodeToml(v)).toBe(golden('serialize-totoml', 'toToml-tables'));
  });

  it('fails like BurntSushi on nil elements, top-level lists of tables and nil', () => {
    expect(() => encodeToml(goMap({ a: goList([goInt(1), null]) }))).toThrow(TomlEncodeError);
    expect(() => encodeToml(goList([goMap({ a: goInt(1) })]))).toThrow(
      golden('serialize-totoml', 'toToml-top-list-of-maps'),
    );
    expect(() => encodeToml(null)).toThrow(TomlEncodePanic);
  });
});
