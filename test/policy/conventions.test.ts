import { describe, expect, it } from 'vitest';
import { exceptedNames, exceptionName, ruleKind, splitRuleId } from '../../src/policy/conventions.js';

describe('conftest conventions', () => {
  it('classifies rule names as conftest does', () => {
    expect(ruleKind('deny')).toBe('failure');
    expect(ruleKind('violation_no_root')).toBe('failure');
    expect(ruleKind('warn')).toBe('warning');
    expect(ruleKind('warn_a_b1')).toBe('warning');
    expect(ruleKind('exception')).toBe('exception');
    expect(ruleKind('denyall')).toBeUndefined();
    expect(ruleKind('deny_')).toBeUndefined();
    expect(ruleKind('allow')).toBeUndefined();
  });

  it('names rules for exceptions by their suffix, the bare rules by the empty string', () => {
    expect(exceptionName('deny_run_as_root')).toBe('run_as_root');
    expect(exceptionName('violation_x')).toBe('x');
    expect(exceptionName('warn_x')).toBe('x');
    expect(exceptionName('deny')).toBe('');
  });

  it('flattens exception values like exception[_][_]', () => {
    expect([...exceptedNames([['a', 'b'], ['c'], 'not-a-list', [1]])]).toEqual(['a', 'b', 'c']);
    expect(exceptedNames(undefined).size).toBe(0);
  });

  it('splits rule ids at the last slash', () => {
    expect(splitRuleId('chartlint.privileged_container/deny')).toEqual({
      pkg: 'chartlint.privileged_container',
      rule: 'deny',
    });
  });
});
