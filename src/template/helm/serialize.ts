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
import {
  innermostRanges,
  lineOriginRanges,
  SourcedText,
  type OriginRange,
  type SourcedFuncSpec,
} from '../exec/spans.js';
import { decodeJson, encodeJsonWithOrigins, JsonMarshalError, type JsonWriteOptions } from './go-json.js';
import { decodeToml, TomlDecodeError } from './toml-decode.js';
import { encodeToml, TomlEncodeError, TomlEncodePanic } from './toml.js';
import { fromYaml, fromYamlArray } from './from-yaml.js';
import { emitYamlV2WithOrigins, YamlMarshalError } from './yaml-emit-v2.js';
import { emitYamlV3WithOrigins, YamlV3EncodeError } from './yaml-emit-v3.js';

const COMPACT_HTML: JsonWriteOptions = { escapeHtml: true };
const COMPACT_RAW: JsonWriteOptions = { escapeHtml: false };
const PRETTY: JsonWriteOptions = { escapeHtml: true, indent: '  ' };

/** What an encoder writes: the text, and where its parts came from when the value had values origins. */
type Encoded = { text: string; ranges: readonly OriginRange[] };

/** How an encoder reports its own error: Helm swallows it (`""`) or fails the call with Go's message. */
type OnError = 'empty' | 'fail';

/** Runs an encoder, handling its own error class as `onError` says; anything else propagates. */
function run(encode: () => Encoded, own: new (message: string) => Error, onError: OnError): Encoded {
  try {
    return encode();
  } catch (e) {
    if (!(e instanceof own)) throw e;
    if (onError === 'empty') return { text: '', ranges: [] };
    throw new GoFuncError(e.message);
  }
}

/**
 * A one-argument `interface {}` → string encoder. The result keeps the provenance of its argument, and, while spans
 * are recorded, each key and scalar of a values subtree keeps its own (DESIGN.md §7: key by key through toYaml).
 */
function encoder(
  encode: (v: GoValue) => Encoded,
  own: new (message: string) => Error,
  onError: OnError,
): SourcedFuncSpec {
  return {
    params: ['interface {}'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, v) => run(() => encode(v as GoValue), own, onError).text,
    callSourced: (_ctx, v) => {
      const { text, ranges } = run(() => encode(v as GoValue), own, onError);
      return ranges.length > 0 ? new SourcedText(text, ranges) : text;
    },
  };
}

const yamlV2 = (v: GoValue): Encoded => {
  const { text, lineOrigins } = emitYamlV2WithOrigins(v);
  return { text, ranges: lineOriginRanges(text, lineOrigins) };
};

const yamlV3 = (v: GoValue): Encoded => {
  const { text, lineOrigins } = emitYamlV3WithOrigins(v);
  return { text, ranges: lineOriginRanges(text, lineOrigins) };
};

const json =
  (options: JsonWriteOptions) =>
  (v: GoValue): Encoded => {
    const { text, spans } = encodeJsonWithOrigins(v, options);
    return { text, ranges: innermostRanges(text.length, spans) };
  };

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

/** Helm's `fromToml`: the decoded map, or a map holding only `Error` (Helm decodes nothing on a parse error). */
function fromToml(text: string): GoMap {
  try {
    return decodeToml(text);
  } catch (e) {
    if (!(e instanceof TomlDecodeError)) throw e;
    const result = new GoMap();
    result.set('Error', e.message);
    return result;
  }
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
  toYaml: encoder(yamlV2, YamlMarshalError, 'empty'),
  mustToYaml: encoder(yamlV2, YamlMarshalError, 'fail'),
  toYamlPretty: encoder(yamlV3, YamlV3EncodeError, 'empty'),
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
  toJson: encoder(json(COMPACT_HTML), JsonMarshalError, 'empty'),
  mustToJson: encoder(json(COMPACT_HTML), JsonMarshalError, 'fail'),
  toPrettyJson: encoder(json(PRETTY), JsonMarshalError, 'empty'),
  mustToPrettyJson: encoder(json(PRETTY), JsonMarshalError, 'fail'),
  // Sprig's toRawJson panics on an error, which the engine reports like a returned error.
  toRawJson: encoder(json(COMPACT_RAW), JsonMarshalError, 'fail'),
  mustToRawJson: encoder(json(COMPACT_RAW), JsonMarshalError, 'fail'),
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
  toToml: {
    params: ['interface {}'],
    result: 'string',
    passThrough: 'first',
    call: (_ctx, v) => toToml(v as GoValue),
  },
  fromToml: {
    params: ['string'],
    result: 'map[string]interface {}',
    call: (_ctx, s) => fromToml(s as string),
  },
};
