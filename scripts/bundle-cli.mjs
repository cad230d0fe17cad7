#!/usr/bin/env node
// Bundles the compiled CLI (part of `npm run build`, after tsc): dist/cli/main.js and the lint worker
// dist/engine/worker.js become dist/bundle/cli.js and dist/bundle/worker.js, CommonJS, npm dependencies inside.
// Why: a small chart's lint was dominated by loading ~400 module files one by one (resolve, stat, read, compile
// each). One file per thread loads in one go, and bin/chartlint.js can keep V8's compiled code of it between runs.
// kubernetes-models is required by name at run time (dist/manifests/kube-models.js); in the bundle that module becomes
// a table of every model of the package, so the models are bundled too and each runs only when its kind occurs.
// The library entry (dist/index.js) stays unbundled ES modules.
// Usage: node scripts/bundle-cli.mjs
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from './lib/write-atomically.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `kubernetes-models/<group>/<version>/<Kind>` of every model module the installed package has. */
function kubeModelSpecifiers() {
  const pkgDir = dirname(createRequire(join(root, 'package.json')).resolve('kubernetes-models/package.json'));
  const specifiers = [];
  for (const group of readdirSync(pkgDir).sort()) {
    if (group.startsWith('_') || !statSync(join(pkgDir, group)).isDirectory()) continue;
    // The core group has no name ("v1/Pod"); the others are "<group>/<version>/<Kind>".
    const versionDirs = /^v[0-9]/.test(group)
      ? [['', group]]
      : readdirSync(join(pkgDir, group)).map((v) => [group, v]);
    for (const [g, version] of versionDirs.sort()) {
      const dir = join(pkgDir, g, version);
      if (!statSync(dir).isDirectory()) continue;
      for (const file of readdirSync(dir).sort()) {
        const kind = /^([A-Z][A-Za-z0-9]*)\.js$/.exec(file)?.[1];
        if (kind) specifiers.push(`kubernetes-models/${g ? `${g}/` : ''}${version}/${kind}`);
      }
    }
  }
  return specifiers;
}

/** Replaces dist/manifests/kube-models.js's `requireKubeModel` with a table the bundler can follow. */
const kubeModelTable = {
  name: 'kube-model-table',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]manifests[\\/]kube-models\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const original = await readFile(args.path, 'utf8');
      const entries = kubeModelSpecifiers().map(
        (s) => `  ${JSON.stringify(s)}: () => require(${JSON.stringify(s)}),`,
      );
      const table = [
        'const kubeModelTable = {',
        ...entries,
        '};',
        'export const requireKubeModel = (specifier) => {',
        '  if (!Object.hasOwn(kubeModelTable, specifier)) {',
        "    throw Object.assign(new Error(`Cannot find module '${specifier}'`), { code: 'MODULE_NOT_FOUND' });",
        '  }',
        '  return kubeModelTable[specifier]();',
        '};',
      ].join('\n');
      const replaced = original.replace(/^export const requireKubeModel = .*$/m, table);
      if (replaced === original) throw new Error(`${args.path}: no requireKubeModel declaration to replace`);
      return { contents: replaced, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Builds dist/bundle/. It sits two levels below the package root like dist/<layer>/, so URLs relative to a module
 * (`../../rules/…`) resolve the same from the bundle as from the unbundled modules.
 */
export async function bundleCli({ outDir = join(root, 'dist/bundle') } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'dist/cli/main.js', worker: 'dist/engine/worker.js' },
    outdir: outDir,
    write: false,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins: [kubeModelTable],
    // ajv-formats-draft2019 (through kubernetes-models) depends on the punycode package but requires it by the bare
    // name, which Node resolves to its deprecated built-in copy: Node >= 21 then warns on stderr at every run.
    alias: { punycode: 'punycode/punycode.js' },
    // The sources locate their data files from import.meta.url, which CommonJS has not.
    define: { 'import.meta.url': '__chartlintModuleUrl' },
    banner: { js: 'const __chartlintModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    legalComments: 'linked',
    // Minified: the bundle is read at every start, and compiled when there is no code cache; a third smaller source
    // and cache took ~30 ms off a small chart's lint. It also keeps the file ASCII, which Node reads several times
    // faster. keepNames keeps functions' and classes' `name`, which dependencies and stack traces may rely on.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    keepNames: true,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) {
    // A first line naming the content: bin/chartlint.js keys its code cache by it (V8 only compares lengths).
    const id = file.path.endsWith('.js')
      ? `//chartlint-bundle ${createHash('sha256').update(file.contents).digest('hex')}\n`
      : '';
    writeAtomically(file.path, Buffer.concat([Buffer.from(id), file.contents]));
  }
  // The package is "type": "module"; these .js files are CommonJS.
  writeAtomically(join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundleCli().catch((e) => {
    process.stderr.write(`bundle-cli: ${e.message}\n`);
    process.exitCode = 1;
  });
}
