/**
 * The Go value model shared by values loading and the template engine (helm-render-spec.md §14.1).
 *
 * Templates observe Go types (`typeOf`, `printf "%T"`, error texts), so values carry their Go type:
 * - `string`, `boolean` and `number` (always float64) are plain JavaScript values;
 * - integers of every Go kind are {@link GoInt} (64-bit semantics via bigint, the kind kept for `typeOf`);
 * - `null` is a nil stored in an `interface {}` slot (a "typed nil"); the template engine uses `undefined` for Go's
 *   invalid reflect.Value ("no value") and never stores it in a container;
 * - maps and lists are mutable shared objects, so mutation through `set`/`merge` is visible through every alias.
 */
import { goBytes } from './go-string.js';

/** Go integer kinds a template can observe. */
export type IntType =
  'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** Where a value came from: a values file (character offsets into it) or a command-line flag. */
export interface ValueOrigin {
  /** Path of the source relative to the working directory, or a flag description such as `--set replicas=3`. */
  source: string;
  /** True when `source` is a file that exists in the repository. */
  isFile: boolean;
  /** Character offsets of the scalar (or of the key for containers) in the source text. */
  start: number;
  end: number;
  /** Path of the value inside the values tree of the chart that defined it. */
  path: readonly (string | number)[];
}

/** A Go integer of a specific kind. */
export class GoInt {
  constructor(
    readonly value: bigint,
    readonly type: IntType = 'int',
  ) {}
  /** The value as a JavaScript number (exact up to 2^53). */
  toNumber(): number {
    return Number(this.value);
  }
}

/** A Go slice; `type` is its Go type name, e.g. `[]interface {}` or `[]string`. */
export class GoList {
  /** Origins of items that came from values, by index (sparse). */
  origins: (ValueOrigin | undefined)[] | undefined;
  constructor(
    public items: GoValue[],
    readonly type: string = '[]interface {}',
    /**
     * A nil slice (`concat` of nothing, `fromJsonArray "null"`): it prints and ranges like an empty one, but
     * encoding/json writes `null`, `%#v` writes `[]interface {}(nil)` and `deepEqual` tells it from `[]`.
     */
    readonly isNil = false,
  ) {}
  /** The nil slice of a type. */
  static nil(type = '[]interface {}'): GoList {
    return new GoList([], type, true);
  }
}

/** Go map types templates can see. `common.Values` is Helm's named map type for `.Values`. */
export type MapType = 'map[string]interface {}' | 'common.Values' | 'map[string]string' | 'chartutil.Values';

/** A Go map with string keys. Iteration and printing use sorted keys, as Go's fmt and text/template do. */
export class GoMap {
  /** Origins of entries that came from values, by key. */
  origins: Map<string, ValueOrigin> | undefined;
  constructor(
    public entries: Map<string, GoValue> = new Map(),
    readonly type: MapType = 'map[string]interface {}',
    /**
     * A nil map (`fromJson "null"`): reads see an empty map, encoding/json writes `null`, `%#v` writes
     * `map[string]interface {}(nil)`, and {@link GoMap.set} panics as Go does.
     */
    readonly isNil = false,
  ) {}
  /** The nil map of a type. */
  static nil(type: MapType = 'map[string]interface {}'): GoMap {
    return new GoMap(new Map(), type, true);
  }
  get(key: string): GoValue | undefined {
    return this.entries.get(key);
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  /** Sets an entry; throws Go's `assignment to entry in nil map` panic (a {@link GoFuncError}) on a nil map. */
  set(key: string, value: GoValue, origin?: ValueOrigin): void {
    if (this.isNil) throw new GoFuncError('assignment to entry in nil map');
    this.entries.set(key, value);
    if (origin) (this.origins ??= new Map()).set(key, origin);
    else this.origins?.delete(key);
  }
  delete(key: string): void {
    this.entries.delete(key);
    this.origins?.delete(key);
  }
  sortedKeys(): string[] {
    return [...this.entries.keys()].sort(compareBytes);
  }
}

/** A Go `[]byte` (`[]uint8`). */
export class GoBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * A Go struct or other named type with fields and methods (`.Capabilities`, `.Files`, `time.Time`,
 * `*semver.Version`, sprig's certificate …). The template engine resolves `.Name` through these hooks.
 */
export abstract class GoObject {
  /** The Go type name as `%T` prints it, e.g. `*common.Capabilities`. */
  abstract readonly goType: string;
  /** Exported field value, or `undefined` when there is no such field. */
  field(_name: string): GoValue | undefined {
    return undefined;
  }
  /** Method callable from templates, or `undefined`. */
  method(_name: string): GoFuncSpec | undefined {
    return undefined;
  }
  /** The result of a `String()` method when the type has one; used by `%v` and `{{ x }}`. */
  stringer(): string | undefined {
    return undefined;
  }
  /**
   * True when `String()` has a pointer receiver (Helm's `KubeVersion`). Only the template executor, printing an
   * addressable value (`{{ .Capabilities.KubeVersion }}`), takes the value's address and so finds the method;
   * `print`, `printf`, `default`, `toString` … receive a copy in an `interface {}`, whose method set lacks it, and
   * print the struct ({@link GoObject.formatV}).
   */
  get stringerNeedsPointer(): boolean {
    return false;
  }
  /** `%v` form when there is no `String()` (struct dump such as `{v1.35.0 v1.35.0 1 35}`). */
  abstract formatV(): string;
  /**
   * A struct's fields in declaration order (unexported ones too, as fmt prints them), so that `%+v`, `%#v` and
   * verbs such as `%q` print it field by field as Go does; `undefined` when {@link GoObject.formatV} is the only form.
   */
  structFields(): readonly (readonly [string, GoValue])[] | undefined {
    return undefined;
  }
  /** True when the value is a nil pointer (truthiness, `nil pointer evaluating *T.x`). */
  isNilPointer(): boolean {
    return false;
  }
}

/** Every value a template can hold in a container slot. */
export type GoValue = null | string | boolean | number | GoInt | GoList | GoMap | GoBytes | GoObject;

/** Go type names used for function parameters and results, as Go prints them. */
export type GoType = string;

/** Context a function receives from the engine: deterministic randomness and time for this render. */
export interface CallContext {
  /** Uniform in [0, 1), from the per-render seed unless true randomness was asked for. */
  random(): number;
  /** `n` bytes from the same source as {@link CallContext.random}. */
  randomBytes(n: number): Uint8Array;
  /** The render's notion of "now" (fixed per render for determinism). */
  now(): Date;
}

/** Which argument's provenance a function's result inherits (DESIGN.md §7). */
export type PassThrough = 'first' | 'last' | 'any';

/**
 * A template function with its Go signature. The engine converts arguments as Go's text/template does
 * (`wrong type for value; expected P; got T`) before calling `call`:
 * - `string`, `bool`, float kinds arrive as JS string/boolean/number; int kinds arrive as JS `number`;
 * - `interface {}` arrives as the raw {@link GoValue} (`null` for nil);
 * - `[]interface {}` as {@link GoList}, map types as {@link GoMap} (or `null` for a nil map/slice).
 * Results of int kinds may be returned as a JS number or bigint; the engine wraps them in {@link GoInt}.
 * A function fails by throwing {@link GoFuncError}; the engine reports `error calling NAME: MESSAGE`.
 */
export interface GoFuncSpec {
  params: readonly GoType[];
  /** Element type of a trailing variadic parameter. */
  variadic?: GoType;
  /** Static result type; `interface {}` results are unwrapped by the engine (nil → no value). */
  result: GoType;
  call(ctx: CallContext, ...args: unknown[]): unknown;
  /** Provenance of the result: inherited from the first, the last (piped) or any sourced argument. */
  passThrough?: PassThrough;
}

/** An error a function returns (Go's `(T, error)` with a non-nil error, or a recovered panic). */
export class GoFuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoFuncError';
  }
}

/** Byte-wise string comparison (Go's `<` on strings), for sorting map keys. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path for ASCII, which is byte order and UTF-16 order alike.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x < 0x80 && y < 0x80) return x - y;
      // Compare whole strings: slicing at `i` could split a surrogate pair.
      return Buffer.compare(goBytes(a), goBytes(b));
    }
  }
  return a.length - b.length;
}

/** The Go type name of a value, as `typeOf` and `%T` print it. */
export function goTypeOf(v: GoValue | undefined): string {
  if (v === undefined || v === null) return '<nil>';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.type;
  if (v instanceof GoList) return v.type;
  if (v instanceof GoMap) return v.type;
  if (v instanceof GoBytes) return '[]uint8';
  return v.goType;
}

/** Convenience constructors. */
export const goInt = (n: number | bigint, type: IntType = 'int'): GoInt =>
  new GoInt(typeof n === 'bigint' ? n : BigInt(Math.trunc(n)), type);
export const goList = (items: GoValue[], type = '[]interface {}'): GoList => new GoList(items, type);
export function goMap(obj: Record<string, GoValue> = {}, type: MapType = 'map[string]interface {}'): GoMap {
  return new GoMap(new Map(Object.entries(obj)), type);
}
