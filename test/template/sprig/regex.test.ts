import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createCallContext } from '../../../src/template/render-context.js';
import { regexFuncs } from '../../../src/template/sprig/regex.js';
import { GoList } from '../../../src/values/model.js';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/template/sprig/regex.golden.json', import.meta.url), 'utf8'),
) as { cases: Record<string, { output?: string; error?: string }> };
const cases = (
  YAML.parse(
    readFileSync(new URL('../../../fixtures/template/sprig/regex.cases.yaml', import.meta.url), 'utf8'),
  ) as { cases: { id: string; template: string }[] }
).cases;
const ctx = createCallContext({ seed: 'regex' });
const call = (name: string, ...args: unknown[]): unknown => regexFuncs[name]?.call(ctx, ...args);
const output = (id: string): string | undefined => golden.cases[id]?.output;
/** The message helm printed after `error calling NAME: `. */
const errorOf = (id: string): string =>
  (golden.cases[id]?.error ?? '').replace(/^.*?error calling \w+: /s, '');
/** What `{{ list }}` prints for a []string, and toJson of it. */
const show = (v: unknown): string => `[${(v as GoList).items.join(' ')}]`;
const json = (v: unknown): string => JSON.stringify((v as GoList).items);

describe('regexFuncs against helm goldens', () => {
  /** toJson of a []string as Go writes it (HTML-escaped). */
  const goJson = (v: unknown): string =>
    json(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  it.each(cases.filter((c) => c.id.startsWith('table-')))('$id', ({ id, template }) => {
    const m = /regexReplaceAll ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")/.exec(template);
    const [p, s, r] = (m ?? []).slice(1).map((x) => JSON.parse(x) as string) as [string, string, string];
    const got = [
      call('regexReplaceAll', p, s, r),
      goJson(call('regexFindAll', p, s, -1)),
      goJson(call('regexSplit', p, s, -1)),
      call('regexFind', p, s),
      call('regexMatch', p, s),
    ];
    expect(got.join('«')).toBe(output(id));
  });
  it('regexMatch, and false for an invalid pattern', () => {
    const got = [
      call('regexMatch', '^[a-z]+$', 'abc'),
      call('regexMatch', '^[a-z]+$', 'ab1'),
      call('regexMatch', '(?i)ABC', 'xabcx'),
      call('regexMatch', '', ''),
      call('regexMatch', '^\\d{3}$', '123'),
    ];
    expect(got.join('|')).toBe(output('regexMatch'));
    expect([call('regexMatch', '(', '('), call('regexMatch', 'a(?=b)', 'ab')].join('|')).toBe(
      output('regexMatch-invalid-is-false'),
    );
  });
  it('regexFind', () => {
    const got = [
      call('regexFind', '[0-9]+', 'abc123def456'),
      call('regexFind', 'x', 'abc'),
      call('regexFind', 'a*', 'baaa'),
      call('regexFind', 'é+', 'aééb'),
    ];
    expect(got.join('|')).toBe(output('regexFind'));
  });
  it('regexFindAll with limits, empty matches and the []string type', () => {
    const got = [
      show(call('regexFindAll', '[0-9]', 'a1b2c3', -1)),
      show(call('regexFindAll', '[0-9]', 'a1b2c3', 2)),
      show(call('regexFindAll', '[0-9]', 'a1b2c3', 0)),
      show(call('regexFindAll', 'x', 'abc', -1)),
      (call('regexFindAll', 'a', 'a', 1) as GoList).type,
      json(call('regexFindAll', 'a*', 'baaab', -1)),
      json(call('regexFindAll', '', 'abc', -1)),
    ];
    expect(got.join('|')).toBe(output('regexFindAll'));
  });
  it('regexReplaceAll expands $1, ${1}, $name and $$ as Go does ($1W is group "1W")', () => {
    const got = [
      call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '${1}W'),
      call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '$1W'),
      call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '$1'),
      call('regexReplaceAll', '(?P<n>a)', 'aa', '[$n$$]'),
      call('regexReplaceAll', '(?P<n>a)', 'aa', '[${n}]'),
      call('regexReplaceAll', 'a', 'aa', '$'),
      call('regexReplaceAll', 'a', 'aa', '${'),
      call('regexReplaceAll', '(a)', 'aa', '$01'),
      call('regexReplaceAll', '(a)', 'aa', '$2'),
    ];
    expect(got.join('|')).toBe(output('regexReplaceAll'));
  });
  it('regexReplaceAll with empty matches', () => {
    const got = [
      call('regexReplaceAll', 'a*', 'baaab', '-'),
      call('regexReplaceAll', '', 'abc', '.'),
      call('regexReplaceAll', 'x*', '', '!'),
    ];
    expect(got.join('|')).toBe(output('regexReplaceAll-empty-matches'));
    expect(call('regexReplaceAll', '(?<word>\\pL+)', 'héllo wörld', '<${word}>')).toBe(
      output('regex-named-and-unicode'),
    );
  });
  it('regexReplaceAllLiteral does not expand', () => {
    const got = [
      call('regexReplaceAllLiteral', 'a(x*)b', '-axxb-', '${1}'),
      call('regexReplaceAllLiteral', 'a', 'aa', '$0'),
    ];
    expect(got.join('|')).toBe(output('regexReplaceAllLiteral'));
  });
  it('regexSplit follows Go Regexp.Split', () => {
    const got = [
      json(call('regexSplit', 'a', 'banana', -1)),
      json(call('regexSplit', 'a', 'banana', 2)),
      json(call('regexSplit', 'a', 'banana', 1)),
      json(call('regexSplit', 'x', '', -1)),
      json(call('regexSplit', '', 'abc', -1)),
      json(call('regexSplit', ',', 'a,b,', -1)),
      json(call('regexSplit', 'a*', 'baaac', -1)),
      (call('regexSplit', 'a', 'b', 1) as GoList).type,
    ];
    expect(got.join('|')).toBe(output('regexSplit'));
  });
  it('regexQuoteMeta', () => {
    expect(
      [call('regexQuoteMeta', 'a.b*c+d?(e)[f]{g}|h^$\\i'), call('regexQuoteMeta', 'plain')].join('|'),
    ).toBe(output('regexQuoteMeta'));
  });
  it('plain forms fail with the MustCompile panic text, must* forms with the compile error', () => {
    const cases: [string, string, unknown[]][] = [
      ['regexFind-invalid', 'regexFind', ['(', 'x']],
      ['regexFind-invalid-backquote', 'regexFind', ['a`(', 'x']],
      ['regexReplaceAll-invalid', 'regexReplaceAll', ['a{2,1}', 'x', 'y']],
      ['mustRegexMatch-invalid', 'mustRegexMatch', ['(', 'x']],
      ['mustRegexFind-invalid', 'mustRegexFind', ['[a', 'x']],
      ['mustRegexFindAll-invalid', 'mustRegexFindAll', ['x**', 'x', -1]],
      ['mustRegexReplaceAll-invalid', 'mustRegexReplaceAll', ['\\8', 'x', 'y']],
      ['mustRegexReplaceAllLiteral-invalid', 'mustRegexReplaceAllLiteral', ['*', 'x', 'y']],
      ['mustRegexSplit-invalid', 'mustRegexSplit', ['(?P<>a)', 'x', -1]],
    ];
    for (const [id, name, args] of cases) expect(() => call(name, ...args), id).toThrow(errorOf(id));
  });
});
