/**
 * plaintext-secret: literal credentials in values files and in rendered Secrets, ConfigMaps and container env
 * (checks-facts.md §3). Messages show at most a four-character prefix and the length (redactSecret); the
 * fingerprint discriminator is a hash of the secret, never the secret.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { redactSecret } from '../diagnostics/redact.js';
import type { RenderedManifest } from '../manifests/types.js';
import { defineRule, reportMessage } from './define.js';
import { detectSecret, isIgnorable, type Detection } from './secrets/detect.js';
import { dockerConfigPasswords, secretCandidates } from './secrets/manifest-scan.js';
import { secretPatterns, type SecretFormat, type SecretPatterns } from './secrets/patterns.js';
import { renderedOrigin } from './secrets/provenance.js';
import { scanValuesFile, valuesSources } from './secrets/values-scan.js';
import type { RuleContext } from './types.js';

/** Options of plaintext-secret. */
export interface PlaintextSecretOptions {
  /** Shortest value the keyword heuristic reports. */
  minLength: number;
  /** Lowest Shannon entropy (bits per character) the keyword heuristic reports. */
  minEntropy: number;
  /** More credential formats (same shape as rules/secret-patterns.yaml `formats`). */
  patterns: SecretFormat[];
  /** Scan values files as text. */
  values: boolean;
  /** Scan rendered Secrets, ConfigMaps and container env. */
  manifests: boolean;
}

const FORMAT_SCHEMA_URL = new URL('../../rules/schema/secret-patterns.schema.json', import.meta.url);

const messages = {
  'known-format':
    '{where} holds what looks like {description} ({redacted}); remove it from the chart and rotate it.',
  'private-key': '{where} holds a PEM private key ({redacted}); remove it from the chart and rotate it.',
  'url-password':
    '{where} holds a URL with an embedded password ({redacted}); take the password from a Secret instead.',
  keyword: '{where} holds a literal credential ({redacted}); reference an existing Secret instead.',
  'docker-auth':
    '{where} holds the registry password for {registry} ({redacted}); create the pull secret outside the chart.',
} as const;

type Ctx = RuleContext<PlaintextSecretOptions>;

/**
 * Marks findings whose primary line holds the secret itself, so reporters can leave out code frames and snippets
 * (the message is already redacted; the repository line is not).
 */
const SENSITIVE = { sensitive: true } as const;

/** A short hash of a secret: distinguishes findings without revealing anything. */
function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}

function report(
  ctx: Ctx,
  detection: Detection,
  where: string,
  target: Parameters<typeof reportMessage>[4],
): void {
  reportMessage(
    ctx,
    rule,
    detection.messageId,
    { where, redacted: redactSecret(detection.secret), description: detection.description ?? '' },
    {
      ...target,
      discriminator: `${detection.messageId}:${secretHash(detection.secret)}`,
      properties: SENSITIVE,
    },
  );
}

function scanManifest(
  ctx: Ctx,
  manifest: RenderedManifest,
  patterns: SecretPatterns,
  reported: Set<string>,
  valuesTexts: readonly string[],
): void {
  const options = { minLength: ctx.options.minLength, minEntropy: ctx.options.minEntropy };
  for (const c of secretCandidates(manifest)) {
    const origin = () =>
      renderedOrigin(ctx.chart, manifest, c.path, c.value, valuesTexts, patterns.generators);
    if (c.secretSlot && (c.key === '.dockerconfigjson' || c.key === '.dockercfg')) {
      for (const { registry, password } of dockerConfigPasswords(c.value)) {
        const hash = secretHash(password);
        if (isIgnorable(password, patterns) || reported.has(hash) || origin() === 'generated') continue;
        reported.add(hash);
        reportMessage(
          ctx,
          rule,
          'docker-auth',
          { where: capitalise(c.where), registry, redacted: redactSecret(password) },
          { manifest, path: c.path, discriminator: `docker-auth:${hash}`, properties: SENSITIVE },
        );
      }
      continue;
    }
    const detection = detectSecret(c.value, c.key, patterns, options, c.secretSlot);
    if (!detection) continue;
    const hash = secretHash(detection.secret);
    // Reported at its values line already, or generated while rendering: nothing committed here.
    if (reported.has(hash) || origin() === 'generated') continue;
    reported.add(hash);
    report(ctx, detection, capitalise(c.where), { manifest, path: c.path });
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The rule. */
export const rule = defineRule<PlaintextSecretOptions>({
  id: 'plaintext-secret',
  scope: 'release',
  messages,
  get optionsSchema(): Record<string, unknown> {
    const data = JSON.parse(readFileSync(FORMAT_SCHEMA_URL, 'utf8')) as {
      definitions: Record<string, unknown>;
    };
    return {
      type: 'object',
      additionalProperties: false,
      definitions: data.definitions,
      properties: {
        minLength: {
          type: 'integer',
          minimum: 1,
          description: 'Shortest value the secret-like-key heuristic reports.',
        },
        minEntropy: {
          type: 'number',
          minimum: 0,
          maximum: 8,
          description: 'Lowest Shannon entropy (bits per character) the secret-like-key heuristic reports.',
        },
        patterns: {
          type: 'array',
          items: { $ref: '#/definitions/format' },
          description:
            'More credential formats: `{id, description, regex, allow?, keywords?}` as in rules/secret-patterns.yaml (RE2 syntax; group 1 is the secret; with `keywords`, the regex only runs on values containing one).',
        },
        values: { type: 'boolean', description: 'Scan the values files.' },
        manifests: {
          type: 'boolean',
          description: 'Scan rendered Secrets, ConfigMaps and container environment variables.',
        },
      },
    };
  },
  defaultOptions: { minLength: 8, minEntropy: 3, patterns: [], values: true, manifests: true },
  check(ctx) {
    const patterns = secretPatterns(ctx.options.patterns);
    const options = { minLength: ctx.options.minLength, minEntropy: ctx.options.minEntropy };
    const sources = valuesSources(ctx.chart, ctx.environment);
    const reported = new Set<string>();
    if (ctx.options.values) {
      for (const file of sources) {
        for (const found of scanValuesFile(file, patterns, options)) {
          reported.add(secretHash(found.detection.secret));
          report(ctx, found.detection, `Values key "${found.keyPath}"`, {
            file: { path: found.file.path, span: found.span },
          });
        }
      }
    }
    if (ctx.options.manifests) {
      const texts = sources.map((s) => s.text);
      for (const manifest of ctx.manifests) scanManifest(ctx, manifest, patterns, reported, texts);
    }
  },
});
