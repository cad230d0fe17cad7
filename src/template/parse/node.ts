/**
 * Parse-tree nodes of Go's text/template (`text/template/parse/node.go`). Every node carries `pos`, the offset of
 * the token it starts at in its file's text (a JavaScript string index; see lex.ts), which execution errors and
 * provenance spans report.
 */

/** A sequence of nodes. */
export interface ListNode {
  type: 'list';
  pos: number;
  nodes: Node[];
}

/** Literal text between actions. */
export interface TextNode {
  type: 'text';
  pos: number;
  text: string;
}

/** `{{ pipeline }}`: prints the pipeline's value unless it declares variables. */
export interface ActionNode {
  type: 'action';
  pos: number;
  line: number;
  pipe: PipeNode;
}

/** A pipeline with optional variable declarations (`$x :=`) or assignments (`$x =`). */
export interface PipeNode {
  type: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}

/** One stage of a pipeline: an operand followed by arguments. */
export interface CommandNode {
  type: 'command';
  pos: number;
  args: Node[];
}

/** A function name. */
export interface IdentifierNode {
  type: 'identifier';
  pos: number;
  ident: string;
}

/** `$`, `$x` or `$x.a.b` (idents are `["$x", "a", "b"]`). */
export interface VariableNode {
  type: 'variable';
  pos: number;
  ident: string[];
}

/** `.a.b` (idents are `["a", "b"]`). */
export interface FieldNode {
  type: 'field';
  pos: number;
  ident: string[];
}

/** `(pipeline).a.b` or `ident.a`: a term followed by fields. */
export interface ChainNode {
  type: 'chain';
  pos: number;
  node: Node;
  field: string[];
}

/** `.` */
export interface DotNode {
  type: 'dot';
  pos: number;
}

/** `nil` */
export interface NilNode {
  type: 'nil';
  pos: number;
}

/** `true` / `false` */
export interface BoolNode {
  type: 'bool';
  pos: number;
  value: boolean;
}

/**
 * A numeric literal with every interpretation Go accepts for it (Go's NumberNode): a literal can be an int, a uint
 * and a float at once (`1`), which typed parameters choose from.
 */
export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  /** Real and imaginary parts when `isComplex`. */
  complex: readonly [number, number];
}

/** A string literal: `quoted` as written (with quotes), `text` unquoted. */
export interface StringNode {
  type: 'string';
  pos: number;
  quoted: string;
  text: string;
}

/** `{{if}}`, `{{range}}` and `{{with}}` share this shape. */
export interface BranchNode<T extends 'if' | 'range' | 'with'> {
  type: T;
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}
export type IfNode = BranchNode<'if'>;
export type RangeNode = BranchNode<'range'>;
export type WithNode = BranchNode<'with'>;

/** `{{template "name" pipeline}}` (also what `{{block}}` leaves in place). */
export interface TemplateNode {
  type: 'template';
  pos: number;
  line: number;
  name: string;
  pipe: PipeNode | undefined;
}

/** `{{break}}` */
export interface BreakNode {
  type: 'break';
  pos: number;
  line: number;
}

/** `{{continue}}` */
export interface ContinueNode {
  type: 'continue';
  pos: number;
  line: number;
}

/** `{{end}}` — only seen by the parser while it closes a list. */
export interface EndNode {
  type: 'end';
  pos: number;
}

/** `{{else}}` — only seen by the parser while it closes a list. */
export interface ElseNode {
  type: 'else';
  pos: number;
  line: number;
}

/** Every node of a parsed template. */
export type Node =
  | ListNode
  | TextNode
  | ActionNode
  | PipeNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | FieldNode
  | ChainNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | IfNode
  | RangeNode
  | WithNode
  | TemplateNode
  | BreakNode
  | ContinueNode
  | EndNode
  | ElseNode;

/** One parsed template: a file or a `define`/`block` body. */
export interface Tree {
  /** Name the template is looked up by (file path or define name). */
  name: string;
  /** Name of the file the template was parsed from; used in error locations. */
  parseName: string;
  root: ListNode;
  /** Full text of the file the template was parsed from (node offsets index into it). */
  text: string;
}

/** Go's `parse.IsEmptyTree`: true when a template has only whitespace text (and no actions). */
export function isEmptyTree(n: Node | undefined): boolean {
  if (n === undefined) return true;
  switch (n.type) {
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return GO_SPACE_ONLY.test(n.text);
    default:
      return false;
  }
}

/** Text that `bytes.TrimSpace` empties: only Go's Unicode white space (which, unlike `\s`, has U+0085, not U+FEFF). */
const GO_SPACE_ONLY = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;
