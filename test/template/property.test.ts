import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse, TemplateParseError } from '../../src/template/parse/parse.js';
import { printTemplates } from '../../src/template/parse/print.js';
import { execute, TemplateExecError, TemplateSet, NoTemplateError } from '../../src/template/index.js';
import { createCallContext } from '../../src/template/render-context.js';
import { goList, goMap } from '../../src/values/model.js';

const funcs = new Set(['f', 'len', 'print', 'eq', 'index', 'and', 'or', 'not', 'include', 'printf']);

/** Template-shaped text: fragments of Go template syntax glued together at random. */
const fragment = fc.constantFrom(
  '{{',
  '}}',
  '{{- ',
  ' -}}',
  ' ',
  '\n',
  'x',
  '.',
  '.a',
  '.b.c',
  '$',
  '$x',
  ':=',
  '=',
  '|',
  '(',
  ')',
  ',',
  '"s"',
  '`r`',
  "'c'",
  '1',
  '0x1F',
  '1.5e3',
  '2i',
  'nil',
  'true',
  'if',
  'else',
  'end',
  'range',
  'with',
  'define',
  'template',
  'block',
  'break',
  'continue',
  'f',
  'len',
  'print',
  'eq',
  '/*',
  '*/',
  'é',
  '-',
  '}',
);
const templateText = fc.oneof(
  fc.array(fragment, { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ maxLength: 60 }),
);

function tryParse(text: string): Map<string, import('../../src/template/parse/node.js').Tree> | undefined {
  try {
    return parse('t', text, { funcs });
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateParseError);
    const pe = e as TemplateParseError;
    expect(pe.message.startsWith('template: t:')).toBe(true);
    expect(pe.line).toBeGreaterThanOrEqual(1);
    expect(pe.line).toBeLessThanOrEqual(text.split('\n').length);
    return undefined;
  }
}

describe('lexer and parser properties', () => {
  test('any input parses or fails with a located TemplateParseError', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        tryParse(text);
      }),
      { numRuns: 3000 },
    );
  });

  test('print → parse → print is stable', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        const trees = tryParse(text);
        if (!trees) return;
        const printed = printTemplates([...trees.values()], 't');
        const again = parse('t', printed, { funcs });
        expect(printTemplates([...again.values()], 't')).toBe(printed);
      }),
      { numRuns: 3000 },
    );
  });

  test('executing whatever parses either renders or fails with a template error', () => {
    const data = goMap({ a: goMap({ b: 1 }), l: goList(['x']) });
    fc.assert(
      fc.property(templateText, (text) => {
        const set = new TemplateSet({ funcNames: ['f'] });
        try {
          set.add('t', text);
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateParseError);
          return;
        }
        const f = { f: { params: [], variadic: 'interface {}', result: 'string', call: () => 'F' } };
        try {
          execute(set, 't', data, {
            funcs: f,
            ctx: createCallContext({ seed: 'p' }),
            limits: { maxOutputBytes: 100000, deadlineMs: Date.now() + 1000 },
          });
        } catch (e) {
          expect(e instanceof TemplateExecError || e instanceof NoTemplateError).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
