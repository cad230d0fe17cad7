/**
 * The environment matrix (DESIGN.md §2.2): which renders of a chart to lint, built from `.chartlint.yaml`, `--env`,
 * the helm-style flags and `--ci-values`.
 */
import { readdirSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ChartlintError } from '../diagnostics/errors.js';
import type { ValueSpan } from '../diagnostics/location.js';
import type { LoadedConfig } from './load.js';
import type { EnvironmentConfig } from './types.js';

/** One render of a chart: the values and capabilities `helm template` would be given. */
export interface Environment {
  name: string;
  /** Values files relative to the chart directory, in order (helm `-f`). */
  valuesFiles: string[];
  /** Typed values by key path from the configuration's `set:` map. */
  set: Record<string, unknown>;
  /** Where each `set` value is written in the configuration file (display path and character offsets). */
  setOrigins?: Record<string, { file: string } & ValueSpan>;
  /** Raw `--set` arguments (`a.b=1,c=2`), applied after `set`. */
  setFlags: string[];
  /** Raw `--set-string` arguments (`key=value`). */
  setString: string[];
  /** Raw `--set-file` arguments (`key=path`, paths absolute or relative to the working directory). */
  setFile: string[];
  /** Raw `--set-json` arguments (`key=<json>`). */
  setJson: string[];
  /** Raw `--set-literal` arguments. */
  setLiteral: string[];
  /** `.Release.Namespace` (default `default`). */
  namespace: string;
  /** `.Release.Name` (default `release-name`). */
  releaseName: string;
  /** Target Kubernetes version (`--kube-version`); undefined means Helm's default. */
  kubeVersion?: string;
  /** Extra API versions for `.Capabilities.APIVersions`. */
  apiVersions: string[];
  isUpgrade: boolean;
}

/** The helm-style flags of the command line (structurally the CLI's parsed flags). */
export interface EnvironmentOverrides {
  values?: string[];
  set?: string[];
  setString?: string[];
  setFile?: string[];
  setJson?: string[];
  setLiteral?: string[];
  kubeVersion?: string;
  apiVersions?: string[];
  namespace?: string;
  releaseName?: string;
  isUpgrade?: boolean;
}

/** How environments are selected. */
export interface EnvironmentSelection {
  /** `--env` names; empty selects every environment. */
  envNames: string[];
  /** `--ci-values`: one environment per `ci/*-values.yaml` of the chart. */
  ciValues: boolean;
  /** Working directory: base of the flags' relative paths. */
  cwd: string;
}

/** The chart as environments need it (a loaded Chart fits). */
export interface EnvironmentChart {
  /** Display path of the chart directory relative to `cwd` (`x.tgz#x` for archives). */
  dir: string;
  archivePath?: string;
  /** The chart's `.Files` paths; used for `--ci-values` when the chart is an archive. */
  files: readonly { path: string }[];
}

/** The name of the environment used when nothing is configured. */
export const DEFAULT_ENVIRONMENT = 'default';
/** The name of the environment the helm-style flags make when configured environments exist and no --env is given. */
export const CLI_ENVIRONMENT = 'cli';

const CI_VALUES = /^ci\/([^/]+)-values\.yaml$/;

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** A key path and a value as one `--set`-style argument. */
function keyValue(key: string, value: string): string {
  return `${key}=${value}`;
}

/** An environment from its configuration, with the config-level `kubeVersion` as the default. */
function fromConfig(
  name: string,
  env: EnvironmentConfig,
  loaded: LoadedConfig,
  chartAbs: string,
  cwd: string,
): Environment {
  const config = loaded.config;
  const kubeVersion = env.kubeVersion ?? config.kubeVersion;
  const spans = loaded.file !== undefined ? loaded.setSpans?.[name] : undefined;
  const file = loaded.file;
  return {
    name,
    valuesFiles: [...(env.values ?? [])],
    set: { ...(env.set ?? {}) },
    ...(spans && file !== undefined
      ? {
          setOrigins: Object.fromEntries(
            Object.entries(spans).map(([key, span]) => [key, { file, ...span }]),
          ),
        }
      : {}),
    setFlags: [],
    setString: Object.entries(env.setString ?? {}).map(([k, v]) => keyValue(k, String(v))),
    // Config paths are relative to the chart; flags carry paths the renderer resolves from the working directory.
    setFile: Object.entries(env.setFile ?? {}).map(([k, v]) =>
      keyValue(k, toPosix(relative(cwd, resolve(chartAbs, v)))),
    ),
    setJson: Object.entries(env.setJson ?? {}).map(([k, v]) => keyValue(k, JSON.stringify(v))),
    setLiteral: [],
    namespace: env.namespace ?? 'default',
    releaseName: env.releaseName ?? 'release-name',
    ...(kubeVersion !== undefined ? { kubeVersion } : {}),
    apiVersions: [...(env.apiVersions ?? [])],
    isUpgrade: env.isUpgrade ?? false,
  };
}

function hasFlags(o: EnvironmentOverrides): boolean {
  return (
    (o.values?.length ?? 0) +
      (o.set?.length ?? 0) +
      (o.setString?.length ?? 0) +
      (o.setFile?.length ?? 0) +
      (o.setJson?.length ?? 0) +
      (o.setLiteral?.length ?? 0) +
      (o.apiVersions?.length ?? 0) >
      0 ||
    o.kubeVersion !== undefined ||
    o.namespace !== undefined ||
    o.releaseName !== undefined ||
    o.isUpgrade === true
  );
}

/** Applies the flags on top of an environment: lists are appended (flags come last, as in helm), scalars replace. */
function applyOverrides(
  env: Environment,
  o: EnvironmentOverrides,
  chartAbs: string,
  cwd: string,
): Environment {
  return {
    ...env,
    valuesFiles: [
      ...env.valuesFiles,
      ...(o.values ?? []).map((f) => toPosix(relative(chartAbs, resolve(cwd, f)))),
    ],
    setFlags: [...env.setFlags, ...(o.set ?? [])],
    setString: [...env.setString, ...(o.setString ?? [])],
    setFile: [...env.setFile, ...(o.setFile ?? [])],
    setJson: [...env.setJson, ...(o.setJson ?? [])],
    setLiteral: [...env.setLiteral, ...(o.setLiteral ?? [])],
    namespace: o.namespace ?? env.namespace,
    releaseName: o.releaseName ?? env.releaseName,
    ...(o.kubeVersion !== undefined ? { kubeVersion: o.kubeVersion } : {}),
    apiVersions: [...env.apiVersions, ...(o.apiVersions ?? [])],
    isUpgrade: o.isUpgrade ?? env.isUpgrade,
  };
}

/** `ci/*-values.yaml` files of a chart, sorted: from disk for a directory chart (even if helmignored), else `.Files`. */
function ciValuesFiles(chart: EnvironmentChart, chartAbs: string): string[] {
  let names: string[];
  if (chart.archivePath === undefined) {
    try {
      names = readdirSync(resolve(chartAbs, 'ci')).map((name) => `ci/${name}`);
    } catch {
      names = [];
    }
  } else {
    names = chart.files.map((file) => file.path);
  }
  return names.filter((name) => CI_VALUES.test(name)).sort();
}

/**
 * The environments to render `chart` in:
 * - no configured environments → one environment `default` (Helm's defaults, config `kubeVersion`);
 * - otherwise the configured ones, in file order;
 * - `--ci-values` replaces them with one environment per `ci/<name>-values.yaml` (named `<name>`), falling back to
 *   `default` when the chart has none;
 * - `--env NAME` selects (an unknown name is a usage error listing the known ones);
 * - helm-style flags override the selected environments; without `--env` and with configured environments they make
 *   one ad-hoc environment `cli` instead (rendering exactly what was asked, like `helm template` would).
 */
export function buildEnvironments(
  loaded: LoadedConfig,
  overrides: EnvironmentOverrides,
  chart: EnvironmentChart,
  selection: EnvironmentSelection,
): Environment[] {
  const config = loaded.config;
  const cwd = resolve(selection.cwd);
  const chartAbs = resolve(cwd, chart.archivePath ?? chart.dir);
  const configured = Object.entries(config.environments ?? {});
  let environments: Environment[];
  if (selection.ciValues) {
    environments = ciValuesFiles(chart, chartAbs).map((file) => {
      const name = (CI_VALUES.exec(file) as RegExpExecArray)[1] as string;
      return fromConfig(name, { values: [file] }, loaded, chartAbs, cwd);
    });
  } else {
    environments = configured.map(([name, env]) => fromConfig(name, env, loaded, chartAbs, cwd));
  }
  const useDefault = environments.length === 0;
  if (useDefault) environments = [fromConfig(DEFAULT_ENVIRONMENT, {}, loaded, chartAbs, cwd)];

  if (selection.envNames.length > 0) {
    const known = new Map(environments.map((env) => [env.name, env]));
    environments = selection.envNames.map((name) => {
      const env = known.get(name);
      if (!env) {
        throw new ChartlintError(
          'usage',
          `unknown environment ${JSON.stringify(name)}; known environments: ${[...known.keys()].join(', ')}`,
          loaded.file !== undefined ? { location: { file: loaded.file } } : {},
        );
      }
      return env;
    });
  } else if (hasFlags(overrides) && !useDefault && !selection.ciValues) {
    environments = [fromConfig(CLI_ENVIRONMENT, {}, loaded, chartAbs, cwd)];
  }
  return hasFlags(overrides)
    ? environments.map((env) => applyOverrides(env, overrides, chartAbs, cwd))
    : environments;
}
