import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostics/finding.js';
import type { ExcludeConfig } from '../../src/config/types.js';
import {
  applySuppressions,
  ignoreAnnotationLookup,
  type SuppressionContext,
} from '../../src/engine/suppress.js';
import { parseManifests } from '../../src/manifests/parse.js';

function finding(over: Partial<Finding> & { file?: string; line?: number } = {}): Finding {
  const { file = 'chart/values.yaml', line = 3, ...rest } = over;
  return {
    ruleId: 'image-tag',
    message: 'Image tag is floating.',
    severity: 'warning',
    chart: 'chart',
    environments: ['default'],
    location: { file, startLine: line, startColumn: 1, endLine: line, endColumn: 5 },
    related: [],
    fingerprint: `fp-${file}-${line}`,
    suppressed: false,
    ...rest,
  };
}

function context(files: Record<string, string>, extra: Partial<SuppressionContext> = {}): SuppressionContext {
  return { readText: (f) => files[f], excludes: [], ...extra };
}

/** Suppression of a single finding at `line` of `chart/values.yaml` holding `text`. */
function at(text: string, line: number, ruleId = 'image-tag'): Finding['suppression'] | undefined {
  const [f] = applySuppressions([finding({ line, ruleId })], context({ 'chart/values.yaml': text }));
  return f?.suppressed ? f.suppression : undefined;
}

describe('comment directives', () => {
  it('disable-next-line covers the next line only and records the justification after --', () => {
    const text =
      'a: 1\n# chartlint-disable-next-line image-tag -- pinned by digest in prod\ntag: latest\nother: x\n';
    expect(at(text, 3)).toEqual({ kind: 'comment', justification: 'pinned by digest in prod' });
    expect(at(text, 4)).toBeUndefined();
    expect(at(text, 1)).toBeUndefined();
  });

  it('names several rules separated by commas or spaces, and only those', () => {
    const text = '# chartlint-disable-next-line foo, image-tag bar\ntag: latest\n';
    expect(at(text, 2)).toEqual({ kind: 'comment' });
    expect(at(text, 2, 'resource-limits')).toBeUndefined();
  });

  it('treats `all` and an empty rule list as every rule', () => {
    expect(at('# chartlint-disable-next-line all\ntag: latest\n', 2, 'anything')).toEqual({
      kind: 'comment',
    });
    expect(at('# chartlint-disable-next-line -- legacy\ntag: latest\n', 2, 'anything')).toEqual({
      kind: 'comment',
      justification: 'legacy',
    });
  });

  it('names a policy rule by its full id or by its package', () => {
    const text = '# chartlint-disable-next-line chartlint.image_latest_tag\ntag: latest\n';
    expect(at(text, 2, 'chartlint.image_latest_tag/warn')).toEqual({ kind: 'comment' });
    expect(at(text, 2, 'chartlint.image_latest_tag_extra/warn')).toBeUndefined();
    const full = '# chartlint-disable-next-line chartlint.image_latest_tag/warn\ntag: latest\n';
    expect(at(full, 2, 'chartlint.image_latest_tag/warn')).toEqual({ kind: 'comment' });
    expect(at(full, 2, 'chartlint.image_latest_tag/deny')).toBeUndefined();
  });

  it('accepts the Go template comment form, with or without trim markers', () => {
    expect(
      at('{{/* chartlint-disable-next-line image-tag -- ok */}}\nimage: {{ .Values.image }}\n', 2),
    ).toEqual({
      kind: 'comment',
      justification: 'ok',
    });
    expect(at('  {{- /* chartlint-disable-next-line image-tag */ -}}\nimage: x\n', 2)).toEqual({
      kind: 'comment',
    });
  });

  it('disable-line covers its own line, as a trailing YAML or template comment', () => {
    expect(at('a: 1\ntag: latest # chartlint-disable-line image-tag -- why\n', 2)).toEqual({
      kind: 'comment',
      justification: 'why',
    });
    expect(at('tag: {{ .Values.tag }} {{/* chartlint-disable-line image-tag */}}\n', 1)).toEqual({
      kind: 'comment',
    });
    expect(at('a: 1\ntag: latest # chartlint-disable-line image-tag\n', 1)).toBeUndefined();
  });

  it('stacked disable-next-line directives all cover the first line after them', () => {
    const text =
      '# chartlint-disable-next-line image-tag\n{{/* chartlint-disable-next-line other */}}\ntag: x\n';
    expect(at(text, 3)).toEqual({ kind: 'comment' });
    expect(at(text, 3, 'other')).toEqual({ kind: 'comment' });
    expect(at(text, 2)).toBeUndefined();
  });

  it('a blank line ends the reach of disable-next-line', () => {
    expect(at('# chartlint-disable-next-line image-tag\n\ntag: x\n', 3)).toBeUndefined();
  });

  it('disable … enable covers the lines between, and disable without enable runs to the end of the file', () => {
    const text = [
      'a: 1', // 1
      '# chartlint-disable image-tag -- vendored block', // 2
      'b: 2', // 3
      'c: 3', // 4
      '# chartlint-enable image-tag', // 5
      'd: 4', // 6
      '# chartlint-disable', // 7
      'e: 5', // 8
    ].join('\n');
    expect(at(text, 1)).toBeUndefined();
    expect(at(text, 3)).toEqual({ kind: 'comment', justification: 'vendored block' });
    expect(at(text, 4)).toEqual({ kind: 'comment', justification: 'vendored block' });
    expect(at(text, 6)).toBeUndefined();
    expect(at(text, 8, 'anything')).toEqual({ kind: 'comment' });
  });

  it('enable of one rule inside `disable all` re-enables only that rule', () => {
    const text = '# chartlint-disable all\n# chartlint-enable image-tag\nx: 1\n';
    expect(at(text, 3)).toBeUndefined();
    expect(at(text, 3, 'other')).toEqual({ kind: 'comment' });
    const reenableAll = '# chartlint-disable image-tag\n# chartlint-enable\nx: 1\n';
    expect(at(reenableAll, 3)).toBeUndefined();
  });

  it('ignores look-alikes: another word, a # inside a value, a non-directive template comment', () => {
    expect(at('# chartlint-disabled image-tag\ntag: x\n', 2)).toBeUndefined();
    expect(at('url: http://x#chartlint-disable-next-line\ntag: x\n', 2)).toBeUndefined();
    expect(at('{{/* see chartlint-disable-next-line */}}\ntag: x\n', 2)).toBeUndefined();
    expect(at('# disable-next-line image-tag\ntag: x\n', 2)).toBeUndefined();
  });

  it('handles CRLF line endings', () => {
    expect(at('a: 1\r\n# chartlint-disable-next-line image-tag\r\ntag: x\r\n', 3)).toEqual({
      kind: 'comment',
    });
  });

  it('a location without a line counts as line 1', () => {
    const noLine = finding({ location: { file: 'chart/Chart.yaml' } });
    const top = applySuppressions(
      [noLine],
      context({ 'chart/Chart.yaml': '# chartlint-disable image-tag\nname: x\n' }),
    );
    expect(top[0]?.suppressed).toBe(true);
    const later = applySuppressions(
      [noLine],
      context({ 'chart/Chart.yaml': 'name: x\n# chartlint-disable image-tag\n' }),
    );
    expect(later[0]?.suppressed).toBe(false);
  });

  it('a template comment covers a finding whose primary location is the values line (related `template`)', () => {
    const f = finding({
      file: 'chart/values.yaml',
      line: 2,
      related: [{ file: 'chart/templates/deploy.yaml', startLine: 5, label: 'template' }],
    });
    const template =
      'a\nb\nc\n{{/* chartlint-disable-next-line image-tag -- tag checked elsewhere */}}\n  image: {{ .Values.image }}\n';
    const [s] = applySuppressions(
      [f],
      context({ 'chart/values.yaml': 'x: 1\ntag: latest\n', 'chart/templates/deploy.yaml': template }),
    );
    expect(s?.suppression).toEqual({ kind: 'comment', justification: 'tag checked elsewhere' });
  });

  it('does not honour other related locations (include call sites, rendered positions)', () => {
    const f = finding({
      ruleId: 'render-error',
      file: 'chart/templates/_helpers.tpl',
      line: 9,
      related: [{ file: 'chart/templates/deploy.yaml', startLine: 2, label: 'included from' }],
    });
    const [s] = applySuppressions(
      [f],
      context({
        'chart/templates/deploy.yaml': '# chartlint-disable-next-line all\nx: {{ include "h" . }}\n',
      }),
    );
    expect(s?.suppressed).toBe(false);
  });

  it('leaves a finding alone when its file cannot be read, and reads each file once', () => {
    let reads = 0;
    const ctx: SuppressionContext = {
      readText: (file) => {
        reads++;
        return file === 'chart/values.yaml' ? '# chartlint-disable image-tag\n' : undefined;
      },
      excludes: [],
    };
    const out = applySuppressions(
      [finding({ line: 2 }), finding({ line: 3 }), finding({ file: 'gone.yaml', line: 1 })],
      ctx,
    );
    expect(out.map((f) => f.suppressed)).toEqual([true, true, false]);
    expect(reads).toBe(2);
  });
});

describe('applySuppressions keeps every finding', () => {
  it('never drops a finding, does not modify its input, and keeps an existing suppression', () => {
    const input = [
      finding({ line: 2 }),
      finding({
        line: 3,
        suppressed: true,
        suppression: { kind: 'annotation', justification: 'Rego exception rule' },
      }),
      finding({ line: 4 }),
    ];
    const snapshot = structuredClone(input);
    const out = applySuppressions(input, context({ 'chart/values.yaml': '# chartlint-disable\n' }));
    expect(input).toEqual(snapshot);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ ...input[0], suppressed: true, suppression: { kind: 'comment' } });
    expect(out[1]).toBe(input[1]);
    expect(out[2]?.suppression).toEqual({ kind: 'comment' });
  });
});

const DEPLOYMENT = (annotation: string | undefined) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    ...(annotation === undefined
      ? []
      : ['  annotations:', `    chartlint.io/ignore: ${JSON.stringify(annotation)}`]),
    'spec: {}',
  ].join('\n');

function manifests(environment: string, annotation: string | undefined) {
  return parseManifests(
    [{ source: 'chart/templates/deploy.yaml', text: DEPLOYMENT(annotation), role: 'manifest' }],
    environment,
  ).manifests;
}

describe('the chartlint.io/ignore annotation', () => {
  const resource = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };

  it('suppresses the rules it names on that resource, with the justification after --', () => {
    const lookup = ignoreAnnotationLookup(
      manifests('dev', 'image-tag, resource-limits -- sidecar managed by the mesh'),
    );
    const out = applySuppressions(
      [
        finding({ resource, environments: ['dev'] }),
        finding({ resource, environments: ['dev'], ruleId: 'resource-limits' }),
        finding({ resource, environments: ['dev'], ruleId: 'run-as-root' }),
        finding({ resource: { ...resource, name: 'other' }, environments: ['dev'] }),
        finding({ environments: ['dev'] }),
      ],
      context({}, { ignoreAnnotation: lookup }),
    );
    expect(out.map((f) => f.suppression)).toEqual([
      { kind: 'annotation', justification: 'sidecar managed by the mesh' },
      { kind: 'annotation', justification: 'sidecar managed by the mesh' },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('must name the rule in every environment of a merged finding', () => {
    const lookup = ignoreAnnotationLookup([...manifests('dev', 'all'), ...manifests('prod', undefined)]);
    const both = finding({ resource, environments: ['dev', 'prod'] });
    const devOnly = finding({ resource, environments: ['dev'] });
    const out = applySuppressions([both, devOnly], context({}, { ignoreAnnotation: lookup }));
    expect(out.map((f) => f.suppressed)).toEqual([false, true]);
  });

  it('an empty annotation value suppresses nothing', () => {
    const lookup = ignoreAnnotationLookup(manifests('dev', ''));
    const [f] = applySuppressions(
      [finding({ resource, environments: ['dev'] })],
      context({}, { ignoreAnnotation: lookup }),
    );
    expect(f?.suppressed).toBe(false);
  });
});

describe('configuration excludes', () => {
  const resource = { apiVersion: 'v1', kind: 'Secret', name: 'db-credentials' };
  function excluded(
    excludes: ExcludeConfig[],
    f: Finding,
    configDir?: string,
  ): Finding['suppression'] | undefined {
    const [out] = applySuppressions(
      [f],
      context({}, { excludes, ...(configDir !== undefined ? { configDir } : {}) }),
    );
    return out?.suppressed ? out.suppression : undefined;
  }

  it('matches when every given field matches, recording the reason', () => {
    const e = [{ rule: 'secret-*', kind: 'Secret', name: 'db-*', reason: 'test fixture' }];
    expect(excluded(e, finding({ ruleId: 'secret-plaintext', resource }))).toEqual({
      kind: 'config',
      justification: 'test fixture',
    });
    expect(
      excluded(e, finding({ ruleId: 'secret-plaintext', resource: { ...resource, name: 'api' } })),
    ).toBeUndefined();
    expect(excluded(e, finding({ ruleId: 'image-tag', resource }))).toBeUndefined();
  });

  it('kind and name need a resource', () => {
    expect(excluded([{ kind: '*' }], finding())).toBeUndefined();
    expect(excluded([{ kind: '*' }], finding({ resource }))).toEqual({ kind: 'config' });
  });

  it('rule globs treat / as an ordinary character, so policy ids match', () => {
    expect(
      excluded([{ rule: 'chartlint.*' }], finding({ ruleId: 'chartlint.image_latest_tag/warn' })),
    ).toEqual({ kind: 'config' });
    expect(
      excluded([{ rule: '*/deny' }], finding({ ruleId: 'chartlint.image_latest_tag/warn' })),
    ).toBeUndefined();
    expect(excluded([{ rule: '{image-tag,foo}' }], finding())).toEqual({ kind: 'config' });
    expect(excluded([{ rule: 'image-ta?' }], finding())).toEqual({ kind: 'config' });
    expect(excluded([{ rule: 'image-[st]ag' }], finding())).toEqual({ kind: 'config' });
    expect(excluded([{ rule: 'image-[!t]ag' }], finding())).toBeUndefined();
  });

  it('chart globs are paths: * stays in a segment, ** spans segments, relative to the config directory', () => {
    const f = finding({ chart: 'repo/charts/legacy/api' });
    expect(excluded([{ chart: 'repo/charts/*' }], f)).toBeUndefined();
    expect(excluded([{ chart: 'repo/charts/*/api' }], f)).toEqual({ kind: 'config' });
    expect(excluded([{ chart: 'repo/charts/**' }], f)).toEqual({ kind: 'config' });
    expect(excluded([{ chart: '**/api' }], f)).toEqual({ kind: 'config' });
    expect(excluded([{ chart: 'repo/**/api' }], f)).toEqual({ kind: 'config' });
    expect(excluded([{ chart: 'repo/charts/legacy/api/**' }], f)).toEqual({ kind: 'config' });
    expect(excluded([{ chart: 'charts/legacy/*' }], f, 'repo')).toEqual({ kind: 'config' });
    expect(excluded([{ chart: 'charts/legacy/api/' }], f, 'repo')).toEqual({ kind: 'config' });
    expect(excluded([{ chart: 'charts/legacy/*' }], f)).toBeUndefined();
    expect(excluded([{ chart: '.' }], finding({ chart: 'repo' }), 'repo')).toEqual({ kind: 'config' });
  });

  it('an entry with only a reason matches nothing', () => {
    expect(excluded([{ reason: 'oops' }], finding({ resource }))).toBeUndefined();
  });

  it('regular-expression characters in a glob are literal', () => {
    expect(excluded([{ name: 'db.credentials' }], finding({ resource }))).toBeUndefined();
    expect(excluded([{ name: 'db-credentials' }], finding({ resource }))).toEqual({ kind: 'config' });
    expect(excluded([{ name: '(db)-*' }], finding({ resource: { ...resource, name: '(db)-x' } }))).toEqual({
      kind: 'config',
    });
  });
});

describe('precedence', () => {
  it('a comment wins over the annotation and the configuration', () => {
    const resource = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };
    const lookup = ignoreAnnotationLookup(manifests('dev', 'all -- annotation'));
    const ctx = context(
      { 'chart/values.yaml': 'a: 1\n# chartlint-disable-next-line -- comment\ntag: x\n' },
      { ignoreAnnotation: lookup, excludes: [{ rule: '*', reason: 'config' }] },
    );
    const out = applySuppressions(
      [
        finding({ resource, environments: ['dev'] }),
        finding({ resource, environments: ['dev'], line: 1 }),
        finding({ line: 1 }),
      ],
      ctx,
    );
    expect(out.map((f) => f.suppression?.justification)).toEqual(['comment', 'annotation', 'config']);
  });
});
