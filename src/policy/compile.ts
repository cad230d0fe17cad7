import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChartlintError } from '../diagnostics/errors.js';
import { ruleKind } from './conventions.js';
import { AGGREGATE_ENTRYPOINT, AGGREGATE_PACKAGE, type RuleFilter } from './module.js';
import { parseOpaErrors, requireOpa, runOpa, type OpaDiagnostic } from './opa-cli.js';
import { scanRegoModule } from './rego-scan.js';

/** A user's `.rego` file, read once (its text is hashed for the cache and scanned for rules). */
export interface RegoSource {
  file: string;
  text: string;
}

/** Bumped when the generated entry module or the build flags change, so older cache entries are not reused. */
const CACHE_FORMAT = 'chartlint-rego-1';

/** The conftest rules (and `exception`) of the selected packages, as sorted rule ids `<package>/<rule>`. */
export function conftestRuleIds(sources: readonly RegoSource[], filter: RuleFilter): string[] {
  const ids = new Set<string>();
  for (const source of sources) {
    const scanned = scanRegoModule(source.text);
    const pkg = scanned.pkg;
    if (pkg === undefined) continue;
    for (const rule of scanned.rules) {
      if (ruleKind(rule.name) !== undefined && filter(pkg, rule.name)) ids.add(`${pkg}/${rule.name}`);
    }
  }
  return [...ids].sort();
}

/** Quotes a package path and rule as a Rego reference that holds for any segment spelling. */
function regoRef(ruleId: string): string {
  const slash = ruleId.lastIndexOf('/');
  const segments = [...ruleId.slice(0, slash).split('.'), ruleId.slice(slash + 1)];
  return `data${segments.map((s) => `[${JSON.stringify(s)}]`).join('')}`;
}

/**
 * The generated module whose one rule collects every conftest rule's value under its rule id (see
 * AGGREGATE_ENTRYPOINT). Each line is its own definition, so an undefined rule only leaves its key out.
 */
export function aggregateModule(ruleIds: readonly string[]): string {
  const lines = [`package ${AGGREGATE_PACKAGE}`, '', 'import rego.v1', ''];
  for (const id of ruleIds) lines.push(`results[${JSON.stringify(id)}] := ${regoRef(id)}`);
  return `${lines.join('\n')}\n`;
}

/** The cache key of a compilation: the format, the rules collected, and every source's path and text. */
function cacheKey(sources: readonly RegoSource[], ruleIds: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`${CACHE_FORMAT}\0${ruleIds.join('\n')}\0`);
  for (const s of [...sources].sort((a, b) => (a.file < b.file ? -1 : 1)))
    hash.update(`${s.file}\0${s.text}\0`);
  return hash.digest('hex');
}

/** Options of {@link compileRego}. */
export interface CompileOptions {
  cacheDir: string;
  opaBin?: string;
  env: Record<string, string | undefined>;
}

/**
 * Compiles users' `.rego` sources to an `opa build -t wasm` bundle whose entry point aggregates `ruleIds`,
 * reusing `<cacheDir>/policies/<hash>.tar.gz` when the same sources were compiled before. Sources are compiled as
 * Rego v1 (opa 1.x's default); when that fails to parse and they compile as v0, v0 is used, so older conftest
 * policy directories keep working. Compile errors become ChartlintError('policy-invalid') at opa's file and line.
 */
export function compileRego(
  sources: readonly RegoSource[],
  ruleIds: readonly string[],
  options: CompileOptions,
): Buffer {
  const cacheDir = join(options.cacheDir, 'policies');
  const cached = join(cacheDir, `${cacheKey(sources, ruleIds)}.tar.gz`);
  if (existsSync(cached)) return readFileSync(cached);

  const opa = requireOpa(options.opaBin, options.env);
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'build-'));
  try {
    const entry = join(work, 'chartlint_entry.rego');
    writeFileSync(entry, aggregateModule(ruleIds));
    const out = join(work, 'bundle.tar.gz');
    const args = [
      'build',
      '-t',
      'wasm',
      '-e',
      AGGREGATE_ENTRYPOINT,
      '-o',
      out,
      ...sources.map((s) => s.file),
      entry,
    ];
    let run = runOpa(opa, args, options.env);
    if (run.status !== 0 && `${run.stderr}${run.stdout}`.includes('rego_parse_error')) {
      const v0 = runOpa(opa, [...args.slice(0, 1), '--v0-compatible', ...args.slice(1)], options.env);
      if (v0.status === 0) run = v0;
    }
    if (run.status !== 0) throw compileError(parseOpaErrors(run.stderr || run.stdout), entry);
    renameSync(out, cached);
    return readFileSync(cached);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The first diagnostic, located, with the others as details; errors in the generated module lose its path. */
function compileError(diagnostics: OpaDiagnostic[], entryFile: string): ChartlintError {
  const fixed = diagnostics.map((d) =>
    d.location?.file === entryFile.replace(/\\/g, '/')
      ? { message: `collecting the conftest rules failed: ${d.message}` }
      : d,
  );
  const first = fixed[0] ?? { message: 'opa build failed without a message' };
  return new ChartlintError('policy-invalid', `policy does not compile: ${first.message}`, {
    ...(first.location ? { location: first.location } : {}),
    details: fixed
      .slice(1)
      .map((d) => (d.location ? { message: d.message, location: d.location } : { message: d.message })),
  });
}
