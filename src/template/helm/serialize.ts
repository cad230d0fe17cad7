/**
 * The serialisation functions a chart can call (helm-render-spec.md §9, §11.1): Helm's `toYaml`, `mustToYaml`,
 * `toYamlPretty`, `fromYaml`, `fromYamlArray`, `toJson`, `mustToJson`, `fromJson`, `fromJsonArray`, `toToml`,
 * `fromToml`, and the JSON functions Helm keeps from Sprig: `toPrettyJson`, `mustToPrettyJson`, `toRawJson`,
 * `mustToRawJson`, `mustFromJson`.
 *
 * Error behaviour differs per function and is part of what templates observe: the plain Helm encoders swallow
 * errors (`""`), the `must` forms and `toRawJson` fail the render, `toToml` returns the error text, and the
 * readers return the error inside their result (`{"Error": …}`, `[…]`) except `mustFromJson`.
 */
import { GoFuncError, GoList, GoMap, type GoFuncSpec, type GoValue } from '../../values/model.js';
import { decodeJson, encodeJson, JsonMarshalError, type JsonWriteOptions } from './go-json.js';
import { encodeToml, TomlEncodeError, TomlEncodePanic } from './toml.js';
import { fromYaml, fromYamlArray } from './from-yaml.js';
import { emitYamlV2, YamlMarshalError } from './yaml-emit-v2.js';
import { emitYamlV3, YamlV3EncodeError } from './yaml-emit-v3.js';

const COMPACT_HTML: JsonWriteOptions = { escapeHtml: true };
const COMPACT_RAW: JsonWriteOptions = { escapeHtml: false };
const PRETTY: JsonWriteOptions = { escapeHtml: true, indent: '  ' };

/** Runs an encoder; its own error class becomes `""` (Helm swallows it), anything else propagates. */
function orEmpty(encode: () => string, swallowed: new (message: string) => Error): string {
  try {
    return encode();
  } catch (e) {
    if (e instanceof swallowed) return '';
    throw e;
  }
}

/** Runs an encoder; its own error class fails the call with Go's message (`error calling NAME: …`). */
function orFail(encode: () => string, reported: new (message: string) => Error): string {
  try {
    return encode();
  } catch (e) {
    if (e instanceof reported) throw new GoFuncError(e.message);
    throw e;
  }
}

/** A one-argument `interface {}` → string function that keeps the provenance of its argument. */
function encoder(encode: (v: GoValue) => string): GoFuncSpec {
  return {
    params: ['interface {}'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, v) => encode(v as GoValue),
  };
}

/** Helm's `fromJson`: Go decodes into a fresh map and adds the error text under `Error`. */
function fromJson(text: string): GoMap {
  const { value, error } = decodeJson(text, 'map[string]interface {}', new GoMap());
  // Unmarshalling `null` sets the map to nil (`toJson` prints `null`); an error leaves the fresh map.
  if (error === undefined) return value instanceof GoMap ? value : GoMap.nil();
  const result = value instanceof GoMap && !value.isNil ? value : new GoMap();
  result.set('Error', error);
  return result;
}

/** Helm's `fromJsonArray`: the decoded list, or a list holding only the error text. */
function fromJsonArray(text: string): GoList {
  const { value, error } = decodeJson(text, '[]interface {}', new GoList([]));
  if (error !== undefined) return new GoList([error]);
  // Unmarshalling `null` sets the slice to nil.
  return value instanceof GoList ? value : GoList.nil();
}

/** Sprig's `mustFromJson`: any JSON value; a decoding error fails the render. */
function mustFromJson(text: string): GoValue {
  const { value, error } = decodeJson(text, 'interface {}');
  if (error !== undefined) throw new GoFuncError(error);
  return value;
}

/** Helm's `toToml`: the encoder's error message is the result; a Go runtime panic fails the render. */
function toToml(v: GoValue): string {
  try {
    return encodeToml(v);
  } catch (e) {
    if (e instanceof TomlEncodeError) return e.message;
    if (e instanceof TomlEncodePanic) throw new GoFuncError(e.message);
    throw e;
  }
}

/** The serialisation functions by template name. */
export const serializeFuncs: Readonly<Record<string, GoFuncSpec>> = {
  toYaml: encoder((v) => orEmpty(() => emitYamlV2(v), YamlMarshalError)),
  mustToYaml: encoder((v) => orFail(() => emitYamlV2(v), YamlMarshalError)),
  toYamlPretty: encoder((v) => orEmpty(() => emitYamlV3(v), YamlV3EncodeError)),
  fromYaml: {
    params: ['string'],
    result: 'map[string]interface {}',
    call: (_ctx, s) => fromYaml(s as string),
  },
  fromYamlArray: {
    params: ['string'],
    result: '[]interface {}',
    call: (_ctx, s) => fromYamlArray(s as string),
  },
  toJson: encoder((v) => orEmpty(() => encodeJson(v, COMPACT_HTML), JsonMarshalError)),
  mustToJson: encoder((v) => orFail(() => encodeJson(v, COMPACT_HTML), JsonMarshalError)),
  toPrettyJson: encoder((v) => orEmpty(() => encodeJson(v, PRETTY), JsonMarshalError)),
  mustToPrettyJson: encoder((v) => orFail(() => encodeJson(v, PRETTY), JsonMarshalError)),
  // Sprig's toRawJson panics on an error, which the engine reports like a returned error.
  toRawJson: encoder((v) => orFail(() => encodeJson(v, COMPACT_RAW), JsonMarshalError)),
  mustToRawJson: encoder((v) => orFail(() => encodeJson(v, COMPACT_RAW), JsonMarshalError)),
  fromJson: {
    params: ['string'],
    result: 'map[string]interface {}',
    call: (_ctx, s) => fromJson(s as string),
  },
  fromJsonArray: {
    params: ['string'],
    result: '[]interface {}',
    call: (_ctx, s) => fromJsonArray(s as string),
  },
  mustFromJson: { params: ['string'], result: 'interface {}', call: (_ctx, s) => mustFromJson(s as string) },
  toToml: encoder(toToml),
};
