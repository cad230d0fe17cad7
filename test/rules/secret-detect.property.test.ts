import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineStartsOf } from '../../src/diagnostics/location.js';
import { redactSecret } from '../../src/diagnostics/redact.js';
import { detectSecret } from '../../src/rules/secrets/detect.js';
import { secretPatterns } from '../../src/rules/secrets/patterns.js';
import { scanValuesFile } from '../../src/rules/secrets/values-scan.js';

const patterns = secretPatterns();
const options = { minLength: 8, minEntropy: 3 };

describe('secret detection never crashes', () => {
  it('on any key and value', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 30 })), fc.string({ maxLength: 200 }), (key, value) => {
        const d = detectSecret(value, key ?? undefined, patterns, options);
        if (!d) return;
        // The secret is a part of the value, and its redacted form never repeats it.
        expect(value).toContain(d.secret);
        if (d.secret.length >= 8) expect(redactSecret(d.secret)).not.toContain(d.secret);
      }),
      { numRuns: 3000 },
    );
  });

  it('on any values file text, reporting spans inside the file', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(...'ab:- \n"\'{}[]#&*!|>password: token: ghp_1'.split('')),
      maxLength: 200,
    });
    fc.assert(
      fc.property(yamlish, (text) => {
        const file = { chartPath: 'values.yaml', path: 'values.yaml', text, lineStarts: lineStartsOf(text) };
        for (const found of scanValuesFile(file, patterns, options)) {
          expect(found.span.startLine).toBeGreaterThanOrEqual(1);
          expect(found.span.startLine).toBeLessThanOrEqual(file.lineStarts.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
