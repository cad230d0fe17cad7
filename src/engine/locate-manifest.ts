import type { Chart } from '../chart/types.js';
import type { Location, RelatedLocation } from '../diagnostics/location.js';
import type { JsonPath, RenderedManifest } from '../manifests/types.js';
import { approximateTemplateLine } from './approximate-line.js';
import { resolveTemplateSource } from './template-source.js';

/** The locations of a finding about a JSON path in a rendered manifest. */
export interface ManifestLocations {
  location: Location;
  related: RelatedLocation[];
  /** True when the line was guessed by matching text (no source map). */
  approximate: boolean;
  /** Path inside an archived subchart, for the message. */
  insideArchive?: string;
}

/**
 * Resolves a JSON path in a manifest to repository locations. With a source map (embedded renderer) the primary
 * location is the values line that supplied the scalar, else the template line that wrote it; without one (helm
 * renderer) it is the template line found by matching the rendered key and value, marked approximate.
 */
export function locateInManifest(
  root: Chart,
  manifest: RenderedManifest,
  path: JsonPath,
  readText: (displayPath: string) => string | undefined = () => undefined,
): ManifestLocations {
  const source = resolveTemplateSource(root, manifest.document.source);
  const range = manifest.rangeOf(path);
  const related: RelatedLocation[] = [];
  const spans = manifest.document.spans;
  if (spans && source.displayPath && source.file) {
    const span =
      spans.find((s) => s.start <= range.start && range.start < s.end) ??
      spans.find((s) => s.start >= range.start);
    if (span) {
      const templateLoc = locationInText(source.displayPath, source.file.text, span.templateOffset);
      const valuesText = span.origin?.isFile ? readText(span.origin.source) : undefined;
      if (span.origin && valuesText !== undefined) {
        related.push({ ...templateLoc, label: 'template' });
        return {
          location: rangeInText(span.origin.source, valuesText, span.origin.start, span.origin.end),
          related,
          approximate: false,
        };
      }
      if (span.origin) related.push({ file: span.origin.source, label: 'values' });
      return { location: templateLoc, related, approximate: false };
    }
  }
  if (source.displayPath && source.file) {
    const target = matchablePath(manifest.object, path);
    const guess = approximateTemplateLine(source.file.text, target, valueAt(manifest.object, target));
    const location: Location = guess
      ? {
          file: source.displayPath,
          startLine: guess.line,
          startColumn: guess.column,
          endLine: guess.line,
          endColumn: guess.endColumn,
        }
      : { file: source.displayPath, startLine: 1, startColumn: 1 };
    return { location, related, approximate: true };
  }
  return {
    location: source.location,
    related,
    approximate: true,
    ...(source.insideArchive ? { insideArchive: source.insideArchive } : {}),
  };
}

/** The location of `[start, end)` character offsets in a text. */
export function rangeInText(file: string, text: string, start: number, end: number): Location {
  const a = locationInText(file, text, start);
  const b = locationInText(file, text, Math.max(start, end));
  return {
    file,
    startLine: a.startLine,
    startColumn: a.startColumn,
    endLine: b.startLine,
    endColumn: b.startColumn,
  };
}

/** Line/column of a character offset in a text. */
export function locationInText(file: string, text: string, offset: number): Location {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return {
    file,
    startLine: line,
    startColumn: offset - lineStart + 1,
    endLine: line,
    endColumn: offset - lineStart + 2,
  };
}

/**
 * The path to match in the template text: the deepest part of `path` that exists in the object (a finding about a
 * missing field points at its parent), and for a list item its `name` field, which is what a reader recognises.
 */
function matchablePath(object: unknown, path: JsonPath): JsonPath {
  let end = path.length;
  while (end > 0 && valueAt(object, path.slice(0, end)) === undefined) end--;
  const existing = path.slice(0, end);
  const item = valueAt(object, existing);
  if (
    typeof existing[existing.length - 1] === 'number' &&
    item &&
    typeof item === 'object' &&
    'name' in item
  ) {
    return [...existing, 'name'];
  }
  return existing;
}

/** The value at a JSON path of a plain object, or undefined. */
export function valueAt(object: unknown, path: JsonPath): unknown {
  let v: unknown = object;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
