import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from '../helpers/cli.js';

beforeAll(() => ensureBuilt(), 240_000);

// What bin/chartlint.js and the worker pool rely on in the bundles scripts/bundle-cli.mjs writes.
describe.each(['cli.js', 'worker.js'])('dist/bundle/%s', (name) => {
  let bytes: Buffer;
  beforeAll(() => {
    bytes = readFileSync(join(ROOT, 'dist/bundle', name));
  });

  it('is ASCII, so that the launcher may read it as latin1', () => {
    const offender = bytes.findIndex((b) => b > 0x7f);
    expect(
      offender,
      offender < 0 ? '' : bytes.subarray(Math.max(0, offender - 40), offender + 40).toString(),
    ).toBe(-1);
  });

  it("requires Node's deprecated punycode built-in nowhere (Node >= 21 would warn at every run)", () => {
    expect(bytes.toString('latin1')).not.toMatch(/require\(["'](?:node:)?punycode["']\)/);
  });

  it('holds the kubernetes-models table instead of requiring the package at run time', () => {
    const text = bytes.toString('latin1');
    expect(text).toContain('"kubernetes-models/apps/v1/Deployment"');
    expect(text).not.toMatch(/require\(["']kubernetes-models\//);
  });
});
