import type { JsonPath } from '../manifests/types.js';

/**
 * Without a source map (the helm renderer) the best line is found by matching the rendered key and value in the
 * template text: a line that writes `key:` and contains the rendered value wins, then a line with the value alone,
 * then one with the key alone. Returns a 1-based line and column, or undefined when nothing matches.
 */
export function approximateTemplateLine(
  templateText: string,
  path: JsonPath,
  renderedValue: unknown,
): { line: number; column: number; endColumn: number } | undefined {
  const key = [...path].reverse().find((s): s is string => typeof s === 'string');
  const value =
    typeof renderedValue === 'string' ||
    typeof renderedValue === 'number' ||
    typeof renderedValue === 'boolean'
      ? String(renderedValue)
      : undefined;
  const lines = templateText.split('\n');
  const keyRe = key ? new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRegExp(key)}["']?\\s*:`) : undefined;
  let best: { score: number; line: number; column: number; endColumn: number } | undefined;
  lines.forEach((text, i) => {
    const hasKey = keyRe ? keyRe.test(text) : false;
    const valueAt = value !== undefined && value !== '' ? text.indexOf(value) : -1;
    const score = (hasKey ? 2 : 0) + (valueAt >= 0 ? 1 : 0) + (hasKey && valueAt >= 0 ? 1 : 0);
    if (score === 0 || (best && best.score >= score)) return;
    const col = valueAt >= 0 ? valueAt : text.search(/\S/);
    const endCol = valueAt >= 0 ? valueAt + (value?.length ?? 0) : text.length;
    best = { score, line: i + 1, column: Math.max(0, col) + 1, endColumn: Math.max(col + 1, endCol) + 1 };
  });
  return best && { line: best.line, column: best.column, endColumn: best.endColumn };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
