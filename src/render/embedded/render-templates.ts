/**
 * Helm's engine over a processed chart tree (helm-render-spec.md §1.3, §6, §7): every enabled chart's templates
 * named `<chart full path>/<path>`, parsed into one shared namespace in Helm's order (deepest first, reverse
 * lexical; the last definition of a name wins), then every non-partial file executed in the same order with its
 * chart's data map (`.Values .Release .Chart .Capabilities .Files .Subcharts .Template`), and `<no value>` removed.
 */
import { posix } from 'node:path';
import type { Chart } from '../../chart/types.js';
import type { ChartValues } from '../../values/dependencies.js';
import { GoMap, type CallContext, type GoValue } from '../../values/model.js';
import { helmFuncMap, helmFuncNames } from '../../template/funcmap.js';
import { TemplateSet, execute, helmParseOrder, stripNoValue, type OutputSpan } from '../../template/index.js';
import { chartObject } from './builtin-objects.js';
import { ChartFilesObject } from './files.js';
import type { CrdFile, RenderedFile } from './assemble-output.js';

/** One enabled chart of the release, with where it sits in template names. */
export interface ChartNode {
  /** `p` for the root, `p/charts/sub` for its subchart `sub` (alias when aliased). */
  fullPath: string;
  values: ChartValues;
  isRoot: boolean;
  children: ChartNode[];
}

/** A template file to parse (and, unless it is a partial, execute). */
export interface CollectedTemplate {
  /** `<chart full path>/templates/…`. */
  name: string;
  text: string;
  /** The chart whose data the file executes with. */
  chart: ChartNode;
}

/** The tree of enabled charts in Helm's dependency order. */
export function chartTree(values: ChartValues, parentPath?: string): ChartNode {
  const fullPath =
    parentPath === undefined ? values.chart.metadata.name : `${parentPath}/charts/${values.name}`;
  return {
    fullPath,
    values,
    isRoot: parentPath === undefined,
    children: values.subcharts.map((s) => chartTree(s, fullPath)),
  };
}

function isLibrary(chart: Chart): boolean {
  return chart.metadata.type.toLowerCase() === 'library';
}

/** Every template of every enabled chart; a library chart contributes only its `_` partials (§7.1). */
export function collectTemplates(node: ChartNode, out: CollectedTemplate[] = []): CollectedTemplate[] {
  const chart = node.values.chart;
  for (const t of chart.templates) {
    if (isLibrary(chart) && !posix.basename(t.path).startsWith('_')) continue;
    out.push({ name: `${node.fullPath}/${t.path}`, text: t.text, chart: node });
  }
  for (const child of node.children) collectTemplates(child, out);
  return out;
}

const CRD_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The CRD files printed with `--include-crds`: the root chart's, then each dependency's, depth first. */
export function collectCrds(node: ChartNode, out: CrdFile[] = []): CrdFile[] {
  for (const f of node.values.chart.files) {
    if (!f.path.startsWith('crds/')) continue;
    if (!CRD_EXTENSIONS.has(posix.extname(f.path).toLowerCase())) continue;
    out.push({ source: posix.join(node.fullPath, f.path), text: f.text });
  }
  for (const child of node.children) collectCrds(child, out);
  return out;
}

let funcNames: string[] | undefined;
let funcMap: ReturnType<typeof helmFuncMap> | undefined;

/** Parses the templates into one set in Helm's parse order. Throws TemplateParseError for the first bad file. */
export function parseTemplates(templates: readonly CollectedTemplate[]): TemplateSet {
  funcNames ??= helmFuncNames();
  const set = new TemplateSet({ funcNames });
  const byName = new Map(templates.map((t) => [t.name, t]));
  for (const name of helmParseOrder(byName.keys())) set.add(name, byName.get(name)?.text ?? '');
  return set;
}

/** What every chart's data map shares. */
export interface SharedObjects {
  release: GoMap;
  capabilities: GoValue;
}

/** Builds each chart's top-level data map (Helm's `recAllTpls`), keyed by chart full path. */
export function buildDataMaps(node: ChartNode, shared: SharedObjects, out = new Map<string, GoMap>()): GoMap {
  const v = node.values;
  const data = new GoMap();
  const subcharts = new GoMap();
  data.set('Chart', chartObject(v.chart, v.name, node.isRoot, v.dependencies));
  data.set('Files', new ChartFilesObject(new Map(v.chart.files.map((f) => [f.path, f.data]))));
  data.set('Release', shared.release);
  data.set('Capabilities', shared.capabilities);
  data.set('Values', v.values);
  data.set('Subcharts', subcharts);
  out.set(node.fullPath, data);
  for (const child of node.children) subcharts.set(child.values.name, buildDataMaps(child, shared, out));
  return data;
}

/** Bounds of one render. */
export interface ExecutionLimits {
  /** Absolute `Date.now()` deadline for the whole render. */
  deadlineMs: number;
  /** Output of all files together, in UTF-16 code units. */
  maxOutputBytes: number;
  /** Nesting of `{{ template }}` calls. */
  maxDepth: number;
}

/**
 * Executes every non-partial file in Helm's order and removes `<no value>` from each output (keeping the spans
 * aligned). Errors propagate as the template engine throws them (TemplateExecError, NoTemplateError,
 * TemplateLimitError).
 */
export function executeTemplates(
  set: TemplateSet,
  templates: readonly CollectedTemplate[],
  dataMaps: ReadonlyMap<string, GoMap>,
  ctx: CallContext,
  limits: ExecutionLimits,
  recordSpans: boolean,
): RenderedFile[] {
  funcMap ??= helmFuncMap();
  const funcs = funcMap;
  const byName = new Map(templates.map((t) => [t.name, t]));
  const rendered: RenderedFile[] = [];
  let written = 0;
  for (const name of helmParseOrder(byName.keys())) {
    if (posix.basename(name).startsWith('_')) continue;
    const t = byName.get(name) as CollectedTemplate;
    const data = dataMaps.get(t.chart.fullPath) as GoMap;
    const template = new GoMap(new Map(), 'common.Values');
    template.set('Name', name);
    template.set('BasePath', `${t.chart.fullPath}/templates`);
    // Written into the chart's shared data map, so include/template inside the file see the calling file.
    data.set('Template', template);
    const r = execute(set, name, data, {
      funcs,
      ctx,
      missingKey: 'zero',
      recordSpans,
      limits: {
        deadlineMs: limits.deadlineMs,
        maxOutputBytes: Math.max(0, limits.maxOutputBytes - written),
        maxDepth: limits.maxDepth,
      },
    });
    written += r.output.length;
    const clean = stripNoValue(r.output, r.spans);
    rendered.push({ name, text: clean.output, spans: clean.spans as OutputSpan[] });
  }
  return rendered;
}
