import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Document, Scalar } from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';
import { resolvePlainScalar } from './go-yaml-scalar.js';
import type { SourceFile } from './types.js';
import { nodeLocation } from './yaml-source.js';

/**
 * A YAML document as sigs.k8s.io/yaml turns it into JSON before Go's encoding/json decodes it into a struct: scalars
 * resolved by go-yaml v2's rules, aliases expanded, merge keys applied, map keys stringified. Each value keeps the
 * YAML node it came from so decoding errors can be located.
 */
export type GoYamlTree =
  | { kind: 'null'; node: YamlNode | null }
  | { kind: 'bool'; value: boolean; node: YamlNode }
  | { kind: 'int'; value: bigint; node: YamlNode }
  | { kind: 'float'; value: number; node: YamlNode }
  | { kind: 'string'; value: string; node: YamlNode }
  | { kind: 'array'; items: GoYamlTree[]; node: YamlNode }
  | { kind: 'object'; entries: Map<string, GoYamlEntry>; node: YamlNode };

/** One key of a converted map: its value and the key node. */
export interface GoYamlEntry {
  value: GoYamlTree;
  key: YamlNode;
}

/** Aliases expanded per document before we stop (billion-laughs guard). */
const MAX_ALIAS_EXPANSIONS = 10_000;

const TAG_PREFIX = 'tag:yaml.org,2002:';

interface ConvertState {
  file: SourceFile;
  document: Document.Parsed | undefined;
  label: string;
  expansions: number;
  active: Set<YamlNode>;
}

/**
 * Converts the root node of `file` (parsed by `parseYamlSource`) as sigs.k8s.io/yaml does. `label` names the file in
 * error messages (`cannot load Chart.yaml: …`).
 */
export function convertYamlTree(
  file: SourceFile,
  document: Document.Parsed | undefined,
  root: YamlNode | null,
  label: string,
): GoYamlTree {
  const state: ConvertState = { file, document, label, expansions: 0, active: new Set() };
  return root ? convert(root, state) : { kind: 'null', node: null };
}

function fail(state: ConvertState, node: YamlNode | null, message: string): never {
  throw new ChartlintError(
    'chart-invalid',
    `cannot load ${state.label}: error converting YAML to JSON: ${message}`,
    {
      location: nodeLocation(state.file, node),
    },
  );
}

function convert(node: YamlNode, state: ConvertState): GoYamlTree {
  if (isAlias(node)) {
    if (++state.expansions > MAX_ALIAS_EXPANSIONS) {
      fail(state, node, `yaml: document contains more than ${MAX_ALIAS_EXPANSIONS} alias expansions`);
    }
    const target = state.document ? (node.resolve(state.document) as YamlNode | undefined) : undefined;
    if (!target) fail(state, node, `yaml: unknown anchor '${node.source}' referenced`);
    if (state.active.has(target)) fail(state, node, `yaml: anchor '${node.source}' value contains itself`);
    return { ...convert(target, state), node };
  }
  if (isScalar(node)) return convertScalar(node, state);
  state.active.add(node);
  try {
    if (isSeq(node)) {
      return {
        kind: 'array',
        items: node.items.map((item) => convertOrNull(item as YamlNode | null, state)),
        node,
      };
    }
    if (isMap(node)) {
      const entries = new Map<string, GoYamlEntry>();
      const merges: GoYamlTree[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const value = convertOrNull(pair.value as YamlNode | null, state);
        if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === '<<' && !keyNode.tag) {
          merges.push(value);
          continue;
        }
        entries.set(mapKey(keyNode, state), { value, key: keyNode ?? node });
      }
      // Merge keys fill in what the map itself does not set; earlier merge sources win over later ones.
      for (const merge of merges) {
        const sources = merge.kind === 'array' ? merge.items : [merge];
        for (const source of sources) {
          if (source.kind !== 'object')
            fail(state, source.node, 'yaml: map merge requires map or sequence of maps as the value');
          for (const [key, entry] of source.entries) if (!entries.has(key)) entries.set(key, entry);
        }
      }
      return { kind: 'object', entries, node };
    }
  } finally {
    state.active.delete(node);
  }
  fail(state, node, 'yaml: unsupported node');
}

function convertOrNull(node: YamlNode | null, state: ConvertState): GoYamlTree {
  return node ? convert(node, state) : { kind: 'null', node: null };
}

function convertScalar(node: Scalar, state: ConvertState): GoYamlTree {
  const text = String(node.value);
  const tag = node.tag?.startsWith(TAG_PREFIX) ? node.tag.slice(TAG_PREFIX.length) : node.tag;
  const quoted = node.type !== 'PLAIN';
  if (tag === 'str' || (quoted && tag === undefined)) return { kind: 'string', value: text, node };
  const resolved = resolvePlainScalar(text);
  if (resolved.kind === 'float' && !Number.isFinite(resolved.value)) {
    fail(
      state,
      node,
      `json: unsupported value: ${Number.isNaN(resolved.value) ? 'NaN' : resolved.value > 0 ? '+Inf' : '-Inf'}`,
    );
  }
  if (resolved.kind === 'null') return { kind: 'null', node };
  return { ...resolved, node };
}

/** The JSON key go-yaml + sigs.k8s.io/yaml produce for a map key: scalars as their string form, others rejected. */
function mapKey(keyNode: YamlNode | null, state: ConvertState): string {
  if (keyNode === null) return '';
  const key = isAlias(keyNode)
    ? convert(keyNode, state)
    : isScalar(keyNode)
      ? convertScalar(keyNode, state)
      : undefined;
  if (!key || key.kind === 'array' || key.kind === 'object') {
    fail(state, keyNode, 'yaml: invalid map key: only scalar keys are supported');
  }
  switch (key.kind) {
    case 'null':
      return 'null';
    case 'bool':
    case 'int':
      return String(key.value);
    case 'float':
      return String(key.value);
    case 'string':
      return key.value;
  }
}
