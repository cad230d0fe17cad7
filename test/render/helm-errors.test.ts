import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helmErrorMessage } from '../../src/render/helm-errors.js';
import { NoTemplateError, TemplateExecError, type ExecErrorPlace } from '../../src/template/exec/errors.js';
import { TemplateParseError } from '../../src/template/parse/parse.js';
import { GoFuncError } from '../../src/values/model.js';

/** The error texts helm v4.1.4 printed for the engine case files (recorded goldens). */
function golden(file: string, id: string): string {
  const url = new URL(`../../fixtures/template/engine/${file}.golden.json`, import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as { cases: Record<string, { error?: string }> };
  const error = doc.cases[id]?.error;
  if (error === undefined) throw new Error(`no recorded error for ${file}/${id}`);
  return error;
}

const T = 'oracle/templates/t.yaml';
const H = 'oracle/templates/_helpers.tpl';

function place(
  parseName: string,
  templateName: string,
  line: number,
  byteColumn: number,
  context: string,
): ExecErrorPlace {
  return { parseName, templateName, line, byteColumn, column: byteColumn + 1, context };
}

/** `error calling NAME: <inner>` wrapping `inner`, as the engine reports a failing function. */
function calling(p: ExecErrorPlace, name: string, inner: Error): TemplateExecError {
  return new TemplateExecError(p, `error calling ${name}: ${inner.message}`, inner);
}

describe('helmErrorMessage', () => {
  it('reduces parse errors to the last segment of Go’s message', () => {
    expect(helmErrorMessage(new TemplateParseError(T, 1, 'illegal number syntax: "08"'))).toBe(
      golden('numbers', 'illegal-octal'),
    );
    expect(helmErrorMessage(new TemplateParseError(T, 2, 'function "nope" not defined'))).toBe(
      golden('parse-errors', 'error-on-second-line'),
    );
    expect(
      helmErrorMessage(new TemplateParseError(T, 3, `unclosed left paren in action started at ${T}:2`)),
    ).toBe(golden('parse-errors', 'unclosed-paren-multiline'));
  });

  it('prints a single template-internal failure as a one-level trace', () => {
    const err = new TemplateExecError(
      place(T, T, 1, 10, '.Values.missing.x'),
      'nil pointer evaluating interface {}.x',
    );
    expect(helmErrorMessage(err)).toBe(golden('fields-and-nils', 'missing-chain-errors'));
  });

  it('prints nested include failures as a multi-level trace', () => {
    const inner = new TemplateExecError(
      place(H, 'fails', 5, 31, '.Values.a.b'),
      'nil pointer evaluating interface {}.b',
    );
    const mid = calling(place(H, 'outer', 6, 24, 'include "fails" .'), 'include', inner);
    const outer = calling(place(T, T, 1, 3, 'include "outer" .'), 'include', mid);
    expect(helmErrorMessage(outer)).toBe(golden('include-tpl', 'include-error-trace-nested'));
  });

  it('reads the chain from the text when no cause object was kept', () => {
    const inner = new TemplateExecError(
      place(H, 'fails', 5, 31, '.Values.a.b'),
      'nil pointer evaluating interface {}.b',
    );
    const mid = new TemplateExecError(
      place(H, 'outer', 6, 24, 'include "fails" .'),
      `error calling include: ${inner.message}`,
    );
    const outer = new TemplateExecError(
      place(T, T, 1, 3, 'include "outer" .'),
      `error calling include: ${mid.message}`,
    );
    expect(helmErrorMessage(outer)).toBe(golden('include-tpl', 'include-error-trace-nested'));
  });

  it('prints a missing include target verbatim as the last level', () => {
    const missing = new NoTemplateError('nope', 'gotpl');
    const err = calling(place(T, T, 1, 3, 'include "nope" .'), 'include', missing);
    expect(helmErrorMessage(err)).toBe(golden('include-tpl', 'include-missing-template'));
  });

  it('keeps Go’s single line when the innermost failure comes from a function', () => {
    const idx = new GoFuncError('index out of range: 3');
    const inner = calling(place(H, 'idx', 10, 22, 'index (list) 3'), 'index', idx);
    const mid = calling(place(H, 'callsidx', 11, 27, 'include "idx" .'), 'include', inner);
    const outer = calling(place(T, T, 1, 3, 'include "callsidx" .'), 'include', mid);
    expect(helmErrorMessage(outer)).toBe(golden('include-tpl', 'include-function-error-single-line'));

    const eq = calling(
      place(T, T, 1, 3, 'eq 1 1.0'),
      'eq',
      new GoFuncError('incompatible types for comparison: int and float64'),
    );
    expect(helmErrorMessage(eq)).toBe(golden('comparisons', 'eq-int-float-error'));
  });

  it('keeps tpl failures on one line (their cause is not a template error)', () => {
    const parse = new TemplateParseError('gotpl', 1, 'function "foo" not defined');
    const tplErr = new GoFuncError(`cannot parse template "{{ foo }}": ${parse.message}`);
    const err = calling(place(T, T, 1, 3, 'tpl "{{ foo }}" .'), 'tpl', tplErr);
    expect(helmErrorMessage(err)).toBe(golden('include-tpl', 'tpl-parse-error'));
  });

  it('turns required/fail markers into `execution error at` the outermost action', () => {
    const req = new GoFuncError('HELM_ERR_STARTneed zzHELM_ERR_END');
    const inner = calling(place(H, 'req', 1, 24, 'required "need zz" .Values.zz'), 'required', req);
    const mid = calling(place(H, 'outer', 2, 24, 'include "req" .'), 'include', inner);
    const outer = calling(place(T, T, 1, 3, 'include "outer" .'), 'include', mid);
    expect(helmErrorMessage(outer)).toBe(golden('required-fail', 'required-nested-include'));

    const colon = calling(
      place(T, T, 1, 3, 'required "a: b: c" .Values.a'),
      'required',
      new GoFuncError('HELM_ERR_STARTa: b: cHELM_ERR_END'),
    );
    expect(helmErrorMessage(colon)).toBe(golden('required-fail', 'required-message-with-colon'));

    const multiline = calling(
      place(T, T, 1, 3, 'fail "line1\\nline2"'),
      'fail',
      new GoFuncError('HELM_ERR_STARTline1\nline2HELM_ERR_END'),
    );
    expect(helmErrorMessage(multiline)).toBe(golden('required-fail', 'fail-multiline-message'));
  });

  it('dedupes consecutive identical levels of a recursion', () => {
    const inner = new TemplateExecError(
      place(H, 'r', 1, 40, '.x.y'),
      'nil pointer evaluating interface {}.y',
    );
    const rec2 = calling(place(H, 'r', 1, 20, 'include "r" .'), 'include', inner);
    const rec1 = calling(place(H, 'r', 1, 20, 'include "r" .'), 'include', rec2);
    const top = calling(place(T, T, 1, 3, 'include "r" .'), 'include', rec1);
    expect(helmErrorMessage(top)).toBe(
      [
        `${T}:1:3`,
        `  executing "${T}" at <include "r" .>:`,
        '    error calling include:',
        `${H}:1:20`,
        '  executing "r" at <include "r" .>:',
        '    error calling include:',
        `${H}:1:40`,
        '  executing "r" at <.x.y>:',
        '    nil pointer evaluating interface {}.y',
      ].join('\n'),
    );
  });

  it('passes other errors through', () => {
    expect(helmErrorMessage(new Error('boom'))).toBe('boom');
    expect(helmErrorMessage('text')).toBe('text');
  });
});
