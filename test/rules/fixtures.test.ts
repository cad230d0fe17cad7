/**
 * Runs every rule over its fixtures/manifests/<rule>/{valid,invalid}/*.yaml: invalid fixtures must make the rule
 * report, valid ones must not. A fixture is one YAML document with optional `chart` (files by path), `manifests`
 * (rendered YAML), `options` and `kubeVersion`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../../src/rules/registry.js';
import { chartFrom, manifestsFrom, runRule } from './tester.js';

interface Fixture {
  chart?: Record<string, string>;
  manifests?: string;
  options?: Record<string, unknown>;
  kubeVersion?: string;
}

const ROOT = new URL('../../fixtures/manifests/', import.meta.url);

function fixtures(rule: string, kind: 'valid' | 'invalid'): [string, Fixture][] {
  const dir = new URL(`${rule}/${kind}/`, ROOT);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [`${rule}/${kind}/${f}`, parse(readFileSync(new URL(f, dir), 'utf8')) as Fixture]);
}

async function run(ruleId: string, f: Fixture) {
  const rule = RULES.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return runRule(rule, {
    chart: await chartFrom(f.chart ?? {}),
    manifests: f.manifests ? manifestsFrom(f.manifests, { template: 'templates/fixture.yaml' }) : [],
    ...(f.options ? { options: f.options } : {}),
    ...(f.kubeVersion ? { kubeVersion: f.kubeVersion } : {}),
  });
}

describe.each([...RULES.keys()])('%s fixtures', (ruleId) => {
  it.each(fixtures(ruleId, 'invalid'))('%s is reported', async (_name, f) => {
    const reports = await run(ruleId, f);
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(r.ruleId).toBe(ruleId);
  });
  it.each(fixtures(ruleId, 'valid'))('%s passes', async (_name, f) => {
    expect((await run(ruleId, f)).map((r) => r.message)).toEqual([]);
  });
});
