/**
 * floating-image-tag: images whose content can change without the chart changing (checks-facts.md §4): no tag,
 * `latest`, branch-like tags, partial versions (a note), and, when asked for, tags without a digest. A digest
 * pins the image whatever the tag says; an empty `image.tag` that fell back to `.Chart.AppVersion` rendered as
 * that version and is pinned.
 */
import { imageFields } from '../manifests/pod-specs.js';
import { isImageReferenceError, parseImageReference, type ImageReference } from '../manifests/image-ref.js';
import { loadRuleData } from './data.js';
import { defineRule, reportMessage } from './define.js';

/** rules/floating-tags.yaml. */
export interface FloatingTagData {
  mutableTags: string[];
  variantWords: string[];
}

/** Options of floating-image-tag. */
export interface FloatingImageTagOptions {
  /** Images to leave alone: globs (`*`) over the reference as written, its normalised name or `name:tag`. */
  allow: string[];
  /** Report tags without a digest too (a note). */
  requireDigest: boolean;
  /** Report partial versions such as `1.25` or `3-alpine` (a note). */
  partialVersions: boolean;
  /** More mutable tag words, added to the data file's. */
  mutableTags: string[];
  /** Skip `helm.sh/hook: test` resources (what `helm template --skip-tests` leaves out). */
  skipTestHooks: boolean;
}

/** How a reference's tag behaves. */
export type TagClass = 'no-tag' | 'latest' | 'mutable-tag' | 'partial-version' | 'no-digest' | 'pinned';

const FULL_VERSION = /^v?\d+\.\d+\.\d+/;
const PARTIAL_VERSION = /^v?\d+(?:\.\d+)?$/;

/** Classifies a parsed reference. Exported for the table tests. */
export function classifyReference(
  ref: ImageReference,
  words: { mutable: readonly string[]; variants: readonly string[] },
): TagClass {
  if (ref.digest !== undefined) return 'pinned';
  if (ref.tag === undefined) return 'no-tag';
  const parts = ref.tag.toLowerCase().split(/[-_]/);
  const [head = '', ...rest] = parts;
  const restAreVariants = rest.every((p) => words.variants.includes(p));
  if (head === 'latest' && restAreVariants) return 'latest';
  if (
    words.mutable.includes(head) &&
    rest.every((p) => words.variants.includes(p) || words.mutable.includes(p))
  ) {
    return 'mutable-tag';
  }
  if (FULL_VERSION.test(ref.tag)) return 'no-digest';
  if (PARTIAL_VERSION.test(head) && restAreVariants) return 'partial-version';
  if (parts.every((p) => words.variants.includes(p))) return 'partial-version';
  return 'no-digest';
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function allowed(text: string, ref: ImageReference | undefined, allow: readonly string[]): boolean {
  const candidates = [text, ...(ref ? [ref.name, `${ref.name}:${ref.tag ?? ''}`, ref.path] : [])];
  return allow.some((glob) => {
    const re = globToRegExp(glob);
    return candidates.some((c) => re.test(c));
  });
}

/** Unrendered placeholders (`${IMAGE}`, `{{ … }}`) are a deployment-time substitution, not a floating tag. */
function isPlaceholder(text: string): boolean {
  return text.includes('{{') || /\$\{[^}]*\}|\$\([^)]*\)/.test(text);
}

function isTestHook(object: Record<string, unknown>): boolean {
  const meta = object.metadata as { annotations?: Record<string, unknown> } | undefined;
  const hook = meta?.annotations?.['helm.sh/hook'];
  return (
    typeof hook === 'string' &&
    hook.split(',').some((h) => h.trim() === 'test' || h.trim() === 'test-success')
  );
}

const messages = {
  'no-tag':
    'Image "{image}" has no tag or digest, so it pulls whatever latest is at the time; pin a version tag or a digest.',
  latest:
    'Image "{image}" uses the latest tag, which moves with every release; pin a version tag or a digest.',
  'mutable-tag':
    'Image "{image}" uses the branch-like tag "{tag}", which is pushed again over time; pin a release tag or a digest.',
  'partial-version':
    'Image "{image}" uses the partial version tag "{tag}", which moves to newer releases; pin the full version or a digest.',
  'no-digest':
    'Image "{image}" is pinned by tag only; add a digest (@sha256:…) so its content cannot change.',
  'invalid-reference': 'Image "{image}" is not a valid image reference: {reason}.',
  'not-a-string': 'The image field holds a {type}, not an image reference.',
} as const;

/** The rule. */
export const rule = defineRule<FloatingImageTagOptions>({
  id: 'floating-image-tag',
  scope: 'manifest',
  messages,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description:
          'Images to leave alone: globs (`*`) over the reference as written, its normalised name or `name:tag`.',
      },
      requireDigest: { type: 'boolean', description: 'Report tags without a digest too (a note).' },
      partialVersions: {
        type: 'boolean',
        description: 'Report partial versions such as `1.25` or `3-alpine` (a note).',
      },
      mutableTags: {
        type: 'array',
        items: { type: 'string', pattern: '^[a-z0-9][a-z0-9.]*$' },
        description:
          'More mutable tag words (branch or channel names), added to those of rules/floating-tags.yaml.',
      },
      skipTestHooks: {
        type: 'boolean',
        description: 'Skip `helm.sh/hook: test` resources (what `helm template --skip-tests` leaves out).',
      },
    },
  },
  defaultOptions: {
    allow: [],
    requireDigest: false,
    partialVersions: true,
    mutableTags: [],
    skipTestHooks: false,
  },
  check(ctx, manifest) {
    if (!manifest) return;
    if (ctx.options.skipTestHooks && isTestHook(manifest.object)) return;
    const data = loadRuleData<FloatingTagData>('floating-tags');
    const words = { mutable: [...data.mutableTags, ...ctx.options.mutableTags], variants: data.variantWords };
    for (const field of imageFields(manifest.object)) {
      const at = { manifest, path: field.path };
      if (typeof field.value !== 'string') {
        const type = field.value === null ? 'null' : Array.isArray(field.value) ? 'list' : typeof field.value;
        reportMessage(ctx, rule, 'not-a-string', { type }, { ...at, severity: 'error' });
        continue;
      }
      const image = field.value;
      if (image === '' || isPlaceholder(image)) continue;
      const parsed = parseImageReference(image);
      if (isImageReferenceError(parsed)) {
        if (!allowed(image, undefined, ctx.options.allow)) {
          reportMessage(
            ctx,
            rule,
            'invalid-reference',
            { image, reason: parsed.error },
            { ...at, severity: 'error' },
          );
        }
        continue;
      }
      if (allowed(image, parsed, ctx.options.allow)) continue;
      const kind = classifyReference(parsed, words);
      // The tag is what the user must change, and it often comes from another values line than the repository.
      const report = {
        ...at,
        discriminator: `${kind}:${parsed.name}`,
        ...(parsed.tag ? { focus: parsed.tag } : {}),
      };
      if (kind === 'pinned') continue;
      if (kind === 'no-digest') {
        if (ctx.options.requireDigest)
          reportMessage(ctx, rule, kind, { image }, { ...report, severity: 'note' });
        continue;
      }
      if (kind === 'partial-version') {
        if (ctx.options.partialVersions) {
          reportMessage(ctx, rule, kind, { image, tag: parsed.tag ?? '' }, { ...report, severity: 'note' });
        }
        continue;
      }
      reportMessage(ctx, rule, kind, { image, tag: parsed.tag ?? '' }, report);
    }
  },
});
