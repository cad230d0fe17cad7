/**
 * The node → text printer of Go's text/template (`Node.String()`), used in execution errors (`at <.Values.a.b>`)
 * and for the print → parse → print round trip. Literals keep their original spelling; everything else is
 * re-serialised with single spaces, as Go does.
 */
import { goQuote } from '../fmt.js';
import type { ListNode, Node, PipeNode, Tree } from './node.js';

/** Go's `String()` of a node. */
export function nodeString(node: Node): string {
  const out: string[] = [];
  write(node, out);
  return out.join('');
}

/**
 * Prints a template file: its own tree followed by the `define`s parsed from the same file, so that parsing the
 * result yields the same templates again.
 */
export function printTemplates(trees: readonly Tree[], fileName: string): string {
  const out: string[] = [];
  const main = trees.find((t) => t.name === fileName);
  if (main) write(main.root, out);
  for (const t of trees) {
    if (t.name === fileName) continue;
    out.push('{{define ', goQuote(t.name), '}}');
    write(t.root, out);
    out.push('{{end}}');
  }
  return out.join('');
}

function writePipe(p: PipeNode, out: string[]): void {
  if (p.decl.length > 0) {
    p.decl.forEach((v, i) => {
      if (i > 0) out.push(', ');
      write(v, out);
    });
    out.push(p.isAssign ? ' = ' : ' := ');
  }
  p.cmds.forEach((c, i) => {
    if (i > 0) out.push(' | ');
    write(c, out);
  });
}

function writeBranch(
  keyword: string,
  pipe: PipeNode,
  list: ListNode,
  elseList: ListNode | undefined,
  out: string[],
) {
  out.push('{{', keyword, ' ');
  writePipe(pipe, out);
  out.push('}}');
  write(list, out);
  if (elseList) {
    out.push('{{else}}');
    write(elseList, out);
  }
  out.push('{{end}}');
}

function write(node: Node, out: string[]): void {
  switch (node.type) {
    case 'list':
      for (const n of node.nodes) write(n, out);
      return;
    case 'text':
      out.push(node.text);
      return;
    case 'action':
      out.push('{{');
      writePipe(node.pipe, out);
      out.push('}}');
      return;
    case 'pipe':
      writePipe(node, out);
      return;
    case 'command':
      node.args.forEach((arg, i) => {
        if (i > 0) out.push(' ');
        if (arg.type === 'pipe') {
          out.push('(');
          writePipe(arg, out);
          out.push(')');
        } else write(arg, out);
      });
      return;
    case 'identifier':
      out.push(node.ident);
      return;
    case 'variable':
      out.push(node.ident.join('.'));
      return;
    case 'field':
      for (const id of node.ident) out.push('.', id);
      return;
    case 'chain':
      if (node.node.type === 'pipe') {
        out.push('(');
        writePipe(node.node, out);
        out.push(')');
      } else write(node.node, out);
      for (const f of node.field) out.push('.', f);
      return;
    case 'dot':
      out.push('.');
      return;
    case 'nil':
      out.push('nil');
      return;
    case 'bool':
      out.push(node.value ? 'true' : 'false');
      return;
    case 'number':
      out.push(node.text);
      return;
    case 'string':
      out.push(node.quoted);
      return;
    case 'if':
    case 'range':
    case 'with':
      writeBranch(node.type, node.pipe, node.list, node.elseList, out);
      return;
    case 'template':
      out.push('{{template ', goQuote(node.name));
      if (node.pipe) {
        out.push(' ');
        writePipe(node.pipe, out);
      }
      out.push('}}');
      return;
    case 'break':
      out.push('{{break}}');
      return;
    case 'continue':
      out.push('{{continue}}');
      return;
    case 'end':
      out.push('{{end}}');
      return;
    case 'else':
      out.push('{{else}}');
      return;
  }
}
