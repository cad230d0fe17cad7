import type { RenderFailure } from './types.js';

/**
 * Extracts the message and the template locations from what Helm prints on failure. Helm's shapes
 * (helm-render-spec.md §7.8): `parse error at (T:L): …`, `execution error at (T:L:C): …`, the multi-line include
 * trace of `T:L:C\n  executing "N" at <X>:\n    msg` blocks, `template: T:L:C: executing …`, `YAML parse error on T: …`.
 */
export function parseHelmFailure(stderr: string): RenderFailure {
  const lines = stderr.split('\n').filter((l) => !/^level=/.test(l));
  let message = lines.join('\n').trim();
  message = message.replace(/\n*Use --debug flag to render out invalid YAML$/, '').trim();
  if (message.startsWith('Error: ')) message = message.slice('Error: '.length);
  const trace = parseTrace(message);
  if (trace.length > 0) {
    // The innermost block is where the failing expression is written; the outer ones are its include call sites.
    const inner = trace[trace.length - 1]!;
    return {
      message: `executing "${inner.name}" at <${inner.context}>: ${inner.message}`,
      template: inner.template,
      line: inner.line,
      column: inner.column,
      ...(trace.length > 1
        ? { trace: trace.slice(0, -1).map(({ template, line, column }) => ({ template, line, column })) }
        : {}),
    };
  }
  return { message, ...locate(message) };
}

interface TraceBlock {
  template: string;
  line: number;
  column: number;
  name: string;
  context: string;
  message: string;
}

const TRACE_BLOCK = /^([^\s:]+):(\d+):(\d+)\n {2}executing "([^"]*)" at <(.*)>:\n {4}(.*)$/gm;

function parseTrace(message: string): TraceBlock[] {
  if (!/^[^\s:]+:\d+:\d+\n {2}executing /.test(message)) return [];
  return [...message.matchAll(TRACE_BLOCK)].map((m) => ({
    template: m[1]!,
    line: Number(m[2]),
    column: Number(m[3]) + 1, // Go reports 0-based byte columns; findings are 1-based.
    name: m[4]!,
    context: m[5]!,
    message: m[6]!,
  }));
}

const LOCATORS: RegExp[] = [
  /^(?:parse|execution) error at \(([^():]+):(\d+)(?::(\d+))?\)/,
  /^template: ([^:\s]+):(\d+)(?::(\d+))?:/,
  /^YAML parse error on ([^:\s]+):/,
];

function locate(message: string): Pick<RenderFailure, 'template' | 'line' | 'column'> {
  for (const re of LOCATORS) {
    const m = re.exec(message);
    if (!m) continue;
    const out: Pick<RenderFailure, 'template' | 'line' | 'column'> = { template: m[1] };
    if (m[2]) out.line = Number(m[2]);
    if (m[3]) out.column = Number(m[3]) + 1; // Go reports 0-based byte columns; findings are 1-based.
    return out;
  }
  return {};
}
