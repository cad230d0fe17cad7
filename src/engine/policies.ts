import type { Chart } from '../chart/types.js';
import type { Finding } from '../diagnostics/finding.js';
import type { RenderedManifest } from '../manifests/types.js';
import type { PolicySet } from '../policy/index.js';
import { makeFinding, resourceKeyOf, sentence } from './findings.js';
import { locateInManifest, locationProperties } from './locate-manifest.js';

/**
 * Evaluates the policy set over one environment's manifests and turns every result into a located finding with rule
 * id `<package>/<rule>`. Results excepted by a Rego `exception` rule are kept, marked suppressed.
 */
export function policyFindings(
  policies: PolicySet,
  chart: Chart,
  environment: { name: string; kubeVersion: string; releaseName: string },
  manifests: readonly RenderedManifest[],
  combine: boolean,
  readText: (displayPath: string) => string | undefined,
): Finding[] {
  const results = policies.evaluate(
    manifests.map((m) => ({ object: m.object, id: m.id, source: m.document.source })),
    {
      chart: { name: chart.metadata.name, version: chart.metadata.version, path: chart.dir },
      environment: environment.name,
      kubeVersion: environment.kubeVersion,
    },
    combine,
  );
  return results.map((r) => {
    const manifest = r.manifestId === undefined ? undefined : manifests[r.manifestId];
    const path = r.path ?? ['metadata', 'name'];
    const located = manifest
      ? locateInManifest(chart, manifest, path, readText)
      : { location: { file: chart.chartYaml.path }, related: [], approximate: true };
    const inArchive =
      'insideArchive' in located && located.insideArchive ? ` (in ${located.insideArchive})` : '';
    const finding = makeFinding({
      ruleId: r.ruleId,
      message: sentence(sentence(r.message).replace(/\.$/, '') + inArchive),
      severity: r.severity,
      chart: chart.dir,
      environment: environment.name,
      releaseName: environment.releaseName,
      location: located.location,
      related: located.related,
      ...(manifest
        ? { resource: manifest.resource, resourceKey: resourceKeyOf(manifest, manifests), path: [...path] }
        : {}),
      discriminator: r.message,
      properties: { ...(r.details ? { details: r.details } : {}), ...locationProperties(located) },
    });
    if (Object.keys(finding.properties ?? {}).length === 0) delete finding.properties;
    if (r.suppressed) {
      finding.suppressed = true;
      finding.suppression = { kind: 'annotation', justification: 'Rego exception rule' };
    }
    return finding;
  });
}
