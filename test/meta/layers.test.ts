import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';

/** DESIGN.md §4: each layer imports only the layers below it. */
const LAYERS = [
  'diagnostics',
  'config',
  'chart',
  'values',
  'template',
  'render',
  'manifests',
  'rules',
  'policy',
  'engine',
  'report',
  'cli',
];

describe('source layers', () => {
  it('no module imports from a layer above its own', () => {
    const violations: string[] = [];
    for (const file of globSync('src/*/**/*.ts', { posix: true })) {
      const layer = file.split('/')[1]!;
      const rank = LAYERS.indexOf(layer);
      if (rank < 0) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from '(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
        const target = normalize(join(dirname(file), m[1] ?? m[2]!)).split('/');
        if (target[0] !== 'src' || target.length < 3) continue;
        if (LAYERS.indexOf(target[1]!) > rank) violations.push(`${file} → ${target.join('/')}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
