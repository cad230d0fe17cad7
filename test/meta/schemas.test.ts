import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

// At run time chartlint compiles the schemas it still needs (the configuration's, rule options that embed a data
// schema) without validating them against the JSON Schema meta-schema, which costs ~100 ms at every start; the data
// tables' schemas are applied by the build (scripts/build-data.mjs). This test is where all of them are validated.
const files = globSync(['schema/*.json', 'rules/schema/*.json'], { cwd: process.cwd() }).sort();

describe('shipped JSON schemas', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s is a valid draft-07 schema', (file) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() =>
      new Ajv({ allErrors: true, allowUnionTypes: true, strictTuples: false }).compile(schema),
    ).not.toThrow();
  });
});
