/**
 * Finding and reading `.chartlint.yaml`: looked up from each chart's directory upwards (stopping at the repository
 * root, the directory holding `.git`), or given explicitly. The file is parsed with positions and validated against
 * the shipped schema; every problem is reported at once, each at its line and column.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Location, ValueSpan } from '../diagnostics/location.js';
import { validateConfigData } from './schema.js';
import type { ChartlintConfig } from './types.js';

/** Names looked up in each directory, in order. */
export const CONFIG_FILE_NAMES = ['.chartlint.yaml', '.chartlint.yml'];

/** A configuration and where it came from. */
export interface LoadedConfig {
  /** Display path of the file (relative to the working directory), absent when no file was found. */
  file?: string;
  /** Absolute directory of the file: paths inside it (policies) are relative to it. */
  dir?: string;
  config: ChartlintConfig;
  /**
   * Where each `environments.<name>.set.<key>` value sits in the file (character offsets), so that findings about a
   * value set here point at this line.
   */
  setSpans?: Record<string, Record<string, ValueSpan>>;
}

function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

// Synchronous file system calls: a handful of small sequential look-ups per chart, where asynchronous ones only
// waited for thread-pool round trips (see chart/load-dir.ts). A path that cannot be examined counts as absent.
function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const isFile = (path: string): boolean => statOf(path)?.isFile() ?? false;
const isDirectory = (path: string): boolean => statOf(path)?.isDirectory() ?? false;
const exists = (path: string): boolean => statOf(path) !== undefined;

/**
 * The nearest `.chartlint.yaml` at or above `startDir` (absolute), not above the repository root. Undefined when
 * there is none.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (exists(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The node at `path` in a YAML document, and the pair's key node when the last step is a map key. */
function nodeAt(document: Document, path: (string | number)[]): { node?: YamlNode; key?: YamlNode } {
  let node: YamlNode | undefined = (document.contents ?? undefined) as YamlNode | undefined;
  let key: YamlNode | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step),
      );
      if (!pair) return { ...(node ? { node } : {}) };
      key = pair.key as YamlNode;
      node = (pair.value ?? undefined) as YamlNode | undefined;
      if (!node) return { node: key, key };
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as YamlNode | undefined;
      if (!item) return { node };
      node = item;
      key = undefined;
    } else {
      return { ...(node ? { node } : {}) };
    }
  }
  return { ...(node ? { node } : {}), ...(key ? { key } : {}) };
}

function locate(file: string, counter: LineCounter, node: YamlNode | undefined): Location {
  const range = node?.range;
  if (!range) return { file, startLine: 1, startColumn: 1 };
  const start = counter.linePos(range[0]);
  const end = counter.linePos(range[1]);
  return { file, startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: end.col };
}

/** The path as a reader sees it: `environments.prod.namespace`, `exclude[0].kind`. */
function pathText(path: (string | number)[]): string {
  return (
    path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('') ||
    '(root)'
  );
}

/**
 * Parses and validates configuration text. `file` is the display path used in locations. Throws one
 * `config-invalid` error whose `details` list every problem with its location.
 */
export function parseConfig(text: string, file: string): ChartlintConfig {
  return parseConfigDocument(text, file).config;
}

/** {@link parseConfig}, keeping the YAML document for the value positions. */
function parseConfigDocument(text: string, file: string): { config: ChartlintConfig; document: Document } {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length > 0) {
    const details = document.errors.map((error) => {
      const at = counter.linePos(error.pos[0]);
      return {
        message: error.message.split('\n')[0] ?? error.message,
        location: { file, startLine: at.line, startColumn: at.col },
      };
    });
    throw new ChartlintError('config-invalid', `${file}: invalid YAML: ${details[0]?.message ?? ''}`, {
      ...(details[0] ? { location: details[0].location } : {}),
      details,
    });
  }
  const data: unknown = document.toJS({ maxAliasCount: 1000 }) ?? {};
  const problems = validateConfigData(data);
  if (problems.length > 0) {
    const details = problems.map((problem) => {
      const { node, key } = nodeAt(document, problem.path);
      return {
        message: `${pathText(problem.path)}: ${problem.message}`,
        location: locate(file, counter, problem.onKey ? (key ?? node) : node),
      };
    });
    const count = details.length === 1 ? '1 problem' : `${details.length} problems`;
    throw new ChartlintError('config-invalid', `${file}: invalid configuration (${count})`, {
      ...(details[0] ? { location: details[0].location } : {}),
      details,
    });
  }
  return { config: data as ChartlintConfig, document };
}

/** The spans of every `environments.<name>.set.<key>` value of a valid configuration. */
function setSpansOf(config: ChartlintConfig, document: Document): Record<string, Record<string, ValueSpan>> {
  const spans: Record<string, Record<string, ValueSpan>> = {};
  for (const [name, env] of Object.entries(config.environments ?? {})) {
    for (const key of Object.keys(env.set ?? {})) {
      const span = spanTreeOf(nodeAt(document, ['environments', name, 'set', key]).node);
      if (span) (spans[name] ??= {})[key] = span;
    }
  }
  return spans;
}

/** A node's range with those of the values nested in it (map values by key, list items by index). */
function spanTreeOf(node: YamlNode | undefined): ValueSpan | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const span: ValueSpan = { start: range[0], end: range[1] };
  const children: Record<string, ValueSpan> = {};
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const child = spanTreeOf((item.value ?? undefined) as YamlNode | undefined);
      if (child) children[String(item.key.value)] = child;
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = spanTreeOf(item as YamlNode);
      if (child) children[String(i)] = child;
    });
  }
  if (Object.keys(children).length > 0) span.children = children;
  return span;
}

/** Reads and validates the configuration file at `path` (absolute or relative to `cwd`). */
export async function loadConfigFile(path: string, cwd: string): Promise<LoadedConfig> {
  const abs = resolve(cwd, path);
  const file = displayPath(cwd, abs);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new ChartlintError('config-invalid', `cannot read configuration file ${file}`, {
      location: { file },
    });
  }
  const { config, document } = parseConfigDocument(text, file);
  return { file, dir: dirname(abs), config, setSpans: setSpansOf(config, document) };
}

/** Options of {@link loadConfigForChart}. */
export interface LoadConfigOptions {
  /** Base of display paths and of a relative `explicitPath` (default: the process's working directory). */
  cwd?: string;
  /** `--config FILE`: use this file instead of looking one up. */
  explicitPath?: string;
}

/**
 * The configuration that applies to the chart at `chartPath` (absolute, a directory or a `.tgz`): the explicit file
 * if given, else the nearest `.chartlint.yaml` above it, else an empty configuration.
 */
export async function loadConfigForChart(
  chartPath: string,
  options: LoadConfigOptions = {},
): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd ?? '.');
  if (options.explicitPath !== undefined) return loadConfigFile(options.explicitPath, cwd);
  const start = isDirectory(chartPath) ? chartPath : dirname(chartPath);
  const file = findConfigFile(start);
  return file === undefined ? { config: {} } : loadConfigFile(file, cwd);
}
