import { describe, expect, test } from 'vitest';
import { err, out } from './engine/harness.js';
import { htmlEscape, jsEscape, queryEscape } from '../../src/template/builtins.js';
import { goInt, goList, goMap } from '../../src/values/model.js';

const V = goMap({
  f: 1,
  l: goList(['a', 'b']),
  m: goMap({ k: 'v' }),
  u: goInt(2, 'uint8'),
  i64: goInt(2, 'int64'),
});
const calling = (ctx: string, fn: string, msg: string): string =>
  `template: oracle/templates/t.yaml:1:3: executing "oracle/templates/t.yaml" at <${ctx}>: error calling ${fn}: ${msg}`;

describe('comparison builtins (§8.7)', () => {
  test.each<[string, string]>([
    [
      '{{ eq 1 1 }} {{ eq "a" "b" "a" }} {{ eq .Values.f 1.0 }} {{ eq .Values.missing "x" }} {{ eq .Values.missing nil }}',
      'true true true false true',
    ],
    [
      '{{ ne .Values.missing "x" }} {{ eq .Values.u 2 }} {{ eq .Values.i64 2 }} {{ lt .Values.u 3 }}',
      'true true true true',
    ],
    [
      '{{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1.5 2.5 }} {{ lt -1 .Values.u }}',
      'true true true false true',
    ],
  ])('%j', (tpl, want) => {
    expect(out(tpl, V)).toBe(want);
  });
  test.each<[string, string]>([
    [
      '{{ eq .Values.f 1 }}',
      calling('eq .Values.f 1', 'eq', 'incompatible types for comparison: float64 and int'),
    ],
    ['{{ eq 1 }}', calling('eq 1', 'eq', 'missing argument for comparison')],
    ['{{ lt true false }}', calling('lt true false', 'lt', 'invalid type for comparison')],
    ['{{ gt nil 1 }}', calling('gt nil 1', 'gt', 'invalid type for comparison')],
    ['{{ lt 1 "a" }}', calling('lt 1 "a"', 'lt', 'incompatible types for comparison: int and string')],
    [
      '{{ eq .Values.m .Values.m }}',
      calling('eq .Values.m .Values.m', 'eq', 'non-comparable type map[k:v]: map[string]interface {}'),
    ],
  ])('%j fails', (tpl, msg) => {
    expect(err(tpl, V)).toBe(msg);
  });
});

describe('index and len (§8.6)', () => {
  test.each<[string, string]>([
    [
      '{{ index .Values.l 1 }} {{ index .Values.m "k" }} {{ index .Values.m "nope" }} {{ index "abc" 1 }}',
      'b v  98',
    ],
    ['{{ index (list (list 1 2)) 0 1 }} {{ index .Values.l }}', '2 [a b]'],
    ['{{ len "héllo" }} {{ len .Values.l }} {{ len .Values.m }}', '6 2 1'],
  ])('%j', (tpl, want) => {
    expect(out(tpl, V)).toBe(want);
  });
  test.each<[string, string]>([
    ['{{ index .Values.l 5 }}', calling('index .Values.l 5', 'index', 'index out of range: 5')],
    ['{{ index .Values.l 2 }}', calling('index .Values.l 2', 'index', 'reflect: slice index out of range')],
    [
      '{{ index .Values.l .Values.f }}',
      calling('index .Values.l .Values.f', 'index', 'cannot index slice/array with type float64'),
    ],
    ['{{ index .Values.missing 1 }}', calling('index .Values.missing 1', 'index', 'index of untyped nil')],
    [
      '{{ index .Values.m 1 }}',
      calling('index .Values.m 1', 'index', 'value has type int; should be string'),
    ],
    ['{{ index 1 1 }}', calling('index 1 1', 'index', "can't index item of type int")],
    ['{{ len .Values.missing }}', calling('len .Values.missing', 'len', 'len of nil pointer')],
    ['{{ len .Values.f }}', calling('len .Values.f', 'len', 'len of type float64')],
    ['{{ call .Values.f }}', calling('call .Values.f', 'call', 'non-function .Values.f of type float64')],
  ])('%j fails', (tpl, msg) => {
    expect(err(tpl, V)).toBe(msg);
  });
});

describe('printing and escaping builtins', () => {
  test.each<[string, string]>([
    ['{{ print 1 2 "a" "b" 3 }}', '1 2ab3'],
    ['{{ println 1 "a" }}', '1 a\n'],
    ['{{ printf "%d %s %v" 3 "s" 1.0 }}', '3 s 1'],
    ['{{ html "<a href=\'x\'>&\\"" }}', '&lt;a href=&#39;x&#39;&gt;&amp;&#34;'],
    ['{{ html .Values.missing }}', '&lt;no value&gt;'],
    ['{{ js "a\'b\\"c<>&=\\\\" }}', 'a\\\'b\\"c\\u003C\\u003E\\u0026\\u003D\\\\'],
    ['{{ urlquery "a b&é" }}', 'a+b%26%C3%A9'],
    ['{{ not 0 }} {{ not "x" }} {{ not .Values.missing }}', 'true false true'],
  ])('%j', (tpl, want) => {
    expect(out(tpl, V)).toBe(want);
  });
  test('escapers', () => {
    expect(htmlEscape('\0')).toBe('\uFFFD');
    expect(jsEscape('\u0001\u2028é')).toBe('\\u0001\\u2028é');
    expect(queryEscape('~-_.')).toBe('~-_.');
  });
});
