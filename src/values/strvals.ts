/**
 * Helm's strvals: the `--set` family of flags (helm-render-spec.md §3.1, §3.2). Each argument is parsed into the
 * user values map exactly as Helm's parser does it — the same typing, list and escape rules, the same quirks
 * (an empty key is dropped, `{}` is a list holding one empty string, writing past a list's end pads with nil) and
 * the same error texts, including the ones Helm produces by recovering from a failed Go type assertion.
 */
import { ChartlintError } from '../diagnostics/errors.js';
import type { ValueSpan } from '../diagnostics/location.js';
import { GoInt, GoList, GoMap, type GoValue, type ValueOrigin, goTypeOf } from './model.js';
import { JsonSyntaxError, parseJsonDocument, readJsonValue } from './json-value.js';
import { mergeMaps } from './merge.js';

/** The flags that carry strvals-style assignments. */
export type SetFlag = '--set' | '--set-string' | '--set-file' | '--set-json' | '--set-literal';

/** Reads the file named by a `--set-file` value; throws (any Error) when it cannot. */
export type SetFileReader = (path: string) => string;

/** Options for {@link parseSetInto}. */
export interface StrvalsOptions {
  /** Required for `--set-file`: reads a file's whole content. */
  readFile?: SetFileReader;
  /**
   * Where the argument's value is written in a repository file (a `set:` entry of the configuration): every value it
   * sets gets this origin instead of one naming the flag, so findings point at that line.
   */
  origin?: FileSpan;
}

/** Where a value is written in a repository file (display path), with the values nested in it. */
export type FileSpan = { file: string } & ValueSpan;

/** Largest list index Helm accepts. */
export const MAX_INDEX = 65536;
/** Deepest `a.b.c…` nesting Helm accepts. */
export const MAX_NESTED_NAME_LEVEL = 30;

/** End of input (Go's io.EOF), which ends parsing without an error. */
class Eof {
  readonly eof = true;
}
const EOF = new Eof();

/** A parse failure; `offset` is where in the argument the parser stood. */
class StrvalsError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The value of a leaf: its Go value and its span in the argument. */
interface Leaf {
  value: GoValue;
  start: number;
  end: number;
}

/** How a flag turns the text after `=` into a value. */
type Reader = (text: string, start: number, end: number) => GoValue;

/** A rune reader over the argument (Go's bytes.Buffer with ReadRune/UnreadRune). */
class Runes {
  pos = 0;
  private last = 0;
  constructor(readonly text: string) {}
  read(): string | undefined {
    if (this.pos >= this.text.length) {
      this.last = 0;
      return undefined;
    }
    const cp = this.text.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.last = ch.length;
    this.pos += ch.length;
    return ch;
  }
  unread(): void {
    this.pos -= this.last;
    this.last = 0;
  }
  rest(): string {
    return this.text.slice(this.pos);
  }
}

/** Reads runes until one of `stop` (handling `\` escapes unless `literal`); `last` is undefined at EOF. */
function runesUntil(
  sc: Runes,
  stop: string,
  literal = false,
): { text: string; last: string | undefined; start: number; end: number } {
  const start = sc.pos;
  let text = '';
  for (;;) {
    const before = sc.pos;
    const r = sc.read();
    if (r === undefined) return { text, last: undefined, start, end: sc.pos };
    if (stop.includes(r)) return { text, last: r, start, end: before };
    if (r === '\\' && !literal) {
      const next = sc.read();
      if (next === undefined) return { text, last: undefined, start, end: sc.pos };
      text += next;
    } else text += r;
  }
}

/** Helm's `typedVal`: true/false/null (any case), `0`, base-10 int64 not starting with 0, else the string. */
export function typedSetValue(text: string, forceString: boolean): GoValue {
  if (forceString) return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return new GoInt(0n, 'int64');
  if (text.length > 0 && text[0] !== '0' && /^[-+]?[0-9]+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return new GoInt(n, 'int64');
  }
  return text;
}

/** Go's `strconv.Atoi` with its error texts. */
function atoi(text: string): number {
  const quoted = JSON.stringify(text);
  if (!/^[-+]?[0-9]+$/.test(text)) throw new Error(`strconv.Atoi: parsing ${quoted}: invalid syntax`);
  const n = BigInt(text);
  if (n < -(2n ** 63n) || n >= 2n ** 63n)
    throw new Error(`strconv.Atoi: parsing ${quoted}: value out of range`);
  return Number(n);
}

/** Go's `%q` of a []rune: each rune single-quoted, space separated, in brackets. */
function quoteRunes(text: string): string {
  return `[${[...text].map((r) => (r === "'" ? "'\\''" : r === '\\' ? "'\\\\'" : `'${r}'`)).join(' ')}]`;
}

/** The panic text of a failed `x.(T)` type assertion on a value of the user map. */
function conversionPanic(v: GoValue, want: string): StrvalsError {
  const got = v === null ? 'nil' : goTypeOf(v);
  return new StrvalsError(
    `unable to parse key: interface conversion: interface {} is ${got}, not ${want}`,
    0,
  );
}

/** The parser for one argument; mirrors Helm's `parser` and `literalParser`. */
class Parser {
  private readonly sc: Runes;

  constructor(
    private readonly arg: string,
    private readonly flag: SetFlag,
    private readonly reader: Reader | 'json' | 'literal',
    private readonly fileSpan?: FileSpan,
  ) {
    this.sc = new Runes(arg);
  }

  parse(data: GoMap): void {
    for (;;) {
      const r = this.key(data, 0, []);
      if (r === EOF) return;
    }
  }

  private origin(path: readonly (string | number)[], start: number, end: number): ValueOrigin {
    if (this.fileSpan)
      return {
        source: this.fileSpan.file,
        isFile: true,
        start: this.fileSpan.start,
        end: this.fileSpan.end,
        path,
      };
    return { source: `${this.flag} ${this.arg}`, isFile: false, start, end, path };
  }

  private setKey(data: GoMap, key: string, value: GoValue, origin: ValueOrigin): void {
    // Helm never stores an empty key.
    if (key.length > 0) data.set(key, value, origin);
  }

  /** Parses one `key…=value`; returns EOF at the end of input, throws StrvalsError on failure. */
  private key(data: GoMap, nested: number, path: readonly (string | number)[]): Eof | undefined {
    const literal = this.reader === 'literal';
    const k = runesUntil(this.sc, literal ? '=[.' : '=[,.', literal);
    const keyPath = [...path, k.text];
    if (k.last === undefined) {
      if (k.text.length === 0) return EOF;
      throw new StrvalsError(`key ${JSON.stringify(k.text)} has no value`, k.start);
    }
    if (k.last === '[') {
      const i = this.keyIndex();
      // Go wraps io.EOF ("error parsing index: %w"), and the parse loop treats it as the end of input.
      if (i instanceof Eof) return EOF;
      let list = new GoList([]);
      if (data.has(k.text)) {
        const existing = data.get(k.text) ?? null;
        if (!(existing instanceof GoList)) throw conversionPanic(existing, '[]interface {}');
        list = existing;
      }
      const result = this.listItem(list, i, nested, keyPath);
      this.setKey(data, k.text, result.list, this.origin(keyPath, k.start, k.end));
      return result.eof ? EOF : undefined;
    }
    if (k.last === '=') {
      if (this.reader === 'json')
        return this.jsonValue((v, s, e) => {
          if (this.fileSpan) attachOrigins(v, keyPath, spanLocator(this.fileSpan.file, this.fileSpan));
          this.setKey(data, k.text, v, this.origin(keyPath, s, e));
        });
      if (this.reader === 'literal') {
        const start = this.sc.pos;
        const text = this.sc.rest();
        this.sc.pos = this.arg.length;
        this.setKey(data, k.text, text, this.origin(keyPath, start, this.arg.length));
        return undefined;
      }
      const leaf = this.value(this.reader, keyPath);
      this.setKey(data, k.text, leaf.value, this.origin(keyPath, leaf.start, leaf.end));
      return leaf.eof ? EOF : undefined;
    }
    if (k.last === ',') {
      this.setKey(data, k.text, '', this.origin(keyPath, k.start, k.end));
      throw new StrvalsError(`key ${JSON.stringify(k.text)} has no value (cannot end with ,)`, k.start);
    }
    // '.': descend into a map.
    if (nested + 1 > MAX_NESTED_NAME_LEVEL) {
      throw new StrvalsError(
        `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
        k.end,
      );
    }
    let inner = new GoMap();
    if (data.has(k.text)) {
      const existing = data.get(k.text) ?? null;
      if (!(existing instanceof GoMap)) throw conversionPanic(existing, 'map[string]interface {}');
      inner = existing;
    }
    let r: Eof | undefined;
    let failure: unknown;
    try {
      r = this.key(inner, nested + 1, keyPath);
    } catch (e) {
      failure = e;
    }
    if (failure === undefined && r === undefined && inner.entries.size === 0) {
      throw new StrvalsError(`key map ${JSON.stringify(k.text)} has no value`, k.start);
    }
    if (inner.entries.size !== 0) this.setKey(data, k.text, inner, this.origin(keyPath, k.start, k.end));
    if (failure !== undefined) throw failure;
    return r;
  }

  /**
   * A scalar or `{a,b}` list after `=`, typed by the flag's reader. `eof` is set only when nothing at all follows
   * the `=`: that is the one place Helm's parser passes end-of-input up instead of swallowing it.
   */
  private value(reader: Reader, path: readonly (string | number)[]): Leaf & { eof: boolean } {
    const start = this.sc.pos;
    const first = this.sc.read();
    if (first === undefined) return { value: '', start, end: start, eof: true };
    if (first === '{') {
      const list = new GoList([]);
      list.origins = [];
      for (;;) {
        const item = runesUntil(this.sc, ',}');
        if (item.last === undefined) throw new StrvalsError("list must terminate with '}'", this.sc.pos);
        list.items.push(reader(item.text, item.start, item.end));
        list.origins.push(this.origin([...path, list.items.length - 1], item.start, item.end));
        if (item.last === '}') {
          const after = this.sc.read();
          if (after !== undefined && after !== ',') this.sc.unread();
          return { value: list, start, end: item.end + 1, eof: false };
        }
      }
    }
    this.sc.unread();
    const v = runesUntil(this.sc, ',');
    return { value: reader(v.text, v.start, v.end), start: v.start, end: v.end, eof: false };
  }

  /** `key=JSON`: an empty value is nil; otherwise one JSON value, then optional blanks and a comma. */
  private jsonValue(store: (v: GoValue, start: number, end: number) => void): Eof | undefined {
    if (this.emptyVal()) {
      store(null, this.sc.pos, this.sc.pos);
      return undefined;
    }
    const start = this.sc.pos;
    let decoded: { value: GoValue; end: number };
    try {
      decoded = readJsonValue(this.arg, start);
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new StrvalsError(e.message, e.offset);
      throw e;
    }
    store(decoded.value, start, decoded.end);
    this.sc.pos = decoded.end;
    this.emptyVal();
    return undefined;
  }

  /** Skips blanks up to a comma or the end (true: the value is empty); stops before anything else. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === undefined || r === ',') return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  /** The index of `[n]`; EOF when the input ends before `]`. */
  private keyIndex(): number | Eof {
    const v = runesUntil(this.sc, ']', this.reader === 'literal');
    if (v.last === undefined) return EOF;
    try {
      return atoi(v.text);
    } catch (e) {
      throw new StrvalsError(`error parsing index: ${(e as Error).message}`, v.start);
    }
  }

  private setIndex(list: GoList, index: number, value: GoValue, origin: ValueOrigin): GoList {
    if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`, origin.start);
    if (index > MAX_INDEX) {
      throw new StrvalsError(
        `index of ${index} is greater than maximum supported index of ${MAX_INDEX}`,
        origin.start,
      );
    }
    const items = [...list.items];
    const origins = [...(list.origins ?? [])];
    while (items.length <= index) items.push(null);
    items[index] = value;
    origins[index] = origin;
    const out = new GoList(items, list.type);
    out.origins = origins;
    return out;
  }

  /** What follows `name[i]`: `=value`, `.key…` or another `[j]`. */
  private listItem(
    list: GoList,
    i: number,
    nested: number,
    path: readonly (string | number)[],
  ): { list: GoList; eof?: boolean } {
    const here = this.sc.pos;
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`, here);
    const itemPath = [...path, i];
    const literal = this.reader === 'literal';
    const k = runesUntil(this.sc, '[.=', literal);
    if (k.text.length > 0) {
      throw new StrvalsError(`unexpected data at end of array index: ${quoteRunes(k.text)}`, k.start);
    }
    if (k.last === undefined) return { list, eof: true };
    if (k.last === '=') {
      if (this.reader === 'json') {
        let stored: { v: GoValue; s: number; e: number } = { v: null, s: here, e: here };
        this.jsonValue((v, s, e) => (stored = { v, s, e }));
        return { list: this.setIndex(list, i, stored.v, this.origin(itemPath, stored.s, stored.e)) };
      }
      if (this.reader === 'literal') {
        const start = this.sc.pos;
        const text = this.sc.rest();
        this.sc.pos = this.arg.length;
        return { list: this.setIndex(list, i, text, this.origin(itemPath, start, this.arg.length)) };
      }
      const leaf = this.value(this.reader, itemPath);
      return { list: this.setIndex(list, i, leaf.value, this.origin(itemPath, leaf.start, leaf.end)) };
    }
    if (k.last === '[') {
      const next = this.keyIndex();
      if (next instanceof Eof) return { list, eof: true };
      let current = new GoList([]);
      if (list.items.length > i) {
        const existing = list.items[i] ?? null;
        if (existing !== null) {
          if (!(existing instanceof GoList)) throw conversionPanic(existing, '[]interface {}');
          current = existing;
        }
      }
      const inner = this.listItem(current, next, nested, itemPath);
      // End of input inside the nested index leaves this list as it was.
      if (inner.eof) return { list, eof: true };
      return { list: this.setIndex(list, i, inner.list, this.origin(itemPath, here, here)) };
    }
    // '.': a map inside the list.
    let inner = new GoMap();
    if (list.items.length > i) {
      const existing = list.items[i] ?? null;
      if (existing instanceof GoMap) inner = existing;
      else list.items[i] = inner; // indices out of order: Helm starts an empty map
    }
    if (this.key(inner, nested, itemPath) === EOF) return { list, eof: true };
    return { list: this.setIndex(list, i, inner, this.origin(itemPath, here, here)) };
  }
}

/** The readers of the scalar-typed flags. */
function readerFor(flag: SetFlag, opts: StrvalsOptions): Reader | 'json' | 'literal' {
  switch (flag) {
    case '--set':
      return (text) => typedSetValue(text, false);
    case '--set-string':
      return (text) => text;
    case '--set-json':
      return 'json';
    case '--set-literal':
      return 'literal';
    case '--set-file':
      return (text, start) => {
        if (!opts.readFile) throw new StrvalsError('--set-file needs a file reader', start);
        try {
          return opts.readFile(text);
        } catch (e) {
          throw new StrvalsError((e as Error).message, start);
        }
      };
  }
}

/**
 * Parses one flag argument into `dest` (mutated, as Helm's ParseInto does), e.g.
 * `parseSetInto('--set', 'a.b[0]=1,c=x', userValues)`. `--set-json` also accepts a whole JSON object (v4), which
 * is deep-merged. Throws ChartlintError('values-invalid') with Helm's text (`failed parsing --set data: …`),
 * located at the column of the argument where parsing stopped.
 */
export function parseSetInto(flag: SetFlag, arg: string, dest: GoMap, opts: StrvalsOptions = {}): void {
  const source = `${flag} ${arg}`;
  const fail = (message: string, offset: number): never => {
    throw new ChartlintError('values-invalid', message, {
      location: { file: source, startLine: 1, startColumn: flag.length + 2 + Math.max(0, offset) },
    });
  };
  if (flag === '--set-json' && arg.trim().startsWith('{')) {
    let parsed: GoValue;
    try {
      parsed = parseJsonDocument(arg);
    } catch (e) {
      if (e instanceof JsonSyntaxError) return fail(`failed parsing --set-json data JSON: ${arg}`, e.offset);
      throw e;
    }
    if (!(parsed instanceof GoMap)) return fail(`failed parsing --set-json data JSON: ${arg}`, 0);
    attachOrigins(parsed, [], flagLocator(source));
    const merged = mergeMaps(dest, parsed);
    dest.entries = merged.entries;
    dest.origins = merged.origins;
    return;
  }
  const parser = new Parser(arg, flag, readerFor(flag, opts), opts.origin);
  try {
    parser.parse(dest);
  } catch (e) {
    if (!(e instanceof StrvalsError)) throw e;
    // Helm hides the JSON decoder's reason behind the argument itself.
    if (flag === '--set-json') return fail(`failed parsing --set-json data ${arg}`, e.offset);
    return fail(`failed parsing ${flag} data: ${e.message}`, e.offset);
  }
}

/**
 * The origin of an entry of a JSON value (its key, or its index as a string) and how to locate the entries inside it;
 * undefined leaves the entry without an origin.
 */
type EntryLocator = (
  key: string,
  path: readonly (string | number)[],
) => { origin: ValueOrigin; inner: EntryLocator } | undefined;

/** Gives the values nested in a JSON value decoded from a flag their origins. */
function attachOrigins(v: GoValue, path: readonly (string | number)[], locate: EntryLocator): void {
  if (v instanceof GoMap) {
    for (const [k, child] of v.entries) {
      const childPath = [...path, k];
      const found = locate(k, childPath);
      if (!found) continue;
      v.set(k, child, found.origin);
      attachOrigins(child, childPath, found.inner);
    }
  } else if (v instanceof GoList) {
    v.origins = v.items.map((child, i) => {
      const childPath = [...path, i];
      const found = locate(String(i), childPath);
      if (!found) return undefined;
      attachOrigins(child, childPath, found.inner);
      return found.origin;
    });
  }
}

/** Every entry at the whole flag argument. */
function flagLocator(source: string): EntryLocator {
  const locate: EntryLocator = (_key, path) => ({
    origin: { source, isFile: false, start: 0, end: source.length, path },
    inner: locate,
  });
  return locate;
}

/** Entries at the ranges a repository file writes them (a map given to a config `set:`). */
function spanLocator(file: string, span: ValueSpan): EntryLocator {
  return (key, path) => {
    const at = span.children?.[key];
    return (
      at && {
        origin: { source: file, isFile: true, start: at.start, end: at.end, path },
        inner: spanLocator(file, at),
      }
    );
  };
}

/** Parses one flag argument into a new map (Helm's `strvals.Parse*`). */
export function parseSet(flag: SetFlag, arg: string, opts: StrvalsOptions = {}): GoMap {
  const out = new GoMap();
  parseSetInto(flag, arg, out, opts);
  return out;
}
