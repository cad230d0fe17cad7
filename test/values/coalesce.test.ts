import { describe, expect, it } from 'vitest';
import { computeChartValues } from '../../src/values/dependencies.js';
import { GoMap } from '../../src/values/model.js';
import { mergeUserValues } from '../../src/values/user-values.js';
import { isCompatibleRange } from '../../src/values/semver.js';
import { chartFromFiles } from './chart-fixture.js';

const files = {
  'Chart.yaml':
    'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: "~0.1"\n  alias: db\n',
  'values.yaml': 'replicas: 2\nglobal: {region: eu}\n',
  'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.3\n',
  'charts/sub/values.yaml': 'image: {tag: "1.0"}\n',
};

describe('computeChartValues', () => {
  it('gives subcharts the parent map section itself, typed common.Values', () => {
    const { root } = computeChartValues(chartFromFiles(files), mergeUserValues({}));
    const db = root.subcharts[0];
    expect(db?.name).toBe('db');
    expect(db?.valuesPath).toEqual(['db']);
    expect(root.values.type).toBe('common.Values');
    expect(db?.values.type).toBe('common.Values');
    db?.values.set('mutated', true);
    expect((root.values.get('db') as GoMap).get('mutated')).toBe(true);
  });

  it('keeps origins as defaults move into the coalesced tree, and user origins over them', () => {
    const user = mergeUserValues({ set: ['db.image.tag=2.0'] });
    const { root } = computeChartValues(chartFromFiles(files), user);
    expect(root.values.origins?.get('replicas')).toMatchObject({
      source: 'values.yaml',
      isFile: true,
      path: ['replicas'],
    });
    const image = (root.values.get('db') as GoMap).get('image') as GoMap;
    expect(image.origins?.get('tag')).toMatchObject({ source: '--set db.image.tag=2.0', isFile: false });
    const global = (root.values.get('db') as GoMap).get('global') as GoMap;
    expect(global.origins?.get('region')?.source).toBe('values.yaml');
  });

  it('does not mutate the defaults across runs (chart values are copied)', () => {
    const chart = chartFromFiles(files);
    const first = computeChartValues(chart, mergeUserValues({ set: ['replicas=5'] }));
    const second = computeChartValues(chart, mergeUserValues({}));
    expect(first.root.values.get('replicas')).not.toBe(2);
    expect(second.root.values.get('replicas')).toBe(2);
  });

  it('collects Helm warnings', () => {
    const { warnings } = computeChartValues(
      chartFromFiles(files),
      mergeUserValues({ set: ['replicas.x=1'] }),
    );
    expect(warnings).toContain('warning: skipped value for app.replicas: Not a table.');
  });
});

describe('isCompatibleRange', () => {
  it('stays linear on whitespace-heavy constraints (the validity check runs on RE2, as in Go)', () => {
    // With a backtracking regex this took minutes (the test would time out); it is a plain parse failure.
    expect(isCompatibleRange('1' + '    1'.repeat(14) + ' !', '1.0.0')).toBe(false);
  });

  it.each([
    ['~0.1', '0.1.3', true],
    ['~0.1', '0.2.0', false],
    ['^1.2.3', '1.9.0', true],
    ['^1.2.3', '2.0.0', false],
    ['^0.2.3', '0.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['>=1.0.0 <2.0.0', '1.5.0', true],
    ['>=1.0.0, <2.0.0', '2.0.0', false],
    ['1.x', '1.4.2', true],
    ['*', '3.0.0', true],
    ['1.2.3 - 1.4', '1.4.0', true],
    ['<1.0.0 || >=3', '3.1.0', true],
    ['>=0.0.1', '0.2.0-rc.1', false],
    ['>=0.2.0-rc.0', '0.2.0-rc.1', true],
    ['', '1.0.0', false],
    ['1.0.0', 'not-a-version', false],
  ])('%s matches %s: %s', (constraint, version, expected) => {
    expect(isCompatibleRange(constraint, version)).toBe(expected);
  });
});
