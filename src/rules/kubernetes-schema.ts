/**
 * kubernetes-schema: rendered built-in objects validated against the Kubernetes OpenAPI schemas bundled in
 * kubernetes-models. A model is loaded only when an object of its kind shows up (DESIGN.md §11); kinds without a
 * bundled schema (custom resources, removed APIs) are skipped with one note per kind.
 */
import { kubeModel, type ModelClass } from '../manifests/kube-models.js';
import type { JsonPath, RenderedManifest } from '../manifests/types.js';
import { defineRule, reportMessage } from './define.js';

/** Options of kubernetes-schema. */
export interface KubernetesSchemaOptions {
  /** Report kinds that have no bundled schema (a note, once per kind). */
  reportUnknownKinds: boolean;
  /** `apiVersion/Kind` (or `apiVersion`) entries not to validate. */
  skip: string[];
}

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A JSON pointer into an object, as a path with list indexes as numbers. */
export function pointerToPath(object: unknown, pointer: string): JsonPath {
  const path: (string | number)[] = [];
  let node: unknown = object;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(node) && /^\d+$/.test(seg) ? Number(seg) : seg;
    path.push(key);
    node =
      node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function pathText(path: JsonPath): string {
  if (path.length === 0) return 'the object';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** One problem per failing field: union-type failures collapse into one, the rest are joined. */
function problemsOf(errors: readonly AjvLikeError[]): { pointer: string; text: string }[] {
  const byPointer = new Map<string, AjvLikeError[]>();
  for (const e of errors) {
    const list = byPointer.get(e.instancePath) ?? [];
    list.push(e);
    byPointer.set(e.instancePath, list);
  }
  return [...byPointer].map(([pointer, list]) => {
    if (list.some((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
      return { pointer, text: 'does not have any of the allowed types' };
    }
    const texts = [
      ...new Set(
        list.map((e) =>
          e.keyword === 'required'
            ? `is missing the required field ${String(e.params.missingProperty)}`
            : (e.message ?? e.keyword),
        ),
      ),
    ];
    return { pointer, text: texts.join(' and ') };
  });
}

const messages = {
  invalid: '{path} of {kind} "{name}" {problem}.',
  'unknown-kind':
    'No Kubernetes schema is bundled for {apiVersion} {kind}, so objects of this kind are not validated.',
} as const;

function errorsOf(model: ModelClass, object: Record<string, unknown>): AjvLikeError[] {
  try {
    new model(object).validate();
    return [];
  } catch (e) {
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) return errors as AjvLikeError[];
    throw e;
  }
}

/** The rule. */
export const rule = defineRule<KubernetesSchemaOptions>({
  id: 'kubernetes-schema',
  scope: 'release',
  messages,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      reportUnknownKinds: {
        type: 'boolean',
        description: 'Report kinds that have no bundled schema (a note, once per kind).',
      },
      skip: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: '`apiVersion` or `apiVersion/Kind` entries not to validate.',
      },
    },
  },
  defaultOptions: { reportUnknownKinds: true, skip: [] },
  check(ctx) {
    const noted = new Set<string>();
    const validate = (manifest: RenderedManifest) => {
      const { apiVersion, kind } = manifest.resource;
      if (apiVersion === '' || kind === '') return;
      if (ctx.options.skip.includes(apiVersion) || ctx.options.skip.includes(`${apiVersion}/${kind}`)) return;
      const model = kubeModel(apiVersion, kind);
      if (!model) {
        const key = `${apiVersion}/${kind}`;
        if (ctx.options.reportUnknownKinds && !noted.has(key)) {
          noted.add(key);
          reportMessage(
            ctx,
            rule,
            'unknown-kind',
            { apiVersion, kind },
            { manifest, path: ['kind'], severity: 'note', discriminator: key },
          );
        }
        return;
      }
      // Reported in document order, whatever order the schema lists its properties in.
      const problems = problemsOf(errorsOf(model, manifest.object))
        .map((p) => ({ ...p, path: pointerToPath(manifest.object, p.pointer) }))
        .sort((a, b) => manifest.rangeOf(a.path).start - manifest.rangeOf(b.path).start);
      for (const { path, ...problem } of problems) {
        reportMessage(
          ctx,
          rule,
          'invalid',
          { path: pathText(path), kind, name: manifest.resource.name, problem: problem.text },
          { manifest, path, discriminator: problem.text },
        );
      }
    };
    for (const manifest of ctx.manifests) validate(manifest);
  },
});
