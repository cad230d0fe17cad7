import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { RenderedDocument } from '../render/types.js';
import type { JsonPath, RenderedManifest, TextRange } from './types.js';

/** The problem with a rendered document that is not valid YAML or not an object. */
export interface ManifestParseError {
  document: RenderedDocument;
  message: string;
  line: number;
  column: number;
}

/** Caps alias expansion so a hostile chart cannot blow up memory through YAML aliases. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parses rendered documents into manifests. Documents that hold only comments are skipped (Helm prints them; they
 * are not objects). YAML 1.1 is used because that is how the Kubernetes API machinery reads Helm's output.
 */
export function parseManifests(
  documents: readonly RenderedDocument[],
  environment: string,
): { manifests: RenderedManifest[]; errors: ManifestParseError[] } {
  const manifests: RenderedManifest[] = [];
  const errors: ManifestParseError[] = [];
  for (const document of documents) {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(document.text, { version: '1.1', lineCounter, uniqueKeys: false });
    const docs = Array.isArray(parsed) ? parsed : [];
    for (const doc of docs) {
      const err = doc.errors[0];
      if (err) {
        const pos = lineCounter.linePos(err.pos[0]);
        errors.push({
          document,
          message: err.message.split('\n')[0] ?? err.message,
          line: pos.line,
          column: pos.col,
        });
        continue;
      }
      if (doc.contents === null) continue;
      let object: unknown;
      try {
        object = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        errors.push({ document, message: (e as Error).message, line: 1, column: 1 });
        continue;
      }
      if (object === null || typeof object !== 'object' || Array.isArray(object)) {
        errors.push({ document, message: 'a rendered document is not a mapping', line: 1, column: 1 });
        continue;
      }
      const obj = object as Record<string, unknown>;
      const meta = (obj.metadata ?? {}) as Record<string, unknown>;
      const root = doc.contents as Node;
      manifests.push({
        id: manifests.length,
        object: obj,
        environment,
        document,
        resource: {
          apiVersion: String(obj.apiVersion ?? ''),
          kind: String(obj.kind ?? ''),
          ...(meta.namespace !== undefined ? { namespace: String(meta.namespace) } : {}),
          name: String(meta.name ?? ''),
        },
        rangeOf: (path, options) => rangeOfPath(root, path, options?.key ?? false),
        positionOf: (offset) => {
          const p = lineCounter.linePos(offset);
          return { line: p.line, column: p.col };
        },
      });
    }
  }
  return { manifests, errors };
}

/** Walks the YAML node tree along `path`; returns the deepest node's range (value or key). */
export function rangeOfPath(root: Node, path: JsonPath, key: boolean): TextRange {
  let node: Node = root;
  let keyRange: TextRange | undefined;
  for (const seg of path) {
    let next: Node | undefined;
    if (isMap(node) && typeof seg === 'string') {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (pair && isScalar(pair.key) && pair.key.range) {
        keyRange = { start: pair.key.range[0], end: pair.key.range[1] };
        next = (pair.value as Node | null) ?? undefined;
        if (!next) return keyRange;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      next = (node.items[seg] as Node | undefined) ?? undefined;
      keyRange = undefined;
    }
    if (!next) break;
    node = next;
  }
  if (key && keyRange) return keyRange;
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  if (isScalar(node)) return { start: r[0], end: r[1] };
  // For containers point at the first line only: the key or the first item is what a reader looks at.
  return keyRange ?? { start: r[0], end: r[0] };
}
