/**
 * A lexical scan of a Rego module for what conftest needs to know before compiling: the package and the names of
 * the rules defined at the top level. It skips comments, strings and bracketed bodies, so only rule heads are seen;
 * everything else about the module is left to the opa compiler, which reports its own errors.
 */

/** A rule head found in a module. Functions (`name(args)`) and ref heads (`a.b contains …`) are not listed. */
export interface ScannedRule {
  name: string;
  /** 1-based line of the head. */
  line: number;
}

/** The package and top-level rule names of one module. */
export interface ScannedModule {
  /** Dotted package path without `data.`, e.g. `main` or `chartlint.privileged_container`; undefined when the
   * module has no `package` line (the compiler will say so). */
  pkg: string | undefined;
  /** 1-based line of the `package` keyword (1 when absent). */
  pkgLine: number;
  rules: ScannedRule[];
}

interface Token {
  text: string;
  line: number;
  /** True when the token is the first one on its line. */
  lineStart: boolean;
  /** Bracket depth before the token. */
  depth: number;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Splits Rego source into identifier and punctuation tokens, dropping comments, strings and whitespace. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let depth = 0;
  let lineStart = true;
  let i = 0;
  const push = (t: string) => {
    tokens.push({ text: t, line, lineStart, depth });
    lineStart = false;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      lineStart = true;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || (c === '$' && text[i + 1] === '"')) {
      // A string literal (or a template string): one token, `"` then its raw content, escapes skipped.
      const start = i + (c === '$' ? 2 : 1);
      i = start;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      push(`"${text.slice(start, i)}`);
      i++;
    } else if (c === '`') {
      push('"');
      i++;
      while (i < text.length && text[i] !== '`') {
        if (text[i] === '\n') line++;
        i++;
      }
      i++;
    } else if (c === '{' || c === '[' || c === '(') {
      push(c);
      depth++;
      i++;
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
      push(c);
      i++;
    } else {
      IDENT.lastIndex = i;
      const m = IDENT.exec(text);
      if (m) {
        push(m[0]);
        i += m[0].length;
      } else {
        push(c);
        i++;
      }
    }
  }
  return tokens;
}

/** Reads a package path starting at token `i`: `a.b.c` or `a["b-c"]` segments. */
function readPackage(tokens: Token[], i: number): string {
  const parts: string[] = [];
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j] as Token;
    if (t.lineStart && j > i) break;
    if (/^[A-Za-z_]/.test(t.text)) parts.push(t.text);
    else if (t.text.startsWith('"')) parts.push(t.text.slice(1));
    else if (t.text !== '.' && t.text !== '[' && t.text !== ']') break;
    j++;
  }
  return parts.join('.');
}

/** Scans one module: see {@link ScannedModule}. */
export function scanRegoModule(text: string): ScannedModule {
  const tokens = tokenize(text);
  let pkg: string | undefined;
  let pkgLine = 1;
  const rules: ScannedRule[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.depth !== 0 || !t.lineStart) continue;
    if (t.text === 'package') {
      pkg = readPackage(tokens, i + 1);
      pkgLine = t.line;
      continue;
    }
    if (t.text === 'import' || t.text === 'else' || !/^[A-Za-z_]/.test(t.text)) continue;
    let nameIndex = i;
    if (t.text === 'default') nameIndex = i + 1;
    const name = tokens[nameIndex];
    if (!name || !/^[A-Za-z_]/.test(name.text)) continue;
    const next = tokens[nameIndex + 1];
    // `name(`: a function; `name.x`: a ref head conftest does not treat as a rule of that name.
    if (next && next.line === name.line && (next.text === '(' || next.text === '.')) continue;
    rules.push({ name: name.text, line: name.line });
  }
  return { pkg, pkgLine, rules };
}
