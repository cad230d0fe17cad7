/**
 * Helm's `toYamlPretty` (helm-render-spec.md §9.2): go-yaml v3's encoder with indent 2 writes the value directly
 * (no JSON step), and Helm drops one trailing newline. Unlike `toYaml`, sequences under a key are indented, long
 * scalars are never folded, and floats keep Go's `%g` form (`1e+06`), NaN and infinities as `.nan`/`.inf`.
 */
import { GoBytes, GoInt, GoList, GoMap, goTypeOf, type GoValue } from '../../values/model.js';
import { formatFloatG } from './go-float.js';
import { isJsonMarshaler } from './go-json.js';
import { emitYamlDocument, type EmitNode, type EmittedYaml } from './yaml-emitter.js';
import { stringNode, trimOneNewline } from './yaml-emit-v2.js';
import { compareYamlKeys } from './yaml-key-order.js';

/** A value go-yaml v3 cannot encode here (a cycle, or an object without a YAML form); `toYamlPretty` gives "". */
export class YamlV3EncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlV3EncodeError';
  }
}

function floatText(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  return formatFloatG(f);
}

function toEmitNode(v: GoValue, ancestors: Set<GoMap | GoList>): EmitNode {
  if (v === null) return { kind: 'scalar', value: 'null', style: 'plain' };
  switch (typeof v) {
    case 'string':
      return stringNode(v);
    case 'boolean':
      return { kind: 'scalar', value: String(v), style: 'plain' };
    case 'number':
      return { kind: 'scalar', value: floatText(v), style: 'plain' };
  }
  if (v instanceof GoInt) return { kind: 'scalar', value: v.value.toString(), style: 'plain' };
  if (v instanceof GoBytes) {
    // A []byte is a slice of small integers to go-yaml v3.
    const items = Array.from(v.bytes, (b) => ({
      node: { kind: 'scalar', value: String(b), style: 'plain' } as EmitNode,
      origin: undefined,
    }));
    return { kind: 'seq', items };
  }
  if (v instanceof GoList || v instanceof GoMap) {
    // Go's encoder would recurse until the stack overflows; here a cycle is an encoding error.
    if (ancestors.has(v)) throw new YamlV3EncodeError(`cannot encode a ${v.type} that contains itself`);
    ancestors.add(v);
    try {
      if (v instanceof GoList) {
        const items = v.items.map((item, i) => ({
          node: toEmitNode(item, ancestors),
          origin: v.origins?.[i],
        }));
        return { kind: 'seq', items };
      }
      const keys = [...v.entries.keys()].sort(compareYamlKeys);
      const entries = keys.map((key) => ({
        key: stringNode(key),
        value: toEmitNode(v.get(key) ?? null, ancestors),
        origin: v.origins?.get(key),
      }));
      return { kind: 'map', entries };
    } finally {
      ancestors.delete(v);
    }
  }
  // Objects with a JSON form (time.Time as RFC 3339, semver as its text) have the same form in go-yaml v3.
  if (isJsonMarshaler(v)) return toEmitNode(v.toJsonValue(), ancestors);
  const text = v.stringer();
  if (text !== undefined) return stringNode(text);
  throw new YamlV3EncodeError(`cannot encode a value of type ${goTypeOf(v)}`);
}

/**
 * `toYamlPretty`'s text with, for each output line, the origin of the value or key written on it. Throws
 * {@link YamlV3EncodeError} for values go-yaml v3 cannot encode.
 */
export function emitYamlV3WithOrigins(v: GoValue): EmittedYaml {
  const root = toEmitNode(v, new Set());
  return trimOneNewline(
    emitYamlDocument(root, {
      bestWidth: Infinity,
      indentlessSequencesInMappings: false,
      tabsInBlockScalars: true,
    }),
  );
}

/** `toYamlPretty`'s text (without provenance). */
export function emitYamlV3(v: GoValue): string {
  return emitYamlV3WithOrigins(v).text;
}
