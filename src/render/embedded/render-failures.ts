/**
 * Render failures as the embedded renderer reports them: Helm's message, located at a file of the chart (the
 * template line, Chart.yaml, values.yaml) when one can be named, with include call sites as the trace.
 */
import type { Chart } from '../../chart/types.js';
import { ChartlintError } from '../../diagnostics/errors.js';
import { lineStartsOf, positionAt } from '../../diagnostics/location.js';
import {
  NoTemplateError,
  ROOT_TEMPLATE_NAME,
  TemplateExecError,
  TemplateLimitError,
  type ExecErrorPlace,
} from '../../template/index.js';
import { helmErrorMessage } from '../helm-errors.js';
import { parseHelmFailure } from '../helm-failure.js';
import type { RenderFailure } from '../types.js';
import type { ManifestParseError, RenderedFile } from './assemble-output.js';
import type { CollectedTemplate } from './render-templates.js';

/** A render stopped: the failure to report. */
export class RenderStop extends Error {
  constructor(readonly failure: RenderFailure) {
    super(failure.message);
  }
}

/** Stops a render with a failure. */
export function stop(message: string, where: Omit<RenderFailure, 'message'> = {}): never {
  throw new RenderStop({ message, ...where });
}

/** The message of a loading/values error, worded as helm prints it. */
function chartlintMessage(e: ChartlintError): string {
  // The chart loader explains why it refuses apiVersion v3; helm says only this.
  if (e.message.startsWith('invalid chart apiVersion')) return 'invalid chart apiVersion';
  return e.message;
}

/**
 * A loading or values error as a failure. Its location names a template only when it lies in a file of the root
 * chart (`<chart>/values.yaml`, `<chart>/Chart.yaml`), which is how render failures are located.
 */
export function locatedFailure(e: ChartlintError, chart: Chart | undefined): RenderFailure {
  const failure: RenderFailure = { message: chartlintMessage(e) };
  const where = e.location;
  if (!chart || !where || chart.archivePath !== undefined) return failure;
  const prefix = chart.dir === '.' ? '' : `${chart.dir}/`;
  if (!where.file.startsWith(prefix) || where.file.startsWith('../')) return failure;
  const inChart = where.file.slice(prefix.length);
  failure.template = `${chart.metadata.name}/${inChart}`;
  if (where.startLine !== undefined) failure.line = where.startLine;
  if (where.startColumn !== undefined) failure.column = where.startColumn;
  return failure;
}

/** Where an execution failed: each level of the include/tpl chain that sits in a chart file, outermost first. */
function execPlaces(err: unknown): ExecErrorPlace[] {
  const places: ExecErrorPlace[] = [];
  let current: unknown = err;
  while (current instanceof Error) {
    if (current instanceof TemplateExecError || current instanceof TemplateLimitError) {
      // A `tpl` string is not a file; its errors are located at the file that called tpl.
      if (current.place && current.place.parseName !== ROOT_TEMPLATE_NAME) places.push(current.place);
      if (current instanceof TemplateLimitError) break;
      current = current.wrapped;
    } else {
      current = current.cause;
    }
  }
  return places;
}

/**
 * The failure for an error of template execution: located at the innermost file level (the helper line that
 * failed) with its include call sites as the trace. Errors that are not the engine's are returned unchanged.
 */
export function executionFailure(e: unknown, templates: readonly CollectedTemplate[]): unknown {
  if (e instanceof TemplateExecError || e instanceof TemplateLimitError) {
    const places = execPlaces(e);
    const inner = places[places.length - 1];
    // Helm's text, in the shape the helm renderer reports it (a multi-line include trace becomes its innermost
    // `executing … at <…>: …` line, the locations moving to template/trace), so both renderers report alike.
    const text = e instanceof TemplateExecError ? helmErrorMessage(e) : e.message;
    const failure: RenderFailure = { message: parseHelmFailure(text).message };
    if (inner) Object.assign(failure, { template: inner.parseName, line: inner.line, column: inner.column });
    if (places.length > 1) {
      failure.trace = places
        .slice(0, -1)
        .map((p) => ({ template: p.parseName, line: p.line, column: p.column }));
    }
    return new RenderStop(failure);
  }
  if (e instanceof NoTemplateError) return new RenderStop({ message: e.message });
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    // Deep {{ template }} recursion can exhaust JavaScript's stack before Go's depth limit would stop it.
    const first = templates[0]?.name;
    return new RenderStop({
      message: 'rendering stopped: templates nest deeper than the embedded renderer can follow',
      ...(first ? { template: first } : {}),
    });
  }
  return e;
}

/** A YAML error in rendered output, located at the template line that wrote the failing line when known. */
export function manifestErrorPlace(
  e: ManifestParseError,
  files: readonly RenderedFile[],
  templates: readonly CollectedTemplate[],
): Omit<RenderFailure, 'message'> {
  const m = /yaml: line (\d+):/.exec(e.message);
  const file = files.find((f) => f.name === e.file);
  const source = templates.find((t) => t.name === e.file);
  if (!m || !file || !source) return { template: e.file };
  const renderedStarts = lineStartsOf(file.text.slice(e.offset));
  const lineStart = e.offset + (renderedStarts[Number(m[1]) - 1] ?? 0);
  const span = file.spans.find((s) => s.start <= lineStart && lineStart < s.end && s.parseName === e.file);
  if (!span) return { template: e.file };
  const offset = span.kind === 'text' ? span.nodeOffset + (lineStart - span.start) : span.nodeOffset;
  const pos = positionAt(lineStartsOf(source.text), offset);
  return { template: e.file, line: pos.line, column: pos.column };
}
