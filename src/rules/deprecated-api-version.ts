/**
 * deprecated-api-version: objects whose apiVersion is removed in, or deprecated by, the environment's target
 * Kubernetes version (checks-facts.md §1). Removed → error, deprecated → warning, deprecated while the
 * replacement is not yet served at the chart's minimum supported Kubernetes → note.
 */
import { readFileSync } from 'node:fs';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Severity } from '../diagnostics/severity.js';
import { compareMinor, formatMinor, parseKubeVersion, type KubeVersion } from '../manifests/kube-version.js';
import type { JsonPath, RenderedManifest } from '../manifests/types.js';
import { chartMinimumKube } from './chart-kube-range.js';
import { loadRuleData } from './data.js';
import { defineRule, reportMessage } from './define.js';
import type { RuleContext } from './types.js';

/** One row of rules/deprecated-apis.yaml. */
export interface DeprecatedApi {
  apiVersion: string;
  kinds: string[];
  deprecatedIn: string;
  removedIn?: string;
  replacement?: string;
  replacementSince?: string;
  note?: string;
}

interface DeprecatedApiData {
  defaultTarget: string;
  apis: DeprecatedApi[];
}

/** Options: extra table rows, and group/versions (or `group/version/Kind`) to leave alone. */
export interface DeprecatedApiOptions {
  additional: DeprecatedApi[];
  ignore: string[];
}

const ENTRY_SCHEMA_URL = new URL('../../rules/schema/deprecated-apis.schema.json', import.meta.url);

const messages = {
  removed: '{apiVersion} {kind} is not served by Kubernetes {target}: it was removed in {removedIn}{use}.',
  deprecated: '{apiVersion} {kind} is deprecated since Kubernetes {deprecatedIn}{until}{use}.',
  'replacement-unavailable':
    '{apiVersion} {kind} is deprecated since Kubernetes {deprecatedIn}, but {replacement} is served only from {replacementSince} while the chart supports {chartMinimum}; select the apiVersion with .Capabilities.APIVersions.',
} as const;

function useClause(api: DeprecatedApi): string {
  return api.replacement ? `; use ${api.replacement}` : '; there is no replacement';
}

function minorOf(text: string): KubeVersion {
  // The data files are schema-validated to `N.N`, so this parse cannot fail.
  return parseKubeVersion(text) as KubeVersion;
}

/** The target version of an environment, or the table's default when the environment names none. */
function targetOf(ctx: RuleContext<DeprecatedApiOptions>, data: DeprecatedApiData): KubeVersion {
  const text = ctx.environment.kubeVersion.trim() || data.defaultTarget;
  const version = parseKubeVersion(text);
  if (!version) {
    throw new ChartlintError(
      'config-invalid',
      `environment ${ctx.environment.name}: kubeVersion "${text}" is not a Kubernetes version (expected e.g. 1.29 or v1.29.3)`,
    );
  }
  return version;
}

function matches(api: DeprecatedApi, apiVersion: string, kind: string): boolean {
  return api.apiVersion === apiVersion && (api.kinds.length === 0 || api.kinds.includes(kind));
}

function check(
  ctx: RuleContext<DeprecatedApiOptions>,
  apis: readonly DeprecatedApi[],
  target: KubeVersion,
  manifest: RenderedManifest,
  object: Record<string, unknown>,
  path: JsonPath,
): void {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (ctx.options.ignore.includes(apiVersion) || ctx.options.ignore.includes(`${apiVersion}/${kind}`)) return;
  const api = apis.find((a) => matches(a, apiVersion, kind));
  if (!api) return;
  const at = { manifest, path: [...path, 'apiVersion'], discriminator: `${apiVersion}/${kind}` };
  const data = { apiVersion, kind, target: formatMinor(target), use: useClause(api) };
  if (api.removedIn && compareMinor(target, minorOf(api.removedIn)) >= 0) {
    reportMessage(ctx, rule, 'removed', { ...data, removedIn: api.removedIn }, { ...at, severity: 'error' });
    return;
  }
  if (compareMinor(target, minorOf(api.deprecatedIn)) < 0) return;
  const chartMinimum = chartMinimumKube(ctx.chart.metadata.kubeVersion, target);
  if (
    api.replacement &&
    api.replacementSince &&
    chartMinimum &&
    compareMinor(chartMinimum, minorOf(api.replacementSince)) < 0
  ) {
    reportMessage(
      ctx,
      rule,
      'replacement-unavailable',
      {
        ...data,
        deprecatedIn: api.deprecatedIn,
        replacement: api.replacement,
        replacementSince: api.replacementSince,
        chartMinimum: formatMinor(chartMinimum),
      },
      { ...at, severity: 'note' },
    );
    return;
  }
  const until = api.removedIn ? ` and removed in ${api.removedIn}` : '';
  const severity: Severity = 'warning';
  reportMessage(
    ctx,
    rule,
    'deprecated',
    { ...data, deprecatedIn: api.deprecatedIn, until },
    { ...at, severity },
  );
}

/** The rule. */
export const rule = defineRule<DeprecatedApiOptions>({
  id: 'deprecated-api-version',
  scope: 'manifest',
  messages,
  get optionsSchema(): Record<string, unknown> {
    const dataSchema = JSON.parse(readFileSync(ENTRY_SCHEMA_URL, 'utf8')) as {
      definitions: Record<string, unknown>;
    };
    return {
      type: 'object',
      additionalProperties: false,
      definitions: dataSchema.definitions,
      properties: {
        additional: {
          type: 'array',
          items: { $ref: '#/definitions/entry' },
          description:
            'More deprecated APIs, shaped like the entries of rules/deprecated-apis.yaml; they take precedence over a built-in entry for the same API.',
        },
        ignore: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: '`apiVersion` or `apiVersion/Kind` entries not to report.',
        },
      },
    };
  },
  defaultOptions: { additional: [], ignore: [] },
  check(ctx, manifest) {
    if (!manifest) return;
    const data = loadRuleData<DeprecatedApiData>('deprecated-apis');
    // User rows come first so they can override a built-in row for the same group/version and kind.
    const apis = [...ctx.options.additional, ...data.apis];
    const target = targetOf(ctx, data);
    check(ctx, apis, target, manifest, manifest.object, []);
    const kind = manifest.object.kind;
    const items = manifest.object.items;
    if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items)) {
      items.forEach((item, index) => {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
          check(ctx, apis, target, manifest, item as Record<string, unknown>, ['items', index]);
        }
      });
    }
  },
});
