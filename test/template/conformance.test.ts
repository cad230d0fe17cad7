/**
 * Conformance of the template engine with helm v4.1.4: every case recorded under fixtures/template/ (engine, sprig,
 * helm families) is rendered by chartlint as the oracle rendered it and compared byte for byte with helm's output or
 * error text. Each case is its own test, named `<file> > <case id>`.
 */
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { loadCaseFile, masked, renderCase } from '../helpers/render-case.js';

const root = new URL('../../', import.meta.url).pathname;
const caseFiles = globSync('fixtures/template/**/*.cases.yaml', { cwd: root }).sort();

describe('template conformance with helm v4.1.4', () => {
  it('finds the recorded case files', () => {
    expect(caseFiles.length).toBeGreaterThan(20);
  });

  for (const file of caseFiles) {
    describe(file.replace(/^fixtures\/template\//, '').replace(/\.cases\.yaml$/, ''), () => {
      const { cases, golden } = loadCaseFile(root + file);
      for (const c of cases) {
        it(c.id, () => {
          const expected = golden[c.id];
          expect(expected, `no golden recorded for ${c.id}`).toBeDefined();
          expect(masked(renderCase(c), c.mask)).toEqual(masked(expected ?? {}, c.mask));
        });
      }
    });
  }
});
