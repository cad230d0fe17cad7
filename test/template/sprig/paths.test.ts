import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createCallContext } from '../../../src/template/render-context.js';
import { pathFuncs } from '../../../src/template/sprig/paths.js';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/template/sprig/paths.golden.json', import.meta.url), 'utf8'),
) as { cases: Record<string, { output?: string }> };
const ctx = createCallContext({ seed: 'paths' });
const call = (name: string, arg: string): unknown => pathFuncs[name]?.call(ctx, arg);
const each = (name: string, inputs: string[]): string => inputs.map((s) => String(call(name, s))).join('|');
const output = (id: string): string | undefined => golden.cases[id]?.output;

const cases = (
  YAML.parse(
    readFileSync(new URL('../../../fixtures/template/sprig/paths.cases.yaml', import.meta.url), 'utf8'),
  ) as { cases: { id: string; template: string }[] }
).cases;

describe('pathFuncs against helm goldens', () => {
  it('agrees with Go on a table of tricky paths', () => {
    const template = cases.find((c) => c.id === 'path-table')?.template ?? '';
    const inputs = [...template.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(
      (m) => JSON.parse(`"${m[1] as string}"`) as string,
    );
    expect(inputs.length).toBeGreaterThan(20);
    const got = inputs.map(
      (p) => ['base', 'dir', 'clean', 'ext', 'isAbs'].map((f) => String(call(f, p))).join(';') + '|',
    );
    expect(got.join('')).toBe(output('path-table'));
  });
  it('base', () => expect(each('base', ['/a/b/c.txt', 'a/b/', '', '/', '///', 'c'])).toBe(output('base')));
  it('dir', () =>
    expect(each('dir', ['/a/b/c.txt', 'a/b/', '', '/', 'c', 'a/../b/c', '//a'])).toBe(output('dir')));
  it('clean', () => {
    expect(each('clean', ['a/../../b', '/../a//b/./c/', '', './', 'a/b/../..', '/..', '../../x/..'])).toBe(
      output('clean'),
    );
  });
  it('ext', () =>
    expect(each('ext', ['a/b.tar.gz', 'a.b/c', 'noext', 'dot.', '.hidden'])).toBe(output('ext')));
  it('isAbs', () => expect(each('isAbs', ['/x', 'x', ''])).toBe(output('isAbs')));
  it('os* forms behave as on Linux', () => {
    const got = [
      call('osBase', '/a/b'),
      call('osDir', '/a/b'),
      call('osClean', 'a//b/../c'),
      call('osExt', 'f.yaml'),
      call('osIsAbs', '/a'),
      call('osIsAbs', 'a'),
    ].join('|');
    expect(got).toBe(output('os-forms'));
  });
});
