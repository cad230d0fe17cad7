/** The lowest Kubernetes minor a chart declares support for, from Chart.yaml `kubeVersion` (a semver range). */
import { SemverVersion, parseConstraints, satisfies } from '../values/semver.js';
import type { KubeVersion } from '../manifests/kube-version.js';

/**
 * The lowest `1.N` that satisfies the chart's `kubeVersion` constraint, searching up to `upTo`; undefined when the
 * chart declares no constraint, the constraint does not parse, or nothing up to `upTo` satisfies it. A minor
 * counts when its first or a late patch satisfies the range, so `>=1.21.3` still means 1.21.
 */
export function chartMinimumKube(kubeVersion: string, upTo: KubeVersion): KubeVersion | undefined {
  if (kubeVersion.trim() === '') return undefined;
  let groups: ReturnType<typeof parseConstraints>;
  try {
    groups = parseConstraints(kubeVersion);
  } catch {
    return undefined;
  }
  for (let minor = 0; minor <= upTo.minor; minor++) {
    for (const patch of [0, 999]) {
      if (satisfies(groups, SemverVersion.parse(`${upTo.major}.${minor}.${patch}`))) {
        return { major: upTo.major, minor, patch: 0 };
      }
    }
  }
  return undefined;
}
