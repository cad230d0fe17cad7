import { describe, expect, it } from 'vitest';
import { scanRegoModule } from '../../src/policy/rego-scan.js';

describe('scanRegoModule', () => {
  it('finds the package and top-level rule heads with their lines', () => {
    const text = [
      'package main',
      '',
      'import rego.v1',
      '',
      'deny contains msg if {',
      '  msg := "x"',
      '}',
      'warn_probe contains {"msg": "y"} if true',
      'default allow := false',
    ].join('\n');
    const scanned = scanRegoModule(text);
    expect(scanned.pkg).toBe('main');
    expect(scanned.pkgLine).toBe(1);
    expect(scanned.rules).toEqual([
      { name: 'deny', line: 5 },
      { name: 'warn_probe', line: 8 },
      { name: 'allow', line: 9 },
    ]);
  });

  it('reads dotted and quoted package paths', () => {
    expect(scanRegoModule('package kubernetes.admission\n').pkg).toBe('kubernetes.admission');
    expect(scanRegoModule('# c\npackage a["b"].c\n').pkg).toBe('a.b.c');
  });

  it('skips functions, ref heads and names inside bodies, strings and comments', () => {
    const text = [
      'package main',
      'deny_fn(x) := x',
      'deny.sub contains "x" if true',
      'helper if {',
      '  deny := 1',
      '  s := "deny contains',
      '}',
      '# deny contains "commented"',
      'x := `raw',
      'deny_raw contains 1',
      '`',
      'violation[msg] { msg := "v0" }',
    ].join('\n');
    expect(scanRegoModule(text).rules.map((r) => r.name)).toEqual(['helper', 'x', 'violation']);
  });

  it('reports a module without a package as such', () => {
    expect(scanRegoModule('deny contains 1 if true').pkg).toBeUndefined();
  });
});
