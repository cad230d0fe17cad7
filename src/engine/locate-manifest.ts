import type { Chart } from '../chart/types.js';
import {
  lineStartsOf,
  positionAt,
  spanOf,
  type Location,
  type RelatedLocation,
} from '../diagnostics/location.js';
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
  /**
   * Where the finding is in the rendered output: the document's `# Source:` template name and the 1-based line and
   * column inside that document. Rendered text exists only in memory, so this is never a {@link Location}.
   */
  rendered?: RenderedPosition;
}

/** A position in the rendered document of a template (what `chartlint template` prints under `# Source:`). */
export interface RenderedPosition {
  source: string;
  line: number;
  column: number;
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
  // A finding about part of a scalar (the tag of an image reference) looks up the part: in
  // `"{{ .Values.repo }}:{{ .Values.tag }}"` the tag came from another values line than the repository.
  const at = focusOffset(manifest.document.text, range, focus);
  const position = manifest.positionOf(at);
  const rendered = { source: manifest.document.source, line: position.line, column: position.column };
  if (spans) {
    const span = spans.find((s) => s.start <= at && at < s.end) ?? spans.find((s) => s.start >= at);
    if (span) {
      const scalar = valueAt(manifest.object, path);
      const shown = typeof scalar === 'object' || scalar === undefined ? undefined : String(scalar);
      return { ...fromSpan(root, span, at, readText, focus ?? shown), rendered };
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
    return { location, related, approximate: true, rendered };
  }
  return {
    location: source.location,
    related,
    approximate: true,
    rendered,
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
  shown: string | undefined,
): ManifestLocations {
  const writing = writingNode(span, offset);
  const writer = resolveTemplateSource(root, writing.template);
  const templateLoc =
    writer.displayPath && writer.file
      ? locationInText(writer.displayPath, writer.file.text, writing.templateOffset)
      : writer.location;
  const related: RelatedLocation[] = [];
  const callSite = writing.callers[0];
  if (callSite && callSite.template !== writing.template) {
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
    const [start, end] = narrowed(valuesText, origin.start, origin.end, shown);
    return {
      location: rangeInText(origin.source, valuesText, start, end),
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

/**
 * A multi-line values scalar (a block of YAML given to `tpl`) stands for every value its text wrote: the line that
 * shows the finding's value, when it shows it once, is the one to edit.
 */
function narrowed(text: string, start: number, end: number, shown: string | undefined): [number, number] {
  const source = text.slice(start, end);
  if (!shown || !source.includes('\n')) return [start, end];
  const at = source.indexOf(shown);
  if (at < 0 || source.indexOf(shown, at + 1) >= 0) return [start, end];
  return [start + at, start + at + shown.length];
}

/** Name Helm gives a `tpl` string (helm-render-spec.md §7.5); the template engine is not loaded to learn it. */
const TPL_TEMPLATE_NAME = 'gotpl';

/** The template node that wrote a span's offset, and the include/tpl call sites above it, outermost first. */
interface WritingNode {
  template: string;
  templateOffset: number;
  callers: readonly { template: string; templateOffset: number }[];
}

/**
 * The node that wrote `offset` of a span. Text a `tpl` string wrote has no file of its own: the template line that
 * called `tpl` (the innermost call site) stands for it, and its values origin says where the string is.
 */
function writingNode(span: RenderedSpan, offset: number): WritingNode {
  const stack = span.callStack ?? [];
  const site = stack[stack.length - 1];
  if (span.template === TPL_TEMPLATE_NAME && site) {
    return { template: site.template, templateOffset: site.templateOffset, callers: stack.slice(0, -1) };
  }
  const templateOffset =
    span.kind === 'text' ? span.templateOffset + Math.max(0, offset - span.start) : span.templateOffset;
  return { template: span.template, templateOffset, callers: stack };
}

/**
 * Offset of the last occurrence of `focus` inside the range, else where the scalar's content starts: after the
 * opening quote of a quoted scalar (a `quote` around a value prints the quote itself, the value is what matters) and
 * on the first content line of a block scalar.
 */
export function focusOffset(text: string, range: { start: number; end: number }, focus?: string): number {
  if (focus) {
    const i = text.slice(range.start, range.end).lastIndexOf(focus);
    if (i >= 0) return range.start + i;
  }
  const first = text[range.start];
  if ((first === '"' || first === "'") && range.end - range.start >= 2) return range.start + 1;
  if (first === '|' || first === '>') {
    const newline = text.indexOf('\n', range.start);
    if (newline < 0 || newline + 1 >= range.end) return range.start;
    let i = newline + 1;
    while (i < range.end && text[i] === ' ') i++;
    return i;
  }
  return range.start;
}

/** What a finding records about how it was located: approximation (helm renderer) and a flag-supplied value. */
export function locationProperties(located: ManifestLocations): Record<string, unknown> {
  return {
    ...(located.approximate ? { approximateLocation: true } : {}),
    ...(located.valueSource ? { valueSource: located.valueSource } : {}),
    ...(located.rendered ? { rendered: located.rendered } : {}),
  };
}

/** The location of `[start, end)` character offsets in a text. */
export function rangeInText(file: string, text: string, start: number, end: number): Location {
  return { file, ...spanOf(lineStartsOf(text), start, end) };
}

/** Line/column of a character offset in a text, as a one-character span. */
export function locationInText(file: string, text: string, offset: number): Location {
  const { line, column } = positionAt(lineStartsOf(text), offset);
  return { file, startLine: line, startColumn: column, endLine: line, endColumn: column + 1 };
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
