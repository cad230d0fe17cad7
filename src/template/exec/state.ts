/**
 * The executor of Go's text/template (`text/template/exec.go`) over the Go value model: walk, pipelines,
 * commands, field chains, argument conversion (`validateType`), variables, control structures and errors in Go's
 * format (helm-render-spec.md §8.4–§8.10). Provenance is recorded in the {@link OutputBuffer}.
 */
import { ChartlintError } from '../../diagnostics/errors.js';
import { formatValue, goQuote } from '../fmt.js';
import { byteColumn, lineOf } from '../parse/lex.js';
import type {
  ActionNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  RangeNode,
  TemplateNode,
  Tree,
  VariableNode,
} from '../parse/node.js';
import { nodeString } from '../parse/print.js';
import {
  GoBytes,
  GoInt,
  GoList,
  GoMap,
  GoObject,
  goTypeOf,
  type CallContext,
  type GoFuncSpec,
  type GoValue,
  type IntType,
  type ValueOrigin,
} from '../../values/model.js';
import { TemplateExecError, TemplateLimitError, type ExecErrorPlace } from './errors.js';
import {
  alignSpans,
  OutputBuffer,
  SourcedText,
  type CallSite,
  type OutputSpan,
  type SourcedFuncSpec,
} from './spans.js';
import {
  assignable,
  canBeNil,
  concrete,
  fromJsResult,
  GoComplex,
  INVALID,
  isIntType,
  isTrue,
  isUintType,
  listOf,
  mapElemZeroOf,
  mapOf,
  staticType,
  toJsArg,
  unwrapInterface,
  type CarriedText,
  type ReflectValue,
} from './value.js';

/** What a missing map key yields: Go's `missingkey=zero` (Helm's default), `=error` (strict) or `=invalid`. */
export type MissingKey = 'zero' | 'error' | 'invalid';

/** Safety limits of one render. Exceeding one raises a located {@link TemplateLimitError}. */
export interface ExecLimits {
  /** Output size per execution, in UTF-16 code units. */
  maxOutputBytes: number;
  /** Wall-clock deadline (epoch milliseconds, as `Date.now()`), checked every few hundred steps. */
  deadline: number;
  /** Nesting of `{{template}}` calls; Go's limit is 100000. */
  maxDepth: number;
}

/** Go's limit on `{{template}}` nesting. */
export const GO_MAX_EXEC_DEPTH = 100000;

/** A function result that is the output of a nested execution, with its spans (include, tpl). */
export class SpannedText implements CarriedText {
  constructor(
    readonly text: string,
    readonly spans: OutputSpan[],
  ) {}
}

/** The shared environment of one execution and of the nested executions it starts (include, tpl). */
export interface ExecEnv {
  /** Looks a template up by name in the set being executed. */
  lookup(name: string): Tree | undefined;
  /** All functions by name: Go builtins overridden by the caller's functions. */
  funcs: Map<string, GoFuncSpec>;
  /** Names that resolve to Go's builtins (where `and`/`or` short-circuit). */
  builtins: ReadonlySet<string>;
  ctx: CallContext;
  missingKey: MissingKey;
  limits: ExecLimits;
  recordSpans: boolean;
  /** Steps since the last deadline check. */
  steps: number;
  /** The innermost state running, to locate a JavaScript stack overflow. */
  active: State | undefined;
  /**
   * The call site and stack of the function being called (read by include/tpl), and its evaluated arguments with
   * their origins when spans are recorded for a pass-through function (tpl maps its text back to the values string).
   */
  currentCall:
    | { site: CallSite; stack: readonly CallSite[] | undefined; args?: readonly ReflectValue[] | undefined }
    | undefined;
}

/** The absent final (piped) argument: Go's `missingVal`. */
const MISSING: unique symbol = Symbol('missing');
type Final = ReflectValue | typeof MISSING;

const enum Signal {
  None = 0,
  Break = 1,
  Continue = 2,
}

const DEADLINE_CHECK_EVERY = 256;

interface Variable {
  name: string;
  value: ReflectValue;
}

/** The output of one execution. */
export interface RunResult {
  output: string;
  spans: OutputSpan[];
}

/** Executes `tree` with `data` as dot and `$`; the core of `execute`, `include` and `tpl`. */
export function runTemplate(
  env: ExecEnv,
  tree: Tree,
  data: ReflectValue,
  callStack: readonly CallSite[] | undefined,
): RunResult {
  const out = new OutputBuffer(env.recordSpans, callStack);
  const state = new State(env, tree, out, callStack, 0, [{ name: '$', value: data }]);
  const previous = env.active;
  try {
    state.walk(data, tree.root);
  } catch (e) {
    // On errors `env.active` is left at the innermost state, which locates a stack overflow.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new TemplateLimitError(
        'template recursion is too deep for the JavaScript stack',
        (env.active ?? state).place(),
      );
    }
    throw e;
  }
  env.active = previous;
  return { output: out.toString(), spans: out.spans };
}

/** Go's `state`: the template being executed, its variables, the current node and the output. */
export class State {
  private node: Node | undefined;

  constructor(
    private readonly env: ExecEnv,
    private readonly tree: Tree,
    private readonly out: OutputBuffer,
    private readonly callStack: readonly CallSite[] | undefined,
    private readonly depth: number,
    private readonly vars: Variable[],
  ) {
    env.active = this;
  }

  // --- errors ---

  /** Where the current node is, for error messages. */
  place(): ExecErrorPlace {
    const pos = this.node?.pos ?? 0;
    const text = this.tree.text;
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    return {
      templateName: this.tree.name,
      parseName: this.tree.parseName,
      line: lineOf(text, pos),
      byteColumn: byteColumn(text, pos),
      column: pos - lineStart + 1,
      context: this.node ? nodeString(this.node) : '',
    };
  }

  private errorf(detail: string, wrapped?: Error): never {
    throw new TemplateExecError(this.place(), detail, wrapped);
  }

  private at(node: Node): void {
    this.node = node;
  }

  // --- variables ---

  private push(name: string, value: ReflectValue): void {
    this.vars.push({ name, value });
  }

  private setVar(name: string, value: ReflectValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: ReflectValue): void {
    const v = this.vars[this.vars.length - n];
    if (v) v.value = value;
  }

  private varValue(name: string): ReflectValue {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ---

  walk(dot: ReflectValue, node: Node): Signal {
    this.at(node);
    if (++this.env.steps >= DEADLINE_CHECK_EVERY) this.checkDeadline();
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return Signal.None;
      }
      case 'break':
        return Signal.Break;
      case 'continue':
        return Signal.Continue;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) {
          const sig = this.walk(dot, n);
          if (sig !== Signal.None) return sig;
        }
        return Signal.None;
      case 'range':
        this.walkRange(dot, node);
        return Signal.None;
      case 'template':
        this.walkTemplate(dot, node);
        return Signal.None;
      case 'text':
        this.out.writeText(node.text, this.tree.parseName, node.pos);
        this.checkOutput();
        return Signal.None;
    }
    this.errorf(`unknown node: ${nodeString(node)}`);
  }

  private checkDeadline(): void {
    this.env.steps = 0;
    if (Date.now() > this.env.limits.deadline) {
      throw new TemplateLimitError('rendering took longer than the time limit', this.place());
    }
  }

  private checkOutput(): void {
    if (this.out.length > this.env.limits.maxOutputBytes) {
      throw new TemplateLimitError(
        `template output exceeds the limit of ${this.env.limits.maxOutputBytes} characters`,
        this.place(),
      );
    }
  }

  private walkIfOrWith(dot: ReflectValue, node: BranchNode<'if' | 'with'>): Signal {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(unwrapInterface(val).v)) return this.walk(node.type === 'with' ? val : dot, node.list);
      if (node.elseList) return this.walk(dot, node.elseList);
      return Signal.None;
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: ReflectValue, r: RangeNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const oneIteration = (index: ReflectValue, elem: ReflectValue): Signal => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]?.ident[0] ?? '', decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]?.ident[0] ?? '', elem);
          else this.setTopVar(2, index);
        }
        try {
          return this.walk(elem, r.list);
        } finally {
          this.vars.length = mark;
        }
      };
      const v = val.v;
      let ran = false;
      if (v instanceof GoList) {
        for (let i = 0; i < v.items.length; i++) {
          ran = true;
          if (oneIteration(concrete(new GoInt(BigInt(i))), listElem(v, i)) === Signal.Break) break;
        }
      } else if (v instanceof GoBytes) {
        for (let i = 0; i < v.bytes.length; i++) {
          ran = true;
          const b = concrete(new GoInt(BigInt(v.bytes[i] ?? 0), 'uint8'));
          if (oneIteration(concrete(new GoInt(BigInt(i))), b) === Signal.Break) break;
        }
      } else if (v instanceof GoMap || (v instanceof GoObject && mapOf(v))) {
        const m = v instanceof GoMap ? v : (mapOf(v as GoObject) as GoMap);
        const concreteElems = v instanceof GoObject && mapElemZeroOf(v) !== undefined;
        for (const k of m.sortedKeys()) {
          ran = true;
          const x = m.get(k) ?? null;
          if (oneIteration(concrete(k), concreteElems ? concrete(x) : mapElem(m, k, x)) === Signal.Break)
            break;
        }
      } else if (v instanceof GoObject && listOf(v)) {
        const l = listOf(v) as GoList;
        for (let i = 0; i < l.items.length; i++) {
          ran = true;
          if (oneIteration(concrete(new GoInt(BigInt(i))), listElem(l, i)) === Signal.Break) break;
        }
      } else if (v instanceof GoInt) {
        if (decl.length > 1)
          this.errorf(`can't use ${formatValue(v)} to iterate over more than one variable`);
        for (let i = 0n; i < v.value; i++) {
          ran = true;
          if (oneIteration(INVALID, concrete(new GoInt(i, v.type))) === Signal.Break) break;
        }
      } else if (v !== undefined) {
        this.errorf(`range can't iterate over ${formatValue(v)}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: ReflectValue, t: TemplateNode): void {
    this.at(t);
    const tree = this.env.lookup(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= this.env.limits.maxDepth)
      this.errorf(`exceeded maximum template depth (${this.env.limits.maxDepth})`);
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID;
    // No dynamic scoping: the called template sees only `$`.
    const inner = new State(this.env, tree, this.out, this.callStack, this.depth + 1, [
      { name: '$', value: newDot },
    ]);
    inner.walk(newDot, tree.root);
    this.env.active = this;
  }

  private printValue(node: ActionNode, val: ReflectValue): void {
    this.at(node);
    const text = val.v === undefined ? '<no value>' : printedText(val);
    let nested: OutputSpan[] | undefined;
    if (this.env.recordSpans && val.carried) nested = alignSpans(val.carried.text, val.carried.spans, text);
    this.out.writeAction(text, this.tree.parseName, node.pos, val.origin, nested);
    this.checkOutput();
  }

  // --- evaluation ---

  private evalPipeline(dot: ReflectValue, pipe: PipeNode): ReflectValue {
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      // An interface {} result is replaced by its content (nil becomes no value).
      value = unwrapInterface(this.evalCommand(dot, cmd, value));
    }
    const result = value === MISSING ? INVALID : value;
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? '';
      if (pipe.isAssign) this.setVar(name, result);
      else this.push(name, result);
    }
    return result;
  }

  private evalCommand(dot: ReflectValue, cmd: CommandNode, final: Final): ReflectValue {
    const first = cmd.args[0] as Node;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        // A parenthesized pipeline: its arguments are all inside it.
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return concrete(first.value);
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      // falls through: errorf never returns.
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return concrete(first.text);
    }
    this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  private notAFunction(args: readonly Node[] | undefined, final: Final): void {
    if ((args && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args?.[0] as Node)}`);
    }
  }

  private idealConstant(n: NumberNode): ReflectValue {
    this.at(n);
    if (n.isComplex) return concrete(new GoComplex(n.complex[0], n.complex[1]));
    const t = n.text;
    const isHexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    const isRuneInt = t[0] === "'";
    if (n.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(t)) return concrete(n.float64);
    if (n.isInt) return concrete(new GoInt(n.int64));
    if (n.isUint) this.errorf(`${t} overflows int`);
    return INVALID;
  }

  private evalFieldNode(
    dot: ReflectValue,
    field: FieldNode,
    args: readonly Node[] | undefined,
    final: Final,
  ): ReflectValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(
    dot: ReflectValue,
    chain: ChainNode,
    args: readonly Node[] | undefined,
    final: Final,
  ): ReflectValue {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(
    dot: ReflectValue,
    v: VariableNode,
    args: readonly Node[] | undefined,
    final: Final,
  ): ReflectValue {
    this.at(v);
    const value = this.varValue(v.ident[0] ?? '');
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: ReflectValue,
    receiver: ReflectValue,
    node: Node,
    ident: readonly string[],
    args: readonly Node[] | undefined,
    final: Final,
  ): ReflectValue {
    const n = ident.length;
    let r = receiver;
    for (let i = 0; i < n - 1; i++) r = this.evalField(dot, ident[i] ?? '', node, undefined, MISSING, r);
    // Only the last field may be a method that takes the arguments.
    return this.evalField(dot, ident[n - 1] ?? '', node, args, final, r);
  }

  private evalField(
    dot: ReflectValue,
    fieldName: string,
    node: Node,
    args: readonly Node[] | undefined,
    final: Final,
    receiver: ReflectValue,
  ): ReflectValue {
    const r = receiver.v;
    if (r === undefined) {
      if (this.env.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return INVALID;
    }
    const typ = staticType(receiver);
    if (r === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    let map: GoMap | undefined;
    let zero: GoValue | undefined;
    if (r instanceof GoObject) {
      const method = r.method(fieldName);
      if (method) return this.evalCall(dot, method, false, node, fieldName, args, final);
      if (r.isNilPointer()) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
      const f = r.field(fieldName);
      if (f !== undefined) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        if (f === null) return { v: null, iface: true };
        // Fields of a struct behind a pointer are addressable, and so are fields of those.
        return r.goType.startsWith('*') || receiver.addressable
          ? { v: f, iface: false, addressable: true }
          : concrete(f);
      }
      map = mapOf(r);
      zero = mapElemZeroOf(r);
    } else if (r instanceof GoMap) {
      map = r;
    }
    if (map) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const x = map.get(fieldName);
      if (x !== undefined) return zero === undefined ? mapElem(map, fieldName, x) : concrete(x);
      switch (this.env.missingKey) {
        case 'invalid':
          return INVALID;
        case 'error':
          this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
        // falls through: errorf never returns.
        case 'zero':
          return zero === undefined ? zeroElem(map) : concrete(zero);
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(
    dot: ReflectValue,
    node: IdentifierNode,
    cmd: Node,
    args: readonly Node[] | undefined,
    final: Final,
  ): ReflectValue {
    this.at(node);
    const name = node.ident;
    const fn = this.env.funcs.get(name);
    if (!fn) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, this.env.builtins.has(name), cmd, name, args, final);
  }

  private evalCall(
    dot: ReflectValue,
    fn: GoFuncSpec,
    isBuiltin: boolean,
    node: Node,
    name: string,
    allArgs: readonly Node[] | undefined,
    final: Final,
  ): ReflectValue {
    // The zeroth argument is the function's own node.
    const args = allArgs ? allArgs.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    const params = fn.params;
    const variadic = fn.variadic;
    let numFixed = args.length;
    if (variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${args.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }

    // and/or short-circuit: later arguments are not evaluated.
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: ReflectValue = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, 'reflect.Value', arg);
        if (isTrue(unwrapInterface(v).v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }

    const track = this.env.recordSpans && fn.passThrough !== undefined;
    const jsArgs: unknown[] = new Array(numIn);
    const vals: ReflectValue[] | undefined = track ? new Array<ReflectValue>(numIn) : undefined;
    let i = 0;
    for (; i < numFixed && i < args.length; i++) {
      const p = params[i] as string;
      const v = this.evalArg(dot, p, args[i] as Node);
      jsArgs[i] = jsOf(v, p);
      if (vals) vals[i] = v;
    }
    if (variadic !== undefined) {
      for (; i < args.length; i++) {
        const v = this.evalArg(dot, variadic, args[i] as Node);
        jsArgs[i] = jsOf(v, variadic);
        if (vals) vals[i] = v;
      }
    }
    if (final !== MISSING) {
      let t = params[params.length - 1] as string;
      if (variadic !== undefined) t = numIn - 1 < numFixed ? (params[numIn - 1] as string) : variadic;
      const v = this.validateType(final, t);
      jsArgs[i] = jsOf(v, t);
      if (vals) vals[i] = v;
    }

    if (isBuiltin && name === 'call') {
      // Go passes the callee's text first, for the "non-function X of type T" message.
      const callee =
        args.length > 0 ? nodeString(args[0] as Node) : `<${staticType(final as ReflectValue)} Value>`;
      jsArgs.unshift(callee);
    }

    let r: unknown;
    this.env.currentCall = {
      site: { parseName: this.tree.parseName, nodeOffset: node.pos },
      stack: this.callStack,
      args: vals,
    };
    // A function that knows where the parts of its result came from (toYaml key by key) says so while spans are
    // recorded.
    const sourced = this.env.recordSpans ? (fn as Partial<SourcedFuncSpec>).callSourced : undefined;
    try {
      r = sourced ? sourced.call(fn, this.env.ctx, ...jsArgs) : fn.call(this.env.ctx, ...jsArgs);
    } catch (e) {
      if (e instanceof TemplateLimitError || (e instanceof RangeError && /call stack/i.test(e.message)))
        throw e;
      if (e instanceof ChartlintError && e.code === 'limit-exceeded') throw e;
      this.at(node);
      const err = e instanceof Error ? e : new Error(String(e));
      this.errorf(`error calling ${name}: ${err.message}`, err);
    }
    this.env.active = this;
    let result: ReflectValue;
    if (r instanceof SourcedText)
      r = new SpannedText(r.text, r.spansAt(this.tree.parseName, node.pos, this.callStack));
    if (r instanceof SpannedText) result = { v: r.text, iface: false, carried: r };
    else result = fromJsResult(r, fn.result);
    if (vals) result = passProvenance(fn, result, vals);
    return result;
  }

  /** Go's `evalArg`: evaluates an argument node for a parameter of Go type `typ` (undefined: untyped). */
  private evalArg(dot: ReflectValue, typ: string | undefined, n: Node): ReflectValue {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === undefined || canBeNil(typ))
          return typ === 'reflect.Value' || typ === undefined ? INVALID : { v: null, iface: true };
        this.errorf(`cannot assign nil to ${typ}`);
      // falls through: errorf never returns.
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ);
    }
    if (typ === undefined || typ === 'interface {}' || typ === 'any' || typ === 'reflect.Value') {
      return this.evalEmptyInterface(n);
    }
    if (typ === 'bool') {
      if (n.type === 'bool') return concrete(n.value);
      this.errorf(`expected bool; found ${nodeString(n)}`);
    }
    if (typ === 'string') {
      if (n.type === 'string') return concrete(n.text);
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    if (isIntType(typ)) {
      if (n.type === 'number' && n.isInt) return concrete(new GoInt(n.int64, typ as IntType));
      this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (isUintType(typ)) {
      if (n.type === 'number' && n.isUint) return concrete(new GoInt(n.uint64, typ as IntType));
      this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
    }
    if (typ === 'float64' || typ === 'float32') {
      if (n.type === 'number' && n.isFloat) return concrete(n.float64);
      this.errorf(`expected float; found ${nodeString(n)}`);
    }
    if (typ === 'complex128' || typ === 'complex64') {
      if (n.type === 'number' && n.isComplex) return concrete(new GoComplex(n.complex[0], n.complex[1]));
      this.errorf(`expected complex; found ${nodeString(n)}`);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }

  private evalEmptyInterface(n: Node): ReflectValue {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return concrete(n.value);
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return concrete(n.text);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  /** Go's `validateType` (§8.4): nil handling, interface unwrapping and `wrong type for value` errors. */
  private validateType(value: ReflectValue, typ: string | undefined): ReflectValue {
    if (value.v === undefined) {
      if (typ === undefined || typ === 'reflect.Value') return INVALID;
      if (canBeNil(typ)) return { v: null, iface: typ === 'interface {}' || typ === 'any' };
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === undefined || typ === 'reflect.Value') return value;
    const t = staticType(value);
    if (assignable(t, typ)) return value;
    if (value.iface && value.v !== null) {
      const dyn = goTypeOf(value.v);
      if (assignable(dyn, typ))
        return { v: value.v, iface: false, origin: value.origin, carried: value.carried };
      this.errorf(`wrong type for value; expected ${typ}; got ${dyn}`);
    }
    this.errorf(`wrong type for value; expected ${typ}; got ${t}`);
  }
}

/** The JavaScript argument for a validated value of parameter type `typ`. */
function jsOf(v: ReflectValue, typ: string): unknown {
  if (typ === 'reflect.Value') return v;
  if (v.v === undefined) return null;
  return toJsArg(v.v, typ);
}

/** An element of a list, in an interface slot for `[]interface {}`, with the origin recorded for its index. */
export function listElem(list: GoList, i: number): ReflectValue {
  const v = list.items[i] ?? null;
  const iface = list.type === '[]interface {}';
  const origin = list.origins?.[i];
  return origin ? { v, iface, origin } : { v, iface };
}

/** An entry of a map, in an interface slot unless the map's element type is concrete. */
export function mapElem(map: GoMap, key: string, v: GoValue): ReflectValue {
  const iface = map.type !== 'map[string]string';
  const origin: ValueOrigin | undefined = map.origins?.get(key);
  return origin ? { v, iface, origin } : { v, iface };
}

/** The zero value of a map's element type (missingkey=zero). */
function zeroElem(map: GoMap): ReflectValue {
  return map.type === 'map[string]string' ? concrete('') : { v: null, iface: true };
}

/** Provenance of a pass-through function's result (DESIGN.md §7). */
function passProvenance(fn: GoFuncSpec, result: ReflectValue, args: readonly ReflectValue[]): ReflectValue {
  let src: ReflectValue | undefined;
  switch (fn.passThrough) {
    case 'first':
      src = args[0];
      break;
    case 'last':
      src = args[args.length - 1];
      break;
    case 'any':
      // The argument the function picked (default, coalesce, ternary) is the result itself; one it transformed
      // (quote, cat) shows inside the result's text.
      src =
        args.find((a) => (a.origin || a.carried) && a.v === result.v) ??
        args.find((a) => appearsIn(a, result));
      break;
  }
  if (!src || (!src.origin && !src.carried)) return result;
  return {
    v: result.v,
    iface: result.iface,
    origin: src.origin ?? result.origin,
    carried: result.carried ?? src.carried,
  };
}

/**
 * Whether a sourced scalar argument's text appears in a string result (`quote`, `cat`). Output of `include`/`tpl`
 * counts as sourced: its spans say where each part came from (`include "x.image" . | quote`).
 */
function appearsIn(arg: ReflectValue, result: ReflectValue): boolean {
  if ((!arg.origin && !arg.carried) || typeof result.v !== 'string') return false;
  const v = arg.v;
  if (typeof v === 'string') return v !== '' && result.v.includes(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof GoInt)
    return result.v.includes(formatValue(v));
  return false;
}

/**
 * What `{{ x }}` prints: Go's `printValue` takes the address of an addressable value whose `String()` needs a
 * pointer, so `{{ .Capabilities.KubeVersion }}` prints `v1.35.0` where `print` would dump the struct.
 */
function printedText(val: ReflectValue): string {
  const v = val.v as GoValue;
  if (val.addressable && v instanceof GoObject && v.stringerNeedsPointer && !v.isNilPointer()) {
    const s = v.stringer();
    if (s !== undefined) return s;
  }
  return formatValue(v);
}
