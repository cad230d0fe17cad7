#!/usr/bin/env node
// Compiles the shipped data tables (part of `npm run build`; the test suite runs it too). Each rules/*.yaml is parsed,
// validated against rules/schema/<name>.schema.json (itself checked against the JSON Schema meta-schema) and written
// to dist/data/<name>.json. At run time chartlint reads only that JSON: parsing ~70 KB of YAML and compiling five
// schemas cost ~200 ms at every start, and the tables never change after the build.
// Usage: node scripts/build-data.mjs
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { RE2JS } from 're2js';
import YAML from 'yaml';
import { writeAtomically } from './lib/write-atomically.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Output table → its schema and the YAML sources it is made of (the catalog merges the generated policy entries). */
const TABLES = [
  { name: 'catalog', schema: 'catalog', sources: ['catalog.yaml', 'catalog.policies.yaml'] },
  { name: 'deprecated-apis', schema: 'deprecated-apis', sources: ['deprecated-apis.yaml'] },
  { name: 'floating-tags', schema: 'floating-tags', sources: ['floating-tags.yaml'] },
  { name: 'kube-api-versions', schema: 'kube-api-versions', sources: ['kube-api-versions.yaml'] },
  {
    name: 'secret-patterns',
    schema: 'secret-patterns',
    sources: ['secret-patterns.yaml'],
    check: checkSecretPatterns,
  },
];

/** Every expression of the secret patterns compiles with RE2: at run time they are compiled lazily, when first used. */
function checkSecretPatterns(data, source) {
  const expressions = [
    ...data.formats.flatMap((f) => [[f.id, f.regex], ...(f.allow ? [[`${f.id} allow`, f.allow]] : [])]),
    ...['placeholders', 'references', 'encrypted'].flatMap((list) =>
      data[list].map((re, i) => [`${list}[${i}]`, re]),
    ),
  ];
  for (const [where, re] of expressions) {
    try {
      RE2JS.compile(re);
    } catch (e) {
      throw new Error(`rules/${source}: ${where}: invalid RE2 expression: ${e.message}`);
    }
  }
}

/** Parses and validates one table; throws an Error naming the file and every problem. */
function compileTable(table, ajv, rulesDir) {
  const schemaFile = join(rulesDir, 'schema', `${table.schema}.schema.json`);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const docs = table.sources.map((source) => {
    const file = join(rulesDir, source);
    const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0)
      throw new Error(`rules/${source}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS();
    if (!validate(value)) {
      const detail = validate.errors
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
        .join('; ');
      throw new Error(`rules/${source} does not match rules/schema/${table.schema}.schema.json: ${detail}`);
    }
    table.check?.(value, source);
    return { source, value };
  });
  if (docs.length === 1) return docs[0].value;
  // Several sources are concatenated lists of rules whose ids must stay unique.
  const seen = new Map();
  for (const { source, value } of docs) {
    for (const entry of value.rules) {
      if (seen.has(entry.id))
        throw new Error(`rules/${source}: rule id ${entry.id} is already in rules/${seen.get(entry.id)}`);
      seen.set(entry.id, source);
    }
  }
  return { rules: docs.flatMap((d) => d.value.rules) };
}

/**
 * Writes every table of `rulesDir` to `<outDir>/<name>.json` (atomically: concurrent test workers may read them).
 * Throws on the first table that does not parse or validate, naming it.
 */
export function buildData({ rulesDir = join(root, 'rules'), outDir = join(root, 'dist/data') } = {}) {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictTuples: false });
  for (const table of TABLES) {
    writeAtomically(join(outDir, `${table.name}.json`), JSON.stringify(compileTable(table, ajv, rulesDir)));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildData();
  } catch (e) {
    process.stderr.write(`build-data: ${e.message}\n`);
    process.exitCode = 1;
  }
}
