import { resolve } from 'node:path';
import { loadChart } from '../chart/load.js';
import type { Chart } from '../chart/types.js';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import { parseManifests } from '../manifests/parse.js';
import type { RenderFlags, RenderRequest, Renderer } from '../render/types.js';
import { mergeFindings, renderErrorFinding, makeFinding, sentence } from './findings.js';
import { resolveTemplateSource } from './template-source.js';
import type { ChartResult, LintResult } from './types.js';
import { discoverCharts } from '../chart/discover.js';
import { loadConfigForChart, type LoadedConfig } from '../config/load.js';
import { buildEnvironments, type Environment, type EnvironmentOverrides } from '../config/environments.js';

/** What `lint()` needs; the CLI builds it from its arguments. */
export interface LintOptions {
  paths: string[];
  cwd: string;
  /** An explicit configuration file (`--config`); else `.chartlint.yaml` is looked up from each chart. */
  configPath?: string;
  /** `--env` selections; empty = every environment. */
  envNames: string[];
  ciValues: boolean;
  /** Helm-style flags that make or override an ad-hoc environment. */
  overrides: EnvironmentOverrides;
  renderer: Renderer;
}

const LINT_FLAGS: RenderFlags = {
  // CRDs in crds/ are linted too (crd-ordering needs them), as documents of role `crd`.
  includeCrds: true,
  skipTests: false,
  noHooks: false,
  showOnly: [],
  isUpgrade: false,
  skipSchemaValidation: false,
};

/**
 * Lints every chart below the paths: discover → configuration → environments → render → checks → merge. A chart that
 * cannot be loaded (or whose configuration is invalid) becomes an entry in `errors`; the others are still linted.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = resolve(options.cwd);
  const discovered = await discoverCharts(options.paths, { cwd });
  const errors: ChartlintError[] = [...discovered.errors];
  const charts: ChartResult[] = [];
  const findings: Finding[] = [];
  for (const chartPath of discovered.charts) {
    let chart: Chart;
    try {
      chart = await loadChart(chartPath, { cwd });
    } catch (e) {
      errors.push(asChartlintError(e, chartPath));
      continue;
    }
    let config: LoadedConfig | undefined;
    let environments: Environment[];
    try {
      config = await loadConfigForChart(resolve(cwd, chartPath), {
        cwd,
        ...(options.configPath !== undefined ? { explicitPath: options.configPath } : {}),
      });
      environments = buildEnvironments(config, options.overrides, chart, {
        envNames: options.envNames,
        ciValues: options.ciValues,
        cwd,
      });
    } catch (e) {
      errors.push(asChartlintError(e, chartPath));
      continue;
    }
    charts.push({ chart: chart.dir, name: chart.metadata.name, environments: environments.map((e) => e.name) });
    for (const env of environments) {
      findings.push(...(await lintEnvironment(chart, env, options.renderer, cwd)));
    }
  }
  return {
    charts,
    findings: mergeFindings(findings, charts.map((c) => c.chart)),
    errors,
    renderer: options.renderer.name,
  };
}

async function lintEnvironment(chart: Chart, env: Environment, renderer: Renderer, cwd: string): Promise<Finding[]> {
  const outcome = await renderer.render(renderRequest(chart, env, cwd));
  if (!outcome.ok) return [renderErrorFinding(chart, env.name, outcome.failure)];
  const { errors } = parseManifests(outcome.documents, env.name);
  // Output that is not valid YAML cannot be checked: fail closed with a finding at the template.
  return errors.map((err) => {
    const source = resolveTemplateSource(chart, err.document.source);
    return makeFinding({
      ruleId: 'render-error',
      messageId: 'invalid-yaml',
      message: sentence(`Rendered output of ${err.document.source} is not valid YAML: ${err.message}`),
      severity: 'error',
      chart: chart.dir,
      environment: env.name,
      location: source.location,
      discriminator: err.document.source,
    });
  });
}

/** The render request of a chart × environment. Values files are relative to the chart directory. */
export function renderRequest(chart: Chart, env: Environment, cwd: string): RenderRequest {
  const chartAbs = resolve(cwd, chart.archivePath ?? chart.dir);
  const chartDir = resolve(cwd, chart.dir);
  return {
    chartPath: chartAbs,
    releaseName: env.releaseName,
    namespace: env.namespace,
    valuesFiles: env.valuesFiles.map((f) => resolve(chartDir, f)),
    setJson: [
      ...Object.entries(env.set).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
      ...env.setJson,
    ],
    set: env.setFlags,
    setString: env.setString,
    setFile: env.setFile,
    setLiteral: env.setLiteral,
    ...(env.kubeVersion !== undefined ? { kubeVersion: env.kubeVersion } : {}),
    apiVersions: env.apiVersions,
    flags: { ...LINT_FLAGS, isUpgrade: env.isUpgrade },
  };
}

function asChartlintError(e: unknown, chartPath: string): ChartlintError {
  if (e instanceof ChartlintError) return e;
  return new ChartlintError('internal', `${chartPath}: ${e instanceof Error ? e.message : String(e)}`, {
    location: { file: chartPath },
  });
}
