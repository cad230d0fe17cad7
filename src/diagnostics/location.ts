/** A 1-based, inclusive-start, exclusive-end span in a file. Columns count UTF-16 code units (SARIF's default). */
export interface Span {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A span in a file. `file` is a path relative to the working directory, with forward slashes. */
export interface Location extends Partial<Span> {
  file: string;
}

/**
 * Where a value is written in a file, as character offsets, with the ranges of the values nested in it (map keys, and
 * list indexes as strings) — how a value given in `.chartlint.yaml` is traced to the line that wrote it.
 */
export interface ValueSpan {
  start: number;
  end: number;
  children?: Record<string, ValueSpan>;
}

/** A secondary location with a short label ("template", "rendered", "values"). */
export interface RelatedLocation extends Location {
  label: string;
}

/** Converts 0-based byte-free character offsets in `text` into a 1-based {line, column}. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

/** Offsets at which each line of `text` starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** A span covering `[start, end)` character offsets of a text whose line starts are given. */
export function spanOf(lineStarts: readonly number[], start: number, end: number): Span {
  const a = positionAt(lineStarts, start);
  const b = positionAt(lineStarts, Math.max(start, end));
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}
