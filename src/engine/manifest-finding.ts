/**
 * One place where a finding about a JSON path of a rendered manifest is located and fingerprinted (DESIGN.md §7), so
 * that rules and policies point at the same lines and get identities that survive line shifts and environments.
 */
import type { Chart } from '../chart/types.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Severity } from '../diagnostics/severity.js';
import type { JsonPath, RenderedManifest } from '../manifests/types.js';
import { makeFinding, resourceKeyOf, sentence } from './findings.js';
import { locateInManifest, locationProperties } from './locate-manifest.js';

/** What {@link manifestFinding} needs besides the rule's report. */
export interface ManifestFindingContext {
  /** The chart that was rendered (the root of subcharts). */
  chart: Chart;
  /** The environment the manifest was rendered in; its release name is left out of the fingerprint. */
  environment: { name: string; releaseName: string };
  /** Every manifest of this render: a resource's identity is its template and position among them. */
  manifests: readonly RenderedManifest[];
  /** Reads a repository file by display path (values files for their lines), undefined when it cannot. */
  readText: (displayPath: string) => string | undefined;
}

/** What a rule or a policy says about a manifest. */
export interface ManifestReport {
  ruleId: string;
  messageId?: string;
  /** One sentence; the path inside an archived subchart is appended when the location is its dependency entry. */
  message: string;
  severity: Severity;
  manifest: RenderedManifest;
  path: JsonPath;
  /** The part of the scalar at `path` the finding is about (the tag of an image reference). */
  focus?: string;
  /** Tells apart findings that share rule, resource, path and file. */
  discriminator?: string;
  properties?: Record<string, unknown>;
}

/**
 * Builds the located finding of a report about a manifest: primary location at the values line that supplied the
 * scalar (else the template line that wrote it), the template line and include call sites as related locations,
 * how it was located in `properties`, and a fingerprint built from the environment-independent resource identity.
 */
export function manifestFinding(ctx: ManifestFindingContext, report: ManifestReport): Finding {
  const { manifest } = report;
  const located = locateInManifest(ctx.chart, manifest, report.path, ctx.readText, report.focus);
  const message = located.insideArchive
    ? sentence(`${sentence(report.message).replace(/\.$/, '')} (in ${located.insideArchive})`)
    : report.message;
  const properties = { ...report.properties, ...locationProperties(located) };
  return makeFinding({
    ruleId: report.ruleId,
    ...(report.messageId !== undefined ? { messageId: report.messageId } : {}),
    message,
    severity: report.severity,
    chart: ctx.chart.dir,
    environment: ctx.environment.name,
    releaseName: ctx.environment.releaseName,
    resourceKey: resourceKeyOf(manifest, ctx.manifests),
    location: located.location,
    related: located.related,
    resource: manifest.resource,
    path: [...report.path],
    ...(report.discriminator !== undefined ? { discriminator: report.discriminator } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  });
}
