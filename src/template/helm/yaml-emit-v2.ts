/**
 * Helm's `toYaml` (helm-render-spec.md §9.1): sigs.k8s.io/yaml marshals the value to JSON with Go's
 * encoding/json, reads that JSON back with go-yaml v2 and writes it with go-yaml v2's encoder; Helm then drops one
 * trailing newline. So numbers are whatever JSON made of them (integral floats become ints), keys are in go-yaml's
 * natural order, sequences under a key are not indented, and long scalars fold at 80 columns.
 */
import type { GoValue, ValueOrigin } from '../../values/model.js';
import { formatFloatG } from './go-float.js';
import { toValidUtf8 } from '../../values/go-string.js';
import { JsonMarshalError, toJsonNode, type JsonNode } from './go-json.js';
import { emitYamlDocument, type EmitNode, type EmittedYaml } from './yaml-emitter.js';
import { compareYamlKeys } from './yaml-key-order.js';
import { isGoInteger, plainTextResolvesToNonString } from './yaml-plain-scalar.js';

/** How go-yaml's encoder asks for a string to be written (the emitter may still quote a plain request). */
export function stringNode(s: string): EmitNode {
  if (s.includes('\n')) return { kind: 'scalar', value: s, style: 'literal' };
  return { kind: 'scalar', value: s, style: plainTextResolvesToNonString(s) ? 'double' : 'plain' };
}

/**
 * A JSON number as go-yaml v2 re-reads and re-writes it: integers that fit int64 or uint64 stay as written,
 * anything else is a float64 printed with Go's shortest `%g` form (`1e+21`, `1.2345675e+06`, `1e-07`).
 */
function numberText(json: string): string {
  if (/^-?\d+$/.test(json) && isGoInteger(json)) return BigInt(json).toString();
  return formatFloatG(Number(json));
}

/**
 * A JSON string as go-yaml v2 reads it back. encoding/json leaves DEL, C1 controls and U+FFFE/U+FFFF unescaped,
 * and go-yaml's reader rejects them; it also leaves NEL (U+0085) unescaped, which a double-quoted YAML scalar
 * treats as a line break and folds with the spaces around it (one break → a space, n breaks → n-1 newlines).
 */
function reread(raw: string): string {
  // encoding/json wrote each invalid byte as \ufffd, which is what the YAML step reads.
  const s = toValidUtf8(raw);
  if (/[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.test(s)) {
    throw new YamlMarshalError('yaml: control characters are not allowed');
  }
  return s.replace(/ *(?:\u0085 *)+/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function toEmitNode(node: JsonNode): EmitNode {
  switch (node.kind) {
    case 'null':
      return { kind: 'scalar', value: 'null', style: 'plain' };
    case 'bool':
      return { kind: 'scalar', value: String(node.value), style: 'plain' };
    case 'number':
      return { kind: 'scalar', value: numberText(node.text), style: 'plain' };
    case 'string':
      return stringNode(reread(node.value));
    case 'array':
      return {
        kind: 'seq',
        items: node.items.map((item) => ({ node: toEmitNode(item.node), origin: item.origin })),
      };
    case 'object': {
      // go-yaml sorts the keys of the map it decoded, so keys are re-read before sorting.
      const entries = node.entries
        .map((e) => ({ key: reread(e.key), node: e.node, origin: e.origin }))
        .sort((a, b) => compareYamlKeys(a.key, b.key))
        .map((e) => ({ key: stringNode(e.key), value: toEmitNode(e.node), origin: e.origin }));
      return { kind: 'map', entries };
    }
  }
}

/** The error sigs.k8s.io/yaml returns when the JSON step fails (`mustToYaml` reports it). */
export class YamlMarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlMarshalError';
  }
}

/**
 * `toYaml`'s text with, for each output line, the origin of the value or key written on it. Throws
 * {@link YamlMarshalError} (`error marshaling into JSON: json: unsupported value: NaN`) when JSON fails.
 */
export function emitYamlV2WithOrigins(v: GoValue): EmittedYaml {
  let json: JsonNode;
  try {
    json = toJsonNode(v);
  } catch (e) {
    if (e instanceof JsonMarshalError) throw new YamlMarshalError(`error marshaling into JSON: ${e.message}`);
    throw e;
  }
  const emitted = emitYamlDocument(toEmitNode(json), {
    bestWidth: 80,
    indentlessSequencesInMappings: true,
    tabsInBlockScalars: false,
  });
  return trimOneNewline(emitted);
}

/** Helm's `strings.TrimSuffix(out, "\n")`, keeping the line origins aligned with the remaining lines. */
export function trimOneNewline(emitted: EmittedYaml): EmittedYaml {
  if (!emitted.text.endsWith('\n')) return emitted;
  const text = emitted.text.slice(0, -1);
  const lineOrigins: (ValueOrigin | undefined)[] = emitted.lineOrigins.slice(0, text.split('\n').length);
  return { text, lineOrigins };
}

/** `toYaml`'s text (without provenance); throws {@link YamlMarshalError} like {@link emitYamlV2WithOrigins}. */
export function emitYamlV2(v: GoValue): string {
  return emitYamlV2WithOrigins(v).text;
}
