#!/usr/bin/env node
// Starts the bundled CLI (dist/bundle/cli.js, built by `npm run build`) and keeps V8's compiled code of it between
// runs, because on every commit most of a small chart's lint time would otherwise go to compiling the same 2 MB of
// JavaScript again. Node >= 22.1 does this itself (module.enableCompileCache, which also covers the dependencies
// loaded from node_modules); on older versions the bundle is compiled through vm.Script with a cache file in the
// temporary directory, written after the run so that it holds every function the run compiled.
// CHARTLINT_COMPILE_CACHE=0 (or NODE_DISABLE_COMPILE_CACHE=1) turns the cache off; CHARTLINT_COMPILE_CACHE=<dir>
// puts it elsewhere.
'use strict';
// CommonJS (bin/package.json), because an ES module entry costs Node its module loader's start-up too.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '../dist/bundle/cli.js');
const setting = process.env.CHARTLINT_COMPILE_CACHE;
const cacheOff = setting === '0' || setting === 'false' || process.env.NODE_DISABLE_COMPILE_CACHE === '1';

/** The bundle's exports, compiled with a code cache when there is one to use. */
function loadBundle() {
  const require = Module.createRequire(BUNDLE);
  if (cacheOff) return require(BUNDLE);
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(setting || undefined);
    return require(BUNDLE);
  }
  // The build writes the bundle as ASCII (esbuild escapes the rest), so latin1 reads it exactly, without the UTF-8
  // decoder's cost on 6 MB.
  const source = readFileSync(BUNDLE, 'latin1');
  // One cache file per bundle file and Node build: V8 rejects data from another Node, and a rebuilt or reinstalled
  // bundle has another modification time. (Hashing the 8 MB text would cost more than the cache saves.)
  const { size, mtimeMs, ino } = statSync(BUNDLE);
  const key = createHash('sha256')
    .update(`${process.version}\0${process.arch}\0${BUNDLE}\0${size}\0${mtimeMs}\0${ino}`)
    .digest('hex')
    .slice(0, 32);
  const dir = setting || join(tmpdir(), `chartlint-compile-cache-${process.getuid?.() ?? 'user'}`);
  const cacheFile = join(dir, `${key}.bin`);
  let cached;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData: cached });
  if (cached === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // A cache that cannot be written only costs the next run its speed.
      }
    });
  }
  const exports = {};
  const moduleObject = { exports, filename: BUNDLE, id: BUNDLE, loaded: false };
  script.runInThisContext()(exports, require, moduleObject, BUNDLE, dirname(BUNDLE));
  return moduleObject.exports;
}

let main;
try {
  ({ main } = loadBundle());
} catch (err) {
  process.stderr.write(
    `chartlint: cannot load ${BUNDLE} (${err && err.message ? err.message : String(err)}); run "npm run build"\n`,
  );
  process.exit(2);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: the CLI catches everything it knows; this only fires on a bug.
    process.stderr.write(`chartlint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
