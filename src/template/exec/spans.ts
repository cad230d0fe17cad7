/**
 * Provenance of template output (DESIGN.md §7): the output buffer records which node wrote each range, and for
 * printed values that came from values files, the values origin. Spans are sorted, never overlap, and use
 * offsets into the output string.
 */
import { canonicalGoString } from '../../values/go-string.js';
import type { CallContext, GoFuncSpec, ValueOrigin } from '../../values/model.js';

/** A call site of `include`/`tpl`: the file and offset of the calling node. */
export interface CallSite {
  parseName: string;
  nodeOffset: number;
}

/** One range of output and what wrote it. */
export interface OutputSpan {
  /** Output offsets `[start, end)`. */
  start: number;
  end: number;
  /** File whose node wrote the range (`gotpl` for text from `tpl`). */
  parseName: string;
  /**
   * Offset of the writing node in that file. For `text` spans the output maps linearly onto the source:
   * output offset `start + k` came from source offset `nodeOffset + k`.
   */
  nodeOffset: number;
  kind: 'text' | 'action';
  /** The values-file origin of a printed value. */
  origin?: ValueOrigin;
  /** `include`/`tpl` call sites that led here, outermost first. */
  callStack?: readonly CallSite[];
}

/** The output of an execution with its spans. Span recording can be switched off. */
export class OutputBuffer {
  private readonly chunks: string[] = [];
  readonly spans: OutputSpan[] = [];
  length = 0;

  constructor(
    private readonly recordSpans: boolean,
    private readonly callStack: readonly CallSite[] | undefined,
  ) {}

  /** Appends literal template text written by the text node at `nodeOffset`. */
  writeText(text: string, parseName: string, nodeOffset: number): void {
    if (text.length === 0) return;
    const start = this.length;
    this.append(text);
    if (!this.recordSpans) return;
    const last = this.spans[this.spans.length - 1];
    // Merge with the previous text span when both output and source are contiguous (loop bodies are not).
    if (
      last &&
      last.kind === 'text' &&
      last.end === start &&
      last.parseName === parseName &&
      last.nodeOffset + (last.end - last.start) === nodeOffset
    ) {
      last.end = this.length;
      return;
    }
    this.push({ start, end: this.length, parseName, nodeOffset, kind: 'text' });
  }

  /**
   * Appends the printed value of the action at `nodeOffset`. `nested` are spans of a nested execution relative
   * to `text` (already aligned); gaps between them are attributed to the action.
   */
  writeAction(
    text: string,
    parseName: string,
    nodeOffset: number,
    origin: ValueOrigin | undefined,
    nested: readonly OutputSpan[] | undefined,
  ): void {
    if (text.length === 0) return;
    const start = this.length;
    this.append(text);
    if (!this.recordSpans) return;
    const action = (from: number, to: number): OutputSpan => {
      const s: OutputSpan = { start: from, end: to, parseName, nodeOffset, kind: 'action' };
      if (origin) s.origin = origin;
      return s;
    };
    if (!nested || nested.length === 0) {
      this.push(action(start, this.length));
      return;
    }
    let at = start;
    for (const n of nested) {
      const ns = start + n.start;
      const ne = start + n.end;
      if (ns > at) this.push(action(at, ns));
      this.spans.push({ ...n, start: ns, end: ne });
      at = ne;
    }
    if (at < this.length) this.push(action(at, this.length));
  }

  /**
   * The output text. Adjacent writes join their bytes, so invalid bytes written by separate actions may form a
   * character again (canonicalGoString); only then can span offsets after that point be off by the merged units.
   */
  toString(): string {
    return canonicalGoString(this.chunks.join(''));
  }

  private append(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
  }

  private push(span: OutputSpan): void {
    if (this.callStack) span.callStack = this.callStack;
    this.spans.push(span);
  }
}

/**
 * Aligns the spans of a nested output `inner` with a string `outer` derived from it by a pass-through function:
 * unchanged, cut (`trim`, `trunc`), embedded (`printf "x-%s"`) or re-indented line by line (`indent`, `nindent`).
 * Returns `undefined` when the derivation is not recognisable; the caller then attributes the text to the action.
 */
export function alignSpans(
  inner: string,
  spans: readonly OutputSpan[],
  outer: string,
): OutputSpan[] | undefined {
  if (outer === inner) return [...spans];
  const at = outer.indexOf(inner);
  if (inner.length > 0 && at >= 0) return shift(spans, at, 0, outer.length);
  const cut = inner.indexOf(outer);
  if (outer.length > 0 && cut >= 0) return shift(spans, -cut, 0, outer.length);
  return alignLines(inner, spans, outer);
}

function shift(spans: readonly OutputSpan[], by: number, min: number, max: number): OutputSpan[] {
  const out: OutputSpan[] = [];
  for (const s of spans) {
    const start = Math.max(min, s.start + by);
    const end = Math.min(max, s.end + by);
    if (end <= start) continue;
    // A text span cut at its start still maps linearly, from a later source offset.
    const skipped = start - (s.start + by);
    out.push({ ...s, start, end, nodeOffset: s.kind === 'text' ? s.nodeOffset + skipped : s.nodeOffset });
  }
  return out;
}

function alignLines(inner: string, spans: readonly OutputSpan[], outer: string): OutputSpan[] | undefined {
  const innerLines = inner.split('\n');
  const outerLines = outer.split('\n');
  const lead = outerLines.length - innerLines.length;
  if (lead !== 0 && lead !== 1) return undefined;
  if (lead === 1 && outerLines[0] !== '') return undefined;
  // Each inner line must end each outer line (indentation added in front).
  const innerStarts: number[] = [];
  const delta: number[] = [];
  let innerPos = 0;
  let outerPos = 0;
  for (let i = 0; i < outerLines.length; i++) {
    const o = outerLines[i] ?? '';
    if (i < lead) {
      outerPos += o.length + 1;
      continue;
    }
    const line = innerLines[i - lead] ?? '';
    if (!o.endsWith(line)) return undefined;
    innerStarts.push(innerPos);
    delta.push(outerPos + (o.length - line.length) - innerPos);
    innerPos += line.length + 1;
    outerPos += o.length + 1;
  }
  const out: OutputSpan[] = [];
  for (const s of spans) {
    // Split each span at line starts so every piece moves by its line's indentation.
    let from = s.start;
    while (from < s.end) {
      const li = lineIndex(innerStarts, from);
      const lineEnd = li + 1 < innerStarts.length ? (innerStarts[li + 1] ?? s.end) : s.end;
      const to = Math.min(s.end, lineEnd);
      const d = delta[li] ?? 0;
      out.push({
        ...s,
        start: from + d,
        end: to + d,
        nodeOffset: s.kind === 'text' ? s.nodeOffset + (from - s.start) : s.nodeOffset,
      });
      from = to;
    }
  }
  return out;
}

function lineIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const NO_VALUE = '<no value>';

/**
 * Helm's `<no value>` removal (helm-render-spec.md §7.6) applied to an output and its spans: every occurrence is
 * deleted and later spans move back.
 */
export function stripNoValue(
  output: string,
  spans: readonly OutputSpan[],
): { output: string; spans: OutputSpan[] } {
  if (!output.includes(NO_VALUE)) return { output, spans: [...spans] };
  const cuts: number[] = [];
  for (let i = output.indexOf(NO_VALUE); i >= 0; i = output.indexOf(NO_VALUE, i + NO_VALUE.length))
    cuts.push(i);
  const mapOffset = (o: number): number => {
    let removed = 0;
    for (const c of cuts) {
      if (c >= o) break;
      removed += Math.min(NO_VALUE.length, o - c);
    }
    return o - removed;
  };
  const out: OutputSpan[] = [];
  for (const s of spans) {
    const start = mapOffset(s.start);
    const end = mapOffset(s.end);
    if (end > start) out.push({ ...s, start, end });
  }
  return { output: output.replaceAll(NO_VALUE, ''), spans: out };
}

/** A range of a function's string result that shows a value from a values file. */
export interface OriginRange {
  start: number;
  end: number;
  origin: ValueOrigin;
}

/**
 * A function's string result with the values origins of its parts (`toYaml` of a values subtree: each line shows
 * the key or scalar it came from). The executor turns the ranges into spans of the calling node.
 */
export class SourcedText {
  constructor(
    readonly text: string,
    /** Sorted, non-overlapping. */
    readonly ranges: readonly OriginRange[],
  ) {}

  /** The ranges as output spans written by the node at `nodeOffset` of `parseName`. */
  spansAt(parseName: string, nodeOffset: number, callStack: readonly CallSite[] | undefined): OutputSpan[] {
    return this.ranges.map((r) => {
      const s: OutputSpan = {
        start: r.start,
        end: r.end,
        parseName,
        nodeOffset,
        kind: 'action',
        origin: r.origin,
      };
      if (callStack) s.callStack = callStack;
      return s;
    });
  }
}

/**
 * A function that can say where the parts of its result came from. While spans are recorded the executor calls
 * `callSourced` instead of `call`; both return the same text.
 */
export interface SourcedFuncSpec extends GoFuncSpec {
  callSourced(ctx: CallContext, ...args: unknown[]): SourcedText | string;
}

/** Origin ranges of text whose lines each show one origin (the YAML encoders' line origins), indentation excluded. */
export function lineOriginRanges(
  text: string,
  lineOrigins: readonly (ValueOrigin | undefined)[],
): OriginRange[] {
  const ranges: OriginRange[] = [];
  let lineStart = 0;
  for (const origin of lineOrigins) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (origin) {
      let start = lineStart;
      while (start < lineEnd && text.charCodeAt(start) === 0x20) start++;
      if (start < lineEnd) ranges.push({ start, end: lineEnd, origin });
    }
    lineStart = lineEnd + 1;
  }
  return ranges;
}

/**
 * Flattens nested origin ranges (an object member's range contains its value's) into non-overlapping ones where
 * every character keeps the innermost origin that covers it.
 */
export function innermostRanges(length: number, nested: readonly OriginRange[]): OriginRange[] {
  const owner = new Array<OriginRange | undefined>(length);
  // Widest first, so that narrower (inner) ranges overwrite.
  const byWidth = [...nested].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const r of byWidth) for (let i = r.start; i < r.end && i < length; i++) owner[i] = r;
  const out: OriginRange[] = [];
  for (let i = 0; i < length; i++) {
    const r = owner[i];
    if (!r) continue;
    const last = out[out.length - 1];
    if (last && last.end === i && last.origin === r.origin) last.end = i + 1;
    else out.push({ start: i, end: i + 1, origin: r.origin });
  }
  return out;
}

/**
 * Gives the spans a `tpl` string wrote (`tplName`) the values origin of the string itself, `textOrigin`, narrowed to
 * the part of the string that wrote each span when the string sits in its source unchanged (plain, or quoted without
 * escapes). Spans with an origin of their own (`{{ .Values.x }}` inside the string) keep it. The string is no file:
 * its spans keep the `tpl` call site as the innermost entry of their call stack.
 */
export function withTplOrigins(
  spans: readonly OutputSpan[],
  text: string,
  tplName: string,
  textOrigin: ValueOrigin | undefined,
): OutputSpan[] {
  if (!textOrigin) return [...spans];
  const width = textOrigin.end - textOrigin.start;
  const skew = width === text.length ? 0 : width === text.length + 2 ? 1 : undefined;
  return spans.map((s) => {
    if (s.parseName !== tplName || s.origin) return s;
    // An action's extent in the string is unknown here: its `{{` stands for it.
    const length = s.kind === 'text' ? s.end - s.start : 2;
    const from = Math.min(text.length, s.nodeOffset);
    const to = Math.min(text.length, s.nodeOffset + length);
    const origin =
      skew === undefined
        ? textOrigin
        : { ...textOrigin, start: textOrigin.start + skew + from, end: textOrigin.start + skew + to };
    return { ...s, origin };
  });
}
