/**
 * The user's values for one render: `-f` files and the `--set` family merged into one map in Helm's fixed order
 * (helm-render-spec.md §3.1), before they meet any chart defaults.
 */
import { ChartlintError } from '../diagnostics/errors.js';
import { GoMap } from './model.js';
import { mergeMaps } from './merge.js';
import { type FileSpan, type SetFileReader, type SetFlag, parseSetInto } from './strvals.js';
import { loadValuesYaml } from './yaml11.js';

/** A `-f` values file, already read. */
export interface UserValuesFile {
  /** The path as the user gave it (shown in errors and origins). */
  path: string;
  text: string;
  /** Whether the path names a repository file (false for stdin or URLs); default true. */
  isFile?: boolean;
}

/** Everything the user supplied; each list keeps command-line order. */
export interface UserValuesInput {
  valuesFiles?: readonly UserValuesFile[];
  setJson?: readonly string[];
  set?: readonly string[];
  setString?: readonly string[];
  setFile?: readonly string[];
  setLiteral?: readonly string[];
  /** Reads the files named by `--set-file` values. */
  readFile?: SetFileReader;
  /** For each `setJson` entry (same order), where it is written in a repository file, if it is (config `set:`). */
  setJsonOrigins?: readonly (FileSpan | undefined)[];
}

/** Helm applies the flag families in this order whatever their order on the command line; later wins. */
const FLAG_ORDER: readonly [SetFlag, keyof UserValuesInput][] = [
  ['--set-json', 'setJson'],
  ['--set', 'set'],
  ['--set-string', 'setString'],
  ['--set-file', 'setFile'],
  ['--set-literal', 'setLiteral'],
];

/**
 * Merges user values as Helm's `MergeValues` does: `-f` files deep-merged in order (maps merge, everything
 * else is replaced), then `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal` parsed into the
 * result. Throws ChartlintError('values-invalid') with Helm's texts (`failed to parse f.yaml: …`,
 * `failed parsing --set data: …`).
 */
export function mergeUserValues(input: UserValuesInput): GoMap {
  let base = new GoMap();
  for (const file of input.valuesFiles ?? []) {
    let current: GoMap;
    try {
      current = loadValuesYaml(file.text, file.path, { isFile: file.isFile ?? true });
    } catch (e) {
      if (!(e instanceof ChartlintError)) throw e;
      throw new ChartlintError(e.code, `failed to parse ${file.path}: ${e.message}`, {
        ...(e.location ? { location: e.location } : {}),
      });
    }
    base = mergeMaps(base, current);
  }
  for (const [flag, field] of FLAG_ORDER) {
    const args = input[field] as readonly string[] | undefined;
    (args ?? []).forEach((arg, i) => {
      const origin = field === 'setJson' ? input.setJsonOrigins?.[i] : undefined;
      parseSetInto(flag, arg, base, {
        ...(input.readFile ? { readFile: input.readFile } : {}),
        ...(origin ? { origin } : {}),
      });
    });
  }
  return base;
}
