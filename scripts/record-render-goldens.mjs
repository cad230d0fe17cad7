#!/usr/bin/env node
// Records what the real helm binary prints for the render fixtures: for every fixtures/render/<name>/render-cases.yaml
// (or the fixture directories given), runs `helm template [RELEASE] <chart> <args…>` in the fixture directory for
// each case and writes the sibling render.golden.json as { helm, cases: { id: { output } | { error } } }.
// The embedded renderer's differential test (test/render/embedded/differential.test.ts) compares against these.
// Usage: node scripts/record-render-goldens.mjs [fixtures/render/<name> …]
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'glob';
import YAML from 'yaml';
import { helmErrorText } from './lib/helm-oracle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const helm =
  process.env.HELM_BIN ||
  execFileSync('node', [join(root, 'scripts/get-helm.mjs')], { encoding: 'utf8' }).trim();

const dirs = process.argv.slice(2).length
  ? process.argv.slice(2).map((d) => resolve(d))
  : globSync('fixtures/render/*/render-cases.yaml', { cwd: root, absolute: true }).map(dirname).sort();

function run(cwd, args) {
  // A private, empty helm home: no repositories, no plugins, nothing from the user's configuration.
  const home = mkdtempSync(join(tmpdir(), 'render-golden-'));
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
  };
  return new Promise((done) => {
    execFile(helm, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      rmSync(home, { recursive: true, force: true });
      done(err ? { error: helmErrorText(stderr) } : { output: stdout });
    });
  });
}

for (const dir of dirs) {
  const spec = YAML.parse(readFileSync(join(dir, 'render-cases.yaml'), 'utf8'));
  const chart = spec.chart ?? 'chart';
  const out = { helm: 'v4.1.4', cases: {} };
  const ids = new Set();
  for (const c of spec.cases) {
    if (ids.has(c.id)) throw new Error(`${dir}: duplicate case id ${c.id}`);
    ids.add(c.id);
    const args = ['template', ...(c.release !== undefined ? [c.release] : []), chart, ...(c.args ?? [])];
    out.cases[c.id] = await run(dir, args);
  }
  writeFileSync(join(dir, 'render.golden.json'), JSON.stringify(out, null, 2) + '\n');
  process.stdout.write(`${basename(dir)}: ${spec.cases.length} cases\n`);
}
