import { parseDocument } from 'yaml';
import type { RenderedDocument } from './types.js';

const HEADER = /(?:^|\n)---\n# Source: ([^\n]*)\n/g;

/**
 * Splits the text `helm template` prints into its documents, keyed by their `# Source:` header. Documents after the
 * first hook keep the `hook` role, recognised by their annotation; CRDs by their `/crds/` source path.
 */
export function splitTemplateOutput(output: string): RenderedDocument[] {
  const docs: RenderedDocument[] = [];
  const heads = [...output.matchAll(HEADER)];
  heads.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = heads[i + 1];
    const end = next ? (next.index ?? output.length) : output.length;
    const source = m[1] ?? '';
    const text = output.slice(start, end).replace(/\n+$/, '');
    docs.push({ source, text, role: roleOf(source, text) });
  });
  return docs;
}

function roleOf(source: string, text: string): RenderedDocument['role'] {
  if (/^[^/]+(?:\/charts\/[^/]+)*\/crds\//.test(source)) return 'crd';
  return hasHookAnnotation(text) ? 'hook' : 'manifest';
}

/**
 * True when the document's `metadata.annotations` has `helm.sh/hook` (any value: that is how Helm sorts hooks out),
 * whether the template wrote YAML or JSON and wherever the key sits. A document that does not parse is a manifest
 * here; parsing the manifests reports it.
 */
function hasHookAnnotation(text: string): boolean {
  if (!text.includes('helm.sh/hook')) return false;
  let object: unknown;
  try {
    const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
    if (doc.errors.length > 0) return false;
    object = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return false;
  }
  const metadata = isObject(object) ? object.metadata : undefined;
  const annotations = isObject(metadata) ? metadata.annotations : undefined;
  return isObject(annotations) && Object.hasOwn(annotations, 'helm.sh/hook');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
