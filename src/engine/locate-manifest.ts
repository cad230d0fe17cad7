import type { Chart } from '../chart/types.js';
import type { Location, RelatedLocation } from '../diagnostics/location.js';
import type { JsonPath, RenderedManifest } from '../manifests/types.js';
import type { RenderedSpan } from '../render/types.js';
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
  /** The command-line flag that supplied the value (`--set a=1`), when it did not come from a file. */
  valueSource?: string;
}

/**
 * Resolves a JSON path in a manifest to repository locations. With a source map (embedded renderer) the primary
 * location is the values line that supplied the scalar, else the template line that wrote it; without one (helm
 * renderer) it is the template line found by matching the rendered key and value, marked approximate. `focus` names
 * the part of the scalar the finding is about, when it is not the whole value.
 */
export function locateInManifest(
  root: Chart,
  manifest: RenderedManifest,
  path: JsonPath,
  readText: (displayPath: string) => string | undefined = () => undefined,
  focus?: string,
): ManifestLocations {
  const source = resolveTemplateSource(root, manifest.document.source);
  const range = manifest.rangeOf(matchablePath(manifest.object, path));
  const related: RelatedLocation[] = [];
  const spans = manifest.document.spans;
  if (spans) {
    // A finding about part of a scalar (the tag of an image reference) looks up the part: in
    // `"{{ .Values.repo }}:{{ .Values.tag }}"` the tag came from another values line than the repository.
    const at = focusOffset(manifest.document.text, range, focus);
    const span = spans.find((s) => s.start <= at && at < s.end) ?? spans.find((s) => s.start >= at);
    if (span) return fromSpan(root, span, at, readText);
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

/**
 * Locations from the source map: the values line when the scalar came from a values file of the repository, else the
 * template line that wrote it (which may be a helper in another file); the template line and the include call sites
 * become related locations.
 */
function fromSpan(
  root: Chart,
  span: RenderedSpan,
  offset: number,
  readText: (displayPath: string) => string | undefined,
): ManifestLocations {
  const writer = resolveTemplateSource(root, span.template);
  const templateOffset =
    span.kind === 'text' ? span.templateOffset + Math.max(0, offset - span.start) : span.templateOffset;
  const templateLoc =
    writer.displayPath && writer.file
      ? locationInText(writer.displayPath, writer.file.text, templateOffset)
      : writer.location;
  const related: RelatedLocation[] = [];
  const callSite = span.callStack?.[0];
  if (callSite && callSite.template !== span.template) {
    const caller = resolveTemplateSource(root, callSite.template);
    if (caller.displayPath && caller.file) {
      related.push({
        ...locationInText(caller.displayPath, caller.file.text, callSite.templateOffset),
        label: 'included from',
      });
    }
  }
  const insideArchive = writer.insideArchive ? { insideArchive: writer.insideArchive } : {};
  const origin = span.origin;
  const valuesText = origin?.isFile ? readText(origin.source) : undefined;
  if (origin && valuesText !== undefined) {
    return {
      location: rangeInText(origin.source, valuesText, origin.start, origin.end),
      related: [{ ...templateLoc, label: 'template' }, ...related],
      approximate: false,
      ...insideArchive,
    };
  }
  return {
    location: templateLoc,
    related,
    approximate: false,
    ...(origin && !origin.isFile ? { valueSource: origin.source } : {}),
    ...insideArchive,
  };
}

/** Offset of the last occurrence of `focus` inside the range, else the range's start. */
function focusOffset(text: string, range: { start: number; end: number }, focus: string | undefined): number {
  if (!focus) return range.start;
  const i = text.slice(range.start, range.end).lastIndexOf(focus);
  return i < 0 ? range.start : range.start + i;
}

/** What a finding records about how it was located: approximation (helm renderer) and a flag-supplied value. */
export function locationProperties(located: ManifestLocations): Record<string, unknown> {
  return {
    ...(located.approximate ? { approximateLocation: true } : {}),
    ...(located.valueSource ? { valueSource: located.valueSource } : {}),
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
