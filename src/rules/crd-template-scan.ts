/**
 * Finds the CustomResourceDefinitions a chart's template sources define, without rendering them. Template text
 * is not YAML until rendered (`{{ if }}` wrappers, templated names), so this reads the literal lines that matter —
 * `kind: CustomResourceDefinition`, `group:` and the `names:` block's `kind:`/`plural:` — line by line.
 */

/** A CRD found in template source text. */
export interface TemplateCrd {
  /** `spec.group` as written. */
  group: string;
  /** `spec.names.kind` as written. */
  kind: string;
  /** `<plural>.<group>` when the plural is literal, else `<kind>.<group>` (the name the CRD is known by). */
  name: string;
}

const DOCUMENT_SEPARATOR = /^---/;
const CRD_KIND = /^\s*kind:\s*(["']?)CustomResourceDefinition\1\s*(#.*)?$/;
const GROUP = /^\s+group:\s*(["']?)([a-z0-9][a-z0-9.-]*)\1\s*(#.*)?$/;
const NAMES = /^(\s+)names:\s*(#.*)?$/;
const NAMES_KIND = /^\s+kind:\s*(["']?)([A-Za-z][A-Za-z0-9]*)\1\s*(#.*)?$/;
const NAMES_PLURAL = /^\s+plural:\s*(["']?)([a-z0-9][a-z0-9-]*)\1\s*(#.*)?$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Lines that carry no YAML structure: blank, comments, and lines holding only template actions. */
function isStructureless(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#') || (t.startsWith('{{') && t.endsWith('}}'));
}

/** `kind:` and `plural:` of the `names:` block starting at `lines[start]`. */
function namesBlock(lines: readonly string[], start: number): { kind?: string; plural?: string } {
  const head = lines[start] ?? '';
  const indent = indentOf(head);
  const found: { kind?: string; plural?: string } = {};
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isStructureless(line)) continue;
    if (indentOf(line) <= indent) break;
    found.kind ??= NAMES_KIND.exec(line)?.[2];
    found.plural ??= NAMES_PLURAL.exec(line)?.[2];
  }
  return found;
}

function crdOfDocument(lines: readonly string[]): TemplateCrd | undefined {
  if (!lines.some((l) => CRD_KIND.test(l))) return undefined;
  let group: string | undefined;
  let names: { kind?: string; plural?: string } = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    group ??= GROUP.exec(line)?.[2];
    if (names.kind === undefined && NAMES.test(line)) names = namesBlock(lines, i);
  }
  // A templated group or kind cannot be matched against rendered resources, so such a CRD is left out.
  if (group === undefined || names.kind === undefined) return undefined;
  return {
    group,
    kind: names.kind,
    name: `${names.plural ?? names.kind}.${group}`,
  };
}

/** The CRDs defined in one template file's source text, in document order. */
export function scanTemplateCrds(text: string): TemplateCrd[] {
  const lines = text.split(/\r?\n/);
  const out: TemplateCrd[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !DOCUMENT_SEPARATOR.test(lines[i] ?? '')) continue;
    const crd = crdOfDocument(lines.slice(start, i));
    if (crd) out.push(crd);
    start = i + 1;
  }
  return out;
}
