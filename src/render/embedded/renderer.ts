/**
 * The embedded renderer: `helm template` without helm (helm-render-spec.md §0). Loads the chart, merges the user's
 * values, processes dependencies and coalesces, builds `.Capabilities`, checks the chart's `kubeVersion`, renders
 * every enabled chart's templates with the TypeScript template engine and assembles the output exactly as
 * `helm template` prints it, with a source map for every document.
 *
 * Charts and their parsed template sets are cached per chart path, so the environments of one chart load and parse
 * it once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadChart, toDisplayPath } from '../../chart/load.js';
import type { Chart } from '../../chart/types.js';
import { ChartlintError } from '../../diagnostics/errors.js';
import { createCallContext } from '../../template/render-context.js';
import { TemplateParseError, ROOT_TEMPLATE_NAME, type TemplateSet } from '../../template/index.js';
import { computeChartValues } from '../../values/dependencies.js';
import { GoMap } from '../../values/model.js';
import { mergeUserValues, type UserValuesFile } from '../../values/user-values.js';
import { isCompatibleRange } from '../../values/semver.js';
import { buildCapabilities, type Capabilities } from '../capabilities.js';
import { helmErrorMessage } from '../helm-errors.js';
import type { RenderOutcome, RenderRequest, RenderedDocument, Renderer, RenderedSpan } from '../types.js';
import { assembleOutput, ManifestParseError, type AssembledDocument } from './assemble-output.js';
import { releaseNameProblem, releaseObject } from './builtin-objects.js';
import {
  buildDataMaps,
  chartTree,
  collectCrds,
  collectTemplates,
  executeTemplates,
  parseTemplates,
  type CollectedTemplate,
} from './render-templates.js';
import { RenderStop, executionFailure, locatedFailure, manifestErrorPlace, stop } from './render-failures.js';
import { validateValuesSchemas } from './values-schema.js';

/** Options of the {@link EmbeddedRenderer}. */
export interface EmbeddedRendererOptions {
  /** Directory display paths and relative request paths are resolved against (default: the working directory). */
  cwd?: string;
  /** Record source maps (default true); switch off when only the text is wanted. */
  recordSpans?: boolean;
}

/** Default bounds: a minute per render, Go's template depth, 64 Mi characters of output. */
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_DEPTH = 100_000;
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

/** A loaded chart and the template sets parsed from it (one per set of enabled charts). */
interface ChartCacheEntry {
  chart: Promise<Chart>;
  sets: Map<string, TemplateSet | TemplateParseError>;
}

/** Helm's `CheckDependencies`: every Chart.yaml dependency must be present under charts/. */
function missingDependencies(chart: Chart): string[] {
  const present = new Set(chart.subcharts.map((s) => s.metadata.name));
  return chart.metadata.dependencies.map((d) => d.name).filter((n) => !present.has(n));
}

/** Converts an engine span (tpl text is attributed to the file that called `tpl`). */
function renderedSpan(s: AssembledDocument['spans'][number]): RenderedSpan {
  let template = s.parseName;
  let templateOffset = s.nodeOffset;
  if (template === ROOT_TEMPLATE_NAME) {
    const site = [...(s.callStack ?? [])].reverse().find((c) => c.parseName !== ROOT_TEMPLATE_NAME);
    if (site) {
      template = site.parseName;
      templateOffset = site.nodeOffset;
    }
  }
  // Text that tpl copied is attributed to the tpl call, which is an action in the calling file.
  const kind = template === s.parseName ? s.kind : 'action';
  const out: RenderedSpan = { start: s.start, end: s.end, template, templateOffset, kind };
  if (s.origin) out.origin = s.origin;
  // Call sites inside a tpl string are not in any file.
  const stack = (s.callStack ?? []).filter((c) => c.parseName !== ROOT_TEMPLATE_NAME);
  if (stack.length > 0) {
    out.callStack = stack.map((c) => ({ template: c.parseName, templateOffset: c.nodeOffset }));
  }
  return out;
}

function renderedDocument(d: AssembledDocument, withSpans: boolean): RenderedDocument {
  const doc: RenderedDocument = { source: d.source, text: d.text, role: d.role };
  if (withSpans) doc.spans = d.spans.map(renderedSpan);
  return doc;
}

/** Renders charts in-process, as `helm template` would. */
export class EmbeddedRenderer implements Renderer {
  readonly name = 'embedded' as const;
  readonly exactLocations = true;
  private readonly cwd: string;
  private readonly recordSpans: boolean;
  private readonly cache = new Map<string, ChartCacheEntry>();

  constructor(options: EmbeddedRendererOptions = {}) {
    this.cwd = resolve(options.cwd ?? '.');
    this.recordSpans = options.recordSpans ?? true;
  }

  /** Forgets loaded charts and parsed templates (e.g. after files changed on disk). */
  clearCache(): void {
    this.cache.clear();
  }

  async render(request: RenderRequest): Promise<RenderOutcome> {
    try {
      return await this.renderOrStop(request);
    } catch (e) {
      if (e instanceof RenderStop) return { ok: false, failure: e.failure };
      if (e instanceof ChartlintError) return { ok: false, failure: locatedFailure(e, undefined) };
      // Fail closed with a readable message rather than a stack trace: the chart is reported as not renderable.
      const detail = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        failure: { message: `internal error while rendering ${request.chartPath}: ${detail}` },
      };
    }
  }

  private entry(chartPath: string): ChartCacheEntry {
    const abs = resolve(this.cwd, chartPath);
    let entry = this.cache.get(abs);
    if (!entry) {
      entry = { chart: loadChart(abs, { cwd: this.cwd }), sets: new Map() };
      // A failed load is not cached: the next render retries.
      entry.chart.catch(() => this.cache.delete(abs));
      this.cache.set(abs, entry);
    }
    return entry;
  }

  private async renderOrStop(req: RenderRequest): Promise<RenderOutcome> {
    let capabilities: Capabilities;
    try {
      capabilities = buildCapabilities({
        ...(req.kubeVersion !== undefined ? { kubeVersion: req.kubeVersion } : {}),
        apiVersions: req.apiVersions,
        helmCapabilities: req.helmCapabilities ?? false,
      });
    } catch (e) {
      if (e instanceof ChartlintError) stop(e.message);
      throw e;
    }
    const nameProblem = releaseNameProblem(req.releaseName);
    if (nameProblem) stop(nameProblem);

    const user = mergeUserValues({
      valuesFiles: await this.readValuesFiles(req.valuesFiles),
      setJson: req.setJson,
      ...(req.setJsonOrigins ? { setJsonOrigins: req.setJsonOrigins } : {}),
      set: req.set,
      setString: req.setString,
      setFile: req.setFile,
      setLiteral: req.setLiteral,
      readFile: (path) => this.readSetFile(path),
    });

    const entry = this.entry(req.chartPath);
    const chart = await entry.chart;
    if (chart.metadata.type === 'library') stop('library charts are not installable');
    const missing = missingDependencies(chart);
    if (missing.length > 0) {
      stop(
        'an error occurred while checking for chart dependencies. You may need to run `helm dependency build` ' +
          `to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
      );
    }

    let root;
    try {
      root = computeChartValues(chart, user).root;
    } catch (e) {
      if (e instanceof ChartlintError) throw new RenderStop(locatedFailure(e, chart));
      throw e;
    }
    if (!req.flags.skipSchemaValidation) {
      const problem = validateValuesSchemas(root);
      if (problem) stop(problem);
    }

    const kubeConstraint = chart.metadata.kubeVersion;
    const kube = capabilities.kubeVersion.normalized;
    if (kubeConstraint !== '' && !isCompatibleRange(kubeConstraint, kube)) {
      const at = chart.chartYaml.locate(['kubeVersion']);
      stop(`chart requires kubeVersion: ${kubeConstraint} which is incompatible with Kubernetes ${kube}`, {
        template: `${chart.metadata.name}/Chart.yaml`,
        ...(at.startLine !== undefined ? { line: at.startLine } : {}),
        ...(at.startColumn !== undefined ? { column: at.startColumn } : {}),
      });
    }

    const tree = chartTree(root);
    const templates = collectTemplates(tree);
    const set = this.templateSet(entry, templates);
    const dataMaps = new Map<string, GoMap>();
    buildDataMaps(
      tree,
      {
        release: releaseObject(req.releaseName, req.namespace, req.flags.isUpgrade),
        capabilities,
      },
      dataMaps,
    );
    const ctx = createCallContext({
      seed: `${chart.metadata.name}\u0000${req.releaseName}\u0000${req.namespace}`,
      ...(req.random ? { random: true } : {}),
    });
    const limits = req.limits ?? {};
    let files;
    try {
      files = executeTemplates(
        set,
        templates,
        dataMaps,
        ctx,
        {
          deadlineMs: Date.now() + (limits.timeoutMs ?? DEFAULT_TIMEOUT_MS),
          maxDepth: limits.maxTemplateDepth ?? DEFAULT_MAX_DEPTH,
          maxOutputBytes: limits.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
        },
        this.recordSpans,
      );
    } catch (e) {
      throw executionFailure(e, templates);
    }

    let assembled;
    try {
      assembled = assembleOutput(files, collectCrds(tree), req.flags);
    } catch (e) {
      if (e instanceof ManifestParseError) {
        stop(e.message, manifestErrorPlace(e, files, templates));
      }
      throw e;
    }
    return {
      ok: true,
      output: assembled.output,
      documents: assembled.documents.map((d) => renderedDocument(d, this.recordSpans)),
    };
  }

  private async readValuesFiles(paths: readonly string[]): Promise<UserValuesFile[]> {
    const out: UserValuesFile[] = [];
    for (const p of paths) {
      if (p === '-') stop('the embedded renderer cannot read values from standard input; pass a file');
      const abs = resolve(this.cwd, p);
      let text: string;
      try {
        // Synchronous, like chart loading: one small read that would only wait for a thread-pool round trip.
        text = readFileSync(abs, 'utf8');
      } catch {
        stop(`open ${p}: no such file or directory`);
      }
      // Helm strips a UTF-8 byte order mark from values files as from every chart file.
      out.push({ path: toDisplayPath(this.cwd, abs), text: text.replace(/^\uFEFF/, '') });
    }
    return out;
  }

  private readSetFile(path: string): string {
    try {
      return readFileSync(resolve(this.cwd, path), 'utf8');
    } catch {
      throw new Error(`open ${path}: no such file or directory`);
    }
  }

  /** The parsed set for these templates, parsed once per chart and set of enabled charts. */
  private templateSet(entry: ChartCacheEntry, templates: readonly CollectedTemplate[]): TemplateSet {
    const key = templates.map((t) => t.name).join('\n');
    let cached = entry.sets.get(key);
    if (!cached) {
      try {
        cached = parseTemplates(templates);
      } catch (e) {
        if (!(e instanceof TemplateParseError)) throw e;
        cached = e;
      }
      entry.sets.set(key, cached);
    }
    if (cached instanceof TemplateParseError) {
      stop(helmErrorMessage(cached), { template: cached.parseName, line: cached.line });
    }
    return cached;
  }
}
