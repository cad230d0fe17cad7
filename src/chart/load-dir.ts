/**
 * Reading a chart from a directory as Helm's `LoadDir` does: a lexical walk that follows symbolic links, applies the
 * root `.helmignore` (plus `templates/.?*`) to files and whole directories, rejects irregular files and files above
 * the size cap, and strips a UTF-8 BOM from every file.
 *
 * The file system calls are synchronous on purpose: a chart is dozens of small files read one after the other, and
 * each asynchronous call waited for a thread-pool round trip — a tenth of a lint run's wall time was the main thread
 * idle in chart loading. Nothing else runs on a lint thread meanwhile (worker threads load their own charts).
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ChartlintError } from '../diagnostics/errors.js';
import type { LoadedFile } from './assemble.js';
import { parseHelmIgnore } from './helmignore.js';
import type { LoadLimits } from './limits.js';
import { joinPath, makeChartFile, sourceFileOf, stripBom } from './source-file.js';
import type { HelmIgnore } from './types.js';

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads the files of the chart in `absDir` (`displayDir` is its display path). Returns them with chart-relative
 * names, lexically ordered, and the ignore rules used.
 */
export async function readChartDir(
  absDir: string,
  displayDir: string,
  limits: LoadLimits,
): Promise<{ files: LoadedFile[]; helmignore: HelmIgnore }> {
  let ignoreData: Buffer | undefined;
  try {
    ignoreData = readFileSync(join(absDir, '.helmignore'));
  } catch {
    ignoreData = undefined;
  }
  const helmignore = parseHelmIgnore(
    ignoreData === undefined
      ? undefined
      : sourceFileOf({ dir: displayDir }, makeChartFile('.helmignore', stripBom(new Uint8Array(ignoreData)))),
  );
  const files: LoadedFile[] = [];
  const visiting = new Set<string>();

  function walk(absPath: string, relDir: string): void {
    const real = realpathSync(absPath);
    // A directory reached again through a symlink loop would never end.
    if (visiting.has(real)) {
      throw new ChartlintError('chart-invalid', 'symbolic link loop in chart directory', {
        location: { file: joinPath(displayDir, relDir) },
      });
    }
    visiting.add(real);
    const names = readdirSync(absPath).sort(compareNames);
    for (const name of names) {
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const abs = join(absPath, name);
      const display = joinPath(displayDir, rel);
      let info: ReturnType<typeof statSync>;
      try {
        info = statSync(abs);
      } catch {
        throw new ChartlintError('io', `cannot read ${display}: broken symbolic link or unreadable file`, {
          location: { file: display },
        });
      }
      if (info.isDirectory()) {
        if (!helmignore.ignores(rel, true)) walk(abs, rel);
        continue;
      }
      if (helmignore.ignores(rel, false)) continue;
      if (!info.isFile()) {
        throw new ChartlintError(
          'chart-invalid',
          `cannot load irregular file ${display} as it has file mode type bits set`,
          {
            location: { file: display },
          },
        );
      }
      if (info.size > limits.maxFileSize) {
        throw new ChartlintError(
          'limit-exceeded',
          `chart file ${JSON.stringify(name)} is larger than the maximum file size ${limits.maxFileSize}`,
          { location: { file: display } },
        );
      }
      files.push({ name: rel, data: stripBom(new Uint8Array(readFileSync(abs))) });
    }
    visiting.delete(real);
  }

  walk(absDir, '');
  return { files, helmignore };
}
