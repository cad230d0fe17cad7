import { cp, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { loadChart } from '../../src/chart/load.js';
import type { Chart } from '../../src/chart/types.js';
import { chartYaml, makeTgz, tempDir, writeTree } from './helpers.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const paths = (files: { path: string }[]) => files.map((file) => file.path);

async function loadError(path: string, cwd: string): Promise<ChartlintError> {
  const error = await loadChart(path, { cwd }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChartlintError);
  return error as ChartlintError;
}

describe('loading a chart directory', () => {
  let parent: Chart;
  it('loads the parent fixture', async () => {
    parent = await loadChart('fixtures/loading/parent', { cwd: repoRoot });
    expect(parent.dir).toBe('fixtures/loading/parent');
    expect(parent.metadata.name).toBe('parent');
  });

  it('classifies files as Helm does (.Files, templates of any extension, crds, helmignore)', () => {
    // Verified with helm 4.1.4: `range .Files` lists exactly these.
    expect(paths(parent.files)).toEqual([
      '.helmignore',
      'charts/sub-0.1.0.prov',
      'crds/crd.yaml',
      'files/a.txt',
    ]);
    expect(paths(parent.templates)).toEqual([
      'templates/NOTES.txt',
      'templates/_helpers.tpl',
      'templates/cm.yaml',
    ]);
    expect(paths(parent.crds)).toEqual(['crds/crd.yaml']);
    expect(parent.valuesFile?.path).toBe('fixtures/loading/parent/values.yaml');
    expect(parent.valuesFile?.text).toContain('replicaCount: 1');
    expect(parent.schemaFile?.chartPath).toBe('values.schema.json');
    expect(parent.helmignore?.patterns).toEqual(['*.bak', 'ignored/', '/secret.txt', 'templates/.?*']);
    expect(parent.files.find((f) => f.path === 'files/a.txt')?.text).toBe('hello\n');
  });

  it('coerces and sanitises Chart.yaml fields', () => {
    expect(parent.metadata.appVersion).toBe('1.1');
    expect(parent.metadata.description).toBe('A parent chart');
    expect(parent.metadata.dependencies.map((d) => [d.name, d.alias, d.version])).toEqual([
      ['sub', '', '>=0.1.0'],
      ['sub', 'subalias', '0.1.0'],
      ['lib', '', '1.0.0'],
    ]);
    expect(parent.metadata.dependencies[0]?.importValues).toEqual([
      'data',
      { child: 'exports.more', parent: 'fromChild' },
    ]);
  });

  it('locates Chart.yaml paths', () => {
    expect(parent.chartYaml.locate(['dependencies', 1, 'alias'])).toMatchObject({
      file: 'fixtures/loading/parent/Chart.yaml',
      startLine: 15,
      startColumn: 12,
    });
    expect(parent.chartYaml.locate(['dependencies', 1, 'alias'], 'key')).toMatchObject({
      startLine: 15,
      startColumn: 5,
    });
    expect(parent.chartYaml.ranges.get('dependencies[0].import-values[1].parent')?.value.startLine).toBe(13);
  });

  it('parses Chart.lock', () => {
    expect(parent.lock?.parsed.dependencies).toEqual([
      { name: 'sub', version: '0.1.0', repository: '' },
      { name: 'lib', version: '1.0.0', repository: '' },
    ]);
    expect(parent.lock?.parsed.generated).toBe('2024-01-02T03:04:05.123456Z');
    expect(parent.lock?.file.locate(['digest']).startLine).toBe(8);
  });

  it('loads nested subcharts, skips `_` names and links parents', () => {
    expect(parent.subcharts.map((c) => c.metadata.name)).toEqual(['lib', 'sub']);
    const [lib, sub] = parent.subcharts as [Chart, Chart];
    expect(lib.metadata.type).toBe('library');
    expect(sub.dir).toBe('fixtures/loading/parent/charts/sub');
    expect(sub.parent).toBe(parent);
    expect(sub.helmignore).toBeUndefined();
    // The root's anchored `/secret.txt` does not reach into a subchart.
    expect(paths(sub.files)).toEqual(['secret.txt']);
    expect(sub.subcharts.map((c) => [c.metadata.name, c.dir])).toEqual([
      ['deep', 'fixtures/loading/parent/charts/sub/charts/deep'],
    ]);
    expect(sub.subcharts[0]?.parent).toBe(sub);
    expect(sub.subcharts[0]?.chartYaml.path).toBe(
      'fixtures/loading/parent/charts/sub/charts/deep/Chart.yaml',
    );
  });

  it('reads a v1 chart with requirements.yaml and requirements.lock', async () => {
    const chart = await loadChart('fixtures/loading/v1chart', { cwd: repoRoot });
    expect(chart.metadata.apiVersion).toBe('v1');
    expect(chart.metadata.dependencies.map((d) => [d.name, d.repository])).toEqual([
      ['dep', 'file://charts/dep'],
    ]);
    expect(paths(chart.files)).toEqual(['requirements.lock', 'requirements.yaml']);
    expect(chart.requirementsYaml?.locate(['dependencies', 0, 'repository']).startLine).toBe(4);
    expect(chart.lock?.parsed.digest).toMatch(/^sha256:1+$/);
  });

  it('applies requirements.yaml dependencies to a v2 chart without adding it to .Files', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'c/Chart.yaml': chartYaml('c'),
      'c/requirements.yaml': 'dependencies:\n- name: s\n  version: 1.0.0\n',
      'c/charts/s/Chart.yaml': chartYaml('s'),
    });
    const chart = await loadChart('c', { cwd: root });
    expect(chart.metadata.dependencies.map((d) => d.name)).toEqual(['s']);
    expect(paths(chart.files)).toEqual([]);
  });

  it('strips a UTF-8 BOM from every file', async () => {
    const root = await tempDir();
    const bom = '\ufeff';
    await writeTree(root, {
      'c/Chart.yaml': bom + chartYaml('c'),
      'c/values.yaml': `${bom}a: 1\n`,
      'c/files/f.txt': `${bom}abc`,
    });
    const chart = await loadChart(join(root, 'c'), { cwd: root });
    expect(chart.metadata.name).toBe('c');
    expect(chart.valuesFile?.text).toBe('a: 1\n');
    expect(Array.from(chart.files[0]?.data ?? [])).toEqual([97, 98, 99]);
  });

  it('loads .tgz subcharts from charts/ with archive display paths', async () => {
    const root = await tempDir();
    await cp(join(repoRoot, 'fixtures/loading/parent'), join(root, 'parent'), { recursive: true });
    const tgz = await makeTgz([
      { name: 'packed/Chart.yaml', content: chartYaml('packed', '3.0.0') },
      { name: 'packed/values.yaml', content: 'k: v\n' },
      { name: 'packed/templates/a.yaml', content: 'kind: A\n' },
      { name: 'packed/charts/inner/Chart.yaml', content: chartYaml('inner') },
    ]);
    await writeTree(root, { 'parent/charts/packed-3.0.0.tgz': tgz });
    const chart = await loadChart('parent', { cwd: root });
    const packed = chart.subcharts.find((c) => c.metadata.name === 'packed');
    expect(packed?.archivePath).toBe('parent/charts/packed-3.0.0.tgz');
    expect(packed?.dir).toBe('parent/charts/packed-3.0.0.tgz#packed');
    expect(packed?.valuesFile?.path).toBe('parent/charts/packed-3.0.0.tgz#packed/values.yaml');
    expect(packed?.valuesFile?.archive).toBe('parent/charts/packed-3.0.0.tgz');
    expect(paths(packed?.templates ?? [])).toEqual(['templates/a.yaml']);
    expect(packed?.subcharts.map((c) => [c.metadata.name, c.dir])).toEqual([
      ['inner', 'parent/charts/packed-3.0.0.tgz#packed/charts/inner'],
    ]);
    expect(packed?.subcharts[0]?.chartYaml.archive).toBe('parent/charts/packed-3.0.0.tgz');
  });

  it('follows symbolic links inside a chart directory', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'shared/_common.tpl': '{{ define "x" }}{{ end }}',
      'c/Chart.yaml': chartYaml('c'),
    });
    await symlink(join(root, 'shared'), join(root, 'c/templates'));
    const chart = await loadChart('c', { cwd: root });
    expect(paths(chart.templates)).toEqual(['templates/_common.tpl']);
  });

  it('reports a subchart directory without Chart.yaml at that directory', async () => {
    const root = await tempDir();
    await writeTree(root, { 'c/Chart.yaml': chartYaml('c'), 'c/charts/nochart/templates/x.yaml': 'a' });
    const error = await loadError('c', root);
    expect(error.code).toBe('chart-invalid');
    expect(error.message).toBe('error unpacking subchart nochart in c: Chart.yaml file is missing');
    expect(error.location).toEqual({ file: 'c/charts/nochart' });
  });

  it('reports a stray file directly under charts/ as Helm does', async () => {
    const root = await tempDir();
    await writeTree(root, { 'c/Chart.yaml': chartYaml('c'), 'c/charts/README.md': 'hi' });
    const error = await loadError('c', root);
    expect(error.message).toBe('error unpacking subchart README.md in c: Chart.yaml file is missing');
  });

  it('reports a missing Chart.yaml, a bad subchart Chart.yaml and a bad .helmignore with locations', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'empty/values.yaml': 'a: 1\n',
      'bad/Chart.yaml': chartYaml('bad'),
      'bad/charts/s/Chart.yaml': 'apiVersion: v2\nname: s\nversion: nope\n',
      'ign/Chart.yaml': chartYaml('ign'),
      'ign/.helmignore': '# ok\n  docs/**/x\n',
    });
    expect((await loadError('empty', root)).message).toBe('Chart.yaml file is missing');
    const bad = await loadError('bad', root);
    expect(bad.message).toBe('validation: chart.metadata.version "nope" is invalid');
    expect(bad.location).toMatchObject({ file: 'bad/charts/s/Chart.yaml', startLine: 3, startColumn: 10 });
    const ign = await loadError('ign', root);
    expect(ign.message).toBe('.helmignore: double-star (**) syntax is not supported: "docs/**/x"');
    expect(ign.location).toMatchObject({ file: 'ign/.helmignore', startLine: 2, startColumn: 3 });
  });

  it('reports a path that does not exist', async () => {
    const error = await loadError('nope', await tempDir());
    expect(error.code).toBe('io');
    expect(error.location).toEqual({ file: 'nope' });
  });
});
