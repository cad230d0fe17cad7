import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/rules/catalog.js';
import { Ajv } from 'ajv';
import { RULE_DATA_FILES, describeSchemaErrors, loadRuleData } from '../../src/rules/data.js';
import { RULES } from '../../src/rules/registry.js';
// @ts-expect-error -- a plain ESM script without type declarations
import { currentRulesSection, renderRulesTable, replaceRulesSection } from '../../scripts/rules-table.mjs';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

describe('rule catalog and registry', () => {
  it('has a catalog entry of kind rule for every registered rule, and a rule for every such entry', () => {
    const catalogRules = [...loadCatalog().values()].filter((e) => e.kind === 'rule').map((e) => e.id);
    expect([...RULES.keys()].sort()).toEqual([...catalogRules].sort());
  });

  it('registers the rules in sorted order under their own ids', () => {
    const ids = [...RULES.keys()];
    expect(ids).toEqual([...ids].sort());
    for (const [id, rule] of RULES) expect(rule.id).toBe(id);
  });

  it('takes policy entries from rules/catalog.policies.yaml and engine entries from rules/catalog.yaml', () => {
    const own = (parse(read('rules/catalog.yaml')) as { rules: { id: string; kind: string }[] }).rules;
    const policies = (parse(read('rules/catalog.policies.yaml')) as { rules: { id: string; kind: string }[] })
      .rules;
    expect(own.filter((e) => e.kind === 'policy')).toEqual([]);
    expect(policies.every((p) => p.kind === 'policy')).toBe(true);
    const loadedPolicies = [...loadCatalog().values()].filter((e) => e.kind === 'policy').map((e) => e.id);
    expect(loadedPolicies.sort()).toEqual(policies.map((p) => p.id).sort());
    expect(own.filter((e) => e.kind === 'engine').map((e) => e.id)).toContain('render-error');
  });

  it('gives every security rule a numeric security severity and no other rule one', () => {
    for (const entry of loadCatalog().values()) {
      if (entry.kind !== 'rule') continue;
      const security = entry.tags.includes('security');
      expect(entry.securitySeverity !== undefined, entry.id).toBe(security);
      if (security) expect(Number(entry.securitySeverity)).toBeGreaterThan(0);
      expect(entry.help, entry.id).toMatch(/\*\*Bad\*\*[\s\S]*\*\*Good\*\*/);
    }
  });

  it.each([...RULES.values()])(
    '$id: every message ends with a period and names its placeholders only',
    (rule) => {
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      for (const [id, text] of Object.entries(rule.messages)) {
        expect(text.endsWith('.'), `${rule.id}/${id}`).toBe(true);
        expect(id).toMatch(/^[a-z][a-z-]*$/);
      }
    },
  );

  it.each([...RULES.values()])('$id: default options satisfy its options schema', async (rule) => {
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false }).compile(rule.optionsSchema);
    expect(validate(rule.defaultOptions), describeSchemaErrors(validate.errors)).toBe(true);
  });

  it.each([...RULES.values()])(
    '$id: every option has a description and a default (chartlint explain shows them)',
    (rule) => {
      const properties = (rule.optionsSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [name, option] of Object.entries(properties)) {
        expect(option.description, `${rule.id}.${name}`).toMatch(/\S.*\.$/);
        expect(rule.defaultOptions as Record<string, unknown>, `${rule.id}.${name}`).toHaveProperty(name);
      }
    },
  );

  it.each([...RULES.keys()])('%s has valid and invalid manifest fixtures', (id) => {
    for (const kind of ['valid', 'invalid']) {
      const dir = new URL(`fixtures/manifests/${id}/${kind}/`, ROOT);
      expect(existsSync(dir), `${id}/${kind}`).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.yaml')).length, `${id}/${kind}`).toBeGreaterThan(0);
    }
    expect(
      existsSync(new URL(`fixtures/charts/rules-${id}/Chart.yaml`, ROOT)),
      `fixtures/charts/rules-${id}`,
    ).toBe(true);
  });
});

describe('rule data files', () => {
  it.each([...RULE_DATA_FILES])(
    'rules/%s.yaml validates against its schema and is what the rules read',
    (name) => {
      const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(
        JSON.parse(read(`rules/schema/${name}.schema.json`)) as object,
      );
      const doc = parse(read(`rules/${name}.yaml`)) as unknown;
      expect(validate(doc), describeSchemaErrors(validate.errors)).toBe(true);
      expect(loadRuleData(name)).toEqual(doc);
    },
  );

  it('has a schema for every rules/*.yaml data file', () => {
    const data = readdirSync(new URL('rules/', ROOT)).filter(
      (f) => f.endsWith('.yaml') && !f.startsWith('catalog'),
    );
    for (const file of data) {
      expect(existsSync(new URL(`rules/schema/${file.replace(/\.yaml$/, '.schema.json')}`, ROOT)), file).toBe(
        true,
      );
    }
  });

  it('the deprecated-API table is ordered by removal and never removes before it deprecates', () => {
    const { apis } = loadRuleData<{
      apis: { apiVersion: string; deprecatedIn: string; removedIn?: string }[];
    }>('deprecated-apis');
    const minor = (v: string) => Number(v.split('.')[1]);
    for (const api of apis) {
      if (api.removedIn)
        expect(minor(api.removedIn), api.apiVersion).toBeGreaterThanOrEqual(minor(api.deprecatedIn));
    }
    expect(apis.some((a) => a.deprecatedIn === '1.8')).toBe(true);
  });
});

describe('README rule table', () => {
  it('matches the catalog (regenerate with node scripts/rules-table.mjs --write)', () => {
    const readme = read('README.md');
    const table = renderRulesTable(read('rules/catalog.yaml')) as string;
    expect(currentRulesSection(readme)).toBeDefined();
    expect(replaceRulesSection(readme, table)).toBe(readme);
    for (const id of RULES.keys()) expect(table).toContain(`\`${id}\``);
  });
});
