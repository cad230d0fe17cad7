/**
 * The differential harness: every fixture chart of fixtures/render/ rendered by the embedded renderer for each of
 * its environments (render-cases.yaml) must print exactly what helm v4.1.4 printed (render.golden.json, recorded by
 * scripts/record-render-goldens.mjs), or fail with helm's error text. Nondeterministic output (random functions,
 * Go map order in schema errors) is compared after masking, as each case declares.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EmbeddedRenderer } from '../../../src/render/embedded/renderer.js';
import { parseHelmFailure } from '../../../src/render/helm-failure.js';
import { splitTemplateOutput } from '../../../src/render/split-output.js';
import { requestFromArgs } from './request-from-args.js';

interface RenderCase {
  id: string;
  release?: string;
  args?: string[];
  /** Regular expressions whose matches are replaced by `<masked>` in both outputs before comparing. */
  mask?: string[];
  /** Compare the error's lines as a set (helm prints schema failures in Go map order). */
  unorderedErrorLines?: boolean;
}

type Golden = { output: string } | { error: string };

const ROOT = join(import.meta.dirname, '../../../fixtures/render');

function masked(text: string, masks: readonly string[] | undefined): string {
  let out = text;
  for (const m of masks ?? []) out = out.replace(new RegExp(m, 'g'), '<masked>');
  return out;
}

const fixtures = readdirSync(ROOT)
  .filter((d) => existsSync(join(ROOT, d, 'render-cases.yaml')))
  .sort();

describe('embedded renderer matches helm template v4.1.4', () => {
  it('has at least 30 fixture charts', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of fixtures) {
    const dir = join(ROOT, name);
    const spec = parse(readFileSync(join(dir, 'render-cases.yaml'), 'utf8')) as {
      chart?: string;
      cases: RenderCase[];
    };
    const goldens = (
      JSON.parse(readFileSync(join(dir, 'render.golden.json'), 'utf8')) as { cases: Record<string, Golden> }
    ).cases;
    // One renderer per chart: its environments share the loaded chart and parsed templates.
    const renderer = new EmbeddedRenderer({ cwd: dir });
    describe(name, () => {
      for (const c of spec.cases) {
        it(c.id, async () => {
          const golden = goldens[c.id];
          expect(
            golden,
            `no golden for ${name}/${c.id}; run scripts/record-render-goldens.mjs`,
          ).toBeDefined();
          const outcome = await renderer.render(
            requestFromArgs(spec.chart ?? 'chart', c.release, c.args ?? []),
          );
          const actual: Golden = outcome.ok ? { output: outcome.output } : { error: outcome.failure.message };
          // A failure's message is what the helm renderer reports for helm's stderr (a multi-line include trace
          // becomes its innermost line), so both renderers word failures alike.
          const expected: Golden =
            'error' in (golden as Golden)
              ? { error: parseHelmFailure((golden as { error: string }).error).message }
              : (golden as Golden);
          if ('error' in expected && 'error' in actual && c.unorderedErrorLines) {
            const lines = (s: string) => masked(s, c.mask).split('\n').sort();
            expect(lines(actual.error)).toEqual(lines(expected.error));
            return;
          }
          const args = c.args ?? [];
          if (outcome.ok && !args.includes('--show-only') && !args.includes('-s')) {
            // The documents are the output's documents, as the helm renderer reads them back from its text.
            // (--show-only can print a `# Source:` line with nothing under it, which that reader cannot see.)
            // Roles are not compared: that reader guesses hooks from annotation lines, which JSON documents lack.
            const strip = (docs: { source: string; text: string }[]) =>
              docs.map(({ source, text }) => ({ source, text }));
            expect(strip(outcome.documents)).toEqual(strip(splitTemplateOutput(outcome.output)));
          }
          const norm = (g: Golden): Golden =>
            'output' in g ? { output: masked(g.output, c.mask) } : { error: masked(g.error, c.mask) };
          expect(norm(actual)).toEqual(norm(expected));
        });
      }
    });
  }
});
