import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createCallContext } from '../../../src/template/render-context.js';
import { urlFuncs } from '../../../src/template/sprig/url.js';
import { GoMap, goMap, type GoValue } from '../../../src/values/model.js';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/template/sprig/url.golden.json', import.meta.url), 'utf8'),
) as { cases: Record<string, { output?: string; error?: string }> };
const cases = (
  YAML.parse(
    readFileSync(new URL('../../../fixtures/template/sprig/url.cases.yaml', import.meta.url), 'utf8'),
  ) as { cases: { id: string; template: string }[] }
).cases;
/** The string literals of a case's template, in order. */
const literals = (id: string): string[] =>
  [...(cases.find((c) => c.id === id)?.template ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(
    (m) => JSON.parse(`"${m[1] as string}"`) as string,
  );
const ctx = createCallContext({ seed: 'url' });
const call = (name: string, ...args: unknown[]): unknown => urlFuncs[name]?.call(ctx, ...args);
const output = (id: string): string | undefined => golden.cases[id]?.output;
const errorOf = (id: string): string =>
  (golden.cases[id]?.error ?? '').replace(/^.*?error calling \w+: /s, '');
/** toJson of a map of strings: sorted keys, Go's HTML escaping of `&`. */
const json = (v: unknown): string => {
  const m = v as GoMap;
  const obj = Object.fromEntries(m.sortedKeys().map((k) => [k, m.get(k)]));
  return JSON.stringify(obj).replace(/&/g, '\\u0026');
};
const join = (obj: Record<string, GoValue>): unknown => call('urlJoin', goMap(obj));

describe('urlFuncs against helm goldens', () => {
  it('urlParse splits every component as net/url does', () => {
    expect(json(call('urlParse', 'https://user:p%40ss@Example.com:8443/a/b%20c?x=1&y=2#frag%21'))).toBe(
      output('urlParse-full'),
    );
    expect(json(call('urlParse', 'mailto:someone@example.com'))).toBe(output('urlParse-opaque'));
    expect(
      [json(call('urlParse', 'a/b?c')), json(call('urlParse', '/abs')), json(call('urlParse', ''))].join('|'),
    ).toBe(output('urlParse-relative'));
    expect(json(call('urlParse', 'http://[::1]:80/x'))).toBe(output('urlParse-ipv6'));
    expect(json(call('urlParse', 'ftp://anon@h/'))).toBe(output('urlParse-user-only'));
    expect(json(call('urlParse', 'a:b/c'))).toBe(output('urlParse-scheme-opaque-path'));
  });
  it('urlParse agrees with net/url on a table of URLs', () => {
    const urls = literals('urlParse-table');
    expect(urls.length).toBeGreaterThan(15);
    expect(urls.map((u) => json(call('urlParse', u)) + '\n').join('')).toBe(output('urlParse-table'));
  });
  it('urlParse errors carry Go texts', () => {
    for (const id of cases.map((c) => c.id).filter((i) => i.startsWith('urlParse-error-'))) {
      expect(() => call('urlParse', literals(id)[0]), id).toThrow(errorOf(id));
    }
    expect(() => call('urlParse', 'http://host:port/')).toThrow(errorOf('urlParse-bad-port'));
    expect(() => call('urlParse', 'http://h/%zz')).toThrow(errorOf('urlParse-bad-escape'));
    expect(() => call('urlParse', ':foo')).toThrow(errorOf('urlParse-colon-segment'));
    expect(() => call('urlParse', '1a:b')).toThrow(errorOf('urlParse-first-segment-colon'));
  });
  it('urlJoin rebuilds URLs as URL.String does', () => {
    const got = [
      join({ scheme: 'https', host: 'h', path: '/x', query: 'a=b' }),
      join({ host: 'h', path: 'x' }),
      join({ scheme: 'mailto', opaque: 'a@b' }),
      join({ path: 'a b', fragment: 'f g' }),
      join({}),
    ];
    expect(got.join('|')).toBe(output('urlJoin'));
    const users = ['u:p%20w', 'u', 'u:'].map((userinfo) => join({ scheme: 'https', host: 'h', userinfo }));
    expect(users.join('|')).toBe(output('urlJoin-userinfo'));
    expect(call('urlJoin', call('urlParse', 'https://u:p@h:1/p/q?x=y#z'))).toBe(output('urlJoin-roundtrip'));
  });
  it('urlJoin rejects non-string values and bad userinfo as sprig panics', () => {
    expect(() => join({ scheme: 'https', host: 'h', userinfo: 'u:p w' })).toThrow(
      errorOf('urlJoin-userinfo-invalid'),
    );
    expect(() => join({ host: null })).toThrow(errorOf('urlJoin-nil-value'));
  });
  it('getHostByName is hermetic', () => expect(call('getHostByName', 'localhost')).toBe(''));
});
