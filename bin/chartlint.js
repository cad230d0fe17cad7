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
const { createHash, randomBytes } = require('node:crypto');
const {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '../dist/bundle/cli.js');
const setting = process.env.CHARTLINT_COMPILE_CACHE;
const cacheOff = setting === '0' || setting === 'false' || process.env.NODE_DISABLE_COMPILE_CACHE === '1';
/** The cache directory: CHARTLINT_COMPILE_CACHE when it names one, else a per-user one in the temporary directory. */
const CACHE_DIR =
  setting && setting !== '1' && setting !== 'true'
    ? setting
    : join(tmpdir(), `chartlint-compile-cache-${process.getuid?.() ?? 'user'}`);

/**
 * Where the cache of this bundle lives: one file per bundle path and Node build (V8 rejects data from another build),
 * named also by the bundle's content hash, which the build writes on its first line — V8 itself only compares the
 * source's length, so a cache of another build of the same length would run that build's code. Undefined for a
 * bundle without that line: it runs without a cache.
 */
function cacheLocation(dir, source) {
  const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  const buildId = /^\/\/chartlint-bundle ([0-9a-f]{64})\n/.exec(source.slice(0, 100))?.[1];
  if (buildId === undefined) return undefined;
  const prefix = `${hash(`${process.version}\0${process.arch}\0${BUNDLE}`)}-`;
  return { dir, prefix, file: join(dir, `${prefix}${hash(buildId)}.bin`) };
}

/**
 * The cache file is the SHA-256 of V8's data followed by the data: Node 20's V8 checks only a header, and flipped
 * bytes in the data crash the process before it could replace the file, at every run.
 */
function readCache(file) {
  const bytes = readFileSync(file);
  if (bytes.length <= 32) return undefined;
  const data = bytes.subarray(32);
  return createHash('sha256').update(data).digest().equals(bytes.subarray(0, 32)) ? data : undefined;
}

/**
 * True for a directory of the current user that nobody else may write to: compiled code is only read from there, as
 * data planted by another user in a shared temporary directory would run as ours.
 */
function privateDir(dir) {
  try {
    const st = lstatSync(dir);
    return (
      st.isDirectory() &&
      (process.getuid === undefined || st.uid === process.getuid()) &&
      (st.mode & 0o022) === 0
    );
  } catch {
    return false;
  }
}

/** Writes the cache after the run (so it holds every function the run compiled) and drops this bundle's older ones. */
function writeCache(cache, script) {
  try {
    mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    if (!privateDir(cache.dir)) return;
    // Unique even for processes of equal pid in containers that share the directory.
    const temp = `${cache.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), data]), { mode: 0o600 });
    renameSync(temp, cache.file);
    for (const name of readdirSync(cache.dir)) {
      if (name.startsWith(cache.prefix) && name.endsWith('.bin') && join(cache.dir, name) !== cache.file) {
        rmSync(join(cache.dir, name), { force: true });
      }
    }
  } catch {
    // A cache that cannot be written only costs the next run its speed.
  }
}

/** The bundle's exports, compiled with a code cache when there is one to use. */
function loadBundle() {
  const require = Module.createRequire(BUNDLE);
  if (cacheOff) return require(BUNDLE);
  if (typeof Module.enableCompileCache === 'function') {
    // Node's own cache, in the same private directory (Node's default is shared by every user of the machine).
    try {
      mkdirSync(CACHE_DIR, { recursive: true, mode: 0o700 });
    } catch {
      // Checked next.
    }
    if (privateDir(CACHE_DIR)) Module.enableCompileCache(join(CACHE_DIR, 'node'));
    return require(BUNDLE);
  }
  // The build writes the bundle as ASCII (esbuild escapes the rest), so latin1 reads it exactly, without the UTF-8
  // decoder's cost on 6 MB.
  const source = readFileSync(BUNDLE, 'latin1');
  const cache = cacheLocation(CACHE_DIR, source);
  if (!cache) return require(BUNDLE);
  let cached;
  try {
    cached = privateDir(cache.dir) ? readCache(cache.file) : undefined;
  } catch {
    cached = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData: cached });
  if (cached === undefined || script.cachedDataRejected)
    process.once('exit', () => writeCache(cache, script));
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
