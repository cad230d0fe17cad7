/**
 * The executor's view of a value (Go's `reflect.Value` as text/template sees it, helm-render-spec.md §8.4):
 * the Go value, whether it sits in an `interface {}` slot (which decides `got interface {}` errors, `nil pointer
 * evaluating interface {}.x` and the unwrapping of pipeline results), and the provenance it carries.
 */
import { formatValue } from '../fmt.js';
import {
  GoBytes,
  GoInt,
  GoList,
  GoMap,
  GoObject,
  goTypeOf,
  type GoValue,
  type IntType,
  type ValueOrigin,
} from '../../values/model.js';
import { canonicalGoString } from '../../values/go-string.js';
import type { OutputSpan } from './spans.js';

/** Text produced by a nested execution (`include`, `tpl`) with the spans that describe it. */
export interface CarriedText {
  text: string;
  spans: OutputSpan[];
}

/**
 * A value during execution. `v === undefined` is Go's invalid value ("no value"); `iface` marks a value whose
 * static type is `interface {}` (a map element, a slice element, an `interface {}` function result), so that
 * `v === null` in such a slot is the typed nil of §8.4. Builtins with `reflect.Value` parameters receive this.
 */
export interface ReflectValue {
  readonly v: GoValue | undefined;
  readonly iface: boolean;
  /** Where the value came from in the values files, when it did. */
  readonly origin?: ValueOrigin | undefined;
  /** Spans of a nested execution whose output this string is (or was derived from). */
  readonly carried?: CarriedText | undefined;
  /**
   * Go's `CanAddr`: a field reached through a pointer (or of an addressable struct), kept by variables and `with`.
   * The executor prints such a value through a pointer-receiver `String()` ({@link GoObject.stringerNeedsPointer}).
   */
  readonly addressable?: boolean;
}

/** Go's zero `reflect.Value`. */
export const INVALID: ReflectValue = Object.freeze({ v: undefined, iface: false });

/** A concrete (non-interface) value. */
export function concrete(v: GoValue): ReflectValue {
  return { v, iface: false };
}

/** A complex128 value, which only numeric literals such as `2i` produce. */
export class GoComplex extends GoObject {
  readonly goType = 'complex128';
  constructor(
    readonly re: number,
    readonly im: number,
  ) {
    super();
  }
  override formatV(): string {
    const im = formatValue(this.im);
    return `(${formatValue(this.re)}${im.startsWith('-') || im.startsWith('+') ? im : `+${im}`}i)`;
  }
}

/**
 * A Go object that is a map underneath (Go's `engine.files` is a `map[string][]byte` with methods): range, len,
 * index, truthiness and field lookup use the map it exposes. Objects opt in by defining `asGoMap`.
 */
export interface MapBackedObject {
  asGoMap(): GoMap;
  /**
   * The zero value of the map's element type, when it is not `interface {}` (for `engine.files`: an empty
   * `[]uint8`). Elements are then concrete values, and a missing key yields this zero.
   */
  mapElemZero?(): GoValue;
}

/** A Go object that is a slice underneath (`common.VersionSet` is a `[]string` with `Has`). */
export interface ListBackedObject {
  asGoList(): GoList;
}

/** The map behind a map-backed {@link GoObject}, if it is one. */
export function mapOf(o: GoObject): GoMap | undefined {
  const f = (o as Partial<MapBackedObject>).asGoMap;
  return typeof f === 'function' ? f.call(o) : undefined;
}

/** The zero element of a map-backed object whose element type is concrete. */
export function mapElemZeroOf(o: GoObject): GoValue | undefined {
  const f = (o as Partial<MapBackedObject>).mapElemZero;
  return typeof f === 'function' ? f.call(o) : undefined;
}

/** The list behind a list-backed {@link GoObject}, if it is one. */
export function listOf(o: GoObject): GoList | undefined {
  const f = (o as Partial<ListBackedObject>).asGoList;
  return typeof f === 'function' ? f.call(o) : undefined;
}

/** Go's `indirect` type name: a pointer's element type (`len of type common.Capabilities`). */
export function indirectTypeName(v: GoValue): string {
  const t = goTypeOf(v);
  return v instanceof GoObject && t.startsWith('*') ? t.slice(1) : t;
}

/** The static type Go names in messages: `interface {}` for interface slots, else the dynamic type. */
export function staticType(x: ReflectValue): string {
  return x.iface ? 'interface {}' : goTypeOf(x.v);
}

/** Go's pipeline unwrapping: an `interface {}` result is replaced by its content (nil becomes invalid). */
export function unwrapInterface(x: ReflectValue): ReflectValue {
  if (!x.iface) return x;
  if (x.v === null || x.v === undefined) return INVALID;
  return { v: x.v, iface: false, origin: x.origin, carried: x.carried };
}

/** Go's `indirectInterface`: the content of an interface slot; a nil interface becomes invalid. */
export function indirectInterface(x: ReflectValue): ReflectValue {
  return unwrapInterface(x);
}

/** Go's `isTrue` (§8.5). */
export function isTrue(v: GoValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoInt) return v.value !== 0n;
  if (v instanceof GoList) return v.items.length > 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  if (v instanceof GoBytes) return v.bytes.length > 0;
  if (v instanceof GoComplex) return v.re !== 0 || v.im !== 0;
  const m = mapOf(v);
  if (m) return m.entries.size > 0;
  const l = listOf(v);
  if (l) return l.items.length > 0;
  // Pointers are true unless nil; structs are always true.
  return !v.isNilPointer();
}

const INT_TYPES: ReadonlySet<string> = new Set(['int', 'int8', 'int16', 'int32', 'int64']);
const UINT_TYPES: ReadonlySet<string> = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

/** Signed Go integer type names. */
export function isIntType(t: string): boolean {
  return INT_TYPES.has(t);
}

/** Unsigned Go integer type names. */
export function isUintType(t: string): boolean {
  return UINT_TYPES.has(t);
}

/** Whether a parameter of Go type `t` accepts nil (interfaces, maps, slices, pointers, funcs, channels). */
export function canBeNil(t: string): boolean {
  return (
    t === 'interface {}' ||
    t === 'any' ||
    t === 'reflect.Value' ||
    t.startsWith('map[') ||
    t.startsWith('[]') ||
    t.startsWith('*') ||
    t.startsWith('func') ||
    t.startsWith('chan ') ||
    t === 'common.Values' ||
    t === 'chartutil.Values' ||
    t === 'error'
  );
}

const MAP_FAMILY: ReadonlySet<string> = new Set([
  'map[string]interface {}',
  'common.Values',
  'chartutil.Values',
]);

/** Go assignability between the type names templates meet (named map types share `map[string]interface {}`). */
export function assignable(from: string, to: string): boolean {
  if (from === to || to === 'interface {}' || to === 'any') return true;
  if (MAP_FAMILY.has(from) && MAP_FAMILY.has(to))
    return from === 'map[string]interface {}' || to === 'map[string]interface {}';
  if ((from === '[]uint8' && to === '[]byte') || (from === '[]byte' && to === '[]uint8')) return true;
  return false;
}

/** The JavaScript form a function receives for a value of (checked) Go type `param` (see GoFuncSpec). */
export function toJsArg(v: GoValue, param: string): unknown {
  if (v instanceof GoInt && (isIntType(param) || isUintType(param))) return v.toNumber();
  // A nil map or slice in a parameter of its own type arrives as `null`, the form functions check for.
  if ((v instanceof GoMap || v instanceof GoList) && v.isNil && param !== 'interface {}' && param !== 'any')
    return null;
  return v;
}

/** Wraps a function result of Go type `result` as the executor's value. */
export function fromJsResult(r: unknown, result: string): ReflectValue {
  if (result === 'reflect.Value') return r as ReflectValue;
  // A string built by joining strings may join the bytes of a cut character again.
  const value = r === undefined ? null : typeof r === 'string' ? canonicalGoString(r) : r;
  if (result === 'interface {}' || result === 'any') return { v: value as GoValue, iface: true };
  if (isIntType(result) || isUintType(result)) {
    if (value instanceof GoInt) return concrete(value);
    const n = typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
    return concrete(new GoInt(n, result as IntType));
  }
  if (value === null) {
    // A function returning null for a concrete slice or map type returned Go's nil slice or map.
    if (result.startsWith('[]'))
      return concrete(
        result === '[]uint8' || result === '[]byte' ? new GoBytes(new Uint8Array()) : GoList.nil(result),
      );
    if (MAP_FAMILY.has(result) || result.startsWith('map['))
      return concrete(GoMap.nil(result as GoMap['type']));
  }
  return concrete(value as GoValue);
}
