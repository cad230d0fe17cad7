#!/usr/bin/env node
// Re-records the helm goldens of template case files: for every `*.cases.yaml` given (default: all under
// fixtures/), writes the sibling `*.golden.json` with what helm v4.1.4 printed for each case.
// Usage: node scripts/record-goldens.mjs [FILE.cases.yaml …]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'glob';
import YAML from 'yaml';
import { recordCases } from './lib/helm-oracle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const helm =
  process.env.HELM_BIN ||
  execFileSync('node', [join(root, 'scripts/get-helm.mjs')], { encoding: 'utf8' }).trim();

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : globSync('fixtures/**/*.cases.yaml', { cwd: root, absolute: true }).sort();

for (const file of files) {
  const doc = YAML.parse(readFileSync(file, 'utf8'));
  const cases = doc.cases.map((c) => ({
    ...c,
    values: c.values ?? doc.values,
    helpers: c.helpers ?? doc.helpers,
    args: c.args ?? doc.args,
  }));
  const ids = new Set();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`${file}: duplicate case id ${c.id}`);
    ids.add(c.id);
  }
  const results = await recordCases(helm, cases);
  const out = { helm: 'v4.1.4', cases: {} };
  cases.forEach((c, i) => (out.cases[c.id] = results[i]));
  const target = file.replace(/\.cases\.yaml$/, '.golden.json');
  writeFileSync(target, JSON.stringify(out, null, 2) + '\n');
  process.stdout.write(`${target}: ${cases.length} cases\n`);
}
