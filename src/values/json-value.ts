/**
 * Decoding one JSON value the way Go's encoding/json does into `interface{}` (objects → maps, arrays → lists,
 * numbers → float64), reporting where the value ends so a caller can keep reading after it — what Helm's
 * `--set-json key=JSON,…` parser does with json.Decoder and InputOffset.
 */
import { GoList, GoMap, type GoValue } from './model.js';

/** A JSON syntax or range error at a character offset. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const NUMBER_START = /[-0-9]/;
/** Go's json nesting limit. */
const MAX_DEPTH = 10000;

/** encoding/json's quoting of an offending character in its messages (`'x'`, `'\\n'`). */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  return `'${JSON.stringify(c).slice(1, -1)}'`;
}

/** Reads one JSON value from `text` at `start` (leading whitespace allowed); returns it and the offset after it. */
export function readJsonValue(text: string, start: number): { value: GoValue; end: number } {
  let pos = start;
  const fail = (what: string): never => {
    if (pos >= text.length) throw new JsonSyntaxError('unexpected EOF', pos);
    throw new JsonSyntaxError(`invalid character ${quoteChar(text[pos] ?? '')} ${what}`, pos);
  };
  const skipWs = (): void => {
    while (pos < text.length && WS.has(text[pos] ?? '')) pos++;
  };
  const literal = (word: string, value: GoValue): GoValue => {
    for (let i = 0; i < word.length; i++, pos++) {
      if (text[pos] !== word[i]) fail(`in literal ${word} (expecting '${word[i]}')`);
    }
    return value;
  };
  const string = (): string => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('in string literal');
      const ch = text[pos] ?? '';
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch.charCodeAt(0) < 0x20) fail('in string literal');
      if (ch !== '\\') {
        out += ch;
        pos++;
        continue;
      }
      const esc = text[pos + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (esc !== undefined && simple[esc] !== undefined) {
        out += simple[esc];
        pos += 2;
      } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else {
        pos++;
        fail('in string escape code');
      }
    }
  };
  const value = (depth: number): GoValue => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('exceeded max depth', pos);
    skipWs();
    const ch = text[pos] ?? '';
    if (ch === '{') {
      pos++;
      const map = new GoMap();
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return map;
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') fail('looking for beginning of object key string');
        const key = string();
        skipWs();
        if (text[pos] !== ':') fail('after object key');
        pos++;
        map.set(key, value(depth + 1));
        skipWs();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return map;
        } else fail('after object key:value pair');
      }
    }
    if (ch === '[') {
      pos++;
      const items: GoValue[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return new GoList(items);
      }
      for (;;) {
        items.push(value(depth + 1));
        skipWs();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return new GoList(items);
        } else fail('after array element');
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true', true);
    if (ch === 'f') return literal('false', false);
    if (ch === 'n') return literal('null', null);
    if (NUMBER_START.test(ch)) {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (!m) {
        pos++;
        return fail('in numeric literal');
      }
      const next = text[pos + m[0].length];
      if (next === '.' || next === 'e' || next === 'E') {
        pos += m[0].length + 1;
        return fail('in numeric literal');
      }
      const n = Number(m[0]);
      if (!Number.isFinite(n)) {
        throw new JsonSyntaxError(`json: cannot unmarshal number ${m[0]} into Go value of type float64`, pos);
      }
      pos += m[0].length;
      return n;
    }
    return fail('looking for beginning of value');
  };
  const v = value(0);
  return { value: v, end: pos };
}

/** Decodes a whole text as one JSON value (trailing whitespace only), as json.Unmarshal does. */
export function parseJsonDocument(text: string): GoValue {
  const { value, end } = readJsonValue(text, 0);
  let pos = end;
  while (pos < text.length && WS.has(text[pos] ?? '')) pos++;
  if (pos < text.length) {
    throw new JsonSyntaxError(`invalid character ${quoteChar(text[pos] ?? '')} after top-level value`, pos);
  }
  return value;
}
