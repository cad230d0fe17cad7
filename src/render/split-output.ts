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
  return /^\s*["']?helm\.sh\/hook["']?\s*:/m.test(text) ? 'hook' : 'manifest';
}
