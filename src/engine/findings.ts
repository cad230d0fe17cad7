import type { Chart } from '../chart/types.js';
import type { Finding } from '../diagnostics/finding.js';
import { fingerprintOf } from '../diagnostics/fingerprint.js';
import type { Location, RelatedLocation } from '../diagnostics/location.js';
import type { Severity } from '../diagnostics/severity.js';
import type { RenderFailure } from '../render/types.js';
import { resolveTemplateSource } from './template-source.js';

/** Builds a finding and its fingerprint from its parts (the environment is added by the caller). */
export function makeFinding(parts: {
  ruleId: string;
  messageId?: string;
  message: string;
  severity: Severity;
  chart: string;
  environment: string;
  /** The environment's release name: replaced by a placeholder in the fingerprint, so that a resource named
   * `{{ .Release.Name }}-web` has the same identity in every environment. */
  releaseName?: string;
  /**
   * The resource's identity for the fingerprint when its rendered name is environment-dependent: the template that
   * wrote it and its position among that template's documents (see {@link resourceKeyOf}).
   */
  resourceKey?: string;
  location: Location;
  related?: RelatedLocation[];
  resource?: Finding['resource'];
  path?: (string | number)[];
  discriminator?: string;
  properties?: Record<string, unknown>;
}): Finding {
  return {
    ruleId: parts.ruleId,
    ...(parts.messageId ? { messageId: parts.messageId } : {}),
    message: parts.message,
    severity: parts.severity,
    chart: parts.chart,
    environments: [parts.environment],
    ...(parts.resource ? { resource: parts.resource } : {}),
    ...(parts.path ? { path: parts.path } : {}),
    location: parts.location,
    related: parts.related ?? [],
    fingerprint: fingerprintOf({
      ruleId: parts.ruleId,
      chart: parts.chart,
      resource: parts.resource && {
        apiVersion: parts.resource.apiVersion,
        kind: parts.resource.kind,
        // The namespace comes from the environment, and the name usually embeds the release name.
        name: parts.resourceKey ?? withoutNames(parts.resource.name, parts.releaseName),
      },
      path: parts.path,
      file: parts.location.file,
      discriminator: withoutNames(
        parts.discriminator ?? parts.messageId ?? '',
        parts.resource?.name,
        parts.releaseName,
      ),
    }),
    suppressed: false,
    ...(parts.properties ? { properties: parts.properties } : {}),
  };
}

/**
 * A chart that fails to render is an error finding (fail closed), located at the template line the renderer's
 * message names, else at Chart.yaml. The whole message is kept: it is the renderer's own and names no secret.
 */
export function renderErrorFinding(chart: Chart, environment: string, failure: RenderFailure): Finding {
  let location: Location = { file: chart.chartYaml.path, startLine: 1, startColumn: 1 };
  let message = failure.message;
  if (failure.template) {
    const source = resolveTemplateSource(chart, failure.template);
    location = templateLocation(source.location, source.displayPath, failure.line, failure.column);
    if (source.insideArchive) message = `${message} (in ${source.insideArchive})`;
  }
  const related: RelatedLocation[] = (failure.trace ?? []).map((t) => {
    const source = resolveTemplateSource(chart, t.template);
    return {
      ...templateLocation(source.location, source.displayPath, t.line, t.column),
      label: 'included from',
    };
  });
  return makeFinding({
    ruleId: 'render-error',
    messageId: 'failed',
    message: sentence(`Rendering failed: ${message.split('\n')[0] ?? message}`),
    severity: 'error',
    chart: chart.dir,
    environment,
    location,
    related,
    ...(message.includes('\n') ? { properties: { detail: message } } : {}),
    discriminator: failure.template ?? 'chart',
  });
}

function templateLocation(
  base: Location,
  displayPath: string | undefined,
  line?: number,
  column?: number,
): Location {
  if (!displayPath || line === undefined) return { ...base };
  return {
    ...base,
    startLine: line,
    endLine: line,
    ...(column !== undefined ? { startColumn: column, endColumn: column + 1 } : {}),
  };
}

/** Replaces environment-dependent names in a text by placeholders, longest first. */
function withoutNames(text: string, ...names: (string | undefined)[]): string {
  let out = text;
  for (const n of names.filter((x): x is string => !!x).sort((a, b) => b.length - a.length)) {
    out = out.split(n).join('<name>');
  }
  return out;
}

/**
 * A resource identity that does not depend on the environment: the template that wrote the document and the
 * document's position among those of the same template.
 */
export function resourceKeyOf(
  manifest: { id: number; document: { source: string } },
  all: readonly { id: number; document: { source: string } }[],
): string {
  const index = all.filter(
    (m) => m.document.source === manifest.document.source && m.id < manifest.id,
  ).length;
  return `${manifest.document.source}#${index}`;
}

/** Ends a message with a period, as every finding message does. */
export function sentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Merges the findings of every environment: one finding per fingerprint, listing the environments where it
 * occurred (in the order the environments were linted), and sorts them deterministically.
 */
export function mergeFindings(findings: readonly Finding[], chartOrder: readonly string[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const existing = byKey.get(f.fingerprint);
    if (!existing) {
      byKey.set(f.fingerprint, { ...f, environments: [...f.environments] });
      continue;
    }
    for (const e of f.environments) if (!existing.environments.includes(e)) existing.environments.push(e);
    // Suppressed in one environment but reported in another: it stays reported (suppression must hold everywhere).
    if (existing.suppressed && !f.suppressed) {
      existing.suppressed = false;
      delete existing.suppression;
    }
  }
  const rank = new Map(chartOrder.map((c, i) => [c, i]));
  return [...byKey.values()].sort(
    (a, b) =>
      (rank.get(a.chart) ?? 0) - (rank.get(b.chart) ?? 0) ||
      cmp(a.location.file, b.location.file) ||
      (a.location.startLine ?? 0) - (b.location.startLine ?? 0) ||
      (a.location.startColumn ?? 0) - (b.location.startColumn ?? 0) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.message, b.message) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
