import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The pinned helm binary when `npm run get-helm` has fetched it (CI always does), else undefined. */
export const HELM = [process.env.HELM_BIN, resolve(ROOT, '.tools/helm')].find((p) => p && existsSync(p));

/** Runs the built CLI; resolves with its exit code and output. Never rejects on a non-zero exit. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [resolve(ROOT, 'bin/chartlint.js'), ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env } as NodeJS.ProcessEnv,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

let built = false;

/**
 * End-to-end tests run the real `bin/chartlint.js`, which loads the bundle built from `dist/`: build once per test
 * worker before using it (the build writes its outputs atomically), so the tests always exercise the current sources.
 */
export function ensureBuilt(): void {
  if (built) return;
  // Type errors are the typecheck step's to report: --keep-going bundles what tsc emitted anyway.
  execFileSync(process.execPath, [resolve(ROOT, 'scripts/build.mjs'), '--keep-going'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  built = true;
}
