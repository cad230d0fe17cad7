import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { GoMap } from '../../src/values/model.js';
import { retypeMap } from '../../src/values/merge.js';
import { loadValuesYaml } from '../../src/values/yaml11.js';
import { dump, loadGoldenCases } from './helpers.js';

describe('loadValuesYaml matches helm v4.1.4 (fixtures/values/yaml11)', () => {
  for (const c of loadGoldenCases('yaml11')) {
    it(c.id, () => {
      let result: string;
      try {
        const values = retypeMap(loadValuesYaml(c.values ?? '', 'values.yaml'), 'common.Values');
        result = c.id === 'typeof-root' ? `common.Values float64 ${String(values.get('a'))}` : dump(values);
      } catch (e) {
        if (!(e instanceof ChartlintError)) throw e;
        expect(e.code).toBe('values-invalid');
        expect(e.location?.file).toBe('values.yaml');
        expect({ error: `cannot load values.yaml: ${e.message}` }).toEqual(c.expected);
        return;
      }
      expect({ output: result }).toEqual(c.expected);
    });
  }
  it('returns a plain map type', () => {
    expect(loadValuesYaml('a: 1', 'v.yaml')).toBeInstanceOf(GoMap);
  });
});
