import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ExcludeConfig, RuleSetting } from '../config/types.js';
import type { Chart, SourceFile } from '../chart/types.js';
import type { Environment } from '../config/environments.js';
import type { Finding } from '../diagnostics/finding.js';
import { parseManifests } from '../manifests/parse.js';
import type { PolicySet } from '../policy/index.js';
import type { RenderFlags, RenderRequest, Renderer } from '../render/types.js';
import { lineStartsOf } from '../diagnostics/location.js';
import { makeFinding, renderErrorFinding, sentence } from './findings.js';
import { policyFindings } from './policies.js';
import { ruleFindings } from './run-rules.js';
import { applySuppressions, ignoreAnnotationLookup } from './suppress.js';
import { resolveTemplateSource } from './template-source.js';

/** Kubernetes version Helm 4.1.4 assumes when none is given (its client library's). */
export const HELM_DEFAULT_KUBE_VERSION = '1.35.0';

const LINT_FLAGS: RenderFlags = {
  // CRDs in crds/ are linted too (crd-ordering needs them), as documents of role `crd`.
  includeCrds: true,
  skipTests: false,
  noHooks: false,
  showOnly: [],
  isUpgrade: false,
  // values.schema.json violations are findings of the values-schema rule, each at its values line, instead of one
  // render failure that would hide every other check.
  skipSchemaValidation: true,
};

/** Everything one chart × environment needs. */
export interface EnvironmentJob {
  chart: Chart;
  env: Environment;
  renderer: Renderer;
  /** Working directory: display paths are relative to it. */
  cwd: string;
  /**
   * The policies, or their loading: awaited only once the environment is rendered, so that compiling the policies'
   * WebAssembly (off the main thread) overlaps the render. A load failure still fails the job.
   */
  policies: PolicySet | Promise<PolicySet> | undefined;
  /** `--combine`: user policies see every manifest of the environment at once. */
  combine: boolean;
  /** `rules:` settings of the chart's configuration. */
  ruleSettings: Record<string, RuleSetting>;
  /** Render with helm's own offline `.Capabilities` (`--helm-capabilities`). */
  helmCapabilities?: boolean;
  /** `exclude:` entries of the chart's configuration. */
  excludes?: readonly ExcludeConfig[];
  /** Display path of the directory of the configuration file (exclude globs are relative to it). */
  configDir?: string;
}

/** Display path of a values file given relative to the chart directory. */
function displayOf(chart: Chart, file: string): string {
  if (isAbsolute(file)) return file;
  return chart.dir === '.' ? file : `${chart.dir}/${file}`;
}

/** Reads repository files by display path (relative to `cwd`), once each: values files for locations. */
function sourceReader(cwd: string): (displayPath: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (displayPath) => {
    if (!cache.has(displayPath)) {
      let text: string | undefined;
      try {
        text = readFileSync(resolve(cwd, displayPath), 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(displayPath, text);
    }
    return cache.get(displayPath);
  };
}

/** The configuration file that set values of `env` (`set:`), read for the rules that locate such values. */
function configSourceOf(
  env: Environment,
  readText: (displayPath: string) => string | undefined,
): { configSource?: SourceFile } {
  const file = Object.values(env.setOrigins ?? {})[0]?.file;
  const text = file === undefined ? undefined : readText(file);
  if (file === undefined || text === undefined) return {};
  return { configSource: { chartPath: file, path: file, text, lineStarts: lineStartsOf(text) } };
}

/**
 * Lints one chart × environment: render, parse the manifests, run the policies. Everything it needs is passed in, so
 * that it can run anywhere (the main thread or a worker).
 */
export async function lintEnvironment(job: EnvironmentJob): Promise<Finding[]> {
  const { chart, env, renderer, cwd, combine } = job;
  const readText = sourceReader(cwd);
  const request = renderRequest(chart, env, cwd, job.helmCapabilities ?? false);
  const outcome = await renderer.render(request);
  if (!outcome.ok) {
    await job.policies;
    return [renderErrorFinding(chart, env.name, outcome.failure)];
  }
  const { manifests, errors } = parseManifests(outcome.documents, env.name);
  const kubeVersion = env.kubeVersion ?? HELM_DEFAULT_KUBE_VERSION;
  const valuesFiles = env.valuesFiles.map((f) => displayOf(chart, f));
  const found: Finding[] = ruleFindings({
    chart,
    environment: {
      name: env.name,
      releaseName: env.releaseName,
      kubeVersion,
      valuesFiles,
      setValues: {
        setJson: request.setJson,
        ...(request.setJsonOrigins ? { setJsonOrigins: request.setJsonOrigins } : {}),
        set: request.set,
        setString: request.setString,
        setFile: request.setFile,
        setLiteral: request.setLiteral,
        readFile: (path) => readFileSync(resolve(cwd, path), 'utf8'),
      },
      valuesSources: valuesFiles.flatMap((path) => {
        const text = readText(path);
        return text === undefined ? [] : [{ chartPath: path, path, text, lineStarts: lineStartsOf(text) }];
      }),
      ...configSourceOf(env, readText),
    },
    manifests,
    settings: job.ruleSettings,
    readText,
  });
  const policies = await job.policies;
  if (policies && !policies.empty) {
    found.push(
      ...policyFindings(
        policies,
        chart,
        { name: env.name, kubeVersion, releaseName: env.releaseName },
        manifests,
        combine,
        readText,
      ),
    );
  }
  // Output that is not valid YAML cannot be checked: fail closed with a finding at the template.
  const all = found.concat(
    errors.map((err) => {
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
    }),
  );
  // Comments, ignore annotations and config excludes mark findings suppressed; nothing is dropped.
  return applySuppressions(all, {
    readText,
    ignoreAnnotation: ignoreAnnotationLookup(manifests),
    excludes: job.excludes ?? [],
    ...(job.configDir !== undefined ? { configDir: job.configDir } : {}),
  });
}

/** The render request of a chart × environment. Values files are relative to the chart directory. */
export function renderRequest(
  chart: Chart,
  env: Environment,
  cwd: string,
  helmCapabilities = false,
): RenderRequest {
  const chartAbs = resolve(cwd, chart.archivePath ?? chart.dir);
  const chartDir = resolve(cwd, chart.dir);
  return {
    chartPath: chartAbs,
    releaseName: env.releaseName,
    namespace: env.namespace,
    valuesFiles: env.valuesFiles.map((f) => resolve(chartDir, f)),
    setJson: [...Object.entries(env.set).map(([k, v]) => `${k}=${JSON.stringify(v)}`), ...env.setJson],
    ...(env.setOrigins
      ? {
          setJsonOrigins: [
            ...Object.keys(env.set).map((k) => env.setOrigins?.[k]),
            ...env.setJson.map(() => undefined),
          ],
        }
      : {}),
    set: env.setFlags,
    setString: env.setString,
    setFile: env.setFile,
    setLiteral: env.setLiteral,
    ...(env.kubeVersion !== undefined ? { kubeVersion: env.kubeVersion } : {}),
    apiVersions: env.apiVersions,
    helmCapabilities,
    flags: { ...LINT_FLAGS, isUpgrade: env.isUpgrade },
  };
}
