import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly the documented runtime values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ChartlintError',
      'EmbeddedRenderer',
      'formatJson',
      'formatSarif',
      'formatText',
      'lint',
      'loadCatalog',
    ]);
  });

  it('lints a fixture chart in-process', async () => {
    const result = await api.lint({
      paths: ['fixtures/charts/two-b'],
      cwd: process.cwd(),
      envNames: [],
      ciValues: false,
      overrides: {},
      renderer: { kind: 'embedded' },
      jobs: 1,
      policies: {
        paths: [],
        namespaces: [],
        dataFiles: [],
        builtin: false,
        disabled: [],
        combine: false,
        cacheDir: '/nonexistent',
        env: {},
      },
    });
    expect(result.errors).toEqual([]);
    expect(result.charts).toEqual([
      { chart: 'fixtures/charts/two-b', name: 'two-b', environments: ['default'] },
    ]);
  });
});
