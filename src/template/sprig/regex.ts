/**
 * Sprig's regular-expression functions (helm-render-spec.md §11.15), with Go's RE2 syntax and semantics through
 * re2js (a port of Go's `regexp`, so its matching rules and its `error parsing regexp: …` texts are Go's).
 *
 * Sprig compiles patterns two ways: the plain forms use `regexp.MustCompile`, whose panic the template engine
 * reports as ``regexp: Compile(`(`): error parsing regexp: …``; the `must*` forms return the compile error itself.
 * `regexMatch` alone swallows the error and answers false.
 */
import type { RE2JS } from 're2js';
import { re2js } from '../../values/re2.js';
import { GoFuncError, GoList, type GoFuncSpec } from '../../values/model.js';

/** re2js' compiled program, which exposes Go's `FindAllStringSubmatchIndex` family. */
type Program = ReturnType<RE2JS['re2']>;

interface Compiled {
  program: Program;
  /** Capture group names by index (index 0 is the whole match, unnamed groups are absent). */
  names: Map<number, string>;
}

const cache = new Map<string, Compiled | Error>();
const CACHE_LIMIT = 512;

/** Compiles `pattern` with Go's Perl-syntax flags; the result is cached because charts reuse patterns heavily. */
function compile(pattern: string): Compiled | Error {
  let hit = cache.get(pattern);
  if (hit === undefined) {
    try {
      const re = re2js().compile(pattern);
      const names = new Map<number, string>();
      for (const [name, index] of Object.entries(re.namedGroups())) names.set(index, name);
      hit = { program: re.re2(), names };
    } catch (e) {
      hit = new Error(e instanceof Error ? e.message : String(e));
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, hit);
  }
  return hit;
}

/** Escapes `strconv.Quote` spells with a letter. */
const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  7: 'a',
  8: 'b',
  9: 't',
  10: 'n',
  11: 'v',
  12: 'f',
  13: 'r',
};

/** Go's `strconv.Quote`, used by `regexp.MustCompile` when the pattern cannot be back-quoted. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const hex = (width: number): string => c.toString(16).padStart(width, '0');
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c >= 0x80 && /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (NAMED_ESCAPES[c]) out += '\\' + NAMED_ESCAPES[c];
    else if (c < 0x80) out += '\\x' + hex(2);
    else if (c < 0x10000) out += '\\u' + hex(4);
    else out += '\\U' + hex(8);
  }
  return out + '"';
}

/** Go's `strconv.CanBackquote`: no back-quote and no control characters other than tab. */
function canBackquote(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(s);
}

/** The program for a plain (MustCompile) form: a bad pattern is the panic text Go's MustCompile raises. */
function mustCompile(pattern: string): Compiled {
  const c = compile(pattern);
  if (c instanceof Error) {
    const quoted = canBackquote(pattern) ? '`' + pattern + '`' : goQuote(pattern);
    throw new GoFuncError(`regexp: Compile(${quoted}): ${c.message}`);
  }
  return c;
}

/** The program for a `must*` form: a bad pattern is the compile error as Go returns it. */
function compileOrError(pattern: string): Compiled {
  const c = compile(pattern);
  if (c instanceof Error) throw new GoFuncError(c.message);
  return c;
}

/** Match positions as Go's `FindAllStringSubmatchIndex(s, n)` returns them (`n < 0`: all). */
function findAll(c: Compiled, s: string, n: number): number[][] {
  if (n === 0) return [];
  return (c.program.findAllSubmatchIndex(s, n < 0 ? -1 : n) as number[][] | null) ?? [];
}

function findString(c: Compiled, s: string): string {
  const m = findAll(c, s, 1)[0];
  return m ? s.slice(m[0], m[1]) : '';
}

/** Go's `FindAllString`: nil (`null` in toJson, `[]string(nil)` in `%#v`) when nothing matches or `n` is 0. */
function findAllStrings(c: Compiled, s: string, n: number): GoList {
  const matches = findAll(c, s, n);
  if (matches.length === 0) return GoList.nil('[]string');
  return new GoList(
    matches.map((m) => s.slice(m[0], m[1])),
    '[]string',
  );
}

/**
 * Parses a `$name` / `${name}` reference at the start of `t` (after the `$`), as Go's `regexp.extract`:
 * the name is letters, digits and `_`; an all-digit name without a leading zero is a group number.
 */
function extractRef(t: string): { name: string; num: number; rest: string } | undefined {
  const brace = t.startsWith('{');
  const body = brace ? t.slice(1) : t;
  const m = /^[\p{L}\p{Nd}_]+/u.exec(body);
  if (!m) return undefined;
  const name = m[0];
  let rest = body.slice(name.length);
  if (brace) {
    if (!rest.startsWith('}')) return undefined;
    rest = rest.slice(1);
  }
  let num = -1;
  if (/^[0-9]+$/.test(name) && !(name.length > 1 && name.startsWith('0')) && name.length <= 9)
    num = Number(name);
  return { name, num, rest };
}

/** Go's `Regexp.Expand` for one match: `$1`, `${1}`, `$name`, `${name}`, `$$`; malformed `$` stays literal. */
function expand(c: Compiled, template: string, src: string, match: number[]): string {
  let out = '';
  let t = template;
  for (;;) {
    const i = t.indexOf('$');
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ref = extractRef(t);
    if (!ref) {
      out += '$';
      continue;
    }
    t = ref.rest;
    let group = ref.num;
    if (group < 0) {
      group = -1;
      for (const [index, name] of c.names) {
        if (name === ref.name) {
          group = index;
          break;
        }
      }
    }
    const start = match[2 * group];
    const end = match[2 * group + 1];
    if (group >= 0 && start !== undefined && end !== undefined && start >= 0) out += src.slice(start, end);
  }
  return out + t;
}

/**
 * Go's `ReplaceAllString`/`ReplaceAllLiteralString`: an empty match right after a previous match is not
 * replaced (Go's rule against double replacement), which the match list already reflects.
 */
function replaceAll(c: Compiled, src: string, repl: (m: number[]) => string): string {
  let out = '';
  let last = 0;
  for (const m of findAll(c, src, -1)) {
    const [start, end] = m as [number, number];
    out += src.slice(last, start);
    out += repl(m);
    last = end;
  }
  return out + src.slice(last);
}

/** Go's `Regexp.Split`. */
function split(c: Compiled, pattern: string, s: string, n: number): GoList {
  if (n === 0) return GoList.nil('[]string');
  if (pattern.length > 0 && s.length === 0) return new GoList([''], '[]string');
  const parts: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(c, s, n)) {
    if (n > 0 && parts.length === n - 1) break;
    end = m[0] as number;
    if (m[1] !== 0) parts.push(s.slice(beg, end));
    beg = m[1] as number;
  }
  if (end !== s.length) parts.push(s.slice(beg));
  return new GoList(parts, '[]string');
}

/** The plain and `must*` spec of one function over a compiled pattern. */
function pair(
  params: readonly string[],
  result: string,
  run: (c: Compiled, pattern: string, ...rest: unknown[]) => unknown,
): [GoFuncSpec, GoFuncSpec] {
  return [
    {
      params,
      result,
      call: (_ctx, pattern, ...rest) => run(mustCompile(pattern as string), pattern as string, ...rest),
    },
    {
      params,
      result,
      call: (_ctx, pattern, ...rest) => run(compileOrError(pattern as string), pattern as string, ...rest),
    },
  ];
}

const [regexFind, mustRegexFind] = pair(['string', 'string'], 'string', (c, _p, s) =>
  findString(c, s as string),
);
const [regexFindAll, mustRegexFindAll] = pair(['string', 'string', 'int'], '[]string', (c, _p, s, n) =>
  findAllStrings(c, s as string, n as number),
);
const [regexReplaceAll, mustRegexReplaceAll] = pair(['string', 'string', 'string'], 'string', (c, _p, s, r) =>
  replaceAll(c, s as string, (m) => expand(c, r as string, s as string, m)),
);
const [regexReplaceAllLiteral, mustRegexReplaceAllLiteral] = pair(
  ['string', 'string', 'string'],
  'string',
  (c, _p, s, r) => replaceAll(c, s as string, () => r as string),
);
const [regexSplit, mustRegexSplit] = pair(['string', 'string', 'int'], '[]string', (c, p, s, n) =>
  split(c, p, s as string, n as number),
);

/** Sprig's regular-expression functions. */
export const regexFuncs: Readonly<Record<string, GoFuncSpec>> = {
  regexMatch: {
    params: ['string', 'string'],
    result: 'bool',
    call: (_ctx, pattern, s) => {
      const c = compile(pattern as string);
      return !(c instanceof Error) && findAll(c, s as string, 1).length > 0;
    },
  },
  mustRegexMatch: {
    params: ['string', 'string'],
    result: 'bool',
    call: (_ctx, pattern, s) => findAll(compileOrError(pattern as string), s as string, 1).length > 0,
  },
  regexFind,
  mustRegexFind,
  regexFindAll,
  mustRegexFindAll,
  regexReplaceAll,
  mustRegexReplaceAll,
  regexReplaceAllLiteral,
  mustRegexReplaceAllLiteral,
  regexSplit,
  mustRegexSplit,
  regexQuoteMeta: {
    params: ['string'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, s) => (s as string).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'),
  },
};
