import type { ResourceRef } from '../diagnostics/finding.js';
import type { RenderedDocument } from '../render/types.js';

/** A JSON path inside a manifest object. */
export type JsonPath = readonly (string | number)[];

/** A character range in a rendered document's text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * One rendered Kubernetes object: exactly the JSON a Rego policy sees, plus the way back to its rendered text
 * (DESIGN.md §5).
 */
export interface RenderedManifest {
  /** Position of this manifest in its environment's render (stable, used to order findings). */
  id: number;
  object: Record<string, unknown>;
  environment: string;
  document: RenderedDocument;
  resource: ResourceRef;
  /** Range of the value at `path` (or of its key with `key: true`) in `document.text`; the nearest ancestor if
   * `path` does not exist. */
  rangeOf(path: JsonPath, options?: { key?: boolean }): TextRange;
  /** 1-based line and column in `document.text` of a character offset. */
  positionOf(offset: number): { line: number; column: number };
}
