/**
 * The data tables chartlint ships (rules/*.yaml), as compiled by `scripts/build-data.mjs` into dist/data/*.json.
 * The build validates every table against its schema, so reading one here is a file read and a JSON.parse: parsing
 * the YAML and compiling the schemas at every start cost more than linting a small chart.
 */
import { readFileSync } from 'node:fs';
import { ChartlintError } from '../diagnostics/errors.js';

/** Names of the compiled tables (dist/data/<name>.json). */
export type ShippedTable =
  'catalog' | 'deprecated-apis' | 'floating-tags' | 'kube-api-versions' | 'secret-patterns';

// Two levels up from src/config/ (tests) and from dist/config/ (the package) is the package root.
const DATA_DIR = new URL('../../dist/data/', import.meta.url);

const cache = new Map<ShippedTable, unknown>();

/** One compiled table, read once per process. A missing table means an incomplete build: an internal error. */
export function shippedTable<T>(name: ShippedTable): T {
  const cached = cache.get(name);
  if (cached !== undefined) return cached as T;
  let text: string;
  try {
    text = readFileSync(new URL(`${name}.json`, DATA_DIR), 'utf8');
  } catch {
    throw new ChartlintError(
      'internal',
      `the data table dist/data/${name}.json is missing; rebuild chartlint with "npm run build"`,
    );
  }
  const value = JSON.parse(text) as T;
  cache.set(name, value);
  return value;
}
