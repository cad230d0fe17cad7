import { describe, expect, it } from 'vitest';
import { formatRuleHelp } from '../../src/report/rules.js';
import { loadCatalog } from '../../src/rules/catalog.js';
import { RULES } from '../../src/rules/registry.js';

const help = (id: string) => {
  const rule = RULES.get(id);
  return formatRuleHelp(
    loadCatalog().get(id)!,
    rule ? { schema: rule.optionsSchema, defaults: rule.defaultOptions } : undefined,
  );
};

describe('chartlint explain', () => {
  it("lists a rule's options with their type, default and description, after its help", () => {
    const text = help('floating-image-tag');
    const options = text.slice(text.indexOf('Options (in .chartlint.yaml'));
    expect(text.indexOf('**Bad**')).toBeLessThan(text.indexOf('Options ('));
    expect(options).toContain('rules: { floating-image-tag: [<severity>, { allow: … }] }');
    expect(options).toContain(
      '  requireDigest (boolean; default false)\n      Report tags without a digest too (a note).',
    );
    expect(options).toContain('  allow (list of strings; default [])');
    expect(help('plaintext-secret')).toContain('  patterns (list of objects; default [])');
    expect(help('plaintext-secret')).toContain('  minLength (integer; default 8)');
  });

  it('has no options section for a rule without options or a policy', () => {
    expect(help('values-schema')).not.toContain('Options (');
    expect(help('render-error')).not.toContain('Options (');
    const policy = [...loadCatalog().values()].find((e) => e.kind === 'policy')!;
    expect(help(policy.id)).not.toContain('Options (');
  });
});
