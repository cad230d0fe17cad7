/**
 * The template engine's public API: Go text/template as Helm 4 uses it, with provenance.
 *
 * Typical use by the renderer (parse once per chart, execute per environment):
 * ```ts
 * const set = new TemplateSet({ funcNames: Object.keys(staticFuncs) });
 * for (const file of helmParseOrder(files.keys())) set.add(file, files.get(file)!);   // TemplateParseError
 * const { output, spans } = execute(set, 'mychart/templates/cm.yaml', data, {
 *   funcs: staticFuncs, ctx, missingKey: 'zero', limits: { deadlineMs: Date.now() + 10_000 },
 * });                                                                                    // TemplateExecError
 * const clean = stripNoValue(output, spans);   // Helm's `<no value>` removal, spans shifted
 * ```
 * `execute` binds Go's builtins (overridable by `funcs`, as sprig overrides them) and the render-time Helm
 * functions `include`, `tpl`, `required`, `fail`, `lookup`, `getHostByName` (which override `funcs`).
 *
 * Errors: {@link TemplateParseError} (`template: NAME:LINE: msg`), {@link TemplateExecError} (`template:
 * NAME:LINE:COL: executing "T" at <NODE>: msg`, with `wrapped` = the inner error of `error calling f: …`:
 * a nested TemplateExecError/NoTemplateError for `include`, a GoFuncError whose `cause` is the nested error for
 * `tpl`), {@link NoTemplateError} for an unknown name, {@link TemplateLimitError} for exceeded limits.
 */
import type { CallContext, GoFuncSpec, GoValue } from '../values/model.js';
import { builtinFuncs, BUILTIN_NAMES } from './builtins.js';
import { NoTemplateError } from './exec/errors.js';
import type { CallSite, OutputSpan } from './exec/spans.js';
import {
  GO_MAX_EXEC_DEPTH,
  runTemplate,
  type ExecEnv,
  type ExecLimits,
  type MissingKey,
} from './exec/state.js';
import { concrete, INVALID } from './exec/value.js';
import { renderFuncs, ROOT_TEMPLATE_NAME } from './helm-funcs.js';
import type { TemplateSet } from './set.js';

export { TemplateSet, helmParseOrder, type TemplateSetOptions } from './set.js';
export { TemplateParseError } from './parse/parse.js';
export { TemplateExecError, NoTemplateError, TemplateLimitError, helmUserMessage } from './exec/errors.js';
export type { ExecErrorPlace } from './exec/errors.js';
export { stripNoValue, type OutputSpan, type CallSite } from './exec/spans.js';
export { GoComplex, type MapBackedObject, type ListBackedObject } from './exec/value.js';
export type { MissingKey, ExecLimits } from './exec/state.js';
export { builtinFuncs } from './builtins.js';
export { RENDER_FUNC_NAMES, ROOT_TEMPLATE_NAME } from './helm-funcs.js';

/** Options of {@link execute}. */
export interface ExecuteOptions {
  /** Functions besides Go's builtins (sprig, Helm's static ones); these override builtins of the same name. */
  funcs?: Readonly<Record<string, GoFuncSpec>>;
  /** Randomness and time for this render. */
  ctx: CallContext;
  /** `zero` (Helm's default) or `error` (`helm lint --strict`). */
  missingKey?: MissingKey;
  /** Safety limits; each defaults to a generous value. `deadlineMs` is an absolute `Date.now()` time. */
  limits?: Partial<{ maxOutputBytes: number; deadlineMs: number; maxDepth: number }>;
  /** Record output spans (default true). Switch off when provenance is not needed. */
  recordSpans?: boolean;
  /** Call sites that led to this execution (outermost first); recorded on every span. */
  callStack?: readonly CallSite[];
}

/** The output of an execution and the spans that say which node (and values origin) wrote each range. */
export interface ExecResult {
  output: string;
  /** Sorted, non-overlapping; `include` and `tpl` output appears as the spans of the nested execution. */
  spans: OutputSpan[];
}

/** Default limits: 64 Mi characters of output, one minute, Go's template depth. */
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Executes the template `name` of `set` with `data` as dot and `$`, as Go's `ExecuteTemplate` does. The output is
 * returned as Go writes it: `<no value>` is not removed here (see {@link stripNoValue}).
 */
export function execute(set: TemplateSet, name: string, data: GoValue, opts: ExecuteOptions): ExecResult {
  const tree = set.lookup(name);
  if (!tree) throw new NoTemplateError(name, ROOT_TEMPLATE_NAME);
  const limits: ExecLimits = {
    maxOutputBytes: opts.limits?.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
    deadline: opts.limits?.deadlineMs ?? Date.now() + DEFAULT_TIMEOUT_MS,
    maxDepth: opts.limits?.maxDepth ?? GO_MAX_EXEC_DEPTH,
  };
  const includeCounts = new Map<string, number>();
  const envFor = (s: TemplateSet): ExecEnv => {
    const env: ExecEnv = {
      lookup: (n) => s.lookup(n),
      funcs: new Map(),
      builtins: new Set([...BUILTIN_NAMES].filter((n) => !opts.funcs || !(n in opts.funcs))),
      ctx: opts.ctx,
      missingKey: opts.missingKey ?? 'zero',
      limits,
      recordSpans: opts.recordSpans ?? true,
      steps: 0,
      active: undefined,
      currentCall: undefined,
    };
    const all = { ...builtinFuncs, ...opts.funcs, ...renderFuncs({ env, set: s, includeCounts, envFor }) };
    for (const [k, f] of Object.entries(all)) env.funcs.set(k, f);
    return env;
  };
  const r = runTemplate(envFor(set), tree, data === null ? INVALID : concrete(data), opts.callStack);
  return { output: r.output, spans: r.spans };
}
