/**
 * Finding the charts to lint from command-line paths (DESIGN.md §9, pre-commit): directories are searched for
 * chart roots, `.tgz` files are charts, and any other file maps to the chart that contains it.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ChartlintError } from '../diagnostics/errors.js';
import { toDisplayPath } from './load.js';

/** The file-system view discovery needs (injectable for tests). */
export interface DiscoverFs {
  /** What `path` is, following symbolic links; undefined when it does not exist. */
  kind(path: string): Promise<'file' | 'directory' | 'other' | undefined>;
  /** The entries of a directory; `isDirectory` is false for symbolic links (the walk does not follow them). */
  list(path: string): Promise<{ name: string; isDirectory: boolean }[]>;
}

/**
 * The real file system, through synchronous calls: the walk makes many small sequential look-ups, and asynchronous
 * ones only waited for thread-pool round trips (see load-dir.ts).
 */
export const nodeDiscoverFs: DiscoverFs = {
  async kind(path) {
    let info;
    try {
      info = statSync(path, { throwIfNoEntry: false });
    } catch {
      info = undefined;
    }
    if (!info) return undefined;
    return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
  },
  async list(path) {
    const entries = readdirSync(path, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  },
};

/** The result of {@link discoverCharts}. */
export interface DiscoveryResult {
  /** Chart roots (directories or `.tgz` files), display paths relative to `cwd`, sorted, each once. */
  charts: string[];
  /** Paths that do not exist (`io`) and directories without any chart (`usage`), located at the path given. */
  errors: ChartlintError[];
  /** File arguments that are not inside any chart (pre-commit passes every changed file; these are not errors). */
  skipped: string[];
}

/** Directories never searched for charts. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Options of {@link discoverCharts}. */
export interface DiscoverOptions {
  /** Base of relative paths and of display paths (default: the process's working directory). */
  cwd?: string;
  fs?: DiscoverFs;
}

async function hasChartYaml(fs: DiscoverFs, dir: string): Promise<boolean> {
  return (await fs.kind(join(dir, 'Chart.yaml'))) === 'file';
}

/**
 * The outermost chart root containing `start` (a directory): the nearest directory with a Chart.yaml, then up through
 * `<chart>/charts/<sub>` nesting so a subchart maps to the chart that holds it.
 */
async function chartRootAbove(fs: DiscoverFs, start: string): Promise<string | undefined> {
  let dir = start;
  let root: string | undefined;
  for (;;) {
    if (await hasChartYaml(fs, dir)) {
      root = dir;
      break;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  for (;;) {
    const chartsDir = dirname(root);
    const holder = dirname(chartsDir);
    if (chartsDir.endsWith('/charts') || chartsDir.endsWith('\\charts')) {
      if (holder !== chartsDir && (await hasChartYaml(fs, holder))) {
        root = holder;
        continue;
      }
    }
    return root;
  }
}

/** Chart roots at or below `dir`, not descending into a chart's `charts/` nor into skipped directories. */
async function chartsBelow(fs: DiscoverFs, dir: string, out: string[]): Promise<void> {
  const isChart = await hasChartYaml(fs, dir);
  if (isChart) out.push(dir);
  const entries = await fs.list(dir).catch(() => []);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isDirectory || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    if (isChart && entry.name === 'charts') continue;
    await chartsBelow(fs, join(dir, entry.name), out);
  }
}

/**
 * Maps command-line paths to chart roots: directories are searched (a directory with no chart below it maps to the
 * chart containing it, if any); `.tgz` files are charts unless they sit in a chart's `charts/`; other files map to
 * their outermost chart root.
 */
export async function discoverCharts(
  paths: string[],
  options: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  const cwd = resolve(options.cwd ?? '.');
  const fs = options.fs ?? nodeDiscoverFs;
  const roots = new Set<string>();
  const errors: DiscoveryResult['errors'] = [];
  const skipped: string[] = [];

  for (const path of paths) {
    const abs = resolve(cwd, path);
    const kind = await fs.kind(abs);
    if (kind === undefined) {
      errors.push(
        new ChartlintError('io', `${path}: no such file or directory`, { location: { file: path } }),
      );
      continue;
    }
    if (kind === 'directory') {
      const found: string[] = [];
      await chartsBelow(fs, abs, found);
      if (found.length === 0) {
        const root = await chartRootAbove(fs, abs);
        if (root) roots.add(root);
        else {
          errors.push(
            new ChartlintError('usage', `${path}: no Helm chart (Chart.yaml) found in this directory`, {
              location: { file: path },
            }),
          );
        }
      }
      for (const root of found) roots.add(root);
      continue;
    }
    const root = await chartRootAbove(fs, dirname(abs));
    if (root) roots.add(root);
    else if (abs.endsWith('.tgz')) roots.add(abs);
    else skipped.push(path);
  }
  const charts = [...new Set([...roots].map((root) => toDisplayPath(cwd, root)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return { charts, errors, skipped };
}
