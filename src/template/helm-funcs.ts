/**
 * Helm's functions bound per render (helm-render-spec.md §7.4–§7.7, §11.1): `include`, `tpl`, `required`, `fail`,
 * `lookup` (an empty map, as `helm template` has no cluster) and `getHostByName` (`""` without `--enable-dns`).
 */
import { GoFuncError, GoMap, type GoFuncSpec, type GoValue } from '../values/model.js';
import { goQuote } from './fmt.js';
import { NoTemplateError, TemplateExecError } from './exec/errors.js';
import { stripNoValue, withTplOrigins, type CallSite } from './exec/spans.js';
import { runTemplate, SpannedText, type ExecEnv } from './exec/state.js';
import { concrete, INVALID, type ReflectValue } from './exec/value.js';
import { TemplateParseError } from './parse/parse.js';
import type { TemplateSet } from './set.js';

/** Names of the render-time functions; parsers must know them even before they are bound. */
export const RENDER_FUNC_NAMES: readonly string[] = [
  'include',
  'tpl',
  'required',
  'fail',
  'lookup',
  'getHostByName',
];

/** Helm allows this many simultaneously active `include`s of one name before failing (§7.4). */
const RECURSION_MAX = 1000;

/** Name Helm gives the root template and every `tpl` string. */
export const ROOT_TEMPLATE_NAME = 'gotpl';

/** What the render-time functions need from the render they belong to. */
export interface RenderBinding {
  /** The execution environment the functions are installed in. */
  env: ExecEnv;
  /** The template set `include` looks names up in. */
  set: TemplateSet;
  /** Active `include`s per template name, shared by the whole render (and by `tpl` clones). */
  includeCounts: Map<string, number>;
  /** Builds the environment for a `tpl` clone of the set (with functions bound to the clone). */
  envFor(set: TemplateSet): ExecEnv;
}

function wrapHelmError(msg: string): GoFuncError {
  return new GoFuncError(`HELM_ERR_START${msg}HELM_ERR_END`);
}

/** Keeps the wrapped error reachable, as Go's `errors.Wrapf` does, for Helm's error reformatting. */
function withCause(err: GoFuncError, cause: Error): GoFuncError {
  Object.defineProperty(err, 'cause', { value: cause, enumerable: false });
  return err;
}

function dataValue(data: unknown): ReflectValue {
  return data === null || data === undefined ? INVALID : concrete(data as GoValue);
}

/** The call stack for a nested execution started by the function being called. */
function nestedStack(env: ExecEnv): readonly CallSite[] | undefined {
  const call = env.currentCall;
  if (!call) return undefined;
  return [...(call.stack ?? []), call.site];
}

/** Creates the render-time functions for one environment. */
export function renderFuncs(b: RenderBinding): Record<string, GoFuncSpec> {
  const include: GoFuncSpec = {
    params: ['string', 'interface {}'],
    result: 'string',
    call(_ctx, name, data) {
      const n = name as string;
      const active = b.includeCounts.get(n);
      if (active !== undefined && active > RECURSION_MAX) {
        throw new GoFuncError(
          `rendering template has a nested reference name: ${n}: unable to execute template`,
        );
      }
      b.includeCounts.set(n, (active ?? 0) + 1);
      const stack = nestedStack(b.env);
      try {
        const tree = b.set.lookup(n);
        if (!tree) throw new NoTemplateError(n, ROOT_TEMPLATE_NAME);
        const r = runTemplate(b.env, tree, dataValue(data), stack);
        return new SpannedText(r.output, r.spans);
      } finally {
        b.includeCounts.set(n, (b.includeCounts.get(n) ?? 1) - 1);
      }
    },
  };

  const tpl: GoFuncSpec = {
    params: ['string', 'interface {}'],
    result: 'string',
    // The output is made of the string's text: it inherits the string's origin (a values scalar, usually).
    passThrough: 'first',
    call(_ctx, text, data) {
      const t = text as string;
      const call = b.env.currentCall;
      const stack = nestedStack(b.env);
      // A clone, so that defines inside the string are visible to it alone.
      const clone = b.set.clone();
      let tree;
      try {
        tree = clone.add(ROOT_TEMPLATE_NAME, t);
      } catch (e) {
        if (e instanceof TemplateParseError) {
          throw withCause(new GoFuncError(`cannot parse template ${goQuote(t)}: ${e.message}`), e);
        }
        throw e;
      }
      try {
        const r = runTemplate(b.envFor(clone), tree, dataValue(data), stack);
        const stripped = stripNoValue(r.output, r.spans);
        const spans = withTplOrigins(stripped.spans, t, ROOT_TEMPLATE_NAME, call?.args?.[0]?.origin);
        return new SpannedText(stripped.output, spans);
      } catch (e) {
        if (e instanceof TemplateExecError || e instanceof NoTemplateError) {
          throw withCause(
            new GoFuncError(`error during tpl function execution for ${goQuote(t)}: ${e.message}`),
            e,
          );
        }
        throw e;
      }
    },
  };

  return {
    include,
    tpl,
    required: {
      params: ['string', 'interface {}'],
      result: 'interface {}',
      passThrough: 'last',
      call(_ctx, msg, value) {
        if (value === null || value === '') throw wrapHelmError(msg as string);
        return value;
      },
    },
    fail: {
      params: ['string'],
      result: 'string',
      call(_ctx, msg) {
        throw wrapHelmError(msg as string);
      },
    },
    lookup: {
      params: ['string', 'string', 'string', 'string'],
      result: 'map[string]interface {}',
      call: () => new GoMap(),
    },
    getHostByName: {
      params: ['string'],
      result: 'string',
      call: () => '',
    },
  };
}
