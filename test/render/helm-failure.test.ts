import { describe, expect, it } from 'vitest';
import { parseHelmFailure } from '../../src/render/helm-failure.js';

describe('parseHelmFailure', () => {
  it('reads the include trace: innermost block located, outer ones as call sites (columns 1-based)', () => {
    const stderr = [
      'Error: t2/templates/cm.yaml:1:3',
      '  executing "t2/templates/cm.yaml" at <include "t2.outer" .>:',
      '    error calling include:',
      't2/templates/_helpers.tpl:2:10',
      '  executing "t2.inner" at <.Values.a.b>:',
      '    nil pointer evaluating interface {}.b',
      '',
      'Use --debug flag to render out invalid YAML',
    ].join('\n');
    expect(parseHelmFailure(stderr)).toEqual({
      message: 'executing "t2.inner" at <.Values.a.b>: nil pointer evaluating interface {}.b',
      template: 't2/templates/_helpers.tpl',
      line: 2,
      column: 11,
      trace: [{ template: 't2/templates/cm.yaml', line: 1, column: 4 }],
    });
  });

  it('reads parse errors (line only)', () => {
    expect(parseHelmFailure('Error: parse error at (rt/templates/t.yaml:3): "08"\n')).toMatchObject({
      template: 'rt/templates/t.yaml',
      line: 3,
      message: 'parse error at (rt/templates/t.yaml:3): "08"',
    });
  });

  it('reads required/fail execution errors', () => {
    expect(parseHelmFailure('Error: execution error at (t2/templates/cm.yaml:1:6): need zz\n')).toMatchObject(
      {
        template: 't2/templates/cm.yaml',
        line: 1,
        column: 7,
      },
    );
  });

  it('reads single-line function errors', () => {
    const msg =
      'template: rt/templates/t.yaml:1:7: executing "rt/templates/t.yaml" at <eq .Values.num 1>: error calling eq: incompatible types for comparison: float64 and int';
    expect(parseHelmFailure(`Error: ${msg}\n`)).toMatchObject({
      message: msg,
      template: 'rt/templates/t.yaml',
      line: 1,
      column: 8,
    });
  });

  it('reads YAML errors of the output (file only) and drops log lines', () => {
    const r = parseHelmFailure(
      'level=INFO msg="x"\nError: YAML parse error on c/templates/a.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key\n',
    );
    expect(r.template).toBe('c/templates/a.yaml');
    expect(r.line).toBeUndefined();
    expect(r.message).not.toContain('level=');
  });

  it('leaves unlocated messages unlocated', () => {
    expect(parseHelmFailure('Error: unable to load chart archive\n')).toEqual({
      message: 'unable to load chart archive',
    });
  });
});
