/**
 * Go's encoding/json as Helm's and Sprig's JSON functions use it (helm-render-spec.md §9.3): `json.Marshal`,
 * `json.MarshalIndent`, an Encoder without HTML escaping, and `json.Unmarshal` into `interface{}`, a map or a
 * slice, with Go's exact error texts.
 *
 * Encoding first turns a value into a {@link JsonNode} tree (what `json.Marshal` would write, with keys sorted and
 * numbers already in their JSON text). The YAML v2 emitter reuses that tree because `toYaml` goes through JSON.
 * Every node keeps the provenance of the container slot it came from (DESIGN.md §7).
 */
import {
  GoBytes,
  GoInt,
  GoList,
  GoMap,
  GoObject,
  goTypeOf,
  type GoValue,
  type ValueOrigin,
} from '../../values/model.js';
import { formatFloatG, formatFloatJson } from './go-float.js';

/** A value as `json.Marshal` sees it: scalars already in JSON form, object keys sorted byte-wise. */
export type JsonNode =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'array'; items: JsonSlot[] }
  | { kind: 'object'; entries: JsonEntry[] };

/** An array element with the provenance of the list slot it came from. */
export interface JsonSlot {
  node: JsonNode;
  origin: ValueOrigin | undefined;
}

/** An object member with the provenance of the map entry it came from. */
export interface JsonEntry extends JsonSlot {
  key: string;
}

/**
 * Implemented by {@link GoObject} subclasses that Go marshals to JSON (a `MarshalJSON` method or exported struct
 * fields): returns the plain value whose JSON is the object's JSON, e.g. a string for `time.Time`.
 */
export interface JsonMarshaler {
  toJsonValue(): GoValue;
}

/** True when the object provides its JSON form ({@link JsonMarshaler}). */
export function isJsonMarshaler(v: GoObject): v is GoObject & JsonMarshaler {
  return typeof (v as Partial<JsonMarshaler>).toJsonValue === 'function';
}

/** An error `json.Marshal` returns; `message` is Go's text, e.g. `json: unsupported value: NaN`. */
export class JsonMarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonMarshalError';
  }
}

/** Base64 (standard alphabet, padded) of bytes, as encoding/json writes a `[]byte`. */
function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * What `json.Marshal(v)` would encode, as a tree. Throws {@link JsonMarshalError} for NaN/±Inf, unsupported
 * objects and cycles (Go detects a map or slice that contains itself).
 */
export function toJsonNode(v: GoValue): JsonNode {
  return encodeValue(v, new Set());
}

function encodeValue(v: GoValue, ancestors: Set<GoMap | GoList>): JsonNode {
  if (v === null) return { kind: 'null' };
  switch (typeof v) {
    case 'string':
      return { kind: 'string', value: v };
    case 'boolean':
      return { kind: 'bool', value: v };
    case 'number':
      if (!Number.isFinite(v)) throw new JsonMarshalError(`json: unsupported value: ${formatFloatG(v)}`);
      return { kind: 'number', text: formatFloatJson(v) };
  }
  if (v instanceof GoInt) return { kind: 'number', text: v.value.toString() };
  if (v instanceof GoBytes) return { kind: 'string', value: base64(v.bytes) };
  if (v instanceof GoList || v instanceof GoMap) {
    // encoding/json writes a nil slice or map as null.
    if (v.isNil) return { kind: 'null' };
    if (ancestors.has(v))
      throw new JsonMarshalError(`json: unsupported value: encountered a cycle via ${v.type}`);
    ancestors.add(v);
    try {
      return v instanceof GoList ? encodeList(v, ancestors) : encodeMap(v, ancestors);
    } finally {
      ancestors.delete(v);
    }
  }
  if (isJsonMarshaler(v)) return encodeValue(v.toJsonValue(), ancestors);
  throw new JsonMarshalError(`json: unsupported type: ${goTypeOf(v)}`);
}

function encodeList(list: GoList, ancestors: Set<GoMap | GoList>): JsonNode {
  // A []uint8 is a byte slice to encoding/json, whatever container holds it.
  if (list.type === '[]uint8') {
    const bytes = Uint8Array.from(list.items, (b) => (b instanceof GoInt ? Number(b.value) : Number(b)));
    return { kind: 'string', value: base64(bytes) };
  }
  const items = list.items.map((item, i) => ({
    node: encodeValue(item, ancestors),
    origin: list.origins?.[i],
  }));
  return { kind: 'array', items };
}

function encodeMap(map: GoMap, ancestors: Set<GoMap | GoList>): JsonNode {
  const entries = map.sortedKeys().map((key) => ({
    key,
    node: encodeValue(map.get(key) ?? null, ancestors),
    origin: map.origins?.get(key),
  }));
  return { kind: 'object', entries };
}

/** Options of {@link writeJson}. */
export interface JsonWriteOptions {
  /** Escape `<`, `>` and `&` as `\u003c` … (json.Marshal does; an Encoder with SetEscapeHTML(false) does not). */
  escapeHtml: boolean;
  /** Indentation unit for `json.MarshalIndent(v, "", indent)`; compact output when absent. */
  indent?: string;
}

/** A range of JSON output text written for a value that came from a values file. */
export interface JsonSpan {
  /** Character offsets in the output; an object member's span starts at its key. */
  start: number;
  end: number;
  origin: ValueOrigin;
}

/** JSON text with the provenance of the spans written for sourced values (innermost spans come first). */
export interface JsonWithOrigins {
  text: string;
  spans: JsonSpan[];
}

const HEX = '0123456789abcdef';

/** Go's appendString: escapes quotes, backslashes, control characters, U+2028/U+2029 and optionally `<>&`. */
export function quoteJsonString(s: string, escapeHtml: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      if (
        c >= 0x20 &&
        c !== 0x22 &&
        c !== 0x5c &&
        !(escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26))
      ) {
        out += ch;
        continue;
      }
      switch (c) {
        case 0x22:
          out += '\\"';
          break;
        case 0x5c:
          out += '\\\\';
          break;
        case 0x08:
          out += '\\b';
          break;
        case 0x0c:
          out += '\\f';
          break;
        case 0x0a:
          out += '\\n';
          break;
        case 0x0d:
          out += '\\r';
          break;
        case 0x09:
          out += '\\t';
          break;
        default:
          out += `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is what invalid UTF-8 becomes in a JavaScript string; Go writes U+FFFD for it.
      out += '\\ufffd';
    } else if (c === 0x2028 || c === 0x2029) {
      // Go escapes these even without HTML escaping, so the output is safe inside JavaScript.
      out += `\\u${c.toString(16)}`;
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** Writes a {@link JsonNode} as encoding/json would, recording the spans of sourced values. */
export function writeJson(node: JsonNode, options: JsonWriteOptions): JsonWithOrigins {
  const spans: JsonSpan[] = [];
  let text = '';
  const { escapeHtml, indent } = options;
  const newline = (depth: number): void => {
    if (indent !== undefined) text += '\n' + indent.repeat(depth);
  };
  const write = (n: JsonNode, depth: number): void => {
    switch (n.kind) {
      case 'null':
        text += 'null';
        return;
      case 'bool':
        text += n.value ? 'true' : 'false';
        return;
      case 'number':
        text += n.text;
        return;
      case 'string':
        text += quoteJsonString(n.value, escapeHtml);
        return;
      case 'array':
        if (n.items.length === 0) {
          text += '[]';
          return;
        }
        text += '[';
        n.items.forEach((item, i) => {
          if (i > 0) text += ',';
          newline(depth + 1);
          const start = text.length;
          write(item.node, depth + 1);
          if (item.origin) spans.push({ start, end: text.length, origin: item.origin });
        });
        newline(depth);
        text += ']';
        return;
      case 'object':
        if (n.entries.length === 0) {
          text += '{}';
          return;
        }
        text += '{';
        n.entries.forEach((entry, i) => {
          if (i > 0) text += ',';
          newline(depth + 1);
          const start = text.length;
          text += quoteJsonString(entry.key, escapeHtml) + (indent !== undefined ? ': ' : ':');
          write(entry.node, depth + 1);
          if (entry.origin) spans.push({ start, end: text.length, origin: entry.origin });
        });
        newline(depth);
        text += '}';
        return;
    }
  };
  write(node, 0);
  return { text, spans };
}

/** `json.Marshal(v)` (escapeHtml) or the HTML-unescaped Encoder form, with provenance spans. */
export function encodeJsonWithOrigins(v: GoValue, options: JsonWriteOptions): JsonWithOrigins {
  return writeJson(toJsonNode(v), options);
}

/** `json.Marshal(v)` / `json.MarshalIndent(v, "", indent)` as text; throws {@link JsonMarshalError}. */
export function encodeJson(v: GoValue, options: JsonWriteOptions): string {
  return encodeJsonWithOrigins(v, options).text;
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

/** An error `json.Unmarshal` returns, with Go's message. */
export class JsonUnmarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonUnmarshalError';
  }
}

/** The Go type `json.Unmarshal` decodes into. */
export type JsonTarget = 'interface {}' | 'map[string]interface {}' | '[]interface {}';

/** The result of {@link decodeJson}: the decoded value (as far as Go got) and the error Go returned, if any. */
export interface JsonDecodeResult {
  value: GoValue;
  error: string | undefined;
}

/** Go's `quoteChar`: how a byte is shown in a syntax error message. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = {
    7: 'a',
    8: 'b',
    12: 'f',
    10: 'n',
    13: 'r',
    9: 't',
    11: 'v',
    0x5c: '\\',
  };
  const esc = named[c];
  if (esc !== undefined) return `'\\${esc}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${HEX[c >> 4]}${HEX[c & 0xf]}'`;
  // The byte is shown as the rune of the same number; non-printable ones (C1 controls, NBSP, soft hyphen) are
  // escaped as strconv.Quote does.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${HEX[c >> 4]}${HEX[c & 0xf]}'`;
  return `'${String.fromCodePoint(c)}'`;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Go's nesting limit for the JSON scanner. */
const MAX_DEPTH = 10000;

type ParseState = 'objectKey' | 'objectValue' | 'arrayValue';

/**
 * Go's JSON scanner, fed one byte at a time: each state is a function of the next byte, so the first offending
 * byte and the context Go names in its message (`looking for beginning of value`, `after object key` …) match.
 */
class Scanner {
  private step: (c: number) => void = (c) => this.beginValue(c);
  private readonly stack: ParseState[] = [];
  private endTop = false;
  err: string | undefined;

  private fail(c: number, context: string): void {
    this.err ??= `invalid character ${quoteChar(c)} ${context}`;
    this.step = () => undefined;
  }

  feed(c: number): void {
    this.step(c);
  }

  /** The scanner's end of input: an unfinished number or literal is fed a space, then Go checks for the end. */
  eof(): void {
    if (this.err !== undefined || this.endTop) return;
    this.step(0x20);
    if (this.err === undefined && !this.endTop) this.err = 'unexpected end of JSON input';
  }

  private push(state: ParseState): boolean {
    if (this.stack.length >= MAX_DEPTH) {
      this.err ??= 'exceeded max depth';
      this.step = () => undefined;
      return false;
    }
    this.stack.push(state);
    return true;
  }

  private beginValue(c: number): void {
    if (isSpace(c)) return;
    switch (c) {
      case 0x7b:
        if (this.push('objectKey')) this.step = (x) => this.beginStringOrEmpty(x);
        return;
      case 0x5b:
        if (this.push('arrayValue')) this.step = (x) => this.beginValueOrEmpty(x);
        return;
      case 0x22:
        this.step = (x) => this.inString(x);
        return;
      case 0x2d:
        this.step = (x) => this.neg(x);
        return;
      case 0x30:
        this.step = (x) => this.zero(x);
        return;
      case 0x74:
        this.literal('true', 1);
        return;
      case 0x66:
        this.literal('false', 1);
        return;
      case 0x6e:
        this.literal('null', 1);
        return;
    }
    if (c >= 0x31 && c <= 0x39) {
      this.step = (x) => this.digits(x);
      return;
    }
    this.fail(c, 'looking for beginning of value');
  }

  private beginValueOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x5d) {
      this.endValue(c);
      return;
    }
    this.beginValue(c);
  }

  private beginStringOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x7d) {
      this.stack[this.stack.length - 1] = 'objectValue';
      this.endValue(c);
      return;
    }
    this.beginString(c);
  }

  private beginString(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x22) {
      this.step = (x) => this.inString(x);
      return;
    }
    this.fail(c, 'looking for beginning of object key string');
  }

  private endValue(c: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.endTop = true;
      this.step = (x) => this.endTopState(x);
      this.endTopState(c);
      return;
    }
    if (isSpace(c)) {
      this.step = (x) => this.endValue(x);
      return;
    }
    if (top === 'objectKey') {
      if (c === 0x3a) {
        this.stack[this.stack.length - 1] = 'objectValue';
        this.step = (x) => this.beginValue(x);
        return;
      }
      this.fail(c, 'after object key');
    } else if (top === 'objectValue') {
      if (c === 0x2c) {
        this.stack[this.stack.length - 1] = 'objectKey';
        this.step = (x) => this.beginString(x);
        return;
      }
      if (c === 0x7d) {
        this.pop();
        return;
      }
      this.fail(c, 'after object key:value pair');
    } else {
      if (c === 0x2c) {
        this.step = (x) => this.beginValue(x);
        return;
      }
      if (c === 0x5d) {
        this.pop();
        return;
      }
      this.fail(c, 'after array element');
    }
  }

  private pop(): void {
    this.stack.pop();
    if (this.stack.length === 0) {
      this.endTop = true;
      this.step = (x) => this.endTopState(x);
    } else {
      this.step = (x) => this.endValue(x);
    }
  }

  private endTopState(c: number): void {
    if (!isSpace(c)) this.fail(c, 'after top-level value');
  }

  private inString(c: number): void {
    if (c === 0x22) {
      this.step = (x) => this.endValue(x);
      return;
    }
    if (c === 0x5c) {
      this.step = (x) => this.inStringEsc(x);
      return;
    }
    if (c < 0x20) this.fail(c, 'in string literal');
  }

  private inStringEsc(c: number): void {
    if ([0x62, 0x66, 0x6e, 0x72, 0x74, 0x5c, 0x2f, 0x22].includes(c)) {
      this.step = (x) => this.inString(x);
      return;
    }
    if (c === 0x75) {
      this.step = (x) => this.inStringEscU(x, 4);
      return;
    }
    this.fail(c, 'in string escape code');
  }

  private inStringEscU(c: number, left: number): void {
    if (!isHex(c)) {
      this.fail(c, 'in \\u hexadecimal character escape');
      return;
    }
    this.step = left > 1 ? (x) => this.inStringEscU(x, left - 1) : (x) => this.inString(x);
  }

  private neg(c: number): void {
    if (c === 0x30) {
      this.step = (x) => this.zero(x);
      return;
    }
    if (c >= 0x31 && c <= 0x39) {
      this.step = (x) => this.digits(x);
      return;
    }
    this.fail(c, 'in numeric literal');
  }

  private digits(c: number): void {
    if (isDigit(c)) return;
    this.zero(c);
  }

  private zero(c: number): void {
    if (c === 0x2e) {
      this.step = (x) => this.dot(x);
      return;
    }
    if (c === 0x65 || c === 0x45) {
      this.step = (x) => this.exp(x);
      return;
    }
    this.endValue(c);
  }

  private dot(c: number): void {
    if (isDigit(c)) {
      this.step = (x) => this.dotDigits(x);
      return;
    }
    this.fail(c, 'after decimal point in numeric literal');
  }

  private dotDigits(c: number): void {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) {
      this.step = (x) => this.exp(x);
      return;
    }
    this.endValue(c);
  }

  private exp(c: number): void {
    if (c === 0x2b || c === 0x2d) {
      this.step = (x) => this.expSign(x);
      return;
    }
    this.expSign(c);
  }

  private expSign(c: number): void {
    if (isDigit(c)) {
      this.step = (x) => this.expDigits(x);
      return;
    }
    this.fail(c, 'in exponent of numeric literal');
  }

  private expDigits(c: number): void {
    if (isDigit(c)) return;
    this.endValue(c);
  }

  private literal(word: string, k: number): void {
    this.step = (c) => {
      if (c !== word.charCodeAt(k)) {
        this.fail(c, `in literal ${word} (expecting '${word[k]}')`);
        return;
      }
      if (k + 1 === word.length) this.step = (x) => this.endValue(x);
      else this.literal(word, k + 1);
    };
  }
}

/** Go's `checkValid`: the syntax error of the first offending byte, or `undefined` for valid JSON. */
function checkValid(data: Uint8Array): string | undefined {
  const scanner = new Scanner();
  for (const c of data) {
    scanner.feed(c);
    if (scanner.err !== undefined) return scanner.err;
  }
  scanner.eof();
  return scanner.err;
}

/** Decodes a JSON string body (between quotes, already validated) as Go does, with U+FFFD for bad surrogates. */
function decodeStringBody(body: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let k = 0; k < body.length; k++) {
    const ch = body[k] ?? '';
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++k] ?? '';
    const simple: Record<string, string> = {
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      '\\': '\\',
      '/': '/',
    };
    simple['"'] = '"';
    if (e !== 'u') {
      out += simple[e] ?? '';
      continue;
    }
    const unit = parseInt(body.slice(k + 1, k + 5), 16);
    k += 4;
    if (unit >= 0xd800 && unit < 0xdc00 && body.slice(k + 1, k + 3) === '\\u') {
      const low = parseInt(body.slice(k + 3, k + 7), 16);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out += String.fromCharCode(unit, low);
        k += 6;
        continue;
      }
    }
    out += unit >= 0xd800 && unit <= 0xdfff ? '\ufffd' : String.fromCharCode(unit);
  }
  return out;
}

/** Decodes already-validated JSON text into Go values, collecting Go's first type error like `d.saveError`. */
class JsonDecoder {
  private pos = 0;
  firstError: string | undefined;

  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos] ?? '')) this.pos++;
  }

  private save(message: string): void {
    this.firstError ??= message;
  }

  /** The kind word Go uses in `cannot unmarshal KIND into …`. */
  private kindAt(): string {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return 'object';
    if (c === '[') return 'array';
    if (c === '"') return 'string';
    if (c === 't' || c === 'f') return 'bool';
    if (c === 'n') return 'null';
    return 'number';
  }

  /** Decodes into `target`; a mismatched kind is skipped and recorded, leaving `fallback` as the result. */
  decodeInto(target: JsonTarget, fallback: GoValue): GoValue {
    const kind = this.kindAt();
    if (target === 'interface {}' || kind === 'null') {
      const v = this.value();
      // Unmarshalling null into a map or slice sets it to nil.
      return v;
    }
    const want = target === 'map[string]interface {}' ? 'object' : 'array';
    if (kind !== want) {
      this.save(`json: cannot unmarshal ${kind} into Go value of type ${target}`);
      this.value();
      return fallback;
    }
    return this.value();
  }

  value(): GoValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') {
      this.pos++;
      const map = new GoMap();
      this.skipSpace();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return map;
      }
      for (;;) {
        this.skipSpace();
        const key = this.string();
        this.skipSpace();
        this.pos++; // ':'
        map.set(key, this.value());
        this.skipSpace();
        if (this.text[this.pos++] === '}') return map;
      }
    }
    if (c === '[') {
      this.pos++;
      const items: GoValue[] = [];
      this.skipSpace();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return new GoList(items);
      }
      for (;;) {
        items.push(this.value());
        this.skipSpace();
        if (this.text[this.pos++] === ']') return new GoList(items);
      }
    }
    if (c === '"') return this.string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 1100)) ?? [''];
    this.pos += m[0].length;
    const f = Number(m[0]);
    if (!Number.isFinite(f)) {
      this.save(`json: cannot unmarshal number ${m[0]} into Go value of type float64`);
      return null;
    }
    return f;
  }

  private string(): string {
    const start = ++this.pos;
    let k = start;
    while (this.text[k] !== '"') k += this.text[k] === '\\' ? 2 : 1;
    this.pos = k + 1;
    return decodeStringBody(this.text.slice(start, k));
  }
}

/**
 * `json.Unmarshal([]byte(text), &target)`. For a map or slice target, `initial` is the value the Go variable
 * held before (Helm's `fromJson` starts from an empty map and keeps it when decoding fails early).
 */
export function decodeJson(text: string, target: JsonTarget, initial: GoValue = null): JsonDecodeResult {
  const syntax = checkValid(Buffer.from(text, 'utf8'));
  if (syntax !== undefined) return { value: initial, error: syntax };
  const decoder = new JsonDecoder(text);
  const value = decoder.decodeInto(target, initial);
  return { value, error: decoder.firstError };
}
