/** Loading a chart from a directory or a `.tgz`: the entry point of the chart layer. */
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { ChartlintError } from '../diagnostics/errors.js';
import { assembleChart } from './assemble.js';
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from './limits.js';
import { readChartArchive } from './load-archive.js';
import { readChartDir } from './load-dir.js';
import type { Chart } from './types.js';

/** Options of {@link loadChart}. */
export interface LoadChartOptions {
  /** Directory display paths are relative to (default: the process's working directory). */
  cwd?: string;
  /** Overrides of the size caps. */
  limits?: Partial<LoadLimits>;
}

/** A path relative to `cwd` with forward slashes (`.` for `cwd` itself), as findings display it. */
export function toDisplayPath(cwd: string, absPath: string): string {
  const rel = relative(cwd, absPath);
  if (rel === '') return '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * Loads the chart at `chartPath`: a chart directory or a `.tgz` file. Subcharts (directories and archives under
 * `charts/`) are loaded recursively. Throws a located {@link ChartlintError} for every problem (`chart-invalid`,
 * `archive-invalid`, `limit-exceeded`, `io`).
 */
export async function loadChart(chartPath: string, options: LoadChartOptions = {}): Promise<Chart> {
  const cwd = resolve(options.cwd ?? '.');
  const absPath = resolve(cwd, chartPath);
  const display = toDisplayPath(cwd, absPath);
  const limits: LoadLimits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const info = await stat(absPath).catch(() => {
    throw new ChartlintError('io', `cannot read chart ${display}: no such file or directory`, {
      location: { file: display },
    });
  });
  if (info.isDirectory()) {
    const { files, helmignore } = await readChartDir(absPath, display, limits);
    return assembleChart(files, {
      origin: { dir: display },
      limits,
      readArchive: readChartArchive,
      helmignore,
      depth: 0,
    });
  }
  if (info.size > limits.maxTotalSize) {
    throw new ChartlintError(
      'limit-exceeded',
      `chart archive is larger than the maximum size ${limits.maxTotalSize}`,
      {
        location: { file: display },
      },
    );
  }
  const data = new Uint8Array(await readFile(absPath));
  return loadChartArchiveBytes(data, display, options);
}

/**
 * Loads a chart from `.tgz` bytes already in memory; `displayPath` names the archive in errors and locations.
 */
export async function loadChartArchiveBytes(
  data: Uint8Array,
  displayPath: string,
  options: LoadChartOptions = {},
): Promise<Chart> {
  const limits: LoadLimits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const { files, root } = await readChartArchive(data, displayPath, limits);
  return assembleChart(files, {
    origin: { dir: displayPath, archive: displayPath, archiveRoot: root },
    limits,
    readArchive: readChartArchive,
    depth: 0,
  });
}
