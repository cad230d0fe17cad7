import type { Chart } from '../chart/types.js';
import type { Finding } from '../diagnostics/finding.js';
import type { RenderedManifest } from '../manifests/types.js';
import type { PolicySet } from '../policy/index.js';
import { makeFinding, sentence } from './findings.js';
import { manifestFinding } from './manifest-finding.js';

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
  const context = { chart, environment, manifests, readText };
  return results.map((r) => {
    const manifest = r.manifestId === undefined ? undefined : manifests[r.manifestId];
    const details = r.details ? { details: r.details } : undefined;
    const common = {
      ruleId: r.ruleId,
      severity: r.severity,
      discriminator: r.message,
      ...(details ? { properties: details } : {}),
    };
    // A combined-mode result that names no manifest is about the release: it points at the chart.
    const finding = manifest
      ? manifestFinding(context, {
          ...common,
          message: sentence(r.message),
          manifest,
          path: r.path ?? ['metadata', 'name'],
        })
      : makeFinding({
          ...common,
          message: sentence(r.message),
          chart: chart.dir,
          environment: environment.name,
          releaseName: environment.releaseName,
          location: { file: chart.chartYaml.path },
        });
    if (r.suppressed) {
      finding.suppressed = true;
      finding.suppression = { kind: 'annotation', justification: 'Rego exception rule' };
    }
    return finding;
  });
}
