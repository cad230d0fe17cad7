import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { loadChartArchiveBytes } from '../../src/chart/load.js';
import { chartYaml, makeTar, makeTgz, type TarEntry } from './helpers.js';

const ARCHIVE = 'charts/app-1.0.0.tgz';

async function archiveError(
  data: Uint8Array | Promise<Uint8Array>,
  limits: Parameters<typeof loadChartArchiveBytes>[2] = {},
): Promise<ChartlintError> {
  const error = await loadChartArchiveBytes(await data, ARCHIVE, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChartlintError);
  expect((error as ChartlintError).location?.file).toBe(ARCHIVE);
  return error as ChartlintError;
}

const base: TarEntry[] = [{ name: 'app/Chart.yaml', content: chartYaml('app') }];

describe('loading a chart archive', () => {
  it('loads the single top directory as the chart, with links inside it resolved', async () => {
    const chart = await loadChartArchiveBytes(
      await makeTgz([
        { name: 'app/', header: { type: 'directory' } },
        ...base,
        { name: 'app/templates/cm.yaml', content: 'kind: ConfigMap\n' },
        { name: 'app/files/real.txt', content: 'real' },
        { name: 'app/files/soft.txt', header: { type: 'symlink', linkname: 'real.txt' } },
        { name: 'app/files/hard.txt', header: { type: 'link', linkname: 'app/files/real.txt' } },
        { name: 'app/files/chain.txt', header: { type: 'symlink', linkname: 'soft.txt' } },
        { name: 'app/.helmignore', content: 'files/\n' },
      ]),
      ARCHIVE,
    );
    expect(chart.dir).toBe(`${ARCHIVE}#app`);
    expect(chart.templates.map((f) => f.path)).toEqual(['templates/cm.yaml']);
    // .helmignore is not applied to archives (Helm applies it when packaging).
    expect(chart.files.map((f) => [f.path, f.text])).toEqual([
      ['.helmignore', 'files/\n'],
      ['files/chain.txt', 'real'],
      ['files/hard.txt', 'real'],
      ['files/real.txt', 'real'],
      ['files/soft.txt', 'real'],
    ]);
    expect(chart.chartYaml.path).toBe(`${ARCHIVE}#app/Chart.yaml`);
  });

  it.each<[string, TarEntry[], string]>([
    [
      'a ../ entry',
      [...base, { name: 'app/../../etc/passwd', content: 'x' }],
      'chart illegally references parent directory',
    ],
    [
      'an absolute path',
      [...base, { name: '/etc/passwd', content: 'x' }],
      'chart illegally contains absolute paths',
    ],
    [
      'a symlink out of the chart',
      [
        ...base,
        { name: 'app/templates/x.yaml', header: { type: 'symlink', linkname: '../../../etc/passwd' } },
      ],
      'is a link to "../../../etc/passwd", outside the chart',
    ],
    [
      'an absolute symlink',
      [...base, { name: 'app/x', header: { type: 'symlink', linkname: '/etc/passwd' } }],
      'outside the chart',
    ],
    [
      'a hard link out of the chart',
      [...base, { name: 'app/x', header: { type: 'link', linkname: '../outside' } }],
      'chart illegally references parent directory',
    ],
    [
      'a dangling link',
      [...base, { name: 'app/x', header: { type: 'symlink', linkname: 'missing.txt' } }],
      'links to a file that is not in the chart',
    ],
    [
      'a device file',
      [...base, { name: 'app/dev', header: { type: 'character-device', devmajor: 1, devminor: 3 } }],
      'is a character-device and cannot be part of a chart',
    ],
    [
      'a fifo',
      [...base, { name: 'app/fifo', header: { type: 'fifo' } }],
      'is a fifo and cannot be part of a chart',
    ],
    [
      'two top-level directories',
      [...base, { name: 'other/Chart.yaml', content: chartYaml('other') }],
      'several top-level directories (app, other)',
    ],
    [
      'Chart.yaml at the top level',
      [{ name: 'Chart.yaml', content: chartYaml('x') }],
      'chart yaml not in base directory',
    ],
    ['an empty archive', [], 'no files in chart archive'],
  ])('rejects %s', async (_label, entries, message) => {
    const error = await archiveError(makeTgz(entries));
    expect(error.code).toBe('archive-invalid');
    expect(error.message).toContain(message);
  });

  it('rejects a file above the per-file cap before reading it', async () => {
    const error = await archiveError(makeTgz([...base, { name: 'app/big', content: 'x'.repeat(2048) }]), {
      limits: { maxFileSize: 1024 },
    });
    expect(error.code).toBe('limit-exceeded');
    expect(error.message).toBe('decompressed chart file "app/big" is larger than the maximum file size 1024');
  });

  it('rejects content above the total cap', async () => {
    const entries = [...base, ...[1, 2, 3].map((i) => ({ name: `app/f${i}`, content: 'y'.repeat(1000) }))];
    const error = await archiveError(makeTgz(entries), { limits: { maxTotalSize: 2500 } });
    expect(error.code).toBe('limit-exceeded');
    expect(error.message).toBe('decompressed chart is larger than the maximum size 2500');
  });

  it('rejects too many entries', async () => {
    const entries = [...base, ...[1, 2, 3].map((i) => ({ name: `app/f${i}`, content: 'z' }))];
    const error = await archiveError(makeTgz(entries), { limits: { maxEntries: 3 } });
    expect(error.message).toBe('chart archive has more than 3 entries');
  });

  it('rejects a decompression bomb by its ratio', async () => {
    const bomb = await makeTgz([...base, { name: 'app/zeros', content: new Uint8Array(4 * 1024 * 1024) }]);
    const error = await archiveError(bomb);
    expect(error.code).toBe('limit-exceeded');
    expect(error.message).toMatch(
      /^chart archive expands \d+ times \(more than 400\): refusing a likely decompression bomb$/,
    );
  });

  it('rejects gzip output beyond the caps without inflating it all', async () => {
    const error = await archiveError(
      makeTgz([...base, { name: 'app/zeros', content: new Uint8Array(64 * 1024) }]),
      {
        limits: { maxTotalSize: 1024, maxEntries: 2 },
      },
    );
    expect(error.message).toBe('decompressed chart is larger than the maximum size 1024');
  });

  it('rejects corrupt gzip data', async () => {
    const error = await archiveError(Promise.resolve(new TextEncoder().encode('this is not gzip')));
    expect(error.code).toBe('archive-invalid');
    expect(error.message).toMatch(/^cannot read chart archive: corrupt gzip data/);
  });

  it('rejects truncated gzip data', async () => {
    const whole = await makeTgz([...base, { name: 'app/values.yaml', content: 'a: 1\n'.repeat(200) }]);
    const error = await archiveError(Promise.resolve(whole.subarray(0, whole.length - 30)));
    expect(error.message).toMatch(/^cannot read chart archive: corrupt gzip data/);
  });

  it('rejects a truncated tar stream', async () => {
    const tar = await makeTar([...base, { name: 'app/values.yaml', content: 'a: 1\n'.repeat(300) }]);
    const error = await archiveError(Promise.resolve(new Uint8Array(gzipSync(tar.subarray(0, 700)))));
    expect(error.code).toBe('archive-invalid');
    expect(error.message).toMatch(/^cannot read chart archive: corrupt or truncated tar data/);
  });

  it('reports Chart.yaml errors inside an archive at the entry', async () => {
    const error = await loadChartArchiveBytes(
      await makeTgz([{ name: 'app/Chart.yaml', content: 'apiVersion: v2\nname: app\n' }]),
      ARCHIVE,
    ).catch((e: unknown) => e as ChartlintError);
    expect(error).toBeInstanceOf(ChartlintError);
    expect((error as ChartlintError).message).toBe('validation: chart.metadata.version is required');
    expect((error as ChartlintError).location?.file).toBe(`${ARCHIVE}#app/Chart.yaml`);
  });
});
