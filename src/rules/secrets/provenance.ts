/**
 * Whether a rendered value was written literally by the chart, or generated while rendering (randAlphaNum,
 * genPrivateKey …, which differ on every render and are never committed secrets; DESIGN.md §6).
 */
import type { Chart, ChartFile } from '../../chart/types.js';
import type { JsonPath, RenderedManifest } from '../../manifests/types.js';

/** The template file behind a Helm template name (`root/charts/sub/templates/x.yaml`), when it is loaded. */
export function templateFile(root: Chart, name: string): ChartFile | undefined {
  const segments = name.split('/').slice(1);
  let chart = root;
  while (segments[0] === 'charts' && segments.length > 2) {
    const sub = segments[1];
    const dep = chart.metadata.dependencies.find((d) => d.alias === sub);
    const next = chart.subcharts.find((s) => s.metadata.name === (dep ? dep.name : sub));
    if (!next) return undefined;
    chart = next;
    segments.splice(0, 2);
  }
  const path = segments.join('/');
  return chart.templates.find((t) => t.path === path);
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

function callsGenerator(line: string, generators: readonly string[]): boolean {
  return generators.some((g) => new RegExp(`\\b${g}\\b`).test(line));
}

/** How a rendered value came to be. */
export type RenderedOrigin = 'values' | 'literal' | 'generated';

/**
 * With a source map: a values origin means `values`; otherwise the template line that wrote the value decides
 * (`generated` when it calls a generator). Without one (the helm renderer): a value that appears in the template
 * text (plainly or base64-encoded) is `literal`, one that appears in a values file is `values`, anything else was
 * computed while rendering and counts as `generated`.
 */
export function renderedOrigin(
  root: Chart,
  manifest: RenderedManifest,
  path: JsonPath,
  plain: string,
  valuesTexts: readonly string[],
  generators: readonly string[],
): RenderedOrigin {
  const spans = manifest.document.spans;
  if (spans) {
    const range = manifest.rangeOf(path);
    const span = spans.find((s) => s.start <= range.start && range.start < s.end);
    if (!span) return 'literal';
    if (span.origin) return 'values';
    const file = templateFile(root, span.template);
    return file && callsGenerator(lineAt(file.text, span.templateOffset), generators)
      ? 'generated'
      : 'literal';
  }
  const template = templateFile(root, manifest.document.source)?.text ?? '';
  const encoded = Buffer.from(plain, 'utf8').toString('base64');
  if (template.includes(plain) || template.includes(encoded)) return 'literal';
  if (valuesTexts.some((t) => t.includes(plain) || t.includes(encoded))) return 'values';
  return 'generated';
}
