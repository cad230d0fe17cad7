/**
 * The parser of Go's text/template (`text/template/parse/parse.go`), with Go's look-ahead discipline so that
 * error lines and messages match: `template: NAME:LINE: msg`.
 */
import { ChartlintError } from '../../diagnostics/errors.js';
import { isKeyword, lex, type Token, type TokenType } from './lex.js';
import { parseFloat64, parseInt64, parseUint, unquote, unquoteChar } from './literals.js';
import {
  isEmptyTree,
  type ActionNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type ElseNode,
  type EndNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type Tree,
  type VariableNode,
} from './node.js';
import { nodeString } from './print.js';

/** A template that does not parse. `message` is Go's text, `template: NAME:LINE: detail`. */
export class TemplateParseError extends ChartlintError {
  constructor(
    readonly parseName: string,
    readonly line: number,
    /** The message without Go's `template: NAME:LINE: ` prefix. */
    readonly detail: string,
  ) {
    super('template-parse', `template: ${parseName}:${line}: ${detail}`, {
      location: { file: parseName, startLine: line },
    });
    this.name = 'TemplateParseError';
  }
}

/** What the parser needs to know besides the text. */
export interface ParseOptions {
  /** Function names visible to the template; any other identifier is `function "x" not defined`. */
  funcs: { has(name: string): boolean };
  leftDelim?: string;
  rightDelim?: string;
}

/**
 * Parses one file named `name` into its trees: the file's own template plus one per `define`/`block`. Two
 * non-empty definitions of one name in the file are an error, as in Go.
 */
export function parse(name: string, text: string, options: ParseOptions): Map<string, Tree> {
  const tokens = lex(text, {
    leftDelim: options.leftDelim,
    rightDelim: options.rightDelim,
    breakOK: !options.funcs.has('break'),
    continueOK: !options.funcs.has('continue'),
  });
  const treeSet = new Map<string, Tree>();
  const stream = new TokenStream(tokens);
  const p = new Parser(name, name, text, options.funcs, stream, treeSet);
  p.parseFile();
  return treeSet;
}

/** The shared token source with Go's three-token look-ahead buffer. */
class TokenStream {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}
  nextItem(): Token {
    const t = this.tokens[Math.min(this.i, this.tokens.length - 1)];
    this.i++;
    if (!t) throw new Error('empty token stream');
    return t;
  }
}

class Parser {
  private readonly token: Token[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  private root: ListNode | undefined;

  constructor(
    private name: string,
    private readonly parseName: string,
    private readonly text: string,
    private readonly funcs: { has(name: string): boolean },
    private readonly stream: TokenStream,
    private readonly treeSet: Map<string, Tree>,
  ) {}

  // --- token buffer (Go's next/backup/peek) ---

  private next(): Token {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.stream.nextItem();
    return this.token[this.peekCount] as Token;
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Token): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Token, t1: Token): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Token {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Token;
    this.peekCount = 1;
    this.token[0] = this.stream.nextItem();
    return this.token[0];
  }
  private nextNonSpace(): Token {
    let t: Token;
    do t = this.next();
    while (t.type === 'space');
    return t;
  }
  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // --- errors ---

  private errorf(detail: string): never {
    throw new TemplateParseError(this.parseName, this.token[0]?.line ?? 1, detail);
  }

  private expect(expected: TokenType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.type !== expected) this.unexpected(t, context);
    return t;
  }

  private expectOneOf(a: TokenType, b: TokenType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.type !== a && t.type !== b) this.unexpected(t, context);
    return t;
  }

  private unexpected(t: Token, context: string): never {
    if (t.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${t.val}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }

  // --- trees ---

  private add(): void {
    const root = this.root as ListNode;
    const existing = this.treeSet.get(this.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(this.name, { name: this.name, parseName: this.parseName, root, text: this.text });
      return;
    }
    if (!isEmptyTree(root))
      this.errorf(`template: multiple definition of template ${goQuoteSimple(this.name)}`);
  }

  /** A parser for a nested definition that shares the token stream (Go's `startParse` on a new Tree). */
  private child(name: string): Parser {
    const c = new Parser(name, this.parseName, this.text, this.funcs, this.stream, this.treeSet);
    // The child continues from this parser's look-ahead buffer.
    c.token.push(...this.token);
    c.peekCount = this.peekCount;
    return c;
  }

  /** Hands the look-ahead buffer back after a child parser finished. */
  private adopt(c: Parser): void {
    this.token.length = 0;
    this.token.push(...c.token);
    this.peekCount = c.peekCount;
  }

  parseFile(): void {
    this.root = this.newList(this.peek().pos);
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          const def = this.child('definition');
          def.parseDefinition();
          this.adopt(def);
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
    this.add();
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.expectOneOf('string', 'rawString', context);
    const name = unquote(nameTok.val);
    if (name === undefined) this.errorf('invalid syntax');
    this.name = name;
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'text':
        return { type: 'text', pos: t.pos, text: t.val };
      case 'leftDelim': {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(t, 'input');
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'block':
        return this.blockControl();
      case 'break':
        return this.breakControl(t, 'break');
      case 'continue':
        return this.breakControl(t, 'continue');
      case 'else':
        return this.elseControl();
      case 'end':
        return this.endControl();
      case 'if':
        return this.branchControl('if');
      case 'range':
        return this.branchControl('range');
      case 'template':
        return this.templateControl();
      case 'with':
        return this.branchControl('with');
    }
    this.backup();
    const start = this.peek();
    const node: ActionNode = {
      type: 'action',
      pos: start.pos,
      line: start.line,
      pipe: this.pipeline('command', 'rightDelim'),
    };
    return node;
  }

  private breakControl(t: Token, kind: 'break' | 'continue'): Node {
    const next = this.nextNonSpace();
    if (next.type !== 'rightDelim') this.unexpected(next, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { type: kind, pos: t.pos, line: t.line };
  }

  private pipeline(context: string, end: TokenType): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = {
      type: 'pipe',
      pos: start.pos,
      line: start.line,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      this.next();
      // Space is a token, so "$x foo" needs three tokens of look-ahead to tell an argument from a declaration.
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === 'space') {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.type) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    // Only the first command of a pipeline can start with a non-executable operand.
    pipe.cmds.slice(1).forEach((c, i) => {
      const first = c.args[0];
      if (first && ['bool', 'dot', 'nil', 'number', 'string'].includes(first.type)) {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private parseControl(context: 'if' | 'range' | 'with'): BranchNode<typeof context> {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, first] = this.itemList();
      let next = first;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        // "{{else if x}}" and "{{else with x}}" are "{{else}}{{if x}}…{{end}}{{end}}": elseControl left the
        // keyword pending, and the inner control consumes the one {{end}}.
        if (context === 'if' && this.peek().type === 'if') {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branchControl('if'));
        } else if (context === 'with' && this.peek().type === 'with') {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branchControl('with'));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private branchControl(context: 'if' | 'range' | 'with'): Node {
    return this.parseControl(context) as Node;
  }

  private elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    // "{{else if …" and "{{else with …" return the else now and leave the keyword for parseControl.
    if (peek.type === 'if' || peek.type === 'with') return { type: 'else', pos: peek.pos, line: peek.line };
    const t = this.expect('rightDelim', 'else');
    return { type: 'else', pos: t.pos, line: t.line };
  }

  private endControl(): EndNode {
    return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.parseTemplateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = this.child(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    this.adopt(block);
    const node: TemplateNode = { type: 'template', pos: t.pos, line: t.line, name, pipe };
    return node;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.parseTemplateName(t, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    const node: TemplateNode = { type: 'template', pos: t.pos, line: t.line, name, pipe };
    return node;
  }

  private parseTemplateName(t: Token, context: string): string {
    if (t.type === 'string' || t.type === 'rawString') {
      const s = unquote(t.val);
      if (s === undefined) this.errorf('invalid syntax');
      return s;
    }
    this.unexpected(t, context);
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace(); // Skip leading spaces.
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') this.backup();
      else if (t.type !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().type !== 'field') return node;
    const chain: ChainNode = { type: 'chain', pos: this.peek().pos, node, field: [] };
    while (this.peek().type === 'field') chain.field.push(this.next().val.slice(1));
    // Fields on a field or variable extend it (Go's compatibility rule); literals cannot have fields.
    switch (node.type) {
      case 'field':
        return { type: 'field', pos: chain.pos, ident: [...node.ident, ...chain.field] };
      case 'variable':
        return { type: 'variable', pos: chain.pos, ident: [...node.ident, ...chain.field] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuoteSimple(nodeString(node))}`);
    }
    return chain;
  }

  private term(): Node | undefined {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.errorf(`function ${goQuoteSimple(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable':
        return this.useVar(t.pos, t.val);
      case 'field':
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number': {
        const n = newNumber(t.pos, t.val, t.type);
        if (typeof n === 'string') this.errorf(n);
        return n;
      }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = unquote(t.val);
        if (s === undefined) this.errorf('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text: s };
      }
    }
    this.backup();
    return undefined;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = newVariable(pos, name);
    if (!this.vars.includes(v.ident[0] ?? ''))
      this.errorf(`undefined variable ${goQuoteSimple(v.ident[0] ?? '')}`);
    return v;
  }

  private newList(pos: number): ListNode {
    return { type: 'list', pos, nodes: [] };
  }
}

function newVariable(pos: number, name: string): VariableNode {
  return { type: 'variable', pos, ident: name.split('.') };
}

/** Go's `item.String()`, used in `unexpected X in Y`. */
function itemString(t: Token): string {
  if (t.type === 'eof') return 'EOF';
  if (t.type === 'error') return t.val;
  if (isKeyword(t.type)) return `<${t.val}>`;
  const runes = [...t.val];
  if (runes.length > 10) return `${goQuoteSimple(runes.slice(0, 10).join(''))}...`;
  return goQuoteSimple(t.val);
}

/**
 * `%q` for the short identifiers and snippets that appear in parse errors. Printable text is kept; control
 * characters get Go's escapes.
 */
export function goQuoteSimple(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's `newNumber`: every interpretation of a numeric literal, or Go's error message. */
export function newNumber(pos: number, text: string, type: TokenType): NumberNode | string {
  const n: NumberNode = {
    type: 'number',
    pos,
    text,
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
    complex: [0, 0],
  };
  if (type === 'charConstant') {
    const r = unquoteChar(text.slice(1), text[0] ?? '');
    if (!r) return 'invalid syntax';
    if (r.tail !== "'") return `malformed character constant: ${text}`;
    n.int64 = BigInt(r.value);
    n.uint64 = BigInt(r.value);
    n.float64 = r.value;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (type === 'complex') {
    const c = parseComplex(text);
    if (!c) return `illegal number syntax: ${goQuoteSimple(text)}`;
    n.isComplex = true;
    n.complex = c;
    simplifyComplex(n);
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = [0, f];
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true; // In case of -0.
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      // Parsed as a float but looks like an integer: an integer too large to fit.
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${goQuoteSimple(text)}`;
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${goQuoteSimple(text)}`;
  return n;
}

/** Splits `1+2i` into its parts as fmt.Sscan does for a complex128. */
function parseComplex(text: string): [number, number] | undefined {
  for (let k = text.length - 2; k > 0; k--) {
    const c = text[k];
    const before = text[k - 1];
    if ((c === '+' || c === '-') && before !== 'e' && before !== 'E' && before !== 'p' && before !== 'P') {
      const re = parseFloat64(text.slice(0, k));
      const im = parseFloat64(text.slice(k, -1));
      if (re === undefined || im === undefined) return undefined;
      return [re, im];
    }
  }
  return undefined;
}

function simplifyComplex(n: NumberNode): void {
  const [re, im] = n.complex;
  n.isFloat = im === 0;
  if (n.isFloat) {
    n.float64 = re;
    n.isInt = Number.isInteger(re) && re >= -(2 ** 63) && re < 2 ** 63;
    if (n.isInt) n.int64 = BigInt(re);
    n.isUint = Number.isInteger(re) && re >= 0 && re < 2 ** 64;
    if (n.isUint) n.uint64 = BigInt(re);
  }
}
