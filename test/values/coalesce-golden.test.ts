import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { computeChartValues } from '../../src/values/dependencies.js';
import { mergeUserValues } from '../../src/values/user-values.js';
import { ORACLE_CHART_YAML, chartFromFiles } from './chart-fixture.js';
import { dump, loadGoldenCases, userInputFromArgs } from './helpers.js';

describe('coalescing and dependencies match helm v4.1.4 (fixtures/values/coalesce)', () => {
  for (const c of loadGoldenCases('coalesce')) {
    it(c.id, () => {
      const files = {
        'Chart.yaml': (c as { chartYaml?: string }).chartYaml ?? ORACLE_CHART_YAML,
        'values.yaml': c.values ?? '',
        ...c.files,
      };
      let result: string;
      try {
        const user = mergeUserValues(userInputFromArgs(c.args ?? []));
        result = dump(computeChartValues(chartFromFiles(files), user).root.values);
      } catch (e) {
        if (!(e instanceof ChartlintError)) throw e;
        expect({ error: e.message }).toEqual(c.expected);
        return;
      }
      expect({ output: result }).toEqual(c.expected);
    });
  }
});
