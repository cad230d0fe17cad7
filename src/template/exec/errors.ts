/**
 * Execution errors in Go's exact format (helm-render-spec.md §8.10):
 * `template: PARSENAME:LINE:COL: executing "NAME" at <NODE>: DETAIL`, keeping the wrapped inner error so that the
 * renderer can rebuild Helm's reformatting (§7.8).
 */
import { ChartlintError } from '../../diagnostics/errors.js';
import { goQuote } from '../fmt.js';

/** Where an execution error happened. */
export interface ExecErrorPlace {
  /** Template being executed (file path, define name, or `gotpl` inside `tpl`). */
  templateName: string;
  /** File in which the failing node is written. */
  parseName: string;
  /** 1-based line of the node. */
  line: number;
  /** Go's 0-based byte column of the node within its line. */
  byteColumn: number;
  /** 1-based UTF-16 column (for locations shown to users). */
  column: number;
  /** The failing node printed as Go prints it (`.Values.a.b`, `include "x" .`). */
  context: string;
}

/** A failure while executing a template. `message` is Go's full text. */
export class TemplateExecError extends ChartlintError {
  constructor(
    readonly place: ExecErrorPlace,
    /** The message after `at <NODE>: `. */
    readonly detail: string,
    /**
     * The error this one wraps (Go's `%w`): the nested template error of an `include`/`tpl`, or the function's
     * own error for `error calling f: …`.
     */
    readonly wrapped?: Error,
  ) {
    super(
      'template-exec',
      `template: ${place.parseName}:${place.line}:${place.byteColumn}: executing ${goQuote(place.templateName)} at <${place.context}>: ${detail}`,
      { location: { file: place.parseName, startLine: place.line, startColumn: place.column } },
    );
    this.name = 'TemplateExecError';
  }
}

/** Go's `template: no template "x" associated with template "gotpl"` (ExecuteTemplate with an unknown name). */
export class NoTemplateError extends ChartlintError {
  constructor(
    readonly templateName: string,
    readonly rootName: string,
  ) {
    super(
      'template-exec',
      `template: no template ${goQuote(templateName)} associated with template ${goQuote(rootName)}`,
    );
    this.name = 'NoTemplateError';
  }
}

/** A safety limit (output size, time, depth) was exceeded; located at the node being executed. */
export class TemplateLimitError extends ChartlintError {
  constructor(
    message: string,
    readonly place: ExecErrorPlace | undefined,
  ) {
    super(
      'limit-exceeded',
      place
        ? `template: ${place.parseName}:${place.line}:${place.byteColumn}: executing ${goQuote(place.templateName)}: ${message}`
        : message,
      place ? { location: { file: place.parseName, startLine: place.line, startColumn: place.column } } : {},
    );
    this.name = 'TemplateLimitError';
  }
}

/**
 * A message carrying Helm's `HELM_ERR_START…HELM_ERR_END` markers (from `required`/`fail`), and the text between
 * the first start and the last end marker, as Helm prints it in `execution error at (…): MSG`.
 */
export function helmUserMessage(message: string): string | undefined {
  const start = message.indexOf('HELM_ERR_START');
  const end = message.lastIndexOf('HELM_ERR_END');
  if (start < 0 || end < start) return undefined;
  return message.slice(start + 'HELM_ERR_START'.length, end);
}
