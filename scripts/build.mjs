#!/usr/bin/env node
// `npm run build`: TypeScript → dist/ (the library), the data tables → dist/data/, the CLI → dist/bundle/.
// `--keep-going` still compiles the data and the bundle when tsc reports type errors (tsc emits anyway); the
// end-to-end tests use it so that a type error is reported by the typecheck step, not as a missing build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData } from './build-data.mjs';
import { bundleCli } from './bundle-cli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keepGoing = process.argv.includes('--keep-going');

try {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  } catch (e) {
    if (!keepGoing || !existsSync(join(root, 'dist/cli/main.js')))
      throw new Error('tsc failed', { cause: e });
  }
  buildData();
  await bundleCli();
} catch (e) {
  process.stderr.write(`build: ${e.message}\n`);
  process.exitCode = 1;
}
