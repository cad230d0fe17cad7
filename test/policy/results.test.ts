import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { interpretRuleValues, parsePath } from '../../src/policy/results.js';

const one = { kind: 'manifest', manifestId: 7 } as const;

describe('interpretRuleValues', () => {
  it('reads strings and msg objects with conftest severities and the default path', () => {
    const values = new Map<string, unknown>([
      ['main/deny', ['plain message']],
      ['main/warn_x', [{ msg: 'object message', path: ['spec', 'replicas'], team: 'a' }]],
    ]);
    expect(interpretRuleValues(values, one, false)).toEqual([
      {
        ruleId: 'main/deny',
        severity: 'error',
        message: 'plain message',
        manifestId: 7,
        path: ['metadata', 'name'],
        suppressed: false,
        builtin: false,
      },
      {
        ruleId: 'main/warn_x',
        severity: 'warning',
        message: 'object message',
        manifestId: 7,
        path: ['spec', 'replicas'],
        details: { team: 'a' },
        suppressed: false,
        builtin: false,
      },
    ]);
  });

  it('ignores values conftest ignores: non-collections, numbers, helper rules', () => {
    const values = new Map<string, unknown>([
      ['main/deny', true],
      ['main/warn', [42, null]],
      ['main/allow', ['x']],
    ]);
    expect(interpretRuleValues(values, one, false)).toEqual([]);
  });

  it('marks results suppressed when the package excepts their rule', () => {
    const values = new Map<string, unknown>([
      ['main/deny_root', ['root']],
      ['main/deny', ['bare']],
      ['main/warn_probe', ['probe']],
      ['main/exception', [['root'], ['probe']]],
      ['other/deny_root', ['other package']],
    ]);
    const got = interpretRuleValues(values, one, false).map((r) => [r.ruleId, r.suppressed]);
    expect(got).toEqual([
      ['main/deny_root', true],
      ['main/deny', false],
      ['main/warn_probe', true],
      ['other/deny_root', false],
    ]);
  });

  it('lets a severity key override the rule kind and rejects unknown severities', () => {
    const ok = new Map<string, unknown>([['main/deny', [{ msg: 'm', severity: 'warn' }]]]);
    expect(interpretRuleValues(ok, one, false)[0]?.severity).toBe('warning');
    const bad = new Map<string, unknown>([['main/deny', [{ msg: 'm', severity: 'fatal' }]]]);
    expect(() => interpretRuleValues(bad, one, false)).toThrow(/"severity" must be/);
  });

  it('requires a string msg in result objects, as conftest does', () => {
    const values = new Map<string, unknown>([['main/deny', [{ message: 'wrong key' }]]]);
    expect(() => interpretRuleValues(values, one, false)).toThrow(ChartlintError);
  });

  it('resolves combined results by input index or by resource, else leaves the manifest open', () => {
    const manifests = [
      { id: 10, object: { kind: 'Service', metadata: { name: 'web' } } },
      { id: 11, object: { kind: 'Deployment', metadata: { name: 'web', namespace: 'a' } } },
    ];
    const values = new Map<string, unknown>([
      [
        'main/deny',
        [
          { msg: 'by index', path: [0, 'contents', 'spec', 'selector'] },
          { msg: 'by resource', resource: { kind: 'Deployment', name: 'web', namespace: 'a' } },
          { msg: 'release-wide' },
        ],
      ],
    ]);
    const got = interpretRuleValues(values, { kind: 'combined', manifests }, false);
    expect(got.map((r) => [r.message, r.manifestId, r.path])).toEqual([
      ['by index', 10, ['spec', 'selector']],
      ['by resource', 11, ['metadata', 'name']],
      ['release-wide', undefined, undefined],
    ]);
  });
});

describe('parsePath', () => {
  it('accepts lists, dotted strings with indexes and quoted keys, and {path} objects', () => {
    expect(parsePath('r', ['a', 0])).toEqual(['a', 0]);
    expect(parsePath('r', 'spec.containers[1].image')).toEqual(['spec', 'containers', 1, 'image']);
    expect(parsePath('r', 'metadata.labels["app.kubernetes.io/name"]')).toEqual([
      'metadata',
      'labels',
      'app.kubernetes.io/name',
    ]);
    expect(parsePath('r', { path: 'spec' })).toEqual(['spec']);
  });

  it('rejects anything else with a message naming the rule', () => {
    expect(() => parsePath('main/deny', 42)).toThrow(/main\/deny: a result's "path"/);
  });
});
