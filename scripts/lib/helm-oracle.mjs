// Records what the real helm binary prints for small template cases. Used by scripts/record-goldens.mjs; the
// recordings are committed so that the test suite never needs helm.
//
// Each case is rendered as its own one-template chart named `oracle`:
// - output mode: the expression sits in a `define` in templates/_case.tpl and templates/t.yaml prints
//   `{{ include "case" . | b64enc }}`, so the exact bytes survive helm's document splitting and YAML checks;
// - error mode (only when output mode fails): the expression is templates/t.yaml itself, so the error text is
//   exactly what a user sees for that file.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHART_YAML = 'apiVersion: v2\nname: oracle\nversion: 0.1.0\nappVersion: "1.0.0"\n';

function run(helm, args) {
  return new Promise((resolve) => {
    execFile(
      helm,
      args,
      { maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH, HOME: tmpdir() } },
      (err, stdout, stderr) => resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function writeChart(dir, c, mode) {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), c.chartYaml ?? CHART_YAML);
  writeFileSync(join(dir, 'values.yaml'), c.values ?? '');
  if (c.helpers !== undefined) writeFileSync(join(dir, 'templates', '_helpers.tpl'), c.helpers);
  for (const [name, content] of Object.entries(c.files ?? {})) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  if (mode === 'output') {
    writeFileSync(join(dir, 'templates', '_case.tpl'), `{{ define "oracle.case" }}${c.template}{{ end }}`);
    writeFileSync(join(dir, 'templates', 't.yaml'), 'b64: {{ include "oracle.case" . | b64enc | quote }}\n');
  } else {
    writeFileSync(join(dir, 'templates', 't.yaml'), c.template);
  }
}

/** Normalises helm's stderr to the error message a user reads (without `Error: ` and the --debug hint). */
export function helmErrorText(stderr) {
  const lines = stderr.split('\n').filter((l) => !/^level=/.test(l) && !/^walk\.go:/.test(l));
  let text = lines.join('\n').trim();
  text = text.replace(/\n\nUse --debug flag to render out invalid YAML$/, '');
  if (text.startsWith('Error: ')) text = text.slice('Error: '.length);
  return text;
}

/** Renders one case; resolves to `{ output }` or `{ error }`. */
export async function recordCase(helm, c) {
  const base = mkdtempSync(join(tmpdir(), 'oracle-'));
  try {
    const outDir = join(base, 'out', 'oracle');
    writeChart(outDir, c, 'output');
    const args = ['template', join(base, 'out', 'oracle'), ...(c.args ?? [])];
    const r = await run(helm, args);
    if (r.code === 0) {
      const m = /^b64: "([A-Za-z0-9+/=]*)"$/m.exec(r.stdout);
      if (!m) throw new Error(`case ${c.id}: unexpected helm output ${JSON.stringify(r.stdout)}`);
      return { output: Buffer.from(m[1], 'base64').toString('utf8') };
    }
    const errDir = join(base, 'err', 'oracle');
    writeChart(errDir, c, 'error');
    const e = await run(helm, ['template', errDir, ...(c.args ?? [])]);
    if (e.code === 0) {
      // Fails only when wrapped in include (e.g. a define inside the expression): keep the wrapped error.
      return { error: helmErrorText(r.stderr), wrapped: true };
    }
    return { error: helmErrorText(e.stderr) };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** Records many cases with bounded concurrency, preserving their order. */
export async function recordCases(helm, cases, concurrency = 4) {
  const results = new Array(cases.length);
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const i = next++;
      results[i] = await recordCase(helm, cases[i]);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
