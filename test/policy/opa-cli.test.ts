import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { OPA_MISSING_MESSAGE, parseOpaErrors, requireOpa } from '../../src/policy/opa-cli.js';

describe('parseOpaErrors', () => {
  it('locates parse errors at file, line and the caret column', () => {
    const stderr = [
      'error: load error: 2 errors occurred during loading:',
      'p/bad.rego:4: rego_parse_error: unexpected eof token',
      '\tfoo := {',
      '\t       ^',
      'p/bad.rego:9: rego_parse_error: `if` keyword is required before rule body',
      '',
    ].join('\n');
    expect(parseOpaErrors(stderr)).toEqual([
      {
        message: 'unexpected eof token (rego_parse_error)',
        location: { file: 'p/bad.rego', startLine: 4, startColumn: 8 },
      },
      {
        message: '`if` keyword is required before rule body (rego_parse_error)',
        location: { file: 'p/bad.rego', startLine: 9 },
      },
    ]);
  });

  it('reads the one-error form and unlocated messages', () => {
    expect(
      parseOpaErrors('error: 1 error occurred: a.rego:5: rego_type_error: undefined function f\n'),
    ).toEqual([
      { message: 'undefined function f (rego_type_error)', location: { file: 'a.rego', startLine: 5 } },
    ]);
    expect(parseOpaErrors('error: entrypoint "x/y" does not refer to a rule\n')).toEqual([
      { message: 'entrypoint "x/y" does not refer to a rule' },
    ]);
  });
});

describe('requireOpa', () => {
  it('throws opa-missing with the documented message when nothing is found', () => {
    let error: unknown;
    try {
      requireOpa(undefined, { PATH: '' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChartlintError);
    expect((error as ChartlintError).code).toBe('opa-missing');
    expect((error as ChartlintError).message).toBe(OPA_MISSING_MESSAGE);
  });

  it('names a bad OPA_BIN', () => {
    expect(() => requireOpa(undefined, { OPA_BIN: '/nonexistent/opa', PATH: '' })).toThrow(
      /\/nonexistent\/opa is not an executable file/,
    );
  });
});
