/**
 * Helm's `toToml` (helm-render-spec.md §9.4): BurntSushi/toml v1.6.0's Encoder. Keys are sorted byte-wise, plain
 * values of a table come before its sub-tables, top-level tables are separated by a blank line, nested table
 * headers and their keys are indented by two spaces per level, lists of maps become `[[array.of.tables]]`, and
 * maps inside mixed lists are written inline. Floats use Go's `%g` form with `.0` added to integral values
 * (`5.0`, but `1e+06`).
 */
import { GoBytes, GoInt, GoList, GoMap, goTypeOf, type GoValue } from '../../values/model.js';
import { formatFloatG } from './go-float.js';
import { isJsonMarshaler } from './go-json.js';

/** An error the encoder returns; Helm's `toToml` prints its message as the result. */
export class TomlEncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TomlEncodeError';
  }
}

/**
 * A failure Go reports as a runtime panic inside the encoder (so `toToml` fails the render instead of printing
 * a message), e.g. `toToml nil`.
 */
export class TomlEncodePanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TomlEncodePanic';
  }
}

type TomlType = 'bool' | 'integer' | 'float' | 'string' | 'datetime' | 'array' | 'table' | 'arrayOfTables';

const NIL_ELEMENT = 'toml: cannot encode array with nil element';
const NO_KEY = 'toml: top-level values must be Go maps or structs';

/** BurntSushi's `tomlTypeOfGo`; `undefined` for nil (such keys are skipped). */
function tomlType(v: GoValue): TomlType | undefined {
  // BurntSushi's `isNil` covers nil maps and slices too.
  if (v === null || ((v instanceof GoMap || v instanceof GoList) && v.isNil)) return undefined;
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float';
  }
  if (v instanceof GoInt) return 'integer';
  if (v instanceof GoBytes) return 'array';
  if (v instanceof GoMap) return 'table';
  if (v instanceof GoList) return isTableArray(v) ? 'arrayOfTables' : 'array';
  if (v.goType === 'time.Time') return 'datetime';
  if (isJsonMarshaler(v)) return 'string';
  throw new TomlEncodeError(`toml: unsupported type: ${goTypeOf(v)}`);
}

/** A non-empty list whose elements are all tables; any nil element is an error, as in BurntSushi. */
function isTableArray(list: GoList): boolean {
  if (list.items.length === 0) return false;
  let all = true;
  for (const item of list.items) {
    const t = tomlType(item);
    if (t === undefined) throw new TomlEncodeError(NIL_ELEMENT);
    if (t !== 'table') all = false;
  }
  return all;
}

const isTableLike = (t: TomlType | undefined): boolean => t === 'table' || t === 'arrayOfTables';

/** BurntSushi's `dblQuotedReplacer`: TOML basic-string escapes, `\uXXXX` for other control characters. */
export function quoteTomlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\r':
        out += '\\r';
        continue;
    }
    out += c < 0x20 || c === 0x7f ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
  }
  return out + '"';
}

/** A key part: bare when it only has `A-Za-z0-9_-`, else quoted. */
function keyPart(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : quoteTomlString(k);
}

const keyText = (key: readonly string[]): string => key.map(keyPart).join('.');

function floatText(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (f === Infinity) return 'inf';
  if (f === -Infinity) return '-inf';
  const s = formatFloatG(f);
  return /[.e]/.test(s) ? s : s + '.0';
}

/** BurntSushi's Encoder state: output, and whether anything was written (blank lines only between content). */
class TomlEncoder {
  out = '';
  private hasWritten = false;

  private write(s: string): void {
    this.out += s;
    this.hasWritten = true;
  }

  private newline(): void {
    if (this.hasWritten) this.write('\n');
  }

  private static indent(key: readonly string[]): string {
    return '  '.repeat(Math.max(key.length - 1, 0));
  }

  encode(key: readonly string[], v: GoValue): void {
    if (v === null) return;
    if (v instanceof GoMap) {
      this.table(key, v);
      return;
    }
    if (v instanceof GoList && tomlType(v) === 'arrayOfTables') {
      this.arrayOfTables(key, v);
      return;
    }
    this.keyValue(key, v, false);
  }

  private table(key: readonly string[], map: GoMap): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.write(`${TomlEncoder.indent(key)}[${keyText(key)}]`);
      this.newline();
    }
    this.map(key, map, false);
  }

  private arrayOfTables(key: readonly string[], list: GoList): void {
    if (key.length === 0) throw new TomlEncodeError(NO_KEY);
    for (const item of list.items) {
      if (!(item instanceof GoMap)) continue;
      this.newline();
      this.write(`${TomlEncoder.indent(key)}[[${keyText(key)}]]`);
      this.newline();
      this.map(key, item, false);
    }
  }

  private map(key: readonly string[], map: GoMap, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of map.sortedKeys()) (isTableLike(tomlType(map.get(k) ?? null)) ? sub : direct).push(k);
    if (inline) this.write('{');
    const writeKeys = (keys: string[], trailingComma: boolean): void => {
      keys.forEach((k, i) => {
        const v = map.get(k) ?? null;
        if (tomlType(v) === undefined) return;
        if (inline) {
          this.keyValue([k], v, true);
          if (trailingComma || i !== keys.length - 1) this.write(', ');
        } else {
          this.encode([...key, k], v);
        }
      });
    };
    writeKeys(direct, sub.length > 0);
    writeKeys(sub, false);
    if (inline) this.write('}');
  }

  private keyValue(key: readonly string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) {
      this.element(v);
      return;
    }
    this.write(`${TomlEncoder.indent(key)}${keyPart(key[key.length - 1] ?? '')} = `);
    this.element(v);
    if (!inline) this.newline();
  }

  private element(v: GoValue): void {
    if (v === null) throw new TomlEncodePanic('reflect: call of reflect.Value.Type on zero Value');
    switch (typeof v) {
      case 'string':
        this.write(quoteTomlString(v));
        return;
      case 'boolean':
        this.write(String(v));
        return;
      case 'number':
        this.write(floatText(v));
        return;
    }
    if (v instanceof GoInt) {
      this.write(v.value.toString());
      return;
    }
    if (v instanceof GoBytes) {
      this.write(`[${Array.from(v.bytes).join(', ')}]`);
      return;
    }
    if (v instanceof GoList) {
      this.write('[');
      v.items.forEach((item, i) => {
        this.element(item);
        if (i !== v.items.length - 1) this.write(', ');
      });
      this.write(']');
      return;
    }
    if (v instanceof GoMap) {
      this.map([], v, true);
      return;
    }
    if (isJsonMarshaler(v)) {
      // time.Time and text-marshalled types are written from their text form.
      const text = v.toJsonValue();
      this.write(v.goType === 'time.Time' && typeof text === 'string' ? text : quoteTomlString(String(text)));
      return;
    }
    throw new TomlEncodeError(`toml: unsupported type: ${goTypeOf(v)}`);
  }
}

/**
 * `toml.NewEncoder(w).Encode(v)` as text. Throws {@link TomlEncodeError} for an encoder error (Helm prints its
 * message) and {@link TomlEncodePanic} for a Go runtime panic (Helm fails the render).
 */
export function encodeToml(v: GoValue): string {
  if (v === null) throw new TomlEncodePanic('reflect: call of reflect.Value.Type on zero Value');
  const encoder = new TomlEncoder();
  encoder.encode([], v);
  return encoder.out;
}
