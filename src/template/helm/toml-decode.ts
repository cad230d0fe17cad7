/**
 * The TOML reader behind Helm's `fromToml` (helm-render-spec.md §9.4): BurntSushi/toml v1.6.0 `Unmarshal` into a
 * `map[string]interface {}`, with the TOML 1.1 additions it accepts (`\e` and `\xHH` escapes, optional seconds,
 * newlines and a trailing comma in inline tables). Integers are `int64`, floats `float64`, date-times `time.Time`
 * (local ones in the zones `datetime-local`, `date-local`, `time-local`), arrays `[]interface {}` and arrays of
 * tables `[]map[string]interface {}`.
 *
 * Table bookkeeping follows BurntSushi's parser, quirks included: a table may be re-opened when it was only created
 * implicitly (by `[a.b]` or a dotted key), an inline table can be extended by later dotted keys, and an error names
 * the line and the last key as `toml: line N (last key "k"): …`.
 */
import { goQuote, goQuoteRune } from '../fmt.js';
import { fixedZone, GoTime, LOCAL, UTC, type GoLocation } from '../sprig/go-time.js';
import { GoInt, GoList, GoMap, type GoValue } from '../../values/model.js';

/** A decoding error; `message` is BurntSushi's `ParseError.Error()` text. */
export class TomlDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TomlDecodeError';
  }
}

const TABLE_ARRAY = '[]map[string]interface {}';
const BARE_KEY = /[A-Za-z0-9_-]/;
const LOCAL_DATETIME = fixedZone('datetime-local', 0);
const LOCAL_DATE = fixedZone('date-local', 0);
const LOCAL_TIME = fixedZone('time-local', 0);

/** Decodes a TOML document into the map `toml.Unmarshal` fills; throws {@link TomlDecodeError}. */
export function decodeToml(text: string): GoMap {
  return new TomlParser(text.startsWith('\ufeff') ? text.slice(1) : text).parse();
}

/** A key path as a lookup string (parts cannot contain NUL in practice; BurntSushi joins them too). */
const pathKey = (parts: readonly string[]): string => parts.join('\u0000');

/** BurntSushi's `Key.String()`: parts joined with dots, quoted when they are not bare keys. */
function keyText(parts: readonly string[]): string {
  return parts.map((p) => (/^[A-Za-z0-9_-]+$/.test(p) ? p : goQuote(p))).join('.');
}

class TomlParser {
  private pos = 0;
  private readonly root = new GoMap();
  /** The table a `[header]` opened (and, inside inline tables, the inline table's own path). */
  private context: string[] = [];
  private currentKey = '';
  /** Tables that exist only because a longer key needed them; they may still be defined explicitly once. */
  private readonly implicit = new Set<string>();
  /**
   * Arrays of tables that inline tables inside an array value created while it was read (`a = [{b = 1}]`): the
   * array value itself then replaces them, so `a` ends up a `[]interface {}`.
   */
  private readonly inlineTableArrays = new Set<string>();

  constructor(private readonly src: string) {}

  parse(): GoMap {
    for (;;) {
      this.skipBlankLines();
      if (this.pos >= this.src.length) return this.root;
      const c = this.src[this.pos];
      if (c === '[') this.tableHeader();
      else {
        this.keyValue();
        this.currentKey = '';
      }
      this.endOfLine();
    }
  }

  // ---- errors and positions ----

  private lineAt(offset: number): number {
    let line = 1;
    for (let i = 0; i < offset && i < this.src.length; i++) if (this.src[i] === '\n') line++;
    return line;
  }

  /** BurntSushi's `current()`: the table context and the key being read. */
  private lastKey(): string {
    if (this.currentKey === '') return keyText(this.context);
    if (this.context.length === 0) return keyText([this.currentKey]);
    return `${keyText(this.context)}.${keyText([this.currentKey])}`;
  }

  private fail(message: string, at = this.pos): never {
    const key = this.lastKey();
    const where =
      key === '' ? `line ${this.lineAt(at)}` : `line ${this.lineAt(at)} (last key ${goQuote(key)})`;
    throw new TomlDecodeError(`toml: ${where}: ${message}`);
  }

  /** `%q` of the character at `pos` as the lexer names it, or `end of file`. */
  private got(at = this.pos): string {
    const cp = this.src.codePointAt(at);
    return cp === undefined ? 'end of file' : goQuoteRune(cp);
  }

  // ---- whitespace, comments, line ends ----

  private skipSpaces(): void {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
  }

  private skipComment(): void {
    if (this.src[this.pos] !== '#') return;
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') {
      if (this.src[this.pos] === '\r' && this.src[this.pos + 1] === '\n') break;
      this.checkControl(this.pos);
      this.pos++;
    }
  }

  private atNewline(): boolean {
    return this.src[this.pos] === '\n' || (this.src[this.pos] === '\r' && this.src[this.pos + 1] === '\n');
  }

  private skipNewline(): void {
    this.pos += this.src[this.pos] === '\r' ? 2 : 1;
  }

  private skipBlankLines(): void {
    for (;;) {
      this.skipSpaces();
      this.skipComment();
      if (!this.atNewline()) return;
      this.skipNewline();
    }
  }

  private endOfLine(): void {
    this.skipSpaces();
    this.skipComment();
    if (this.pos >= this.src.length) return;
    if (this.atNewline()) {
      this.skipNewline();
      return;
    }
    this.fail(
      `expected a top-level item to end with a newline, comment, or EOF, but got ${this.got()} instead`,
    );
  }

  private checkControl(at: number): void {
    const c = this.src.charCodeAt(at);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) {
      this.fail(`TOML files cannot contain control characters: '0x${c.toString(16).padStart(2, '0')}'`, at);
    }
  }

  // ---- keys ----

  /** A dotted key up to (not including) `terminators`; `context` names the construct for its error text. */
  private key(terminators: string, context: string): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.src[this.pos];
      if (c === '"') parts.push(this.basicString());
      else if (c === "'") parts.push(this.literalString());
      else if (c !== undefined && BARE_KEY.test(c)) {
        const start = this.pos;
        while (BARE_KEY.test(this.src[this.pos] ?? '')) this.pos++;
        parts.push(this.src.slice(start, this.pos));
      } else if (parts.length === 0 && c !== undefined && terminators.includes(c)) {
        this.fail(`unexpected ${goQuoteRune(c.codePointAt(0) ?? 0)}: key name appears blank`);
      } else {
        // An empty bare key: the lexer then expects the separator or the terminator.
        const bad = this.got();
        if (c !== undefined) this.pos++;
        this.fail(`${context}, but got ${bad} instead`);
      }
      this.skipSpaces();
      const next = this.src[this.pos];
      if (next === '.') {
        this.pos++;
        continue;
      }
      if (next !== undefined && terminators.includes(next)) return parts;
      // The lexer has consumed the offending character when it reports it (a line break counts).
      const bad = this.got();
      if (next !== undefined) this.pos++;
      this.fail(`${context}, but got ${bad} instead`);
    }
  }

  // ---- tables ----

  private tableHeader(): void {
    const array = this.src[this.pos + 1] === '[';
    this.pos += array ? 2 : 1;
    const at = this.pos;
    const key = this.key(']', "expected '.' or ']' to end table name");
    this.pos++;
    if (array) {
      if (this.src[this.pos] !== ']')
        this.fail(`expected ']]' to end array of tables, but got ${this.got()}`);
      this.pos++;
    }
    this.currentKey = '';
    this.addContext(key, array, at);
  }

  /** BurntSushi's `addContext`: walks to the parent table, creating implicit ones, and opens the last part. */
  private addContext(key: readonly string[], array: boolean, at: number): void {
    let table = this.root;
    const walked: string[] = [];
    for (const part of key.slice(0, -1)) {
      walked.push(part);
      if (!table.has(part)) {
        this.implicit.add(pathKey(walked));
        table.set(part, new GoMap());
      }
      table = this.descend(table.get(part) ?? null, walked, at, 'was already created as a hash');
    }
    this.context = [...walked];
    const last = key[key.length - 1] ?? '';
    if (array) {
      if (!table.has(last)) table.set(last, new GoList([], TABLE_ARRAY));
      const list = table.get(last);
      if (!(list instanceof GoList) || list.type !== TABLE_ARRAY) {
        this.fail(`Key '${keyText(key)}' was already created and cannot be used as an array.`, at);
      }
      list.items.push(new GoMap());
    } else {
      this.setValue(last, new GoMap(), at);
    }
    this.context.push(last);
  }

  /**
   * The table a path part leads to: a table, or the latest table of an array of tables. Anything else fails with
   * `Key '<path>' <problem>.` (`has already been defined`, or `was already created as a hash` for a header).
   */
  private descend(v: GoValue, path: readonly string[], at: number, problem: string): GoMap {
    if (v instanceof GoMap) return v;
    if (v instanceof GoList && v.type === TABLE_ARRAY) {
      const last = v.items[v.items.length - 1];
      if (last instanceof GoMap) return last;
    }
    return this.fail(`Key '${keyText(path)}' ${problem}.`, at);
  }

  /** BurntSushi's `setValue`: a key may be set once, except over an implicit table or a static array. */
  private setValue(key: string, value: GoValue, at: number): void {
    let table = this.root;
    const walked: string[] = [];
    for (const part of this.context) {
      walked.push(part);
      table = this.descend(table.get(part) ?? null, walked, at, 'has already been defined');
    }
    walked.push(key);
    const id = pathKey(walked);
    if (table.has(key)) {
      if (this.inlineTableArrays.has(id)) {
        this.inlineTableArrays.delete(id);
        this.implicit.delete(id);
        table.set(key, value);
        return;
      }
      if (this.implicit.has(id)) {
        this.implicit.delete(id);
        return;
      }
      this.fail(`Key '${keyText(walked)}' has already been defined.`, at);
    }
    table.set(key, value);
  }

  // ---- key/value pairs ----

  /** `a.b.c = value` in the current context (a `[table]`, or an inline table being read). */
  private keyValue(): void {
    const outer = this.context;
    const key = this.key('=', "expected '.' or '='");
    this.pos++;
    this.currentKey = key[key.length - 1] ?? '';
    // The other parts are implicit tables, opened one by one as BurntSushi's addImplicitContext does.
    for (const part of key.slice(0, -1)) {
      const path = [...this.context, part];
      this.implicit.add(pathKey(path));
      this.addContext(path, false, this.pos);
    }
    this.skipSpaces();
    const at = this.pos;
    const value = this.value(false);
    this.setValue(this.currentKey, value, at);
    this.context = outer;
  }

  // ---- values ----

  private value(inArray: boolean): GoValue {
    const c = this.src[this.pos];
    if (c === undefined) this.fail('unexpected EOF; expected value');
    if (c === '"') return this.basicString();
    if (c === "'") return this.literalString();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable(inArray);
    if (c === '.') this.fail("floats must start with a digit, not '.'");
    if (/[0-9+-]/.test(c) || /^(?:inf|nan)\b/.test(this.src.slice(this.pos))) return this.numberOrDate();
    if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z0-9_-]*/.exec(this.src.slice(this.pos))?.[0] ?? c;
      if (word === 'true' || word === 'false') {
        this.pos += word.length;
        return word === 'true';
      }
      this.fail(`expected value but found ${goQuote(word)} instead`);
    }
    return this.fail(`expected value but found ${goQuoteRune(this.src.codePointAt(this.pos) ?? 0)} instead`);
  }

  private array(): GoList {
    this.pos++;
    const items: GoValue[] = [];
    for (;;) {
      this.skipArrayBlanks();
      if (this.src[this.pos] === ']') break;
      items.push(this.value(true));
      this.skipArrayBlanks();
      const c = this.src[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') break;
      this.fail(`expected a comma (',') or array terminator (']'), but got ${this.got()}`);
    }
    this.pos++;
    return new GoList(items);
  }

  private skipArrayBlanks(): void {
    for (;;) {
      this.skipSpaces();
      this.skipComment();
      if (!this.atNewline()) return;
      this.skipNewline();
    }
  }

  /** BurntSushi's `valueInlineTable`: its entries go through the same table bookkeeping as `[table]`s. */
  private inlineTable(inArray: boolean): GoMap {
    const start = this.pos;
    this.pos++;
    const outerContext = this.context;
    const outerKey = this.currentKey;
    const path = [...this.context, this.currentKey];
    this.currentKey = '';
    this.implicit.add(pathKey(path));
    this.addContext(path, inArray, start);
    if (inArray) this.inlineTableArrays.add(pathKey(path));
    const inner = [...this.context];
    for (;;) {
      this.skipArrayBlanks();
      const c = this.src[this.pos];
      if (c === '}') break;
      if (c === undefined)
        this.fail("expected a comma or an inline table terminator '}', but got end of file instead");
      this.keyValue();
      this.context = inner;
      this.skipArrayBlanks();
      const next = this.src[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') break;
      this.fail(`expected a comma or an inline table terminator '}', but got ${this.got()} instead`);
    }
    this.pos++;
    const table = this.lookup(inner);
    this.context = outerContext;
    this.currentKey = outerKey;
    return table;
  }

  /** The table at a path (it exists: the inline table just created it). */
  private lookup(path: readonly string[]): GoMap {
    let table = this.root;
    for (const part of path)
      table = this.descend(table.get(part) ?? null, path, this.pos, 'has already been defined');
    return table;
  }

  // ---- strings ----

  private basicString(): string {
    if (this.src.startsWith('"""', this.pos)) return this.multilineBasic();
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`unexpected EOF; expected '"'`);
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\n' || (c === '\r' && this.src[this.pos + 1] === '\n'))
        this.fail('strings cannot contain newlines');
      if (c === '\\') {
        out += this.escape();
        continue;
      }
      this.checkControl(this.pos);
      out += c;
      this.pos++;
    }
  }

  private multilineBasic(): string {
    this.pos += 3;
    if (this.atNewline()) this.skipNewline();
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`unexpected EOF; expected '"""'`);
      if (this.src.startsWith('"""', this.pos)) {
        // Up to two quotes may directly precede the closing delimiter.
        let extra = 0;
        while (extra < 2 && this.src[this.pos + 3 + extra] === '"') extra++;
        out += '"'.repeat(extra);
        this.pos += 3 + extra;
        return out;
      }
      if (c === '\\') {
        // A backslash at the end of a line trims the line break and the blanks that follow.
        const rest = /^\\[ \t]*\r?\n[ \t\r\n]*/.exec(this.src.slice(this.pos));
        if (rest) {
          this.pos += rest[0].length;
          continue;
        }
        out += this.escape();
        continue;
      }
      if (c !== '\n' && !(c === '\r' && this.src[this.pos + 1] === '\n')) this.checkControl(this.pos);
      out += c;
      this.pos++;
    }
  }

  private escape(): string {
    const e = this.src[this.pos + 1] ?? '';
    const simple: Record<string, string> = {
      b: '\b',
      t: '\t',
      n: '\n',
      f: '\f',
      r: '\r',
      e: '\x1b',
      '"': '"',
      '\\': '\\',
    };
    if (Object.hasOwn(simple, e)) {
      this.pos += 2;
      return simple[e] ?? '';
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width === 0) this.fail(`invalid escape in string '\\${e}'`);
    let digits = '';
    while (digits.length < width) {
      const d = this.src[this.pos + 2 + digits.length];
      if (d === undefined || !/[0-9A-Fa-f]/.test(d)) {
        const count = { 2: 'two', 4: 'four', 8: 'eight' }[width];
        this.fail(
          `expected ${count} hexadecimal digits after '\\${e}', but got ${goQuote(`\\${e}${digits}${d ?? ''}`)} instead`,
        );
      }
      digits += d;
    }
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      this.fail(`Escaped character '\\u${digits}' is not valid UTF-8.`);
    this.pos += 2 + width;
    return String.fromCodePoint(cp);
  }

  private literalString(): string {
    if (this.src.startsWith("'''", this.pos)) {
      this.pos += 3;
      if (this.atNewline()) this.skipNewline();
      const end = this.src.indexOf("'''", this.pos);
      if (end < 0) this.fail(`unexpected EOF; expected "'''"`, this.src.length);
      let stop = end;
      while (stop - end < 2 && this.src[stop + 3] === "'") stop++;
      const body = this.src.slice(this.pos, stop);
      for (let i = 0; i < body.length; i++) {
        if (body[i] !== '\n' && !(body[i] === '\r' && body[i + 1] === '\n')) this.checkControl(this.pos + i);
      }
      this.pos = stop + 3;
      return body;
    }
    this.pos++;
    const start = this.pos;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`unexpected EOF; expected "'"`);
      if (c === "'") break;
      if (c === '\n' || (c === '\r' && this.src[this.pos + 1] === '\n'))
        this.fail('strings cannot contain newlines');
      this.checkControl(this.pos);
      this.pos++;
    }
    this.pos++;
    return this.src.slice(start, this.pos - 1);
  }

  // ---- numbers and date-times ----

  private numberOrDate(): GoValue {
    const rest = this.src.slice(this.pos);
    // A date and a time may be separated by one space.
    const m = /^[0-9A-Za-z_+.:-]+(?: [0-9][0-9:.A-Za-z+-]*)?/.exec(rest);
    let token = m?.[0] ?? '';
    if (token.includes(' ') && !/^\d{4}-\d{2}-\d{2} /.test(token)) token = token.slice(0, token.indexOf(' '));
    this.pos += token.length;
    if (/^\d{4}-\d{2}/.test(token) || /^\d{2}:\d{2}/.test(token)) return this.datetime(token);
    if (/^[+-]?(?:inf|nan)$/.test(token))
      return token.endsWith('nan') ? NaN : token.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?0[xob]/.test(token) || !/[.eE]/.test(token)) return this.integer(token);
    return this.float(token);
  }

  private integer(token: string): GoInt {
    const base = /^[+-]?0([xob])/.exec(token)?.[1];
    if (base !== undefined) {
      // The lexer rejects these before the parser sees a number.
      if (/^[+-]/.test(token)) this.fail(`cannot use sign with non-decimal numbers: '${token.slice(0, 3)}'`);
      const body = token.slice(2);
      const digit = base === 'x' ? /[0-9A-Fa-f_]/ : base === 'o' ? /[0-7_]/ : /[01_]/;
      if (body === '' || !digit.test(body[0] ?? '')) {
        const kind = base === 'x' ? 'a hexadecimal' : base === 'o' ? 'an octal' : 'a binary';
        this.fail(`not ${kind} number: '${token.slice(0, 2)}${body[0] ?? '\0'}'`);
      }
      if ([...body].some((c) => !digit.test(c)))
        this.fail(`expected value but found ${goQuote(token)} instead`);
    } else if (!/^[+-]?[0-9_]+$/.test(token)) {
      this.fail(`expected value but found ${goQuote(token)} instead`);
    }
    if (!underscoresOk(token))
      this.fail(`Invalid integer ${goQuote(token)}: underscores must be surrounded by digits`);
    if (hasLeadingZero(token)) this.fail(`Invalid integer ${goQuote(token)}: cannot have leading zeroes`);
    const clean = token.replace(/_/g, '').replace(/^\+/, '');
    const n = base === undefined ? BigInt(clean) : BigInt(`0${base}${clean.slice(2)}`);
    if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) this.fail(`${token} is out of range for int64`);
    return new GoInt(n, 'int64');
  }

  /** BurntSushi's `valueFloat`: underscores, leading zeroes and periods per part, then Go's ParseFloat. */
  private float(token: string): number {
    const parts = token.split(/[.eE]/).filter((p) => p !== '');
    if (!parts.every(underscoresOk))
      this.fail(`Invalid float ${goQuote(token)}: underscores must be surrounded by digits`);
    if (hasLeadingZero(parts[0] ?? ''))
      this.fail(`Invalid float ${goQuote(token)}: cannot have leading zeroes`);
    if (/\.(?![0-9])/.test(token))
      this.fail(`Invalid float ${goQuote(token)}: '.' must be followed by one or more digits`);
    const clean = token.replace(/_/g, '');
    if (!/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(clean))
      this.fail(`Invalid float value: ${goQuote(token)}`);
    const f = Number(clean);
    if (!Number.isFinite(f)) this.fail(`${token} is out of range for float64`);
    return f;
  }

  private datetime(token: string): GoTime {
    const t = parseDatetime(token.toUpperCase().replace(' ', 'T'));
    if (!t) this.fail(`invalid datetime: ${goQuote(token)}`);
    return t;
  }
}

/** BurntSushi's `numUnderscoresOK`: every `_` follows a hex digit, and the text ends with one. */
function underscoresOk(s: string): boolean {
  let accept = false;
  for (const c of s) {
    if (c === '_' && !accept) return false;
    accept = /[0-9A-Fa-f]/.test(c);
  }
  return accept;
}

/** BurntSushi's `numHasLeadingZero`: `0` followed by more (not a base prefix), also after a sign. */
function hasLeadingZero(s: string): boolean {
  if (s.length > 1 && s[0] === '0' && !'box'.includes(s[1] ?? '')) return true;
  return s.length > 2 && (s[0] === '-' || s[0] === '+') && s[1] === '0';
}

const DATETIME =
  /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** BurntSushi's date-time layouts (RFC 3339, local date-time, local date, local time; seconds optional). */
function parseDatetime(s: string): GoTime | undefined {
  const m = DATETIME.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const hasDate = y !== undefined;
  const hasTime = h !== undefined;
  if (!hasDate && !hasTime) return undefined;
  // A date and a time need the `T` between them; an offset needs both.
  if (hasDate && hasTime && !s.includes('T')) return undefined;
  if (zone !== undefined && !(hasDate && hasTime)) return undefined;
  const civil = {
    year: hasDate ? Number(y) : 0,
    month: hasDate ? Number(mo) : 1,
    day: hasDate ? Number(d) : 1,
    hour: hasTime ? Number(h) : 0,
    minute: hasTime ? Number(mi) : 0,
    second: sec !== undefined ? Number(sec) : 0,
  };
  if (civil.month < 1 || civil.month > 12 || civil.day < 1 || civil.day > daysIn(civil.year, civil.month))
    return undefined;
  if (civil.hour > 23 || civil.minute > 59 || civil.second > 59) return undefined;
  const nsec = frac === undefined ? 0 : Number(frac.slice(0, 9).padEnd(9, '0'));
  let loc: GoLocation;
  if (zone === 'Z') loc = UTC;
  else if (zone !== undefined) {
    const offset =
      (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
    if (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59) return undefined;
    // Go's time.Parse uses the local zone when the offset is its own (Helm runs on UTC here).
    loc = offset === 0 ? LOCAL : fixedZone('', offset);
  } else loc = hasDate && hasTime ? LOCAL_DATETIME : hasDate ? LOCAL_DATE : LOCAL_TIME;
  return GoTime.civil(civil, nsec, loc);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
