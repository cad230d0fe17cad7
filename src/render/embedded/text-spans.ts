/**
 * Output text with its source map while it is cut, trimmed and concatenated into `helm template`'s output
 * (helm-render-spec.md §10, §14.2): every operation that moves text moves its spans with it.
 */
import type { OutputSpan } from '../../template/index.js';

/** Go's `unicode.IsSpace` (what `strings.TrimSpace` trims); JavaScript's `trim` also trims U+FEFF, Go's does not. */
export function isGoSpace(code: number): boolean {
  switch (code) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
  }
  return code >= 0x2000 && code <= 0x200a;
}

/** The range `[start, end)` of `text` that Go's `strings.TrimSpace` keeps. */
export function trimRange(text: string, start = 0, end = text.length): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isGoSpace(text.charCodeAt(s))) s++;
  while (e > s && isGoSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * The spans covering `[start, end)` of a text (spans sorted and disjoint), re-based so that `start` is 0. A text span cut at its beginning
 * still maps linearly onto its source, from a later source offset.
 */
export function sliceSpans(spans: readonly OutputSpan[], start: number, end: number): OutputSpan[] {
  const out: OutputSpan[] = [];
  // Spans are sorted and disjoint: find the first that ends after `start`, stop at the first past `end`.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as OutputSpan).end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < spans.length; i++) {
    const s = spans[i] as OutputSpan;
    if (s.start >= end) break;
    if (s.end <= start) continue;
    const from = Math.max(s.start, start);
    const to = Math.min(s.end, end);
    const skipped = from - s.start;
    out.push({
      ...s,
      start: from - start,
      end: to - start,
      nodeOffset: s.kind === 'text' ? s.nodeOffset + skipped : s.nodeOffset,
    });
  }
  return out;
}

/** A string under construction whose spans use offsets into the whole string. */
export class SpannedBuilder {
  private readonly parts: string[] = [];
  readonly spans: OutputSpan[] = [];
  length = 0;

  /** Appends `text`; `spans` (relative to `text`) are moved to where it lands. */
  append(text: string, spans: readonly OutputSpan[] = []): number {
    const at = this.length;
    this.parts.push(text);
    this.length += text.length;
    for (const s of spans) this.spans.push({ ...s, start: s.start + at, end: s.end + at });
    return at;
  }

  toString(): string {
    return this.parts.join('');
  }
}
