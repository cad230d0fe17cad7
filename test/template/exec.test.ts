import { describe, expect, test } from 'vitest';
import { err, out, render } from './engine/harness.js';
import { TemplateLimitError } from '../../src/template/index.js';
import {
  GoBytes,
  goInt,
  goList,
  goMap,
  GoMap,
  GoObject,
  type GoFuncSpec,
  type GoValue,
} from '../../src/values/model.js';

const V = goMap({
  a: goMap({ b: 'deep' }),
  s: 'text',
  num: 5,
  list: goList(['x', 'y']),
  nul: null,
  m: goMap({ k2: 2, k1: 1 }),
  n3: goInt(3, 'int64'),
});
const at = (ctx: string, msg: string, col = 3): string =>
  `template: oracle/templates/t.yaml:1:${col}: executing "oracle/templates/t.yaml" at <${ctx}>: ${msg}`;

describe('evaluation (helm-render-spec.md §8.4)', () => {
  test.each<[string, string]>([
    ['{{ .Values.a.b }}', 'deep'],
    ['[{{ .Values.missing }}]', '[]'],
    ['{{ $x := .Values.missing }}{{ $x.x }}ok', 'ok'],
    ['{{ (.Values.missing).x }}ok', 'ok'],
    ['{{ .Values.missing | default "d" }}', 'd'],
    ['{{ $x := .Values.missing }}{{ hasKey $x "x" }}', 'false'],
    ['{{ .Values.nul }}|{{ typeOf .Values.nul }}', '|<nil>'],
    ['{{ .Values | len }}', '7'],
    ['{{ .Values.n3 }} {{ typeOf .Values.n3 }}', '3 int64'],
    [
      "{{ typeOf 1 }} {{ typeOf 1.0 }} {{ typeOf 0x10 }} {{ typeOf 'a' }} {{ typeOf 2i }}",
      'int float64 int int complex128',
    ],
    ['{{ "a" | printf "%s-%s" "b" }}', 'b-a'],
    ['{{ .Values | }}', 'map[a:map[b:deep] list:[x y] m:map[k1:1 k2:2] n3:3 nul:<nil> num:5 s:text]'],
  ])('%j → %j', (tpl, want) => {
    expect(out(tpl, V)).toBe(want);
  });

  test.each<[string, string]>([
    ['{{ .Values.missing.x }}', at('.Values.missing.x', 'nil pointer evaluating interface {}.x', 10)],
    ['{{ .Values.s.x }}', at('.Values.s.x', "can't evaluate field x in type interface {}", 10)],
    ['{{ $x := .Values.s }}{{ $x.y }}', at('$x.y', "can't evaluate field y in type string", 26)],
    [
      '{{ upper .Values.missing }}',
      at('.Values.missing', 'wrong type for value; expected string; got interface {}', 16),
    ],
    ['{{ upper (.Values.missing) }}', at('.Values.missing', 'invalid value; expected string', 17)],
    ['{{ .Values.missing | upper }}', at('upper', 'invalid value; expected string', 21)],
    ['{{ .Values.num | upper }}', at('upper', 'wrong type for value; expected string; got float64', 17)],
    [
      '{{ hasKey .Values.missing "x" }}',
      at('.Values.missing', 'wrong type for value; expected map[string]interface {}; got interface {}', 17),
    ],
    ['{{ upper "a" "b" }}', at('upper', 'wrong number of args for upper: want 1 got 2')],
    ['{{ printf }}', at('printf', 'wrong number of args for printf: want at least 1 got 0')],
    ['{{ 1 2 }}', at('1', "can't give argument to non-function 1")],
    ['{{ nil }}', at('nil', 'nil is not a command')],
    ['{{ trunc 1.5 "abc" }}', at('1.5', 'expected integer; found 1.5', 9)],
    ['{{ upper 1 }}', at('1', 'expected string; found 1', 9)],
    ['{{ 9223372036854775808 }}', at('9223372036854775808', '9223372036854775808 overflows int')],
    ['{{ .Values.a.b 1 }}', at('.Values.a.b', 'b is not a method but has arguments', 10)],
    ['{{ boom }}', at('boom', 'error calling boom: it broke')],
    ['{{ template "nope" . }}', at('{{template "nope" .}}', 'template "nope" not defined', 12)],
  ])("%j fails with Go's message", (tpl, msg) => {
    expect(err(tpl, V)).toBe(msg);
  });

  test('missingkey=error turns missing map keys into errors', () => {
    expect(err('{{ .Values.nope }}', V, { missingKey: 'error' })).toBe(
      at('.Values.nope', 'map has no entry for key "nope"', 10),
    );
    expect(err('{{ $x := .Values.missing }}', V, { missingKey: 'error' })).toBe(
      at('.Values.missing', 'map has no entry for key "missing"', 16),
    );
  });

  test('errors are located (1-based UTF-16 column) and keep the wrapped cause', () => {
    const e = (() => {
      try {
        render('é\n{{ boom }}', V);
      } catch (x) {
        return x as Error & { location: unknown; wrapped?: Error };
      }
      throw new Error('rendered');
    })();
    expect(e.location).toEqual({ file: 'oracle/templates/t.yaml', startLine: 2, startColumn: 4 });
    expect(e.wrapped?.message).toBe('it broke');
  });
});

describe('control structures (§8.3, §8.8)', () => {
  test.each<[string, string]>([
    ['{{ if .Values.s }}y{{ else }}n{{ end }}', 'y'],
    ['{{ if "0" }}t{{ end }}{{ if 0 }}z{{ end }}{{ if .Values.missing }}m{{ end }}', 't'],
    ['{{ if false }}a{{ else if .Values.num }}b{{ else }}c{{ end }}', 'b'],
    ['{{ with .Values.a }}{{ .b }}{{ else }}none{{ end }}', 'deep'],
    ['{{ with .Values.missing }}x{{ else with .Values.s }}{{ . }}{{ end }}', 'text'],
    ['{{ range $i, $v := .Values.list }}{{ $i }}={{ $v }};{{ end }}', '0=x;1=y;'],
    ['{{ range $k, $v := .Values.m }}{{ $k }}={{ $v }};{{ end }}', 'k1=1;k2=2;'],
    ['{{ range 3 }}{{ . }}{{ end }}', '012'],
    ['{{ range .Values.n3 }}{{ typeOf . }} {{ end }}', 'int64 int64 int64 '],
    ['{{ range .Values.missing }}x{{ else }}empty{{ end }}', 'empty'],
    ['{{ range .Values.list }}{{ if eq . "y" }}{{ break }}{{ end }}{{ . }}{{ end }}', 'x'],
    ['{{ range .Values.list }}{{ if eq . "x" }}{{ continue }}{{ end }}{{ . }}{{ end }}', 'y'],
    ['{{ $v := 0 }}{{ range $v = .Values.list }}{{ end }}{{ $v }}', 'y'],
    ['{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ end }}{{ $x }}', '1'],
    ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}', '2'],
    ['{{ $ := 1 }}{{ $ }}', '1'],
    ['{{ define "d" }}[{{ . }}]{{ end }}{{ template "d" "x" }}{{ template "d" }}', '[x][]'],
    ['{{ block "b" .Values.s }}<{{ . }}>{{ end }}', '<text>'],
    ['{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 "" "x" }} {{ and false .Values.missing.x }}', '0 2 x false'],
  ])('%j → %j', (tpl, want) => {
    expect(out(tpl, V)).toBe(want);
  });

  test.each<[string, string]>([
    ['{{ range .Values.num }}{{ end }}', at('.Values.num', "range can't iterate over 5", 16)],
    ['{{ range .Values.s }}{{ end }}', at('.Values.s', "range can't iterate over text", 16)],
    ['{{ range $i, $v := 3 }}{{ end }}', at('3', "can't use 3 to iterate over more than one variable", 19)],
  ])('%j fails', (tpl, msg) => {
    expect(err(tpl, V)).toBe(msg);
  });
});

describe('include, tpl, required, fail (§7.4–§7.7)', () => {
  const helpers = {
    'oracle/templates/_h.tpl':
      '{{ define "r" }}{{ if gt . 0 }}{{ include "r" (dec .) }}{{ end }}{{ end }}{{ define "mv" }}{{ .nope }}{{ end }}',
  };
  test('include output is returned as is, <no value> included', () => {
    expect(render('{{ include "mv" . | len }}', V, { files: helpers }).output).toBe('10');
  });
  test('1001 simultaneously active includes of one name work, 1002 fail', () => {
    expect(out('{{ include "r" 1000 }}ok', V, { files: helpers })).toBe('ok');
    expect(err('{{ include "r" 1001 }}', V, { files: helpers })).toMatch(
      /error calling include: rendering template has a nested reference name: r: unable to execute template$/,
    );
  });
  test('tpl parses as gotpl, sees defines of the string and strips <no value>', () => {
    expect(out('{{ tpl "{{ define \\"x\\" }}X{{ end }}{{ include \\"x\\" . }}[{{ .nope }}]" . }}', V)).toBe(
      'X[]',
    );
    expect(err('{{ tpl "{{ .a.b }}" . }}', V)).toBe(
      at(
        'tpl "{{ .a.b }}" .',
        'error calling tpl: error during tpl function execution for "{{ .a.b }}": template: gotpl:1:5: executing "gotpl" at <.a.b>: nil pointer evaluating interface {}.b',
      ),
    );
    expect(err('{{ tpl 5 . }}', V)).toBe(at('5', 'expected string; found 5', 7));
  });
  test('required rejects nil and "" only; fail always fails', () => {
    expect(out('{{ required "m" 0 }}{{ required "m" false }}', V)).toBe('0false');
    expect(err('{{ required "need" .Values.nope }}', V)).toMatch(
      /error calling required: HELM_ERR_STARTneedHELM_ERR_END$/,
    );
    expect(err('{{ fail "no" }}', V)).toMatch(/error calling fail: HELM_ERR_STARTnoHELM_ERR_END$/);
  });
  test('lookup is an empty map and getHostByName is empty', () => {
    expect(out('{{ lookup "v1" "Pod" "ns" "n" }}|{{ getHostByName "x" }}|', V)).toBe('map[]||');
  });
});

describe('Go objects (§6.3)', () => {
  class Version extends GoObject {
    readonly goType = '*Version';
    override field(name: string): GoValue | undefined {
      return name === 'Major' ? '1' : undefined;
    }
    override method(name: string): GoFuncSpec | undefined {
      if (name !== 'Has') return undefined;
      return { params: ['string'], result: 'bool', call: (_c, s) => s === 'v1' };
    }
    override stringer(): string {
      return 'v1.2.3';
    }
    override formatV(): string {
      return '{1 2 3}';
    }
  }
  class Files extends GoObject {
    readonly goType = 'engine.files';
    asGoMap(): GoMap {
      return goMap({ 'b.txt': new GoBytes(Uint8Array.of(98)), 'a.txt': new GoBytes(Uint8Array.of(97)) });
    }
    override formatV(): string {
      return 'map[]';
    }
  }
  const data = goMap({ v: new Version(), f: new Files() });
  test.each<[string, string]>([
    [
      '{{ .Values.v }} {{ .Values.v.Major }} {{ .Values.v.Has "v1" }} {{ .Values.v.Has "v2" }}',
      'v1.2.3 1 true false',
    ],
    ['{{ range $k, $_ := .Values.f }}{{ $k }} {{ end }}{{ len .Values.f }}', 'a.txt b.txt 2'],
  ])('%j', (tpl, want) => {
    expect(out(tpl, data)).toBe(want);
  });
  test('unknown fields and bad calls fail as in Go', () => {
    expect(err('{{ .Values.v.Nope }}', data)).toBe(
      at('.Values.v.Nope', "can't evaluate field Nope in type interface {}", 10),
    );
    expect(err('{{ $v := .Values.v }}{{ $v.Nope }}', data)).toBe(
      at('$v.Nope', "can't evaluate field Nope in type *Version", 26),
    );
    expect(err('{{ .Values.v.Has }}', data)).toBe(
      at('.Values.v.Has', 'wrong number of args for Has: want 1 got 0', 10),
    );
    expect(err('{{ .Values.v.Major 1 }}', data)).toBe(
      at('.Values.v.Major', 'Major has arguments but cannot be invoked as function', 10),
    );
  });
});

describe('limits', () => {
  test('output size', () => {
    const e = (() => {
      try {
        render('{{ range 100 }}0123456789{{ end }}', V, { limits: { maxOutputBytes: 50 } });
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(TemplateLimitError);
    expect((e as TemplateLimitError).message).toMatch(/output exceeds the limit of 50 characters$/);
  });
  test('deadline', () => {
    expect(() =>
      render('{{ range 100000 }}x{{ end }}', V, { limits: { deadlineMs: Date.now() - 1 } }),
    ).toThrow(/took longer than the time limit/);
  });
  test('template depth', () => {
    const files = { 'oracle/templates/_t.tpl': '{{ define "t" }}{{ template "t" . }}{{ end }}' };
    expect(err('{{ template "t" . }}', V, { files, limits: { maxDepth: 50 } })).toBe(
      'template: oracle/templates/_t.tpl:1:28: executing "t" at <{{template "t" .}}>: exceeded maximum template depth (50)',
    );
  });
  test('a recursion deeper than the JavaScript stack is a located limit error, not a crash', () => {
    const files = { 'oracle/templates/_t.tpl': '{{ define "t" }}{{ template "t" . }}{{ end }}' };
    expect(() => render('{{ template "t" . }}', V, { files })).toThrow(TemplateLimitError);
  });
});
