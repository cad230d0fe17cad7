/**
 * crd-ordering (release scope): custom resources that cannot be created on first install because their CRD is
 * templated in the same release or can be switched off without them, and the CRD packaging mistakes Helm does
 * not report (checks-facts.md §2.5). File order is never flagged: Helm sorts by kind.
 */
import { parseAllDocuments } from 'yaml';
import type { Chart, ChartFile, Dependency } from '../chart/types.js';
import { sourceFileOf } from '../chart/source-file.js';
import { spanOf, lineStartsOf } from '../diagnostics/location.js';
import { apiGroupOf } from '../manifests/pod-specs.js';
import type { RenderedManifest } from '../manifests/types.js';
import { scanTemplateCrds } from './crd-template-scan.js';
import { defineRule, reportMessage } from './define.js';
import type { RuleContext } from './types.js';

/** Options of crd-ordering. */
export interface CrdOrderingOptions {
  /** Warn about templated CRDs without `helm.sh/resource-policy: keep`. */
  requireKeep: boolean;
}

/** Hook names Helm 3/4 knows; any other name makes Helm drop the whole object silently. */
const HELM_HOOKS = new Set([
  'pre-install',
  'post-install',
  'pre-delete',
  'post-delete',
  'pre-upgrade',
  'post-upgrade',
  'pre-rollback',
  'post-rollback',
  'test',
  'test-success',
]);

const messages = {
  'cr-with-templated-crd':
    '{kind} "{name}" needs the CRD {crd}, which is templated in the same release, so the first helm install fails with "no matches for kind"; move the CRD to crds/ or make this a post-install hook.',
  'cr-with-hook-crd':
    '{kind} "{name}" needs the CRD {crd}, which is a {hook} hook; Helm maps the release before hooks run, so the first install fails; move the CRD to crds/.',
  'cr-hook-race':
    '{kind} "{name}" is a {hook} hook that needs the templated CRD {crd}; Helm does not wait for the CRD to be established, so creating it can race.',
  'unknown-hook':
    'Hook "{hook}" is not a Helm 3 hook, so Helm drops this object without a word; use pre-install/post-install or move CRDs to crds/.',
  'crds-templated':
    'crds/{file} contains template syntax, but files in crds/ are never rendered; move it to templates/ or remove the template actions.',
  'crds-not-crd':
    'crds/{file} holds a {kind}; only apiextensions.k8s.io CustomResourceDefinitions belong in crds/.',
  'crds-ignored-file':
    'crds/{file} is ignored by Helm, which installs only .yaml, .yml and .json files from crds/.',
  'templated-crd-no-keep':
    'The templated CRD {crd} has no helm.sh/resource-policy: keep, so uninstalling or disabling the chart deletes it and every {kind} in the cluster.',
  'resource-policy-value':
    'helm.sh/resource-policy is "{value}"; Helm understands only keep, and any other value also stops Helm from deleting the object.',
  'hook-weight': 'helm.sh/hook-weight "{value}" is not an integer, so Helm silently uses 0.',
  'version-not-served':
    '{kind} "{name}" uses version {version}, which the chart\'s CRD {crd} does not serve (served: {served}).',
  'crd-only-in-optional-dependency':
    '{kind} "{name}" needs the CRD {crd}, which only the dependency {dependency} ships, and that dependency can be disabled ({toggle}); disabling it leaves this resource without its CRD.',
  'crd-toggled-off':
    'Custom resource {kind} "{name}" is rendered while its CRD {crd} ({file}) is not: the CRD\'s toggle is off but the custom resource is not behind it, so installing fails unless the CRD already exists.',
} as const;

type Ctx = RuleContext<CrdOrderingOptions>;

/** What the release defines about one CRD. */
interface CrdInfo {
  name: string;
  group: string;
  kind: string;
  served: string[];
  /** Where it comes from: `crds/` (installed before rendering) or a template, possibly as a hook. */
  source: 'crds' | 'template';
  hooks: string[];
}

function annotations(object: Record<string, unknown>): Record<string, unknown> {
  const meta = object.metadata as { annotations?: unknown } | undefined;
  const a = meta?.annotations;
  return a !== null && typeof a === 'object' && !Array.isArray(a) ? (a as Record<string, unknown>) : {};
}

function hooksOf(object: Record<string, unknown>): string[] {
  const hook = annotations(object)['helm.sh/hook'];
  return typeof hook === 'string'
    ? hook
        .split(',')
        .map((h) => h.trim())
        .filter((h) => h !== '')
    : [];
}

function isCrd(object: Record<string, unknown>): boolean {
  return (
    object.kind === 'CustomResourceDefinition' &&
    apiGroupOf(String(object.apiVersion ?? '')) === 'apiextensions.k8s.io'
  );
}

/** Group, kind and served versions of a CRD object (v1 `versions[]`, v1beta1 `version`). */
export function crdInfo(object: Record<string, unknown>, source: CrdInfo['source']): CrdInfo | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  const names = spec?.names as Record<string, unknown> | undefined;
  if (!spec || typeof spec.group !== 'string' || typeof names?.kind !== 'string') return undefined;
  const served: string[] = [];
  if (Array.isArray(spec.versions)) {
    for (const v of spec.versions as Record<string, unknown>[]) {
      if (v && typeof v.name === 'string' && v.served !== false) served.push(v.name);
    }
  }
  if (typeof spec.version === 'string' && !served.includes(spec.version)) served.push(spec.version);
  const meta = object.metadata as { name?: unknown } | undefined;
  return {
    name: typeof meta?.name === 'string' ? meta.name : `${names.kind}.${spec.group}`,
    group: spec.group,
    kind: names.kind,
    served,
    source,
    hooks: hooksOf(object),
  };
}

/** The charts whose crds/ and templates/ are part of the release and exist as files. */
function directoryCharts(chart: Chart): Chart[] {
  return [chart, ...chart.subcharts.filter((s) => s.archivePath === undefined).flatMap(directoryCharts)];
}

function allCharts(chart: Chart): Chart[] {
  return [chart, ...chart.subcharts.flatMap(allCharts)];
}

const CRD_EXTENSIONS = /\.(ya?ml|json)$/i;

/** CRD005/006: files of crds/ that Helm ignores or cannot install. Returns the CRDs the files define. */
function checkCrdFiles(ctx: Ctx, chart: Chart): CrdInfo[] {
  const found: CrdInfo[] = [];
  for (const file of chart.crds) {
    const rel = file.path.replace(/^crds\//, '');
    const source = sourceFileOf(
      { dir: chart.dir, ...(chart.archivePath ? { archive: chart.archivePath } : {}) },
      file,
    );
    const whole = { file: { path: source.path, span: spanOf(source.lineStarts, 0, 0) } };
    const onDisk = chart.archivePath === undefined;
    if (!CRD_EXTENSIONS.test(file.path)) {
      if (onDisk)
        reportMessage(ctx, rule, 'crds-ignored-file', { file: rel }, { ...whole, severity: 'warning' });
      continue;
    }
    const brace = file.text.indexOf('{{');
    if (brace >= 0) {
      if (onDisk) {
        const span = spanOf(source.lineStarts, brace, brace + 2);
        reportMessage(
          ctx,
          rule,
          'crds-templated',
          { file: rel },
          { file: { path: source.path, span }, severity: 'error' },
        );
      }
      continue;
    }
    found.push(...crdsInFile(ctx, file, source.path, rel, onDisk));
  }
  return found;
}

function crdsInFile(ctx: Ctx, file: ChartFile, path: string, rel: string, onDisk: boolean): CrdInfo[] {
  const out: CrdInfo[] = [];
  const lineStarts = lineStartsOf(file.text);
  for (const doc of parseAllDocuments(file.text, { version: '1.1' }) as ReturnType<typeof parseAllDocuments> &
    unknown[]) {
    if (doc.errors.length > 0 || doc.contents === null) continue;
    const object = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    if (object === null || typeof object !== 'object' || Array.isArray(object)) continue;
    const o = object as Record<string, unknown>;
    if (!isCrd(o)) {
      const start = doc.contents.range?.[0] ?? 0;
      if (onDisk) {
        reportMessage(
          ctx,
          rule,
          'crds-not-crd',
          { file: rel, kind: String(o.kind ?? 'document without a kind') },
          { file: { path, span: spanOf(lineStarts, start, start) }, severity: 'error' },
        );
      }
      continue;
    }
    const info = crdInfo(o, 'crds');
    if (info) out.push(info);
  }
  return out;
}

/** CRD004: unknown hook names in template sources (Helm drops those objects, so they never reach the output). */
function checkHookNames(ctx: Ctx, chart: Chart): void {
  for (const template of chart.templates) {
    const source = sourceFileOf({ dir: chart.dir }, template);
    const re = /helm\.sh\/hook["']?\s*:\s*["']?([^"'\n#{}]+)/g;
    for (const m of template.text.matchAll(re)) {
      const list = m[1] ?? '';
      let offset = (m.index ?? 0) + m[0].length - list.length;
      for (const part of list.split(',')) {
        const name = part.trim();
        const at = offset + part.indexOf(name);
        offset += part.length + 1;
        if (name === '' || HELM_HOOKS.has(name)) continue;
        reportMessage(
          ctx,
          rule,
          'unknown-hook',
          { hook: name },
          {
            file: { path: source.path, span: spanOf(source.lineStarts, at, at + name.length) },
            severity: 'error',
            discriminator: `${template.path}:${name}`,
          },
        );
      }
    }
  }
}

function checkAnnotations(ctx: Ctx, manifest: RenderedManifest): void {
  const a = annotations(manifest.object);
  const policy = a['helm.sh/resource-policy'];
  if (typeof policy === 'string' && policy.trim().toLowerCase() !== 'keep') {
    reportMessage(
      ctx,
      rule,
      'resource-policy-value',
      { value: policy },
      { manifest, path: ['metadata', 'annotations', 'helm.sh/resource-policy'], severity: 'warning' },
    );
  }
  const weight = a['helm.sh/hook-weight'];
  if (weight !== undefined && !/^[+-]?\d+$/.test(String(weight))) {
    reportMessage(
      ctx,
      rule,
      'hook-weight',
      { value: String(weight) },
      { manifest, path: ['metadata', 'annotations', 'helm.sh/hook-weight'], severity: 'warning' },
    );
  }
}

const PRE_HOOKS = new Set(['pre-install', 'pre-upgrade']);
const POST_HOOKS = new Set(['post-install', 'post-upgrade']);

/** Group, version and kind of an object of a non-core API group (only those can be custom resources). */
function groupVersionKind(
  object: Record<string, unknown>,
): { group: string; version: string; kind: string } | undefined {
  const apiVersion = String(object.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  return {
    group: apiVersion.slice(0, slash),
    version: apiVersion.slice(slash + 1),
    kind: String(object.kind ?? ''),
  };
}

function checkCustomResource(ctx: Ctx, manifest: RenderedManifest, crds: readonly CrdInfo[]): void {
  const object = manifest.object;
  const gvk = groupVersionKind(object);
  if (!gvk) return;
  const { version, kind } = gvk;
  const crd = crds.find((c) => c.group === gvk.group && c.kind === kind);
  if (!crd) return;
  const name = manifest.resource.name;
  const data = { kind, name, crd: crd.name };
  const at = { manifest, path: ['kind'] as const, discriminator: crd.name };
  const hooks = hooksOf(object);
  if (crd.source === 'template') {
    if (hooks.length === 0) {
      const crdHook = crd.hooks.find((h) => PRE_HOOKS.has(h)) ?? crd.hooks[0];
      if (crdHook)
        reportMessage(
          ctx,
          rule,
          'cr-with-hook-crd',
          { ...data, hook: crdHook },
          { ...at, path: ['kind'], severity: 'error' },
        );
      else
        reportMessage(ctx, rule, 'cr-with-templated-crd', data, { ...at, path: ['kind'], severity: 'error' });
    } else {
      const post = hooks.find((h) => POST_HOOKS.has(h));
      if (post)
        reportMessage(
          ctx,
          rule,
          'cr-hook-race',
          { ...data, hook: post },
          { ...at, path: ['metadata', 'annotations', 'helm.sh/hook'], severity: 'warning' },
        );
    }
  }
  if (crd.served.length > 0 && !crd.served.includes(version)) {
    reportMessage(
      ctx,
      rule,
      'version-not-served',
      { ...data, version, served: crd.served.join(', ') },
      { manifest, path: ['apiVersion'], severity: 'error', discriminator: `${crd.name}:${version}` },
    );
  }
}

/** A CRD that a chart of the release ships, whether or not this environment installs it. */
interface ShippedCrd {
  group: string;
  kind: string;
  name: string;
  chart: Chart;
  /** Display path of the template defining it; absent for a CRD in crds/. */
  template?: string;
}

/** The CRDs a chart defines in its templates' source text, rendered in this environment or not. */
function templateCrdsOf(chart: Chart): ShippedCrd[] {
  const origin = { dir: chart.dir, ...(chart.archivePath ? { archive: chart.archivePath } : {}) };
  return chart.templates.flatMap((file) =>
    scanTemplateCrds(file.text).map((crd) => ({ ...crd, chart, template: sourceFileOf(origin, file).path })),
  );
}

/** A Chart.yaml dependency entry that can switch a chart off, and the subchart it switches off. */
interface Gate {
  chart: Chart;
  dependency: Dependency;
}

function entriesOf(chart: Chart): Dependency[] {
  return chart.parent?.metadata.dependencies.filter((d) => d.name === chart.metadata.name) ?? [];
}

/**
 * The nearest entry, for `chart` or an enclosing subchart, with a `condition` or `tags`. A subchart listed under
 * several aliases stays on as long as one entry has neither; an undeclared subchart is always on.
 */
function gateOf(chart: Chart): Gate | undefined {
  for (let c: Chart | undefined = chart; c?.parent; c = c.parent) {
    const entries = entriesOf(c);
    const first = entries[0];
    if (first && entries.every((d) => d.condition !== '' || d.tags.length > 0))
      return { chart: c, dependency: first };
  }
  return undefined;
}

/** Subchart names from the root down to `chart`, each the set of names it renders under (aliases included). */
function renderChain(chart: Chart): Set<string>[] {
  const chain: Set<string>[] = [];
  for (let c: Chart | undefined = chart; c?.parent; c = c.parent) {
    chain.unshift(new Set([c.metadata.name, ...entriesOf(c).map((d) => d.alias || d.name)]));
  }
  return chain;
}

/** True when the manifest was rendered by `chart` or one of its subcharts (`<root>/charts/<sub>/…` sources). */
function renderedInside(manifest: RenderedManifest, chart: Chart): boolean {
  const parts = manifest.document.source.split('/').slice(1);
  return renderChain(chart).every(
    (names, i) => parts[2 * i] === 'charts' && names.has(parts[2 * i + 1] ?? ''),
  );
}

function toggleOf(dependency: Dependency): string {
  const toggles: string[] = [];
  if (dependency.condition !== '') toggles.push(`condition: ${dependency.condition}`);
  if (dependency.tags.length > 0) toggles.push(`tags: ${dependency.tags.join(', ')}`);
  return toggles.join('; ');
}

/**
 * CRD010 and CRD011: the chart ships the custom resource's CRD, but the CRD can be switched off while the custom
 * resource stays — by a dependency's condition/tags, or by a values toggle around a templated CRD that is off in
 * this environment.
 */
function checkOptionalCrd(
  ctx: Ctx,
  manifest: RenderedManifest,
  shipped: readonly ShippedCrd[],
  available: readonly CrdInfo[],
): void {
  const gvk = groupVersionKind(manifest.object);
  if (!gvk) return;
  const matches = shipped.filter((c) => c.group === gvk.group && c.kind === gvk.kind);
  const first = matches[0];
  if (!first) return;
  const data = { kind: gvk.kind, name: manifest.resource.name, crd: first.name };
  const gates = matches.map((c) => gateOf(c.chart));
  if (gates.every((g) => g !== undefined)) {
    // A custom resource inside the optional subchart is switched off together with its CRD.
    if (gates.some((g) => renderedInside(manifest, g.chart))) return;
    const gate = gates[0] as Gate;
    reportMessage(
      ctx,
      rule,
      'crd-only-in-optional-dependency',
      {
        ...data,
        dependency: gate.dependency.alias || gate.dependency.name,
        toggle: toggleOf(gate.dependency),
      },
      { manifest, path: ['apiVersion'], severity: 'warning', discriminator: `${first.name}:dependency` },
    );
    return;
  }
  const toggled = matches.find((c, i) => c.template !== undefined && gates[i] === undefined);
  if (!toggled?.template) return;
  if (available.some((c) => c.group === gvk.group && c.kind === gvk.kind)) return;
  reportMessage(
    ctx,
    rule,
    'crd-toggled-off',
    { ...data, crd: toggled.name, file: toggled.template },
    { manifest, path: ['kind'], severity: 'warning', discriminator: `${toggled.name}:toggle` },
  );
}

/** The rule. */
export const rule = defineRule<CrdOrderingOptions>({
  id: 'crd-ordering',
  scope: 'release',
  messages,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      requireKeep: {
        type: 'boolean',
        description: 'Warn about CRDs rendered from templates without `helm.sh/resource-policy: keep`.',
      },
    },
  },
  defaultOptions: { requireKeep: true },
  check(ctx) {
    const crds: CrdInfo[] = [];
    const shipped: ShippedCrd[] = [];
    for (const chart of allCharts(ctx.chart)) {
      const inCrdFiles = checkCrdFiles(ctx, chart);
      crds.push(...inCrdFiles);
      shipped.push(...inCrdFiles.map((c) => ({ ...c, chart })), ...templateCrdsOf(chart));
    }
    for (const chart of directoryCharts(ctx.chart)) checkHookNames(ctx, chart);
    for (const manifest of ctx.manifests) {
      // crds/ documents may also arrive rendered (helm template --include-crds); the files were read above.
      if (manifest.document.role === 'crd') continue;
      checkAnnotations(ctx, manifest);
      if (!isCrd(manifest.object)) continue;
      const info = crdInfo(manifest.object, 'template');
      if (!info) continue;
      crds.push(info);
      if (ctx.options.requireKeep && annotations(manifest.object)['helm.sh/resource-policy'] === undefined) {
        reportMessage(
          ctx,
          rule,
          'templated-crd-no-keep',
          { crd: info.name, kind: info.kind },
          { manifest, path: ['metadata', 'name'], severity: 'warning' },
        );
      }
    }
    for (const manifest of ctx.manifests) {
      if (manifest.document.role === 'crd' || isCrd(manifest.object)) continue;
      checkCustomResource(ctx, manifest, crds);
      checkOptionalCrd(ctx, manifest, shipped, crds);
    }
  },
});
