import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Node as YamlNode, Document } from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';
import { positionAt, spanOf, type Location } from '../diagnostics/location.js';
import type { SourceFile, YamlNodeRange, YamlSourceFile } from './types.js';

/** A path into a YAML document: map keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** The text form of a YAML path used as the key of {@link YamlSourceFile.ranges}: `dependencies[1].version`. */
export function yamlPathKey(path: YamlPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[^.[\]"]+$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** A parsed YAML source: the file with its path → range map, and the first document's root node (null if empty). */
export interface ParsedYamlSource {
  file: YamlSourceFile;
  document: Document.Parsed | undefined;
  root: YamlNode | null;
}

/** The location of `[start, end)` in `file`. */
export function locationIn(file: SourceFile, start: number, end: number): Location {
  return { file: file.path, ...spanOf(file.lineStarts, start, end) };
}

/** The location of a YAML node in `file` (the file itself when the node has no range). */
export function nodeLocation(file: SourceFile, node: YamlNode | null | undefined): Location {
  const range = node?.range;
  if (!range) return { file: file.path };
  return locationIn(file, range[0], range[1]);
}

/**
 * Parses `file` as YAML (1.1, every scalar kept as its source string so callers resolve types Go's way) and builds
 * the path → range map. Only the first document counts, as with sigs.k8s.io/yaml. Syntax errors throw a located
 * `chart-invalid` error whose message starts with `cannot load <chartPath>: `.
 */
export function parseYamlSource(file: SourceFile): ParsedYamlSource {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(file.text, {
    schema: 'failsafe',
    version: '1.1',
    prettyErrors: false,
    uniqueKeys: false,
    lineCounter,
  });
  const document = Array.isArray(documents) ? documents[0] : undefined;
  const error = document?.errors[0];
  if (error) {
    const start = error.pos[0];
    const position = positionAt(file.lineStarts, start);
    throw new ChartlintError(
      'chart-invalid',
      `cannot load ${file.chartPath}: ${error.message.split('\n')[0]}`,
      {
        location: {
          file: file.path,
          startLine: position.line,
          startColumn: position.column,
          ...spanEnd(file, start, error.pos[1]),
        },
      },
    );
  }
  const root = (document?.contents ?? null) as YamlNode | null;
  const ranges = new Map<string, YamlNodeRange>();
  if (root) collectRanges(file, root, [], undefined, ranges);
  const yamlFile: YamlSourceFile = {
    ...file,
    ranges,
    locate(path, on = 'value') {
      for (let length = path.length; length >= 0; length--) {
        const range = ranges.get(yamlPathKey(path.slice(0, length)));
        if (range) {
          const span = on === 'key' && length === path.length && range.key ? range.key : range.value;
          return { file: file.path, ...span };
        }
      }
      return { file: file.path };
    },
  };
  return { file: yamlFile, document, root };
}

function spanEnd(file: SourceFile, start: number, end: number): { endLine: number; endColumn: number } {
  const span = spanOf(file.lineStarts, start, end);
  return { endLine: span.endLine, endColumn: span.endColumn };
}

/** Records the range of `node` at `path`, then of its children. Aliases are recorded where they appear only. */
function collectRanges(
  file: SourceFile,
  node: YamlNode,
  path: (string | number)[],
  key: YamlNode | undefined,
  out: Map<string, YamlNodeRange>,
): void {
  const valueRange = node.range;
  if (!valueRange) return;
  const value = spanOf(file.lineStarts, valueRange[0], valueRange[1]);
  const keyRange = key?.range;
  out.set(
    yamlPathKey(path),
    keyRange ? { key: spanOf(file.lineStarts, keyRange[0], keyRange[1]), value } : { value },
  );
  if (isAlias(node)) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const child = pair.value as YamlNode | null;
      const keyText = String(pair.key.value);
      if (child) collectRanges(file, child, [...path, keyText], pair.key, out);
      else if (pair.key.range) {
        // `key:` with no value: point the value at the end of the key.
        const span = spanOf(file.lineStarts, pair.key.range[0], pair.key.range[1]);
        out.set(yamlPathKey([...path, keyText]), { key: span, value: span });
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (item) collectRanges(file, item as YamlNode, [...path, index], undefined, out);
    });
  }
}
