import { describe, expect, it } from 'vitest';
import { discoverCharts } from '../../src/chart/discover.js';
import { chartYaml, makeTgz, tempDir, writeTree } from './helpers.js';

async function repo(): Promise<string> {
  const root = await tempDir();
  await writeTree(root, {
    'charts/web/Chart.yaml': chartYaml('web'),
    'charts/web/templates/deploy.yaml': 'kind: Deployment\n',
    'charts/web/values.yaml': 'a: 1\n',
    'charts/web/charts/redis/Chart.yaml': chartYaml('redis'),
    'charts/web/charts/redis/templates/svc.yaml': 'kind: Service\n',
    'charts/api/Chart.yaml': chartYaml('api'),
    'charts/api/templates/_helpers.tpl': '',
    'charts/README.md': 'docs',
    'node_modules/pkg/Chart.yaml': chartYaml('pkg'),
    '.git/Chart.yaml': chartYaml('git'),
    'nested/deeper/a-chart/Chart.yaml': chartYaml('a-chart'),
  });
  await writeTree(root, {
    'dist/packed-1.0.0.tgz': await makeTgz([{ name: 'packed/Chart.yaml', content: chartYaml('packed') }]),
  });
  return root;
}

describe('discoverCharts', () => {
  it('finds chart roots below directories in sorted order, skipping subcharts, node_modules and .git', async () => {
    const cwd = await repo();
    const result = await discoverCharts(['.'], { cwd });
    expect(result.charts).toEqual(['charts/api', 'charts/web', 'nested/deeper/a-chart']);
    expect(result.errors).toEqual([]);
  });

  it('maps file arguments from two charts to their roots, each once', async () => {
    const cwd = await repo();
    const result = await discoverCharts(
      [
        'charts/web/templates/deploy.yaml',
        'charts/web/values.yaml',
        'charts/api/templates/_helpers.tpl',
        'charts/api/Chart.yaml',
        // A subchart file belongs to the outermost chart.
        'charts/web/charts/redis/templates/svc.yaml',
      ],
      { cwd },
    );
    expect(result.charts).toEqual(['charts/api', 'charts/web']);
    expect(result.skipped).toEqual([]);
  });

  it('treats an explicit .tgz as a chart and skips files outside any chart', async () => {
    const cwd = await repo();
    const result = await discoverCharts(['dist/packed-1.0.0.tgz', 'charts/README.md'], { cwd });
    expect(result.charts).toEqual(['dist/packed-1.0.0.tgz']);
    expect(result.skipped).toEqual(['charts/README.md']);
  });

  it('maps a directory inside a chart to the chart and a subchart directory to its parent', async () => {
    const cwd = await repo();
    expect((await discoverCharts(['charts/web/templates'], { cwd })).charts).toEqual(['charts/web']);
    expect((await discoverCharts(['charts/web/charts/redis/templates'], { cwd })).charts).toEqual([
      'charts/web',
    ]);
    // Given directly, a subchart directory is a chart root of its own (it has a Chart.yaml).
    expect((await discoverCharts(['charts/web/charts/redis'], { cwd })).charts).toEqual([
      'charts/web/charts/redis',
    ]);
  });

  it('reports missing paths and directories without charts as located errors', async () => {
    const cwd = await repo();
    await writeTree(cwd, { 'empty/file.txt': 'x' });
    const result = await discoverCharts(['missing', 'empty'], { cwd });
    expect(result.charts).toEqual([]);
    expect(result.errors.map((e) => [e.code, e.message, e.location?.file])).toEqual([
      ['io', 'missing: no such file or directory', 'missing'],
      ['usage', 'empty: no Helm chart (Chart.yaml) found in this directory', 'empty'],
    ]);
  });
});
