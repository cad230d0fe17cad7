import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shippedTable } from '../../src/config/shipped-data.js';
// @ts-expect-error -- a plain ESM script without type declarations
import { buildData } from '../../scripts/build-data.mjs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('compiled data tables (scripts/build-data.mjs → dist/data)', () => {
  it.each(['deprecated-apis', 'floating-tags', 'kube-api-versions', 'secret-patterns'] as const)(
    'dist/data/%s.json is rules/%s.yaml',
    (name) => {
      expect(shippedTable(name)).toEqual(parse(read(`rules/${name}.yaml`)));
    },
  );

  it('merges the hand-written catalog and the policy pack entries in that order', () => {
    const own = (parse(read('rules/catalog.yaml')) as { rules: unknown[] }).rules;
    const policies = (parse(read('rules/catalog.policies.yaml')) as { rules: unknown[] }).rules;
    expect(shippedTable('catalog')).toEqual({ rules: [...own, ...policies] });
  });

  describe('the build', () => {
    let work: string | undefined;
    afterEach(() => {
      if (work) rmSync(work, { recursive: true, force: true });
      work = undefined;
    });

    /** A copy of rules/ whose `file` is replaced by `text`; returns the build's error message, if any. */
    function buildWith(file: string, text: string): string | undefined {
      work = mkdtempSync(join(tmpdir(), 'chartlint-data-'));
      const rulesDir = join(work, 'rules');
      cpSync(new URL('../../rules/', import.meta.url), rulesDir, { recursive: true });
      writeFileSync(join(rulesDir, file), text);
      try {
        (buildData as (o: object) => void)({ rulesDir, outDir: join(work, 'out') });
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    }

    it('rejects a table that does not match its schema, naming the file and the field', () => {
      expect(buildWith('floating-tags.yaml', 'mutableTags: 3\nvariantWords: []\n')).toBe(
        'rules/floating-tags.yaml does not match rules/schema/floating-tags.schema.json: /mutableTags must be array',
      );
      expect(existsSync(join(work!, 'out/floating-tags.json'))).toBe(false);
    });

    it('rejects broken YAML with its position', () => {
      expect(buildWith('deprecated-apis.yaml', 'apis: [\n')).toMatch(
        /^rules\/deprecated-apis\.yaml: .*line/i,
      );
    });

    it('rejects a secret pattern that RE2 cannot compile (they are compiled lazily at run time)', () => {
      const data = parse(read('rules/secret-patterns.yaml')) as { placeholders: string[] };
      data.placeholders[1] = '(unclosed';
      expect(buildWith('secret-patterns.yaml', JSON.stringify(data))).toMatch(
        /^rules\/secret-patterns\.yaml: placeholders\[1\]: invalid RE2 expression: /,
      );
    });

    it('rejects a policy entry whose id is already a rule of the hand-written catalog', () => {
      const own = parse(read('rules/catalog.yaml')) as { rules: { id: string }[] };
      const policies = parse(read('rules/catalog.policies.yaml')) as { rules: { id: string }[] };
      policies.rules[0]!.id = own.rules[0]!.id;
      expect(buildWith('catalog.policies.yaml', JSON.stringify(policies))).toBe(
        `rules/catalog.policies.yaml: rule id ${own.rules[0]!.id} is already in rules/catalog.yaml`,
      );
    });
  });
});
