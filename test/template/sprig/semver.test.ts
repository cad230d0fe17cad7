import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createCallContext } from '../../../src/template/render-context.js';
import { semverFuncs } from '../../../src/template/sprig/semver.js';
import { SemverVersion } from '../../../src/values/semver.js';
import type { GoFuncSpec, GoObject } from '../../../src/values/model.js';

const fixture = (ext: string): string =>
  readFileSync(new URL(`../../../fixtures/template/sprig/semver.${ext}`, import.meta.url), 'utf8');
const golden = JSON.parse(fixture('golden.json')) as {
  cases: Record<string, { output?: string; error?: string }>;
};
const cases = (YAML.parse(fixture('cases.yaml')) as { cases: { id: string; template: string }[] }).cases;
const ctx = createCallContext({ seed: 'semver' });
const call = (name: string, ...args: unknown[]): unknown => semverFuncs[name]?.call(ctx, ...args);
const output = (id: string): string | undefined => golden.cases[id]?.output;
const errorOf = (id: string): string =>
  (golden.cases[id]?.error ?? '').replace(/^.*?error calling \w+: /s, '');
const semver = (v: string): SemverVersion => call('semver', v) as SemverVersion;
const method = (o: GoObject, name: string, ...args: unknown[]): unknown =>
  (o.method(name) as GoFuncSpec).call(ctx, ...args);
const show = (v: unknown): string => (v instanceof SemverVersion ? v.stringer() : String(v));

describe('semverCompare against helm goldens', () => {
  const tables = cases.filter((c) => c.id.startsWith('compare-') && c.id !== 'compare-kube-gotcha');
  it.each(tables)('$id', ({ id, template }) => {
    const calls = [...template.matchAll(/semverCompare ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")/g)];
    expect(calls.length).toBeGreaterThan(0);
    const got = calls.map((m) =>
      call('semverCompare', JSON.parse(m[1] as string), JSON.parse(m[2] as string)),
    );
    expect(got.join('|')).toBe(output(id));
  });
  it('treats prerelease Kubernetes versions as Masterminds does', () => {
    expect(
      [
        call('semverCompare', '>=1.20', '1.28.3-gke.1'),
        call('semverCompare', '>=1.20-0', '1.28.3-gke.1'),
      ].join('|'),
    ).toBe(output('compare-kube-gotcha'));
  });
  it('accepts the lenient constraint forms', () => {
    const got = [
      call('semverCompare', '~ 1.2', '1.2.5'),
      call('semverCompare', ' >= 1.2 ', '1.2.5'),
      call('semverCompare', '1,2', '1.2.5'),
      call('semverCompare', 'v1 - v2', '1.2.5'),
      call('semverCompare', '>=1.2 <1.3', 'v1.2.9'),
    ];
    expect(got.join('|')).toBe(output('semverCompare-lenient-forms'));
  });
  it('fails with the library error texts', () => {
    const errors: [string, string, string][] = [
      ['semverCompare-bad-constraint', 'bad', '1.0.0'],
      ['semverCompare-empty-constraint', '', '1.0.0'],
      ['semverCompare-parser-error', '>=1.2.3-01', '1.0.0'],
      ['semverCompare-pipe-in-version', '1|2', '1.0.0'],
      ['semverCompare-range-after-operator', '>1.2.3 - 1.3', '1.0.0'],
      ['semverCompare-double-range', '1 - 2 - 3', '1.0.0'],
      ['semverCompare-dangling-or', '>=1 ||', '1.0.0'],
      ['semverCompare-bad-version', '>=1.0', 'bad'],
    ];
    for (const [id, c, v] of errors) {
      let message = '';
      try {
        call('semverCompare', c, v);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, id).toBe(errorOf(id));
    }
  });
});

describe('semver against helm goldens', () => {
  it('parses leniently and prints the normalised form', () => {
    const inputs = [
      '1.2.3',
      'v1.2.3',
      '1.2',
      '1',
      'v1',
      '01.2.3',
      '1.02.3',
      '1.2-beta',
      '1-rc.1',
      'v1.2.3-rc.1+meta',
    ];
    inputs.push('00', '1.2.3-0', '1.2.3-0a', '1.2.3+build.01', '18446744073709551615.0.0');
    const got = inputs
      .map((s) => {
        const v = semver(s);
        const m = (n: string): string => show(method(v, n));
        return `${show(v)};${m('Original')};${m('Major')}.${m('Minor')}.${m('Patch')};${m('Prerelease')};${m('Metadata')}|`;
      })
      .join('');
    expect(got).toBe(output('version-parse'));
  });
  it('has Go types and method sets', () => {
    const v = semver('1.2.3');
    const inc = method(v, 'IncMajor') as SemverVersion;
    expect(`${v.goType}|${v.method('Major')?.result}|${inc.goType}`).toBe(
      output('version-type')?.replace(/\|ptr$/, ''),
    );
    expect(inc.method('Original')).toBeUndefined();
    expect(golden.cases['version-value-has-no-pointer-methods']?.error).toContain(
      "can't evaluate field Original",
    );
  });
  it('increments, sets prerelease and metadata', () => {
    const v = semver('v1.2.3-rc.1+m');
    const m = (o: GoObject, n: string, ...a: unknown[]): GoObject => method(o, n, ...a) as GoObject;
    const incMajor = m(v, 'IncMajor');
    const got = [
      `${show(incMajor)};${show(method(incMajor, 'Major'))};${show(m(m(incMajor, 'IncMinor'), 'IncPatch'))}`,
      show(m(v, 'IncMinor')),
      show(m(v, 'IncPatch')),
      show(m(semver('1.2.3'), 'IncPatch')),
      show(method(v, 'String')),
      show(m(v, 'SetPrerelease', 'beta.1')),
      show(m(v, 'SetMetadata', 'b.2')),
      show(m(v, 'SetPrerelease', '')),
      m(v, 'SetMetadata', 'x').goType,
      show(method(v, 'Value')),
    ];
    expect(`${typeof method(semver('1.2.3'), 'Value')}|${show(method(semver('v1.2.3'), 'Value'))}`).toBe(
      output('version-value-method-type'),
    );
    expect(got.join('|')).toBe(output('version-methods'));
    expect(() => method(semver('1.2.3'), 'SetPrerelease', '01')).toThrow(
      errorOf('version-set-prerelease-invalid'),
    );
    expect(() => method(semver('1.2.3'), 'SetMetadata', 'a..b')).toThrow(
      errorOf('version-set-metadata-invalid'),
    );
  });
  it('compares with prerelease precedence', () => {
    const a = semver('1.2.3');
    const b = semver('1.10.0-alpha');
    const c = (x: GoObject, n: string, y: GoObject): string => show(method(x, n, y));
    const got = [
      c(a, 'Compare', b),
      c(b, 'Compare', a),
      c(a, 'Compare', a),
      c(a, 'LessThan', b),
      c(a, 'GreaterThan', b),
      c(a, 'Equal', semver('v1.2.3+x')),
      c(semver('1.0.0-alpha.1'), 'Compare', semver('1.0.0-alpha.beta')),
      c(semver('1.0.0-alpha'), 'Compare', semver('1.0.0-alpha.1')),
      c(semver('1.0.0-rc.10'), 'Compare', semver('1.0.0-rc.9')),
    ];
    expect(got.join(' ')).toBe(output('version-compare-methods'));
  });
  it('fails with the library error texts', () => {
    for (const [id, input] of [
      ['semver-invalid', '1.2.3.4'],
      ['semver-capital-v', 'V1.2.3'],
      ['semver-leading-zero-prerelease', '1.2.3-01'],
      ['semver-out-of-range', '18446744073709551616.0.0'],
      ['semver-empty', ''],
    ] as const) {
      expect(() => semver(input), id).toThrow(errorOf(id));
    }
  });
});
