/**
 * Helm's rewriting of template errors into what `helm template` prints after `Error: ` (helm-render-spec.md §7.8):
 *
 * - parse errors `template: FILE:LINE: … MSG` become `parse error at (FILE:LINE): MSG` (only the text after the last
 *   `": "` survives, which is why `illegal number syntax: "08"` shows as `"08"`);
 * - an execution error whose text holds `HELM_ERR_START…HELM_ERR_END` (from `required`/`fail`, at any depth) becomes
 *   `execution error at (LOCATION): MSG`, LOCATION being that of the outermost failing action;
 * - otherwise, when every error in the wrap chain is one of text/template's own (`template: …`), the chain is
 *   printed as a trace, one block per distinct level;
 * - any other chain (the innermost failure comes from a function) keeps Go's single-line message.
 */
import { TemplateParseError } from '../template/parse/parse.js';
import { TemplateExecError, helmUserMessage } from '../template/exec/errors.js';

/** One level of the trace: the block Helm prints for a `template: …` error. */
interface TraceLevel {
  location: string;
  executing: string;
  message: string;
  /** The full text after `at <NODE>: ` (before cutting), for reading the chain from text alone. */
  detail?: string;
}

/** Cuts a level's message before the next chained `template:` error, as Helm does. */
function cutAtChained(msg: string): string {
  const cut = msg.indexOf(' template:');
  return cut < 0 ? msg : msg.slice(0, cut);
}

/** Reads one error text of text/template's shapes, or undefined when the text is not one. */
function parseLevel(text: string): TraceLevel | undefined {
  const prefix = 'template: ';
  if (!text.startsWith(prefix)) return undefined;
  const rest = text.slice(prefix.length);
  if (rest.startsWith('no template')) return { location: '', executing: '', message: text };
  const exec = rest.indexOf(': executing ');
  if (exec >= 0) {
    const after = rest.slice(exec + ': executing '.length);
    if (!after.startsWith('"')) return undefined;
    const endQuote = after.indexOf('"', 1);
    if (endQuote < 0) return undefined;
    const name = after.slice(1, endQuote);
    const afterName = after.slice(endQuote + 1);
    if (!afterName.startsWith(' at <')) return undefined;
    const atBody = afterName.slice(' at <'.length);
    const endCtx = atBody.indexOf('>: ');
    if (endCtx < 0) return undefined;
    const detail = atBody.slice(endCtx + '>: '.length);
    return {
      location: rest.slice(0, exec),
      executing: `executing "${name}" at <${atBody.slice(0, endCtx)}>:`,
      message: cutAtChained(detail),
      detail,
    };
  }
  const colon = rest.lastIndexOf(': ');
  if (colon < 0) return undefined;
  return { location: rest.slice(0, colon), executing: '', message: cutAtChained(rest.slice(colon + 2)) };
}

function renderLevel(level: TraceLevel): string {
  let out = '';
  if (level.location) out += `${level.location}\n  `;
  if (level.executing) out += `${level.executing}\n    `;
  if (level.message) out += `${level.message}\n`;
  return out;
}

/**
 * The texts of Go's error wrap chain, outermost first. Each {@link TemplateExecError} is one level and its
 * `wrapped` error the next. Where no cause object was recorded, a function failure (`error calling f: REST`) wraps
 * REST, exactly what Go's `%w` keeps, so the chain continues from the text.
 */
function chainTexts(err: Error): string[] {
  const texts: string[] = [];
  let current: Error | string = err;
  for (;;) {
    let detail: string | undefined;
    if (typeof current === 'string') {
      texts.push(current);
      detail = parseLevel(current)?.detail;
    } else {
      texts.push(current.message);
      if (!(current instanceof TemplateExecError)) break;
      if (current.wrapped) {
        current = current.wrapped;
        continue;
      }
      detail = current.detail;
    }
    const call = detail === undefined ? null : /^error calling [^:]+: /.exec(detail);
    if (!call || detail === undefined) break;
    current = detail.slice(call[0].length);
  }
  return texts;
}

/** Helm's multi-line trace, or undefined when some level is not a text/template error (single-line case). */
function execTrace(err: TemplateExecError): string | undefined {
  const levels: TraceLevel[] = [];
  for (const text of chainTexts(err)) {
    const level = parseLevel(text);
    if (!level) return undefined;
    const last = levels[levels.length - 1];
    const same =
      last &&
      last.location === level.location &&
      last.executing === level.executing &&
      last.message === level.message;
    if (!same) levels.push(level);
  }
  return levels.map(renderLevel).join('').trim();
}

/** `parse error at (FILE:LINE): MSG` from Go's `template: FILE:LINE: …: MSG`. */
function parseErrorMessage(text: string): string {
  const tokens = text.split(': ');
  if (tokens.length === 1) return text;
  return `parse error at (${tokens[1] ?? ''}): ${tokens[tokens.length - 1] ?? ''}`;
}

/**
 * What `helm template` prints for a failure of the template engine, after `Error: ` and without the
 * `Use --debug flag …` hint. Errors that are not template errors keep their own message.
 */
export function helmErrorMessage(err: unknown): string {
  if (err instanceof TemplateParseError) return parseErrorMessage(err.message);
  if (err instanceof TemplateExecError) {
    const text = err.message;
    const tokens = splitN(text, ': ', 3);
    if (tokens.length !== 3) return text;
    const user = helmUserMessage(tokens[2] ?? '');
    if (user !== undefined) return `execution error at (${tokens[1] ?? ''}): ${user}`;
    return execTrace(err) ?? text;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Go's `strings.SplitN(s, sep, n)`. */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}
