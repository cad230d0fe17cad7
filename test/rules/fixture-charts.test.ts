/**
 * End to end in-process: each fixtures/charts/rules-<rule>/ chart, linted with the embedded renderer, produces
 * findings of its rule at lines of files that exist in the fixture.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EnvironmentOverrides } from '../../src/config/environments.js';
import { lint } from '../../src/engine/lint.js';
import { RULES } from '../../src/rules/registry.js';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

async function lintFixture(rule: string, overrides: EnvironmentOverrides = {}) {
  return lint({
    paths: [`fixtures/charts/rules-${rule}`],
    cwd: ROOT,
    envNames: [],
    ciValues: false,
    overrides,
    renderer: { kind: 'embedded' },
    jobs: 1,
    policies: {
      paths: [],
      namespaces: ['main'],
      dataFiles: [],
      builtin: false,
      disabled: [],
      combine: false,
      cacheDir: mkdtempSync(join(tmpdir(), 'chartlint-rules-')),
      env: {},
    },
  });
}

/** Rules whose fixture chart renders; values-schema's chart fails Helm's own schema check while rendering. */
const RENDERING = [...RULES.keys()].filter((id) => id !== 'values-schema');

describe('fixture charts', () => {
  it.each(RENDERING)('rules-%s reports its rule at existing files', async (rule) => {
    const result = await lintFixture(rule);
    expect(result.errors).toEqual([]);
    const mine = result.findings.filter((f) => f.ruleId === rule);
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) {
      expect(existsSync(resolve(ROOT, f.location.file)), f.location.file).toBe(true);
      expect(f.location.startLine ?? 0).toBeGreaterThan(0);
      expect(f.message.endsWith('.')).toBe(true);
    }
    expect(result.findings.filter((f) => f.ruleId === 'render-error')).toEqual([]);
  });

  it('rules-values-schema reports each violation at its values line instead of failing the render', async () => {
    const result = await lintFixture('values-schema');
    expect(result.findings.map((f) => f.ruleId)).not.toContain('render-error');
    const violation = result.findings.find((f) => f.ruleId === 'values-schema');
    expect(violation?.messageId).toBe('violation');
    expect(violation?.location).toMatchObject({
      file: 'fixtures/charts/rules-values-schema/values.yaml',
      startLine: 1,
    });
  });

  it('rules-values-schema validates the values after --set, as helm does', async () => {
    const fixed = await lintFixture('values-schema', { set: ['replicas=5'] });
    expect(fixed.findings.map((f) => f.ruleId)).not.toContain('values-schema');
    const broken = await lintFixture('values-schema', { set: ['replicas=-1'] });
    const violation = broken.findings.find((f) => f.ruleId === 'values-schema');
    expect(violation?.message).toContain('minimum: got -1, want 1');
  });
});
