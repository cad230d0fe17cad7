/**
 * The Kubernetes models of kubernetes-models (DESIGN.md §4: schema validation lives with the manifests), one module
 * per group/version/kind, loaded only when an object of that kind shows up. The CLI bundle swaps
 * {@link requireKubeModel} for a table of every model of the package (scripts/bundle-cli.mjs), so that the bundle
 * holds them and the compile cache keeps them: loaded file by file, a Deployment's schema alone is ~150 modules.
 */
import { createRequire } from 'node:module';

/** A model class: constructing it with an object and calling `validate()` throws with ajv-style `errors`. */
export type ModelClass = new (data: Record<string, unknown>) => { validate(): void };

/** Requires `kubernetes-models/<group>/<version>/<Kind>` (Node's resolution here; a table in the bundle). */
export const requireKubeModel: (specifier: string) => unknown = createRequire(import.meta.url);

const GROUP = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
const VERSION = /^v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

const models = new Map<string, ModelClass | null>();

/** The model class of a group/version/kind, or null when kubernetes-models has none. Loaded once per kind. */
export function kubeModel(apiVersion: string, kind: string): ModelClass | null {
  const key = `${apiVersion}/${kind}`;
  const cached = models.get(key);
  if (cached !== undefined) return cached;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  let model: ModelClass | null = null;
  // Only well-formed names reach the module resolver, so a manifest cannot make us load an arbitrary path.
  if ((group === '' || GROUP.test(group ?? '')) && VERSION.test(version ?? '') && KIND.test(kind)) {
    const specifier = `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`;
    try {
      const cls = (requireKubeModel(specifier) as Record<string, unknown>)[kind];
      if (typeof cls === 'function') model = cls as ModelClass;
    } catch {
      model = null;
    }
  }
  models.set(key, model);
  return model;
}
