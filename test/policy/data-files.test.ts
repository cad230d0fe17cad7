import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { loadDataFiles, mergeData } from '../../src/policy/data-files.js';

describe('loadDataFiles', () => {
  it('merges every JSON and YAML file of a directory at the root of data, as conftest does', () => {
    expect(loadDataFiles(['fixtures/policies/data/data'])).toEqual({
      owners: { team: 'platform' },
      services: { ports: [22, 21] },
    });
  });

  it('locates invalid YAML at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartlint-data-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'a: 1\nb: [1, 2\n');
    let error: ChartlintError | undefined;
    try {
      loadDataFiles([file]);
    } catch (err) {
      error = err as ChartlintError;
    }
    expect(error?.code).toBe('policy-invalid');
    expect(error?.location?.file).toBe(file);
    expect(error?.location?.startLine).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing path as an io error', () => {
    expect(() => loadDataFiles(['fixtures/policies/nope'])).toThrow(/cannot read data/);
  });
});

describe('mergeData', () => {
  it('merges objects deeply and refuses conflicting leaves', () => {
    expect(mergeData({ a: { b: 1 } }, { a: { c: 2 } }, 'x')).toEqual({ a: { b: 1, c: 2 } });
    expect(() => mergeData({ a: { b: 1 } }, { a: { b: 2 } }, 'two.yaml')).toThrow(
      'two.yaml: data.a.b is already defined by another data file.',
    );
  });
});
