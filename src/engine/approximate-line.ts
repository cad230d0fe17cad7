import type { JsonPath } from '../manifests/types.js';

/** A 1-based line and the columns `[column, endColumn)` of what matched on it. */
export interface ApproximateLine {
  line: number;
  column: number;
  endColumn: number;
}

/**
 * Without a source map (the helm renderer) the best line is found by matching the rendered path in the template
 * text: the keys of `path` are looked for from the root down, each below the line where its parent was found (so
 * that the `spec:` of a pod template is not taken for the Deployment's), and the deepest key found wins. On the line
 * of the last key the rendered value is pointed at when the line shows it. A key the template does not spell out
 * (written by a helper or by `toYaml`) leaves the line of its nearest ancestor that it does. When no key is found,
 * a line showing the rendered value is taken. Returns undefined when nothing matches.
 */
export function approximateTemplateLine(
  templateText: string,
  path: JsonPath,
  renderedValue: unknown,
): ApproximateLine | undefined {
  const value =
    typeof renderedValue === 'string' ||
    typeof renderedValue === 'number' ||
    typeof renderedValue === 'boolean'
      ? String(renderedValue)
      : undefined;
  const lines = templateText.split('\n');
  const keys = path.filter((s): s is string => typeof s === 'string');
  const leaf = path[path.length - 1];
  let from = 0;
  let parentIndent = -1;
  let found: { index: number; key: string } | undefined;
  for (const key of keys) {
    const re = keyPattern(key);
    for (let i = from; i < lines.length; i++) {
      const text = lines[i] ?? '';
      if (re.test(text)) {
        found = { index: i, key };
        from = i + 1;
        parentIndent = indentOf(text);
        break;
      }
      // The parent's block ends at a line indented no deeper (template actions and blank lines do not count).
      if (!/^\s*(?:\{\{|#|$)/.test(text) && indentOf(text) <= parentIndent) break;
    }
  }
  if (found) {
    const text = lines[found.index] ?? '';
    // The value is only meaningful on the line of the path's own key.
    const valueAt = found.key === leaf && value ? text.indexOf(value) : -1;
    if (valueAt >= 0) return span(found.index, valueAt, valueAt + (value?.length ?? 0));
    const keyAt = Math.max(0, text.search(/[^\s-]/));
    return span(found.index, keyAt, text.length);
  }
  if (value) {
    const index = lines.findIndex((l) => l.includes(value));
    if (index >= 0) {
      const at = (lines[index] ?? '').indexOf(value);
      return span(index, at, at + value.length);
    }
  }
  return undefined;
}

function span(index: number, start: number, end: number): ApproximateLine {
  return { line: index + 1, column: start + 1, endColumn: Math.max(start + 1, end) + 1 };
}

function indentOf(line: string): number {
  return line.search(/\S|$/);
}

/** A line that writes `key:` (optionally as a list item, optionally quoted). */
function keyPattern(key: string): RegExp {
  return new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRegExp(key)}["']?\\s*:`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
