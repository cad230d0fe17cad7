import { describe, expect, test } from 'vitest';
import { parse, TemplateParseError } from '../../src/template/parse/parse.js';
import { nodeString, printTemplates } from '../../src/template/parse/print.js';
import type { ActionNode, CommandNode, FieldNode, NumberNode } from '../../src/template/parse/node.js';

const funcs = new Set(['f', 'g', 'include', 'list', 'printf']);
const opts = { funcs };

/** Parses `src` as file `t` and prints every template parsed from it. */
function roundTrip(src: string): string {
  return printTemplates([...parse('t', src, opts).values()], 't');
}

function parseError(src: string): string {
  try {
    parse('t', src, opts);
  } catch (e) {
    if (e instanceof TemplateParseError) return e.message;
    throw e;
  }
  return 'parsed';
}

describe('parse and print', () => {
  test.each<[string, string]>([
    ['plain text', 'plain text'],
    ['{{ .a.b }}', '{{.a.b}}'],
    ['{{ $ }}', '{{$}}'],
    ['{{ $x := 1 }}{{ $x = 2 }}{{ $x.y }}', '{{$x := 1}}{{$x = 2}}{{$x.y}}'],
    ['{{ f .a "s" `r` 1.5 true nil \'c\' }}', '{{f .a "s" `r` 1.5 true nil \'c\'}}'],
    ['{{ .a | f 1 | g }}', '{{.a | f 1 | g}}'],
    ['{{ (f .a).b.c }}', '{{(f .a).b.c}}'],
    ['{{ f (g 1) }}', '{{f (g 1)}}'],
    [
      '{{ if .a }}x{{ else if .b }}y{{ else }}z{{ end }}',
      '{{if .a}}x{{else}}{{if .b}}y{{else}}z{{end}}{{end}}',
    ],
    [
      '{{ with $v := .a }}x{{ else with .b }}y{{ end }}',
      '{{with $v := .a}}x{{else}}{{with .b}}y{{end}}{{end}}',
    ],
    [
      '{{ range $i, $v := .l }}{{ $i }}{{ break }}{{ continue }}{{ else }}e{{ end }}',
      '{{range $i, $v := .l}}{{$i}}{{break}}{{continue}}{{else}}e{{end}}',
    ],
    ['{{ range 3 }}{{ . }}{{ end }}', '{{range 3}}{{.}}{{end}}'],
    ['{{ template "x" . }}{{ template "y" }}', '{{template "x" .}}{{template "y"}}'],
    ['{{ define "d" }}D{{ end }}main', 'main{{define "d"}}D{{end}}'],
    ['{{ block "b" .x }}B{{ end }}', '{{template "b" .x}}{{define "b"}}B{{end}}'],
    ['a {{- /* c */ -}} b', 'ab'],
    ['{{ 0x10 }}{{ 1e3 }}{{ 2i }}{{ 1+2i }}', '{{0x10}}{{1e3}}{{2i}}{{1+2i}}'],
    ['{{ .a | }}', '{{.a}}'],
  ])('%j prints as %j and is stable', (src, printed) => {
    expect(roundTrip(src)).toBe(printed);
    expect(roundTrip(printed)).toBe(printed);
  });

  test('a multi-segment field is positioned at its second segment', () => {
    const root = parse('t', '{{ .Values.a.b }}', opts).get('t')?.root;
    const action = root?.nodes[0] as ActionNode;
    const field = (action.pipe.cmds[0] as CommandNode).args[0] as FieldNode;
    expect(field.ident).toEqual(['Values', 'a', 'b']);
    expect(field.pos).toBe(10);
    expect(nodeString(action.pipe.cmds[0] as CommandNode)).toBe('.Values.a.b');
  });

  test.each<[string, Partial<NumberNode>]>([
    ['1', { isInt: true, isUint: true, isFloat: true, int64: 1n }],
    ['1.0', { isInt: true, isFloat: true, float64: 1 }],
    ['1.5', { isInt: false, isFloat: true, float64: 1.5 }],
    ['-3', { isInt: true, isUint: false, int64: -3n }],
    ['0x10', { isInt: true, int64: 16n }],
    ["'a'", { isInt: true, int64: 97n }],
    ['9223372036854775808', { isInt: false, isUint: true }],
    ['2i', { isComplex: true, complex: [0, 2] }],
  ])("number %s has Go's interpretations", (text, want) => {
    const root = parse('t', `{{ ${text} }}`, opts).get('t')?.root;
    const n = ((root?.nodes[0] as ActionNode).pipe.cmds[0] as CommandNode).args[0] as NumberNode;
    expect(n).toMatchObject(want);
  });
});

describe("parse errors carry Go's texts", () => {
  test.each<[string, string]>([
    ['{{ foo }}', 'template: t:1: function "foo" not defined'],
    ['{{ if false }}{{ foo }}{{ end }}', 'template: t:1: function "foo" not defined'],
    ['{{ $y }}', 'template: t:1: undefined variable "$y"'],
    ['{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}', 'template: t:1: undefined variable "$x"'],
    ['{{ if }}{{ end }}', 'template: t:1: missing value for if'],
    ['{{ with }}{{ end }}', 'template: t:1: missing value for with'],
    ['{{ range }}{{ end }}', 'template: t:1: missing value for range'],
    ['{{ }}', 'template: t:1: missing value for command'],
    ['{{ if true }}', 'template: t:1: unexpected EOF'],
    ['{{ end }}', 'template: t:1: unexpected {{end}}'],
    ['{{ else }}', 'template: t:1: unexpected {{else}}'],
    ['{{ break }}', 'template: t:1: {{break}} outside {{range}}'],
    ['{{ continue }}', 'template: t:1: {{continue}} outside {{range}}'],
    ['{{ if true }}{{ define "a" }}{{ end }}{{ end }}', 'template: t:1: unexpected <define> in command'],
    ['{{ range $a, $b, $c := . }}{{ end }}', 'template: t:1: too many declarations in range'],
    ['{{ $a, $b := . }}', 'template: t:1: too many declarations in command'],
    ['{{ range $a, 1 }}{{ end }}', 'template: t:1: range can only initialize variables'],
    ['{{ .x | "a" }}', 'template: t:1: non executable command in pipeline stage 2'],
    ['{{ "a".b }}', 'template: t:1: unexpected . after term "\\"a\\""'],
    [
      '{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}',
      'template: t:1: template: multiple definition of template "a"',
    ],
    ['{{ 08 }}', 'template: t:1: integer overflow: "08"'],
    ['{{ 1__0 }}', 'template: t:1: illegal number syntax: "1__0"'],
    ['{{ 99999999999999999999 }}', 'template: t:1: integer overflow: "99999999999999999999"'],
    ['{{ 1.2.3 }}', 'template: t:1: unexpected ".3" in operand'],
    ["{{ 'ab' }}", "template: t:1: malformed character constant: 'ab'"],
    ['{{ "\\q" }}', 'template: t:1: invalid syntax'],
    ['{{ .a-b }}', "template: t:1: bad character U+002D '-'"],
    ['\n\n{{ "abc }}', 'template: t:3: unterminated quoted string'],
    ['{{ f\n(g }}', 'template: t:2: unclosed left paren in action started at t:1'],
    ['{{ f \n 1', 'template: t:2: unclosed action started at t:1'],
    ['{{ template .x }}', 'template: t:1: unexpected ".x" in template clause'],
    ['{{ define 1 }}{{ end }}', 'template: t:1: unexpected "1" in define clause'],
    ['{{ f "aaaaaaaaaaaaaa" ) }}', 'template: t:1: unexpected right paren'],
    ['{{ f 1 = }}', 'template: t:1: unexpected "=" in operand'],
  ])('%j', (src, msg) => {
    expect(parseError(src)).toBe(msg);
  });

  test('errors are located', () => {
    try {
      parse('chart/templates/a.yaml', 'x\n{{ nope }}', opts);
      expect.fail('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateParseError);
      expect((e as TemplateParseError).location).toEqual({ file: 'chart/templates/a.yaml', startLine: 2 });
      expect((e as TemplateParseError).code).toBe('template-parse');
    }
  });
});
