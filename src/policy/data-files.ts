import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import YAML from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';

const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * Merges two base documents as OPA's loader does: objects merge key by key; any other value present on both sides
 * is a conflict (ChartlintError('policy-invalid') naming `label` and the key path).
 */
export function mergeData(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  label: string,
  at: string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (isObject(existing) && isObject(value))
      out[key] = mergeData(existing, value, label, [...at, key]);
    else {
      throw new ChartlintError(
        'policy-invalid',
        `${label}: data.${[...at, key].join('.')} is already defined by another data file.`,
        { location: { file: label } },
      );
    }
  }
  return out;
}

/** Every data file under `path` (itself when it is a file), sorted so the merge order is stable. */
function dataFilesUnder(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch (err) {
    throw new ChartlintError(
      'io',
      `${path}: cannot read data (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        location: { file: path },
        cause: err,
      },
    );
  }
  if (!stats.isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) out.push(...dataFilesUnder(child));
    else if (DATA_EXTENSIONS.has(extname(name))) out.push(child);
  }
  return out;
}

function parseDataFile(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  let doc: unknown;
  if (extname(file) === '.json') {
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new ChartlintError('policy-invalid', `invalid JSON data: ${(err as Error).message}`, {
        location: { file },
      });
    }
  } else {
    const parsed = YAML.parseDocument(text);
    const first = parsed.errors[0];
    if (first) {
      const pos = first.linePos?.[0];
      throw new ChartlintError('policy-invalid', `invalid YAML data: ${first.message.split('\n')[0]}`, {
        location: { file, ...(pos ? { startLine: pos.line, startColumn: pos.col } : {}) },
      });
    }
    doc = parsed.toJS();
  }
  if (doc === null || doc === undefined) return {};
  if (!isObject(doc)) {
    throw new ChartlintError(
      'policy-invalid',
      'a data file must hold an object (its keys become data.<key>).',
      {
        location: { file },
      },
    );
  }
  return doc;
}

/**
 * Loads `--data` paths as conftest does: every `.json`, `.yaml` and `.yml` file (directories are walked) is merged
 * at the root of `data`, so `exclusions.yaml` holding `services: …` is `data.services`.
 */
export function loadDataFiles(paths: string[]): Record<string, unknown> {
  let data: Record<string, unknown> = {};
  for (const path of paths) {
    for (const file of dataFilesUnder(path)) data = mergeData(data, parseDataFile(file), file);
  }
  return data;
}
