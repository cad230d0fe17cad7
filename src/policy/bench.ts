import { loadPolicySet, type PolicySet } from './policy-set.js';
import type { PolicyManifest } from './types.js';

/** What {@link benchmarkPolicies} measured. */
export interface PolicyBenchResult {
  manifests: number;
  results: number;
  seconds: number;
  manifestsPerSecond: number;
}

/** A Deployment typical of a chart: two containers, probes on one, a few settings each policy looks at. */
function syntheticDeployment(i: number): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: `app-${i}`,
      namespace: i % 3 === 0 ? 'default' : `team-${i % 7}`,
      labels: { app: `app-${i}` },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: `app-${i}` } },
      template: {
        metadata: { labels: { app: `app-${i}` } },
        spec: {
          containers: [
            {
              name: 'web',
              image: `registry.example.com/web:${i % 5}.0.0`,
              ports: [{ containerPort: 8080 }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: i % 2 === 0 },
            },
            { name: 'sidecar', image: 'busybox:1.36', securityContext: { privileged: i % 4 === 0 } },
          ],
        },
      },
    },
  };
}

/**
 * Evaluates `count` synthetic Deployments with `policySet` (default: the built-in pack alone) and reports the
 * throughput; loading the policies is not timed. For `npm run bench`.
 */
export async function benchmarkPolicies(count = 2000, policySet?: PolicySet): Promise<PolicyBenchResult> {
  const set =
    policySet ??
    (await loadPolicySet({
      builtin: true,
      disabledBuiltin: [],
      paths: [],
      namespaces: ['main'],
      dataFiles: [],
      cacheDir: '',
    }));
  const manifests: PolicyManifest[] = Array.from({ length: count }, (_, i) => ({
    id: i,
    object: syntheticDeployment(i),
  }));
  const context = {
    chart: { name: 'bench', version: '1.0.0', path: 'bench' },
    environment: 'bench',
    kubeVersion: '1.31.0',
  };
  const start = performance.now();
  const results = set.evaluate(manifests, context, false);
  const seconds = (performance.now() - start) / 1000;
  return {
    manifests: count,
    results: results.length,
    seconds,
    manifestsPerSecond: seconds > 0 ? count / seconds : Infinity,
  };
}
