import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assembleOutput,
  ManifestParseError,
  splitDocuments,
} from '../../../src/render/embedded/assemble-output.js';
import type { OutputSpan } from '../../../src/template/index.js';

const docs = (text: string) => splitDocuments(text).map(([a, b]) => text.slice(a, b));

describe('splitDocuments (helm SplitManifests)', () => {
  it.each([
    ['a: 1\n---\nb: 2', ['a: 1', 'b: 2']],
    ['---\na: 1\n---\n', ['a: 1']],
    ['a: 1\n  ---\nb: 2', ['a: 1\n  ---\nb: 2']],
    ['a: 1\n---apiVersion: v1', ['a: 1', 'apiVersion: v1']],
    ['a: 1\n--- # c\nb: 2', ['a: 1', '# c\nb: 2']],
    ['a: 1\n----\nb: 2', ['a: 1', '-\nb: 2']],
    ['a: 1\n---\n\n\n---\nb: 2', ['a: 1', '---\nb: 2']],
    ['  \n\t', []],
  ])('%j', (text, expected) => {
    expect(docs(text)).toEqual(expected);
  });
});

const span = (start: number, end: number, nodeOffset: number): OutputSpan => ({
  start,
  end,
  parseName: 'c/templates/x.yaml',
  nodeOffset,
  kind: 'text',
});

describe('assembleOutput', () => {
  const flags = { includeCrds: false, skipTests: false, noHooks: false, showOnly: [] };

  it('prints sorted documents with their source maps shifted into each document', () => {
    const text = '\n---\nkind: Service\nmetadata:\n  name: s\n---\nkind: Namespace\n';
    const out = assembleOutput(
      [{ name: 'c/templates/x.yaml', text, spans: [span(0, text.length, 10)] }],
      [],
      flags,
    );
    expect(out.output).toBe(
      '---\n# Source: c/templates/x.yaml\nkind: Namespace\n---\n# Source: c/templates/x.yaml\nkind: Service\nmetadata:\n  name: s\n',
    );
    const [ns, svc] = out.documents;
    expect(ns?.text).toBe('kind: Namespace');
    expect(svc?.text).toBe('kind: Service\nmetadata:\n  name: s');
    // "kind: Service" starts at offset 5 of the file text, so its source is 10 + 5.
    expect(svc?.spans).toEqual([{ ...span(0, svc?.text.length ?? 0, 15) }]);
    expect(ns?.spans?.[0]?.nodeOffset).toBe(10 + text.indexOf('kind: Namespace'));
  });

  it('drops NOTES.txt, empty files and partials; prints a lone newline for nothing', () => {
    const out = assembleOutput(
      [
        { name: 'c/templates/NOTES.txt', text: 'kind: A', spans: [] },
        { name: 'c/templates/empty.yaml', text: ' \n\t', spans: [] },
      ],
      [],
      flags,
    );
    expect(out).toEqual({ output: '\n', documents: [] });
  });

  it('keeps hooks last, drops unknown hook events, skips test hooks on request', () => {
    const text =
      'kind: Pod\nmetadata:\n  annotations:\n    helm.sh/hook: test\n---\nkind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install,nope\n---\nkind: ConfigMap\n';
    const all = assembleOutput([{ name: 'c/templates/h.yaml', text, spans: [] }], [], flags);
    expect(all.documents.map((d) => [d.role, d.text.split('\n')[0]])).toEqual([
      ['manifest', 'kind: ConfigMap'],
      ['hook', 'kind: Pod'],
    ]);
    const skipped = assembleOutput([{ name: 'c/templates/h.yaml', text, spans: [] }], [], {
      ...flags,
      skipTests: true,
    });
    expect(skipped.documents.map((d) => d.role)).toEqual(['manifest']);
  });

  it('reports YAML errors with helm’s text and the document offset', () => {
    const text = 'a: 1\n---\nb: [\n';
    try {
      assembleOutput([{ name: 'c/templates/bad.yaml', text, spans: [] }], [], flags);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ManifestParseError);
      expect((e as ManifestParseError).message).toMatch(
        /^YAML parse error on c\/templates\/bad\.yaml: error converting YAML to JSON: yaml: line/,
      );
      expect((e as ManifestParseError).offset).toBe(9);
    }
  });

  it('prints CRDs raw and first with includeCrds, and re-splits for showOnly', () => {
    const crd = { source: 'c/crds/a.yaml', text: 'kind: CustomResourceDefinition\n' };
    const files = [{ name: 'c/templates/x.yaml', text: 'kind: Service', spans: [] }];
    const out = assembleOutput(files, [crd], { ...flags, includeCrds: true });
    expect(out.output).toBe(
      '---\n# Source: c/crds/a.yaml\nkind: CustomResourceDefinition\n\n---\n# Source: c/templates/x.yaml\nkind: Service\n',
    );
    expect(out.documents.map((d) => d.role)).toEqual(['crd', 'manifest']);
    const only = assembleOutput(files, [crd], { ...flags, includeCrds: true, showOnly: ['templates/*'] });
    expect(only.output).toBe('---\n# Source: c/templates/x.yaml\nkind: Service\n');
    expect(only.documents).toEqual([
      { source: 'c/templates/x.yaml', role: 'manifest', text: 'kind: Service', spans: [] },
    ]);
    expect(() => assembleOutput(files, [], { ...flags, showOnly: ['templates/nope.yaml'] })).toThrow(
      'could not find template templates/nope.yaml in chart',
    );
  });
});

describe('splitDocuments on arbitrary text', () => {
  it('returns ordered, disjoint, trimmed, non-empty-before-trim ranges and never throws', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-a\n #\t\u00a0]{0,60}$/), (text) => {
        let last = 0;
        for (const [a, b] of splitDocuments(text)) {
          expect(a).toBeGreaterThanOrEqual(last);
          expect(b).toBeGreaterThanOrEqual(a);
          expect(b).toBeLessThanOrEqual(text.length);
          const doc = text.slice(a, b);
          expect(doc).toBe(doc.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, ''));
          last = b;
        }
      }),
    );
  });
});
