import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { detectSecret } from '../../src/rules/secrets/detect.js';
import { secretPatterns, type SecretPatterns } from '../../src/rules/secrets/patterns.js';
import { PRIVATE_KEY, SAMPLES } from './secret-samples.js';

const patterns = secretPatterns();
const options = { minLength: 8, minEntropy: 3 };
const run = (n: number, chars: string) => chars.repeat(Math.ceil(n / chars.length)).slice(0, n);

/** One value of each shipped format (fake, shaped like the real thing). */
const EXAMPLES: Record<string, string[]> = {
  'private-key': [PRIVATE_KEY],
  'aws-access-key-id': [SAMPLES.awsKeyId, `A3TX${run(16, 'QRSTUVWXYZ234567')}`],
  'github-token': [SAMPLES.githubToken, `ghs_${run(36, 'aB3dE5')}`],
  'github-fine-grained-token': [`github_pat_${run(82, 'a1_B2c')}`],
  'gitlab-token': [`glpat-${run(20, 'xY9_-z')}`],
  'slack-token': [SAMPLES.slackToken],
  'slack-webhook': [`https://hooks.slack.com/services/${run(44, 'T0A/B1c+')}`],
  'gcp-api-key': [`AIza${run(35, 'Sy9_-Qk')}`],
  'stripe-secret-key': [`sk_live_${run(24, 'a1B2c3')}`, `rk_test_${run(12, 'Zz9')}`],
  'twilio-api-key': [`SK${run(32, '0af9')}`],
  'sendgrid-api-key': [`SG.${run(22, 'aB1_-')}.${run(43, 'xY2-_')}`],
  'npm-token': [`npm_${run(36, 'q1W2e3')}`],
  'pypi-token': [`pypi-AgEIcHlwaS5vcmc${run(50, 'aB1-_')}`],
  'openai-api-key': [`sk-proj-${run(24, 'aB1-_')}`, `sk-${run(20, 'aB1')}T3BlbkFJ${run(20, 'cD2')}`],
  'anthropic-api-key': [`sk-ant-api03-${run(90, 'aB1-_')}AA`],
  'huggingface-token': [`hf_${run(34, 'abcXYZ')}`],
  'digitalocean-token': [`dop_v1_${run(64, '0a9f')}`],
  'shopify-token': [`shpat_${run(32, '0aF9')}`],
  'databricks-token': [`dapi${run(32, '0a9f')}`],
  'grafana-service-account-token': [`glsa_${run(32, 'aB1')}_${run(8, '0aF9')}`],
  'artifactory-token': [`AKCp${run(69, 'aB1')}`],
  'azure-storage-key': [`DefaultEndpointsProtocol=https;AccountKey=${run(86, 'aB1+/')}==`],
  jwt: [SAMPLES.jwt],
};

/** The same patterns with the keyword prefilter removed: every expression runs on every value. */
const unfiltered: SecretPatterns = {
  ...patterns,
  formats: patterns.formats.map(({ keywords: _keywords, ...f }) => f),
};

describe('format keywords (the prefilter of rules/secret-patterns.yaml)', () => {
  it('every shipped format has keywords and an example here', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(patterns.formats.map((f) => f.id).sort());
    for (const f of patterns.formats) expect(f.keywords?.length, f.id).toBeGreaterThan(0);
  });

  it.each(patterns.formats.map((f) => [f.id, f] as const))(
    '%s: each example matches, and the match itself holds a keyword',
    (_id, format) => {
      for (const example of EXAMPLES[format.id]!) {
        const m = format.regex.matcher(example);
        expect(m.find(), example).toBe(true);
        const matched = (m.group() as string).toLowerCase();
        expect(
          format.keywords!.some((k) => matched.includes(k)),
          matched,
        ).toBe(true);
      }
    },
  );

  it('never hides a credential: detection with and without the prefilter agrees', () => {
    const pieces = Object.values(EXAMPLES).flat();
    const junk = fc.string({ unit: fc.constantFrom(...'aZ09_-./+=:; \n'.split('')), maxLength: 12 });
    const flipCase = (s: string, mask: number) =>
      [...s].map((ch, i) => ((mask >> (i % 31)) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), junk), { maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 30 })),
        fc.constantFrom(undefined, 'password', 'image'),
        (parts, mask, key) => {
          const joined = parts.join('');
          const value = mask === null ? joined : flipCase(joined, mask);
          expect(detectSecret(value, key, patterns, options)).toEqual(
            detectSecret(value, key, unfiltered, options),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('tries no expression on a value without a keyword', () => {
    // A format whose expression would match anything: skipped, because its keyword is absent.
    const catchAll = { id: 'all', description: 'anything', regex: '(.+)', keywords: ['zzz-marker'] };
    const withCatchAll = secretPatterns([catchAll]);
    expect(detectSecret('hello-world-value', 'image', withCatchAll, options)).toBeUndefined();
    expect(detectSecret('zzz-marker-value', 'image', withCatchAll, options)).toMatchObject({
      messageId: 'known-format',
      description: 'anything',
    });
    expect(RE2JS.compile('(.+)').matcher('hello').find()).toBe(true);
  });
});
