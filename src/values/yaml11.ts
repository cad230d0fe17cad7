/**
 * Helm's YAML loader for values (helm-render-spec.md §2.1, §2.4): sigs.k8s.io/yaml decodes with a go-yaml v2 fork
 * (YAML 1.1 resolution) and then round-trips through JSON. The `yaml` package parses (it knows the syntax and
 * positions); every scalar is then resolved here from its text exactly as go-yaml v2 does, so numbers become
 * float64, `y`/`on`/`no` become booleans (keys too), and so on. Every map entry and list item keeps a
 * {@link ValueOrigin} pointing into the source text.
 */
import { findFlowCollectionError } from './yaml-flow-errors.js';
import {
  type Document,
  LineCounter,
  type Node,
  type ParsedNode,
  type Scalar,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
} from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Location } from '../diagnostics/location.js';
import { GoList, GoMap, type GoValue, type ValueOrigin } from './model.js';
import { formatGoFloat, goSyntax } from './go-syntax.js';
import { mergeMaps } from './merge.js';

/** Options for loading YAML values. */
export interface YamlLoadOptions {
  /** Whether `source` is a repository file (recorded in every origin); default true. */
  isFile?: boolean;
  /** Values path the document's root sits at (prefix of every origin path); default the root. */
  pathPrefix?: readonly (string | number)[];
  /**
   * Hard cap on decoded nodes (keys, values, items — aliases count every time they expand). go-yaml's own
   * alias-ratio rule applies as well; this cap bounds memory for documents that stay under that ratio.
   */
  maxNodes?: number;
}

const DEFAULT_MAX_NODES = 5_000_000;

/** The result of resolving one YAML scalar the go-yaml v2 way, before the JSON round trip. */
type Resolved =
  | { tag: 'null'; value: null }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: bigint }
  | { tag: 'uint'; value: bigint }
  | { tag: 'float'; value: number }
  | { tag: 'str'; value: string };

const BOOL_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS = new Map<string, number>([
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, -Infinity] as const),
]);
/** First characters for which go-yaml consults its resolve table (its `resolveTable` hints). */
const HINTED = /^[-+0-9yYnNtTfFoO~.]/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const TIMESTAMP =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/;

/** Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint(s, 0, 64)` syntax: sign, base prefix, digits of that base. */
function parseGoInteger(s: string, allowSign: boolean): bigint | undefined {
  let i = 0;
  let neg = false;
  if (allowSign && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    i = 1;
  }
  let body = s.slice(i);
  let digits = /^[0-9]+$/;
  let prefix = '';
  const p = body.slice(0, 2).toLowerCase();
  if (p === '0x') [digits, prefix, body] = [/^[0-9a-fA-F]+$/, '0x', body.slice(2)];
  else if (p === '0o') [digits, prefix, body] = [/^[0-7]+$/, '0o', body.slice(2)];
  else if (p === '0b') [digits, prefix, body] = [/^[01]+$/, '0b', body.slice(2)];
  else if (body.length > 1 && body[0] === '0') [digits, prefix, body] = [/^[0-7]+$/, '0o', body.slice(1)];
  if (!digits.test(body)) return undefined;
  const magnitude = BigInt(prefix + body);
  return neg ? -magnitude : magnitude;
}

/** go-yaml v2's resolution of a plain (or explicitly tagged) scalar. */
function resolvePlain(text: string): Resolved {
  if (text === '' || HINTED.test(text)) {
    if (BOOL_TRUE.has(text)) return { tag: 'bool', value: true };
    if (BOOL_FALSE.has(text)) return { tag: 'bool', value: false };
    if (NULLS.has(text)) return { tag: 'null', value: null };
    const special = SPECIAL_FLOATS.get(text);
    if (special !== undefined) return { tag: 'float', value: special };
    const first = text[0] ?? '';
    if (first === '.') {
      // Go's ParseFloat on the raw text: only decimal forms can start with a dot.
      if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) {
        const f = Number(text);
        if (Number.isFinite(f)) return { tag: 'float', value: f };
      }
    } else if (/[-+0-9]/.test(first)) {
      const plain = text.replace(/_/g, '');
      const signed = parseGoInteger(plain, true);
      if (signed !== undefined && signed >= INT64_MIN && signed <= INT64_MAX)
        return { tag: 'int', value: signed };
      const unsigned = parseGoInteger(plain, false);
      if (unsigned !== undefined && unsigned <= UINT64_MAX) return { tag: 'uint', value: unsigned };
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = Number(plain);
        // Go's ParseFloat fails on overflow (the text then stays a string) but not on underflow.
        if (Number.isFinite(f)) return { tag: 'float', value: f };
      }
    }
  }
  return { tag: 'str', value: text };
}

/** Short form of a YAML tag as go-yaml prints it (`!!int`). */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice('tag:yaml.org,2002:'.length) : tag;
}

const RESOLVABLE = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp']);

/** A located decoding failure; turned into a ChartlintError by the caller, which knows the document. */
class DecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
  ) {
    super(message);
  }
}

function decodeBase64(text: string, offset: number): string {
  // Go's StdEncoding skips CR and LF but rejects every other non-alphabet byte and bad padding.
  const clean = text.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new DecodeError('yaml: !!binary value contains invalid base64 data', offset);
  }
  return new TextDecoder('utf-8').decode(Buffer.from(clean, 'base64'));
}

/** Resolves a scalar node the way go-yaml v2's decoder does (tags, implicit resolution, binary). */
function resolveScalar(node: Scalar): Resolved {
  const text = String(node.value ?? '');
  const offset = node.range?.[0];
  const tag = node.tag ? shortTag(node.tag) : '';
  const implicit = node.type === 'PLAIN' || node.type === undefined;
  if (tag === '' && !implicit) return { tag: 'str', value: text };
  if (tag === '!!binary') return { tag: 'str', value: decodeBase64(text, offset ?? 0) };
  if (!RESOLVABLE.has(tag)) return { tag: 'str', value: text };
  if (tag === '!!str') return { tag: 'str', value: text };
  const r = resolvePlain(text);
  // Timestamps stay strings (go-yaml v2 keeps the text for interface{} targets) but an explicit
  // !!timestamp must still look like one.
  const isTimestamp = r.tag === 'str' && (tag === '' || tag === '!!timestamp') && TIMESTAMP.test(text);
  if (isTimestamp && tag === '!!timestamp') return { tag: 'str', value: text };
  if (tag === '' || tag === '!!' + r.tag || (tag === '!!int' && r.tag === 'uint')) return r;
  if (tag === '!!float' && (r.tag === 'int' || r.tag === 'uint'))
    return { tag: 'float', value: Number(r.value) };
  const rtag = r.tag === 'uint' ? 'int' : r.tag;
  throw new DecodeError(`yaml: cannot decode !!${rtag} \`${text}\` as a ${tag}`, offset);
}

/** go-yaml v2's budget for alias expansion relative to all decoded nodes ("billion laughs" protection). */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

/** The first document's anchors by name, in source order, so aliases resolve to the latest preceding anchor. */
function collectAnchors(root: Node | null): Map<string, { offset: number; node: Node }[]> {
  const anchors = new Map<string, { offset: number; node: Node }[]>();
  const visit = (n: Node | null | undefined): void => {
    if (!n) return;
    if (!isAlias(n) && n.anchor) {
      const list = anchors.get(n.anchor) ?? [];
      list.push({ offset: n.range?.[0] ?? 0, node: n });
      anchors.set(n.anchor, list);
    }
    if (isMap(n)) {
      for (const pair of n.items) {
        visit(pair.key as Node | null);
        visit(pair.value as Node | null);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) visit(item as Node | null);
    }
  };
  visit(root);
  return anchors;
}

/** Decodes one parsed document into Go values with origins, mirroring go-yaml v2 + sigs.k8s.io/yaml. */
class DocumentDecoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<Node>();
  private readonly anchors: Map<string, { offset: number; node: Node }[]>;
  /** First NaN/±Inf met: encoding/json rejects it after the whole tree is converted. */
  unsupported: { text: string; offset: number } | undefined;

  constructor(
    doc: Document.Parsed,
    /** The whole text the document was parsed from. */
    private readonly text: string,
    private readonly source: string,
    private readonly isFile: boolean,
    private readonly maxNodes: number,
  ) {
    this.anchors = collectAnchors(doc.contents);
  }

  private origin(node: Node, path: readonly (string | number)[], keyNode?: Node): ValueOrigin {
    // Scalars point at themselves; containers at their key (or their own start when they are list items).
    const target = isScalar(node) || !keyNode ? node : keyNode;
    const [start = 0, end = start] = target.range ?? [];
    return { source: this.source, isFile: this.isFile, start, end, path };
  }

  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      throw new DecodeError('yaml: document contains excessive aliasing', undefined);
    }
    if (this.decodeCount > this.maxNodes) {
      throw new DecodeError(
        `document expands to more than ${this.maxNodes} nodes (alias expansion is capped)`,
        undefined,
      );
    }
  }

  /** Follows an alias to its anchored node, detecting self-containing anchors. */
  private withAlias<T>(node: Node, fn: (target: Node) => T): T {
    if (!isAlias(node)) return fn(node);
    const name = node.source;
    const at = node.range?.[0] ?? 0;
    const candidates = this.anchors.get(name) ?? [];
    let target: Node | undefined;
    for (const c of candidates) if (c.offset < at) target = c.node;
    if (!target) throw new DecodeError(`yaml: unknown anchor '${name}' referenced`, at);
    if (this.expanding.has(node)) throw new DecodeError(`yaml: anchor '${name}' value contains itself`, at);
    this.expanding.add(node);
    this.aliasDepth++;
    try {
      return fn(target);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(node);
    }
  }

  /** Decodes any node (following aliases) into a Go value. */
  decode(node: Node | null, path: readonly (string | number)[]): GoValue {
    this.count();
    if (node === null) return null;
    if (isAlias(node)) return this.withAlias(node, (t) => this.decode(t, path));
    if (isScalar(node)) return this.scalarValue(node);
    if (isMap(node)) {
      const out = new GoMap();
      this.fillMap(node as ParsedNode, out, path);
      return out;
    }
    if (isSeq(node)) {
      const items: GoValue[] = [];
      const origins: (ValueOrigin | undefined)[] = [];
      node.items.forEach((item, i) => {
        const n = (item ?? null) as Node | null;
        const itemPath = [...path, i];
        items.push(this.decode(n, itemPath));
        origins.push(n ? this.origin(this.target(n), itemPath) : undefined);
      });
      const list = new GoList(items);
      list.origins = origins;
      return list;
    }
    return null;
  }

  /** The node an alias stands for (for origins), without counting it as a decode. */
  private target(node: Node): Node {
    if (!isAlias(node)) return node;
    const at = node.range?.[0] ?? 0;
    let target: Node = node;
    for (const c of this.anchors.get(node.source) ?? []) if (c.offset < at) target = c.node;
    return target;
  }

  /**
   * go-yaml reads a raw NEL (U+0085) as a line break, so in a quoted scalar it folds like one: a single break becomes
   * a space, n breaks n-1 newlines (with the blanks around them dropped). The `yaml` package keeps it as text.
   */
  private withNelFolded(node: Scalar): Scalar {
    const [start = 0, end = 0] = node.range ?? [];
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (!quoted || typeof node.value !== 'string' || !this.text.slice(start, end).includes('\u0085'))
      return node;
    const folded = node.clone() as Scalar;
    folded.value = node.value.replace(/[ \t]*(?:\u0085[ \t]*)+/g, (run) => {
      const breaks = run.split('\u0085').length - 1;
      return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
    });
    return folded;
  }

  private scalarValue(node: Scalar): GoValue {
    const r = resolveScalar(this.withNelFolded(node));
    // A block scalar that ends the text without a line break has none to clip or keep in go-yaml.
    const end = node.range?.[1] ?? 0;
    const blockAtEnd = (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && end > 0;
    if (blockAtEnd && r.tag === 'str' && r.value.endsWith('\n') && this.text[end - 1] !== '\n')
      return r.value.slice(0, -1);
    switch (r.tag) {
      case 'null':
      case 'bool':
      case 'str':
        return r.value;
      case 'int':
      case 'uint':
        // encoding/json decodes every number into float64 (nearest, ties to even — as Number(bigint) does).
        return Number(r.value);
      case 'float':
        if (!Number.isFinite(r.value)) {
          this.unsupported ??= { text: formatGoFloat(r.value), offset: node.range?.[0] ?? 0 };
          return 0;
        }
        return r.value;
    }
  }

  /** Decodes a mapping's pairs into `out` (merge keys write into the same map, in document order). */
  private fillMap(node: Node, out: GoMap, path: readonly (string | number)[]): void {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const keyNode = (pair.key ?? null) as Node | null;
      const valueNode = (pair.value ?? null) as Node | null;
      if (
        keyNode &&
        isScalar(keyNode) &&
        keyNode.value === '<<' &&
        (keyNode.type === 'PLAIN' || keyNode.tag === 'tag:yaml.org,2002:merge')
      ) {
        this.merge(valueNode, out, path);
        continue;
      }
      const key = this.mapKey(keyNode, valueNode);
      const valuePath = [...path, key];
      const value = this.decode(valueNode, valuePath);
      const originNode = valueNode ? this.target(valueNode) : keyNode;
      out.set(key, value, originNode ? this.origin(originNode, valuePath, keyNode ?? undefined) : undefined);
    }
  }

  private merge(node: Node | null, out: GoMap, path: readonly (string | number)[]): void {
    const fail = (): never => {
      throw new DecodeError(
        'yaml: map merge requires map or sequence of maps as the value',
        node?.range?.[0],
      );
    };
    if (node && isMap(node)) {
      this.count();
      this.fillMap(node, out, path);
    } else if (node && isAlias(node)) {
      this.count();
      this.withAlias(node, (t) => (isMap(t) ? this.fillMap(t, out, path) : fail()));
    } else if (node && isSeq(node)) {
      // Earlier maps take precedence, so they are applied last.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = (node.items[i] ?? null) as Node | null;
        if (item && isAlias(item)) {
          this.count();
          this.withAlias(item, (t) => (isMap(t) ? this.fillMap(t, out, path) : fail()));
        } else if (item && isMap(item)) {
          this.count();
          this.fillMap(item, out, path);
        } else fail();
      }
    } else fail();
  }

  /** A map key as sigs.k8s.io/yaml stringifies it for JSON. */
  private mapKey(keyNode: Node | null, valueNode: Node | null): string {
    this.count();
    const resolvedKey = (n: Node | null): Resolved | 'container' =>
      n === null ? { tag: 'null', value: null } : isScalar(n) ? resolveScalar(n) : 'container';
    const r = keyNode && isAlias(keyNode) ? this.withAlias(keyNode, resolvedKey) : resolvedKey(keyNode);
    const at = keyNode?.range?.[0];
    if (r === 'container') {
      const k = this.decode(keyNode, []);
      throw new DecodeError(
        `yaml: invalid map key: ${goSyntax(k).replace('map[string]interface {}', 'map[interface {}]interface {}')}`,
        at,
      );
    }
    switch (r.tag) {
      case 'str':
        return r.value;
      case 'bool':
        return String(r.value);
      case 'int':
        return r.value.toString();
      case 'float':
        if (Number.isNaN(r.value)) return '.nan';
        if (r.value === Infinity) return '.inf';
        if (r.value === -Infinity) return '-.inf';
        return formatGoFloat(r.value, 32);
      case 'uint':
      case 'null': {
        const value = this.decode(valueNode, []);
        const type = r.tag === 'null' ? '%!s(<nil>)' : 'uint64';
        const key = r.tag === 'null' ? '<nil>' : '0x' + r.value.toString(16);
        throw new DecodeError(
          `unsupported map key of type: ${type}, key: ${key}, value: ${goSyntax(value)}`,
          at,
        );
      }
    }
  }
}

/** Location of an offset, for errors. */
function locate(source: string, lc: LineCounter, offset: number | undefined) {
  if (offset === undefined) return { file: source };
  const { line, col } = lc.linePos(offset);
  return { file: source, startLine: line, startColumn: col };
}

/** A go-yaml error: its wording, whether its scanner or parser raised it, and where go-yaml would mark it. */
interface GoYamlSyntax {
  message: string;
  scanner: boolean;
  /** Offset go-yaml's problem mark would point at. */
  at: number;
  /** False when go-yaml marks the end of the stream before it adds its final line break (unclosed quotes). */
  finalBreak?: boolean;
}

/** The next mapping-value indicator (`:` then a space or line end) at or after `from`. */
function skipToMappingColon(text: string, from: number): number {
  const m = /:(?=[ \t\r\n]|$)/g;
  m.lastIndex = from;
  return m.exec(text)?.index ?? from;
}

/** Whether the nearest earlier line at the column of the line at `pos` is a block sequence entry (`- x`). */
function siblingIsSequenceEntry(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const lineText = text.slice(lineStart, lineEndOf(text, lineStart));
  const column = lineText.length - lineText.trimStart().length;
  const lines = text.slice(0, lineStart).split('\n').reverse();
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() === '' || line.trimStart().startsWith('#') || indent > column) continue;
    return indent === column && /^-(?:\s|$)/.test(line.trimStart());
  }
  return false;
}

function lineEndOf(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** A stray `]` or `}` where a value was due (document start, after `key:` or `-`): go-yaml wanted node content. */
function closerExpectsNode(text: string, pos: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', pos - 1) + 1, pos).trim();
  if (before === '') return text.slice(0, pos).trim() === '';
  return /(?:^|\s)[-:]$/.test(before) || before.endsWith(':');
}

/** Translates a `yaml` package error into go-yaml's message and mark, for the mistakes people actually make. */
function goYamlSyntax(code: string, message: string, pos: number, text: string): GoYamlSyntax {
  const scanner = (m: string, at = pos): GoYamlSyntax => ({ message: m, scanner: true, at });
  const parser = (m: string, at = pos): GoYamlSyntax => ({ message: m, scanner: false, at });
  if (/^Flow (?:sequence|map)/.test(message)) {
    // An unterminated or mis-closed flow collection: go-yaml's wording depends on what it expected there.
    const flow = findFlowCollectionError(text);
    if (flow) return parser(flow.message, flow.at);
  }
  switch (code) {
    case 'BAD_INDENT':
      if (message.startsWith('Flow sequence')) return parser("did not find expected ',' or ']'");
      if (message.startsWith('Flow map')) return parser("did not find expected ',' or '}'");
      // A key at the column of a block sequence's entries: go-yaml was reading that sequence.
      if (message.startsWith('All mapping items') && siblingIsSequenceEntry(text, pos))
        return parser("did not find expected '-' indicator");
      return parser('did not find expected key');
    case 'MULTILINE_IMPLICIT_KEY':
      // `a: 1` followed by `- b` at the same column: a sequence entry where a key should be.
      if (/^-(?:\s|$)/.test(text.slice(pos))) return parser('did not find expected key');
      break;
    case 'BAD_ALIAS':
      return scanner('did not find expected alphabetic or numeric character');
    case 'BLOCK_AS_IMPLICIT_KEY':
      // go-yaml notices the problem at the offending `:`, not where the enclosing value started.
      return scanner('mapping values are not allowed in this context', skipToMappingColon(text, pos));
    case 'MISSING_CHAR':
      if (message.includes('quote'))
        return {
          message: 'found unexpected end of stream',
          scanner: true,
          at: text.length,
          finalBreak: false,
        };
      if (message.startsWith('Implicit map keys')) return scanner("could not find expected ':'", text.length);
      break;
    case 'BAD_DQ_ESCAPE':
      return scanner('found unknown escape character');
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return scanner('found character that cannot start any token');
    case 'UNEXPECTED_TOKEN':
      if (message.includes('block-seq-ind'))
        return scanner('block sequence entries are not allowed in this context');
      if (message.includes('flow-seq-end') || message.includes('flow-map-end'))
        return parser(
          closerExpectsNode(text, pos) ? 'did not find expected node content' : 'did not find expected key',
        );
      return parser("did not find expected '-' indicator");
  }
  // Otherwise keep the yaml package's explanation, without its position suffix and code frame.
  return parser(message.replace(/ at line \d+, column \d+:[\s\S]*$/, ''));
}

/**
 * go-yaml's `yaml: line N: ` prefix. Its marks are 0-based; scanner errors add one, parser errors do not, and a
 * mark on the first line prints no line at all — all quirks users see in Helm's messages. Lines count from the
 * document's first line, because Helm decodes each document of a values file on its own.
 */
function goYamlWhere(lc: LineCounter, text: string, docFirstLine: number, e: GoYamlSyntax): string {
  let line0 = lc.linePos(e.at).line - docFirstLine;
  // At the end of the stream go-yaml forces a final line break, so its mark moves to the next line.
  if (e.finalBreak !== false && e.at >= text.length && text.length > 0 && !text.endsWith('\n')) line0++;
  const line = line0 === 0 ? 0 : e.scanner ? line0 + 1 : line0;
  return line > 0 ? `line ${line}: ` : '';
}

/** The 1-based line of a document's first content line (after its `---` marker). */
function documentFirstLine(doc: Document.Parsed, lc: LineCounter, text: string): number {
  let start = doc.range[0];
  if (doc.directives?.docStart && text.startsWith('---', start)) {
    const nl = text.indexOf('\n', start);
    start = nl < 0 ? text.length : nl + 1;
  }
  return lc.linePos(start).line;
}

/** Parses `text` into documents, throwing the first syntax error as a located values error. */
function parseDocuments(
  text: string,
  source: string,
  prefix = '',
): { docs: Document.Parsed[]; lc: LineCounter } {
  const lc = new LineCounter();
  const parsed = parseAllDocuments(text, {
    version: '1.1',
    schema: 'failsafe',
    uniqueKeys: false,
    merge: false,
    strict: false,
    prettyErrors: false,
    lineCounter: lc,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  let previousEnd = 0;
  for (const doc of docs) {
    const err = doc.errors[0];
    const docFirstLine = documentFirstLine(doc, lc, text);
    // Helm hands each document to go-yaml separately, so a `%YAML` directive ends up alone in its own chunk.
    const sliceStart = previousEnd;
    const directive = /^%.*$/m.exec(text.slice(sliceStart, doc.contents?.range?.[0] ?? doc.range[0]));
    previousEnd = doc.range[2];
    if (directive && !err) {
      const { line, col } = lc.linePos(sliceStart + directive.index);
      throw new ChartlintError(
        'values-invalid',
        `${prefix}error converting YAML to JSON: yaml: line 1: did not find expected <document start>`,
        { location: { file: source, startLine: line, startColumn: col } },
      );
    }
    if (!err) continue;
    const syntax = goYamlSyntax(err.code, err.message, err.pos[0], text);
    const { line, col } = lc.linePos(err.pos[0]);
    throw new ChartlintError(
      'values-invalid',
      `${prefix}error converting YAML to JSON: yaml: ${goYamlWhere(lc, text, docFirstLine, syntax)}${syntax.message}`,
      { location: { file: source, startLine: line, startColumn: col } },
    );
  }
  return { docs, lc };
}

function decodeDocument(
  doc: Document.Parsed,
  text: string,
  lc: LineCounter,
  source: string,
  opts: YamlLoadOptions,
): GoValue {
  const decoder = new DocumentDecoder(
    doc,
    text,
    source,
    opts.isFile ?? true,
    opts.maxNodes ?? DEFAULT_MAX_NODES,
  );
  let value: GoValue;
  try {
    decoder.decode(null, []); // the document node itself counts, as in go-yaml
    value = decoder.decode(doc.contents, opts.pathPrefix ?? []);
  } catch (e) {
    if (e instanceof DecodeError) {
      throw new ChartlintError('values-invalid', `error converting YAML to JSON: ${e.message}`, {
        location: locate(source, lc, e.offset),
      });
    }
    throw e;
  }
  if (decoder.unsupported) {
    throw new ChartlintError(
      'values-invalid',
      `error converting YAML to JSON: json: unsupported value: ${decoder.unsupported.text}`,
      { location: locate(source, lc, decoder.unsupported.offset) },
    );
  }
  return value;
}

/** The JSON type name encoding/json reports when a value cannot go into a Go map or slice. */
function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoList) return 'array';
  return 'object';
}

function unmarshalError(v: GoValue, into: string, location: Location): ChartlintError {
  return new ChartlintError(
    'values-invalid',
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${into}`,
    { location },
  );
}

/** Where a document's content starts, for "not a map" errors. */
function contentLocation(doc: Document.Parsed, lc: LineCounter, source: string): Location {
  return locate(source, lc, doc.contents?.range?.[0] ?? doc.range[0]);
}

/** The first document decoded, or `null` with no location when the text has none. */
function decodeFirst(
  text: string,
  source: string,
  opts: YamlLoadOptions,
): { value: GoValue; location: Location } {
  const { docs, lc } = parseDocuments(text, source);
  const first = docs[0];
  if (!first) return { value: null, location: { file: source } };
  return {
    value: decodeDocument(first, text, lc, source, opts),
    location: contentLocation(first, lc, source),
  };
}

/**
 * Decodes the first YAML document of `text` into a Go value, as sigs.k8s.io/yaml.Unmarshal into `interface{}`
 * does. An empty text is `null`. Throws ChartlintError('values-invalid') whose message is Helm's text
 * (`error converting YAML to JSON: yaml: line 1: …`).
 */
export function parseYamlValue(text: string, source: string, opts: YamlLoadOptions = {}): GoValue {
  return decodeFirst(text, source, opts).value;
}

/**
 * Like {@link parseYamlValue} but the result must be a map (empty → `{}`), as for `fromYaml`; a list or scalar
 * fails with encoding/json's `cannot unmarshal array into Go value of type map[string]interface {}`.
 */
export function parseYamlMap(text: string, source: string, opts: YamlLoadOptions = {}): GoMap {
  const { value, location } = decodeFirst(text, source, opts);
  if (value === null) return new GoMap();
  if (value instanceof GoMap) return value;
  throw unmarshalError(value, 'map[string]interface {}', location);
}

/** Like {@link parseYamlValue} but the result must be a list (empty → `[]`), as for `fromYamlArray`. */
export function parseYamlList(text: string, source: string, opts: YamlLoadOptions = {}): GoList {
  const { value, location } = decodeFirst(text, source, opts);
  if (value === null) return new GoList([]);
  if (value instanceof GoList) return value;
  throw unmarshalError(value, '[]interface {}', location);
}

/**
 * Loads a values file (chart `values.yaml` or a `-f` file): every document must be a map (or empty); documents
 * are deep-merged top to bottom (§2.4). Origins record `source` and character offsets into `text`. Errors are
 * ChartlintError('values-invalid') located in `source`, worded as Helm's after its file prefix
 * (`cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: …`).
 */
export function loadValuesYaml(text: string, source: string, opts: YamlLoadOptions = {}): GoMap {
  const { docs, lc } = parseDocuments(text, source, 'cannot unmarshal yaml document: ');
  let result = new GoMap();
  for (const doc of docs) {
    let value: GoValue;
    try {
      value = decodeDocument(doc, text, lc, source, opts);
      if (value !== null && !(value instanceof GoMap)) {
        throw unmarshalError(value, 'map[string]interface {}', contentLocation(doc, lc, source));
      }
    } catch (e) {
      if (e instanceof ChartlintError) {
        throw new ChartlintError(e.code, `cannot unmarshal yaml document: ${e.message}`, {
          ...(e.location ? { location: e.location } : {}),
        });
      }
      throw e;
    }
    if (value instanceof GoMap) result = mergeMaps(result, value);
  }
  return result;
}
