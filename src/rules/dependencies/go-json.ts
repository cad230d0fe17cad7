/**
 * The bits of Go's encoding/json that Chart.lock digests depend on (checks-facts.md §5.3): string escaping with
 * HTML characters escaped (the template engine's encoder), float formatting, sorted map keys, no white space.
 */
import type { GoYamlTree } from '../../chart/go-yaml-tree.js';
import { quoteJsonString } from '../../template/helm/go-json.js';

/** Go's `encoding/json` string encoding with HTMLEscape on (the default of json.Marshal). */
const goJsonString = (s: string): string => quoteJsonString(s, true);

/** A JSON value in the order Go would write it (struct fields in declaration order, map keys sorted). */
export type GoJsonValue =
  | null
  | boolean
  | string
  | { int: bigint }
  | { float: number }
  | GoJsonValue[]
  | { fields: [string, GoJsonValue][] };

/**
 * Go's float64 JSON form. Go switches to exponent notation below 1e-6 and from 1e21, writes the shortest
 * round-trip digits and trims `e-07` to `e-7` — exactly what JavaScript's number-to-string does, except for -0.
 */
export function goJsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${f}`);
  return Object.is(f, -0) ? '-0' : String(f);
}

/** Writes a value as `json.Marshal` would. */
export function writeGoJson(v: GoJsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return goJsonString(v);
  if (Array.isArray(v)) return `[${v.map(writeGoJson).join(',')}]`;
  if ('int' in v) return v.int.toString();
  if ('float' in v) return goJsonFloat(v.float);
  return `{${v.fields.map(([k, x]) => `${goJsonString(k)}:${writeGoJson(x)}`).join(',')}}`;
}

/** A YAML value as Go holds it in an `interface{}` after sigs.k8s.io/yaml (maps become sorted objects). */
export function fromGoYaml(tree: GoYamlTree): GoJsonValue {
  switch (tree.kind) {
    case 'null':
      return null;
    case 'bool':
      return tree.value;
    case 'string':
      return tree.value;
    // sigs.k8s.io/yaml goes through JSON, so every number decodes into interface{} as a float64.
    case 'int':
      return { float: Number(tree.value) };
    case 'float':
      return { float: tree.value };
    case 'array':
      return tree.items.map(fromGoYaml);
    case 'object':
      return {
        fields: [...tree.entries.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, e]) => [k, fromGoYaml(e.value)]),
      };
  }
}
