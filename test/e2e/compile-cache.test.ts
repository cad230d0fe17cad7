import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/cli.js';

beforeAll(() => ensureBuilt(), 240_000);

// bin/chartlint.js keeps V8's compiled code of the bundle between runs. On Node >= 22.1 Node's own compile cache does
// it (its files are Node's business); before that, the launcher writes one file per bundle, checked here.
const OWN_CACHE = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const CHART = ['fixtures/charts/rules-plaintext-secret', '--format', 'json'];

describe('the compile cache of bin/chartlint.js', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => runCli(CHART, { env: { CHARTLINT_COMPILE_CACHE: dir } });
  const files = () => readdirSync(dir).filter((f) => !f.endsWith('.tmp'));
  /** A fresh cache directory after one run: the output without a cache, and the cache file that run wrote. */
  const warmed = async () => {
    dir = mkdtempSync(join(tmpdir(), 'chartlint-cc-'));
    const plain = await runCli(CHART, { env: { CHARTLINT_COMPILE_CACHE: '0' } });
    await run();
    return { plain, file: files()[0]! };
  };

  it('is written by the first run and used, unchanged, by the next; the output never depends on it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'chartlint-cc-'));
    const plain = await runCli(CHART, { env: { CHARTLINT_COMPILE_CACHE: '0' } });
    expect(plain.stdout).toContain('plaintext-secret');
    const first = await run();
    expect(first).toEqual(plain);
    expect(files().length).toBeGreaterThan(0);
    if (!OWN_CACHE) return;
    const [file] = files();
    expect(files()).toHaveLength(1);
    const written = statSync(join(dir, file!));
    expect(written.mode & 0o077).toBe(0);
    expect(await run()).toEqual(plain);
    // Accepted by V8, so not written again.
    expect(statSync(join(dir, file!)).mtimeMs).toBe(written.mtimeMs);
  }, 60_000);

  it.runIf(OWN_CACHE)(
    'replaces a cache V8 rejects, and the run is still right',
    async () => {
      const { plain, file } = await warmed();
      writeFileSync(join(dir, file), 'not a code cache');
      expect(await run()).toEqual(plain);
      expect(readFileSync(join(dir, file), 'utf8')).not.toBe('not a code cache');
    },
    60_000,
  );

  it.runIf(OWN_CACHE)(
    'never runs a cache whose data was damaged (V8 would crash on it), and rewrites it',
    async () => {
      const { plain, file } = await warmed();
      const bytes = readFileSync(join(dir, file));
      for (const at of [400_000, 1_000_000].filter((o) => o < bytes.length)) bytes[at] = bytes[at]! ^ 0xff;
      writeFileSync(join(dir, file), bytes);
      expect(await run()).toEqual(plain);
      expect(readFileSync(join(dir, file)).equals(bytes)).toBe(false);
    },
    60_000,
  );

  it.runIf(OWN_CACHE)(
    'keeps one file per bundle: a rebuilt bundle drops the cache of the old one',
    async () => {
      const { file } = await warmed();
      const stale = `${file.split('-')[0]}-0000000000000000.bin`;
      const otherBundle = 'ffffffffffffffff-0000000000000000.bin';
      rmSync(join(dir, file));
      writeFileSync(join(dir, stale), 'old build');
      writeFileSync(join(dir, otherBundle), 'another installation');
      await run();
      expect(files().sort()).toEqual([file, otherBundle].sort());
    },
    60_000,
  );

  it.runIf(OWN_CACHE)(
    'neither reads nor writes a directory that others may write to',
    async () => {
      const { plain, file } = await warmed();
      // What another user could have planted: left alone, never used.
      writeFileSync(join(dir, file), 'planted');
      chmodSync(dir, 0o777);
      expect(await run()).toEqual(plain);
      expect(readFileSync(join(dir, file), 'utf8')).toBe('planted');
      expect(files()).toEqual([file]);
    },
    60_000,
  );
});
