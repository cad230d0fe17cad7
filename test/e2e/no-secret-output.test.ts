import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../rules/secret-samples.js';
import { ensureBuilt, runCli } from '../helpers/cli.js';

beforeAll(() => ensureBuilt(), 240_000);

describe('secrets never reach any output of the CLI', () => {
  it.each(['text', 'json', 'sarif', 'github', 'junit'])('%s, code frames included', async (format) => {
    const r = await runCli([
      'fixtures/charts/rules-plaintext-secret',
      '--format',
      format,
      '--show-suppressed',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/plaintext-secret/);
    for (const [name, secret] of Object.entries(SAMPLES)) {
      expect(r.stdout, name).not.toContain(secret);
      expect(r.stderr, name).not.toContain(secret);
    }
  });
});
