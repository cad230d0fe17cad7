/**
 * Where and how go-yaml reports an unterminated or mis-closed flow collection (`a: [`, `[1`, `{a: 1]`). The `yaml`
 * package notices these at other places and with other words, so the text is scanned again the way go-yaml's
 * scanner sees flow context: brackets, quoted scalars and comments; block-context plain scalars such as
 * `image: repo[1]` do not open a collection.
 */

/** A flow-collection error as go-yaml's parser reports it. */
export interface FlowCollectionError {
  /** `did not find expected node content` or `did not find expected ',' or ']'` (or `'}'`). */
  message: string;
  /** Offset of go-yaml's mark: the mismatched closer, or the end of the text. */
  at: number;
}

const CLOSER: Readonly<Record<string, string>> = { '[': ']', '{': '}' };

/** The first flow-collection error of `text`, or `undefined` when its brackets balance. */
export function findFlowCollectionError(text: string): FlowCollectionError | undefined {
  const open: string[] = [];
  // The last significant character in flow context: after `[`, `{` or `,` a node is still expected.
  let last = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      i = lineEnd(text, i);
      continue;
    }
    if (c === '"' || c === "'") {
      if (open.length === 0 && !startsNode(text, i)) {
        i = skipPlain(text, i);
        continue;
      }
      i = skipQuoted(text, i);
      last = c;
      continue;
    }
    if (c === '[' || c === '{') {
      if (open.length === 0 && !startsNode(text, i)) {
        i = skipPlain(text, i);
        continue;
      }
      open.push(c);
      last = c;
      i++;
      continue;
    }
    if (open.length > 0 && (c === ']' || c === '}')) {
      const top = open[open.length - 1] ?? '[';
      if (CLOSER[top] !== c) return { message: expectedCloser(top), at: i };
      open.pop();
      last = c;
      i++;
      continue;
    }
    if (open.length === 0) {
      // Block indicators (`- `, `? `) are not plain scalars: a collection may follow them.
      const indicator = (c === '-' || c === '?') && /\s/.test(text[i + 1] ?? ' ');
      i = /\s/.test(c) || indicator ? i + 1 : skipPlain(text, i);
      continue;
    }
    if (!/\s/.test(c)) last = c;
    i++;
  }
  const top = open[open.length - 1];
  if (top === undefined) return undefined;
  const wantsNode = last === '[' || last === '{' || last === ',';
  return { message: wantsNode ? 'did not find expected node content' : expectedCloser(top), at: text.length };
}

function expectedCloser(open: string): string {
  return `did not find expected ',' or '${CLOSER[open] ?? ']'}'`;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** In block context a node starts at a line's first content, after `key: `, after `- ` or `? `. */
function startsNode(text: string, i: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trimEnd();
  return before === '' || before.endsWith(':') || /(?:^|\s)[-?]$/.test(before) || before === '---';
}

/** Skips a block-context plain scalar (or any other run of text) up to `: `, ` #` or the line end. */
function skipPlain(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '\n') {
    if (text[j] === ':' && /[\s]/.test(text[j + 1] ?? ' ')) return j + 1;
    if (text[j] === '#' && /\s/.test(text[j - 1] ?? '')) return j;
    j++;
  }
  return j;
}

/** Skips a quoted scalar: `''` escapes a single quote, a backslash escapes in double quotes. */
function skipQuoted(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (q === '"' && c === '\\') j += 2;
    else if (c === q && q === "'" && text[j + 1] === "'") j += 2;
    else if (c === q) return j + 1;
    else j++;
  }
  return j;
}
