import { describe, expect, test } from 'vitest';
import { lex, type Token } from '../../src/template/parse/lex.js';

/** `type:val` pairs, spaces and delimiters included, for compact tables. */
function kinds(src: string, opts = {}): string[] {
  return lex(src, opts).map((t: Token) => (t.type === 'eof' ? 'eof' : `${t.type}:${t.val}`));
}

describe('lex', () => {
  test.each<[string, string[]]>([
    ['hello', ['text:hello', 'eof']],
    ['{{.}}', ['leftDelim:{{', 'dot:.', 'rightDelim:}}', 'eof']],
    ['{{ .a.b }}', ['leftDelim:{{', 'space: ', 'field:.a', 'field:.b', 'space: ', 'rightDelim:}}', 'eof']],
    [
      '{{$x := 3}}',
      ['leftDelim:{{', 'variable:$x', 'space: ', 'declare::=', 'space: ', 'number:3', 'rightDelim:}}', 'eof'],
    ],
    [
      '{{$ = $.a}}',
      [
        'leftDelim:{{',
        'variable:$',
        'space: ',
        'assign:=',
        'space: ',
        'variable:$',
        'field:.a',
        'rightDelim:}}',
        'eof',
      ],
    ],
    [
      '{{a | b}}',
      [
        'leftDelim:{{',
        'identifier:a',
        'space: ',
        'pipe:|',
        'space: ',
        'identifier:b',
        'rightDelim:}}',
        'eof',
      ],
    ],
    ['{{(a)}}', ['leftDelim:{{', 'leftParen:(', 'identifier:a', 'rightParen:)', 'rightDelim:}}', 'eof']],
    ['{{"a\\"b"}}', ['leftDelim:{{', 'string:"a\\"b"', 'rightDelim:}}', 'eof']],
    ['{{`a\nb`}}', ['leftDelim:{{', 'rawString:`a\nb`', 'rightDelim:}}', 'eof']],
    ["{{'\\n'}}", ['leftDelim:{{', "charConstant:'\\n'", 'rightDelim:}}', 'eof']],
    ['{{1+2i}}', ['leftDelim:{{', 'complex:1+2i', 'rightDelim:}}', 'eof']],
    ['{{true nil}}', ['leftDelim:{{', 'bool:true', 'space: ', 'nil:nil', 'rightDelim:}}', 'eof']],
    [
      '{{range $i, $v}}',
      [
        'leftDelim:{{',
        'range:range',
        'space: ',
        'variable:$i',
        'char:,',
        'space: ',
        'variable:$v',
        'rightDelim:}}',
        'eof',
      ],
    ],
    [
      '{{else if}}{{end}}',
      [
        'leftDelim:{{',
        'else:else',
        'space: ',
        'if:if',
        'rightDelim:}}',
        'leftDelim:{{',
        'end:end',
        'rightDelim:}}',
        'eof',
      ],
    ],
    [
      '{{define block template with break continue}}',
      [
        'leftDelim:{{',
        'define:define',
        'space: ',
        'block:block',
        'space: ',
        'template:template',
        'space: ',
        'with:with',
        'space: ',
        'break:break',
        'space: ',
        'continue:continue',
        'rightDelim:}}',
        'eof',
      ],
    ],
    ['{{-3}}', ['leftDelim:{{', 'number:-3', 'rightDelim:}}', 'eof']],
    ['{{.é1}}', ['leftDelim:{{', 'field:.é1', 'rightDelim:}}', 'eof']],
  ])('%j', (src, want) => {
    expect(kinds(src)).toEqual(want);
  });

  test.each<[string, string[]]>([
    ['x  {{- 3 }}', ['text:x', 'leftDelim:{{', 'number:3', 'space: ', 'rightDelim:}}', 'eof']],
    ['{{ 3 -}}  \n y', ['leftDelim:{{', 'space: ', 'number:3', 'rightDelim:}}', 'text:y', 'eof']],
    ['a\t{{-\t1\t-}}\tb', ['text:a', 'leftDelim:{{', 'number:1', 'rightDelim:}}', 'text:b', 'eof']],
    ['p {{- /* c */ -}} q', ['text:p', 'text:q', 'eof']],
    ['p {{/* c */}} q', ['text:p ', 'text: q', 'eof']],
    ['{{ 1  -}}', ['leftDelim:{{', 'space: ', 'number:1', 'space: ', 'rightDelim:}}', 'eof']],
  ])('trim markers and comments: %j', (src, want) => {
    expect(kinds(src)).toEqual(want);
  });

  test('break and continue are identifiers when functions of those names exist', () => {
    expect(kinds('{{break}}', { breakOK: false })).toEqual([
      'leftDelim:{{',
      'identifier:break',
      'rightDelim:}}',
      'eof',
    ]);
  });

  test('custom delimiters', () => {
    expect(kinds('a[[.x]]b', { leftDelim: '[[', rightDelim: ']]' })).toEqual([
      'text:a',
      'leftDelim:[[',
      'field:.x',
      'rightDelim:]]',
      'text:b',
      'eof',
    ]);
  });

  test.each([
    '0x1F',
    '0X1f',
    '0o17',
    '017',
    '0b101',
    '1_000',
    '1e3',
    '1E-3',
    '0x1p4',
    '0x1.8p-1',
    '.5',
    '1.',
    '2i',
    '+4',
    '-3.5e+2',
  ])('number %s is one token', (n) => {
    expect(kinds(`{{${n}}}`)).toEqual(['leftDelim:{{', `number:${n}`, 'rightDelim:}}', 'eof']);
  });

  test.each<[string, string]>([
    ['{{.a-b}}', "bad character U+002D '-'"],
    ['{{ 1x }}', 'bad number syntax: "1x"'],
    ['{{ "abc }}', 'unterminated quoted string'],
    ['{{ `abc }}', 'unterminated raw quoted string'],
    ["{{ 'a }}", 'unterminated character constant'],
    ['{{ a ', 'unclosed action'],
    ['{{ (a }}', 'unclosed left paren'],
    ['{{ a) }}', 'unexpected right paren'],
    ['{{/* x }}', 'unclosed comment'],
    ['{{/* x */ }}', 'comment ends before closing delimiter'],
    ['{{ a : b }}', 'expected :='],
    ['{{ \u0001 }}', 'unrecognized character in action: U+0001'],
    ['{{ 1+2 }}', 'bad number syntax: "1+2"'],
  ])('error %j → %s', (src, msg) => {
    const toks = lex(src);
    const last = toks[toks.length - 1];
    expect(last?.type).toBe('error');
    expect(last?.val).toBe(msg);
  });

  test('every token carries its offset and line', () => {
    const toks = lex('a\n{{ .x\n | f }}\nb');
    const field = toks.find((t) => t.type === 'field');
    const f = toks.find((t) => t.type === 'identifier');
    const b = toks.filter((t) => t.type === 'text')[1];
    expect(field).toMatchObject({ pos: 5, line: 2 });
    expect(f).toMatchObject({ pos: 11, line: 3 });
    expect(b).toMatchObject({ val: '\nb', line: 3 });
  });
});
