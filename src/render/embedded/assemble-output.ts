/**
 * Output assembly of `helm template` (helm-render-spec.md §10): NOTES dropped, each file split into documents with
 * Helm's separator regex, documents classified (hooks with unknown events dropped) and sorted by kind, CRDs first
 * with `--include-crds`, hooks last unless `--no-hooks`, `--show-only` applied to the printed text. Produces the
 * exact text and, for every printed document, its source map.
 */
import { posix } from 'node:path';
import { BadPatternError, goPathMatch } from '../../chart/go-path-match.js';
import { ChartlintError } from '../../diagnostics/errors.js';
import type { OutputSpan } from '../../template/index.js';
import { GoInt, GoList, GoMap, compareBytes, type GoValue } from '../../values/model.js';
import { parseYamlValue } from '../../values/yaml11.js';
import { SpannedBuilder, sliceSpans, trimRange } from './text-spans.js';

/** The output of one executed template file (`<no value>` already removed). */
export interface RenderedFile {
  name: string;
  text: string;
  spans: readonly OutputSpan[];
}

/** A file of a chart's `crds/` directory, printed raw. */
export interface CrdFile {
  /** `<chart full path>/crds/<name>`. */
  source: string;
  text: string;
}

/** The `helm template` flags that shape the output. */
export interface AssemblyOptions {
  includeCrds: boolean;
  skipTests: boolean;
  noHooks: boolean;
  showOnly: readonly string[];
}

/** One printed document: the text after its `# Source:` line, and its source map (offsets into `text`). */
export interface AssembledDocument {
  source: string;
  text: string;
  role: 'manifest' | 'hook' | 'crd';
  spans: OutputSpan[];
}

/** The assembled output. */
export interface AssembledOutput {
  output: string;
  documents: AssembledDocument[];
}

/** A document failed YAML parsing: located at its file (and, through `offset`, at the rendered text). */
export class ManifestParseError extends ChartlintError {
  constructor(
    message: string,
    readonly file: string,
    /** Offset of the failing document in the file's rendered text. */
    readonly offset: number,
  ) {
    super('template-exec', message, { location: { file } });
    this.name = 'ManifestParseError';
  }
}

/** Helm's install order (v4, with the webhook configurations last). */
const INSTALL_ORDER: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];
const KIND_RANK = new Map(INSTALL_ORDER.map((k, i) => [k, i]));

/** Hook events Helm knows; `test-success` is an old name of `test`. */
const HOOK_EVENTS: ReadonlyMap<string, string> = new Map([
  ['pre-install', 'pre-install'],
  ['post-install', 'post-install'],
  ['pre-delete', 'pre-delete'],
  ['post-delete', 'post-delete'],
  ['pre-upgrade', 'pre-upgrade'],
  ['post-upgrade', 'post-upgrade'],
  ['pre-rollback', 'pre-rollback'],
  ['post-rollback', 'post-rollback'],
  ['test', 'test'],
  ['test-success', 'test'],
]);

const HOOK_ANNOTATION = 'helm.sh/hook';
const NOTES_SUFFIX = 'NOTES.txt';

/** Helm's document separator `(?:^|\s*\n)---\s*` (RE2: `\s` is ASCII whitespace without \v; `^` = text start). */
const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

/** Helm's `SplitManifests` on `text[start, end)`: the trimmed documents as offsets into `text`. */
export function splitDocuments(text: string, start = 0, end = text.length): [number, number][] {
  const [s, e] = trimRange(text, start, end);
  const body = text.slice(s, e);
  const pieces: [number, number][] = [];
  let beg = 0;
  for (const m of body.matchAll(SEPARATOR)) {
    const at = m.index;
    if (at + m[0].length !== 0) pieces.push([beg, at]);
    beg = at + m[0].length;
  }
  pieces.push([beg, body.length]);
  const docs: [number, number][] = [];
  for (const [a, b] of pieces) {
    // Go skips pieces that are empty before trimming and keeps the trimmed rest.
    if (a === b) continue;
    docs.push(trimRange(text, s + a, s + b));
  }
  return docs;
}

/** The fields of Helm's `SimpleHead` a document is classified by. */
interface Head {
  kind: string;
  annotations: Map<string, string>;
}

/** The word encoding/json uses for a JSON value's kind in `cannot unmarshal KIND into …`. */
function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoMap) return 'object';
  if (v instanceof GoList) return 'array';
  return 'number';
}

/** sigs.k8s.io/yaml's conversion of a scalar into a string-typed struct field. */
function asString(v: GoValue | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof GoInt) return v.value.toString();
  return '';
}

function readHead(file: string, text: string, offset: number): Head {
  let value: GoValue;
  try {
    value = parseYamlValue(text, file, { isFile: false });
  } catch (e) {
    if (!(e instanceof ChartlintError)) throw e;
    throw new ManifestParseError(`YAML parse error on ${file}: ${e.message}`, file, offset);
  }
  if (value !== null && !(value instanceof GoMap)) {
    throw new ManifestParseError(
      `YAML parse error on ${file}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ` +
        `${jsonKind(value)} into Go value of type util.SimpleHead`,
      file,
      offset,
    );
  }
  const head: Head = { kind: '', annotations: new Map() };
  if (!value) return head;
  head.kind = asString(value.get('kind'));
  const metadata = value.get('metadata');
  const annotations = metadata instanceof GoMap ? metadata.get('annotations') : undefined;
  if (annotations instanceof GoMap) {
    for (const k of annotations.sortedKeys()) head.annotations.set(k, asString(annotations.get(k)));
  }
  return head;
}

/** A document on its way to the output. */
interface Doc {
  file: string;
  text: string;
  spans: OutputSpan[];
  kind: string;
  /** Hook events when the document is a hook. */
  events?: string[];
}

function compareKinds(a: string, b: string): number {
  const ra = KIND_RANK.get(a);
  const rb = KIND_RANK.get(b);
  if (ra === undefined && rb === undefined) return compareBytes(a, b);
  if (ra === undefined) return 1;
  if (rb === undefined) return -1;
  return ra - rb;
}

/** Helm's `SortManifests`: documents of every file in name order, split into hooks and manifests. */
function sortManifests(files: readonly RenderedFile[]): { manifests: Doc[]; hooks: Doc[] } {
  const manifests: Doc[] = [];
  const hooks: Doc[] = [];
  const ordered = [...files].sort((a, b) => compareBytes(a.name, b.name));
  for (const f of ordered) {
    if (posix.basename(f.name).startsWith('_')) continue;
    const [s, e] = trimRange(f.text);
    if (s === e) continue;
    for (const [a, b] of splitDocuments(f.text)) {
      const text = f.text.slice(a, b);
      const head = readHead(f.name, text, a);
      const doc: Doc = { file: f.name, text, spans: sliceSpans(f.spans, a, b), kind: head.kind };
      const hook = head.annotations.get(HOOK_ANNOTATION);
      if (hook === undefined) {
        manifests.push(doc);
        continue;
      }
      const events: string[] = [];
      let unknown = false;
      for (const raw of hook.split(',')) {
        const event = HOOK_EVENTS.get(raw.trim().toLowerCase());
        if (event === undefined) {
          unknown = true;
          break;
        }
        events.push(event);
      }
      // Helm drops a document with an unknown hook event (it only logs "skipping unknown hooks").
      if (unknown) continue;
      doc.events = events;
      hooks.push(doc);
    }
  }
  const byKind = (x: Doc, y: Doc): number => compareKinds(x.kind, y.kind);
  return { manifests: manifests.sort(byKind), hooks: hooks.sort(byKind) };
}

/** A printed block: where its content sits in the built text. */
interface Block {
  source: string;
  role: AssembledDocument['role'];
  start: number;
  end: number;
}

function appendBlock(
  out: SpannedBuilder,
  blocks: Block[],
  source: string,
  role: Block['role'],
  text: string,
  spans: readonly OutputSpan[],
): void {
  out.append(`---\n# Source: ${source}\n`);
  const start = out.append(text, spans);
  blocks.push({ source, role, start, end: start + text.length });
  out.append('\n');
}

/** The spans of a CRD: its raw text maps one to one onto the file. */
function crdSpans(crd: CrdFile): OutputSpan[] {
  if (crd.text.length === 0) return [];
  return [{ start: 0, end: crd.text.length, parseName: crd.source, nodeOffset: 0, kind: 'text' }];
}

function isTestHook(doc: Doc): boolean {
  return (doc.events ?? []).includes('test');
}

/** Documents of `text` as printed blocks say, trailing newlines dropped. */
function documentsOf(
  text: string,
  spans: readonly OutputSpan[],
  blocks: readonly Block[],
): AssembledDocument[] {
  return blocks.map((b) => {
    let end = Math.min(b.end, text.length);
    while (end > b.start && text.charCodeAt(end - 1) === 0x0a) end--;
    const start = Math.min(b.start, end);
    return {
      source: b.source,
      role: b.role,
      text: text.slice(start, end),
      spans: sliceSpans(spans, start, end),
    };
  });
}

/** Helm's `# Source: [^/]+/(.+)` (Go: `[^/]` also matches newlines, `.` does not). */
const SOURCE_LINE = /# Source: [^/]+\/(.+)/;

/** `--show-only`: re-splits the whole output and keeps documents whose source path matches, pattern by pattern. */
function showOnly(
  full: string,
  spans: readonly OutputSpan[],
  blocks: readonly Block[],
  patterns: readonly string[],
): AssembledOutput {
  const pieces = splitDocuments(full);
  const out = new SpannedBuilder();
  const chosen: Block[] = [];
  for (const pattern of patterns) {
    let missing = true;
    for (const [a, b] of pieces) {
      const piece = full.slice(a, b);
      const m = SOURCE_LINE.exec(piece);
      if (!m) continue;
      let matched = false;
      try {
        matched = goPathMatch(pattern, m[1] ?? '');
      } catch (e) {
        if (!(e instanceof BadPatternError)) throw e;
      }
      if (!matched) continue;
      missing = false;
      out.append('---\n');
      const at = out.append(piece, sliceSpans(spans, a, b));
      out.append('\n');
      // The document proper starts after its `# Source:` line when the piece starts with one.
      const firstLine = piece.indexOf('\n');
      const headed = piece.startsWith('# Source: ');
      const contentStart = headed ? (firstLine < 0 ? piece.length : firstLine + 1) : 0;
      const source = (m[0].split('\n')[0] ?? '').slice('# Source: '.length);
      // The printed block the piece was cut from: the first one that has not ended before the piece starts.
      const block = blocks.find((bl) => bl.end >= a);
      chosen.push({
        source,
        role: block?.role ?? 'manifest',
        start: at + contentStart,
        end: at + piece.length,
      });
    }
    if (missing) throw new ChartlintError('usage', `could not find template ${pattern} in chart`);
  }
  const text = out.toString();
  return { output: text, documents: documentsOf(text, out.spans, chosen) };
}

/** Builds `helm template`'s output from the rendered files and the CRDs of the enabled charts. */
export function assembleOutput(
  files: readonly RenderedFile[],
  crds: readonly CrdFile[],
  opts: AssemblyOptions,
): AssembledOutput {
  const rendered = files.filter((f) => !f.name.endsWith(NOTES_SUFFIX));
  const { manifests, hooks } = sortManifests(rendered);
  const main = new SpannedBuilder();
  const blocks: Block[] = [];
  if (opts.includeCrds) {
    for (const crd of crds) appendBlock(main, blocks, crd.source, 'crd', crd.text, crdSpans(crd));
  }
  for (const m of manifests) appendBlock(main, blocks, m.file, 'manifest', m.text, m.spans);
  const mainText = main.toString();
  const [, trimmedEnd] = trimRange(mainText);
  // Helm prints strings.TrimSpace(manifests) + "\n": the last block may lose trailing whitespace.
  for (const b of blocks) {
    b.start = Math.min(b.start, trimmedEnd);
    b.end = Math.min(b.end, trimmedEnd);
  }
  const out = new SpannedBuilder();
  out.append(mainText.slice(0, trimmedEnd), sliceSpans(main.spans, 0, trimmedEnd));
  out.append('\n');
  if (!opts.noHooks) {
    for (const h of hooks) {
      if (opts.skipTests && isTestHook(h)) continue;
      appendBlock(out, blocks, h.file, 'hook', h.text, h.spans);
    }
  }
  const text = out.toString();
  if (opts.showOnly.length > 0) return showOnly(text, out.spans, blocks, opts.showOnly);
  return { output: text, documents: documentsOf(text, out.spans, blocks) };
}
