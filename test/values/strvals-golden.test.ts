import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { retypeMap } from '../../src/values/merge.js';
import { mergeUserValues } from '../../src/values/user-values.js';
import { dump, loadGoldenCases, userInputFromArgs } from './helpers.js';

describe('--set family and -f merging match helm v4.1.4 (fixtures/values/strvals)', () => {
  for (const c of loadGoldenCases('strvals')) {
    it(c.id, () => {
      let result: string;
      try {
        result = dump(retypeMap(mergeUserValues(userInputFromArgs(c.args ?? [])), 'common.Values'));
      } catch (e) {
        if (!(e instanceof ChartlintError)) throw e;
        expect(e.code).toBe('values-invalid');
        expect(e.location?.file).toBeTruthy();
        expect({ error: e.message }).toEqual(c.expected);
        return;
      }
      expect({ output: result }).toEqual(c.expected);
    });
  }
});
