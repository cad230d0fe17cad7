import { cpSync, mkdtempSync, readFileSync, readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EmbeddedRenderer } from '../../../src/render/embedded/renderer.js';
import type { RenderOutcome, RenderedDocument } from '../../../src/render/types.js';
import { requestFromArgs } from './request-from-args.js';

const ROOT = join(import.meta.dirname, '../../../fixtures/render');

async function render(fixture: string, args: string[] = [], release?: string): Promise<RenderOutcome> {
  const renderer = new EmbeddedRenderer({ cwd: join(ROOT, fixture) });
  return renderer.render(requestFromArgs('chart', release, args));
}

function ok(outcome: RenderOutcome): Extract<RenderOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome;
}

function spanAt(doc: RenderedDocument, offset: number) {
  return doc.spans?.find((s) => s.start <= offset && offset < s.end);
}

describe('source maps of rendered documents', () => {
  it('point a values scalar at its values-file range and at the template line that printed it', async () => {
    const out = ok(await render('basic', ['--values', 'values-prod.yaml']));
    const deploy = out.documents.find((d) => d.text.includes('kind: Deployment')) as RenderedDocument;
    const at = deploy.text.indexOf('replicas: 3') + 'replicas: '.length;
    const span = spanAt(deploy, at);
    expect(span?.template).toBe('basic/templates/deployment.yaml');
    expect(span?.origin?.source).toBe('values-prod.yaml');
    const values = readFileSync(join(ROOT, 'basic/values-prod.yaml'), 'utf8');
    expect(values.slice(span?.origin?.start, span?.origin?.end)).toBe('3');
    const template = readFileSync(join(ROOT, 'basic/chart/templates/deployment.yaml'), 'utf8');
    const line = template.slice(0, span?.templateOffset).split('\n').length;
    expect(template.split('\n')[line - 1]).toContain('replicas: {{ .Values.replicaCount }}');
  });

  it('map literal template text one to one onto the template file', async () => {
    const out = ok(await render('basic'));
    const deploy = out.documents.find((d) => d.text.includes('kind: Deployment')) as RenderedDocument;
    const at = deploy.text.indexOf('kind: Deployment');
    const span = spanAt(deploy, at) as NonNullable<ReturnType<typeof spanAt>>;
    const template = readFileSync(join(ROOT, 'basic/chart/templates/deployment.yaml'), 'utf8');
    const offset = span.templateOffset + (at - span.start);
    expect(template.slice(offset, offset + 'kind: Deployment'.length)).toBe('kind: Deployment');
  });

  it('attribute include output to the helper, with the call site on the stack', async () => {
    const out = ok(await render('basic'));
    const svc = out.documents.find((d) => d.text.includes('kind: Service')) as RenderedDocument;
    const span = spanAt(svc, svc.text.indexOf('app.kubernetes.io/managed-by'));
    expect(span?.template).toBe('basic/templates/_helpers.tpl');
    expect(span?.callStack?.[0]?.template).toBe('basic/templates/service.yaml');
  });

  it('attribute tpl output to the file that called tpl', async () => {
    const out = ok(await render('tpl'));
    const doc = out.documents[0] as RenderedDocument;
    const span = spanAt(doc, doc.text.indexOf('https://example.com/path'));
    expect(span?.template).toBe('tplchart/templates/cm.yaml');
  });

  it('stay sorted, disjoint, inside their document and in chart files for every fixture environment', async () => {
    const fixtures = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'render-cases.yaml')));
    let checked = 0;
    for (const name of fixtures) {
      const spec = parse(readFileSync(join(ROOT, name, 'render-cases.yaml'), 'utf8')) as {
        cases: { release?: string; args?: string[] }[];
      };
      const renderer = new EmbeddedRenderer({ cwd: join(ROOT, name) });
      for (const c of spec.cases) {
        const outcome = await renderer.render(requestFromArgs('chart', c.release, c.args ?? []));
        if (!outcome.ok) continue;
        for (const doc of outcome.documents) {
          expect(outcome.output).toContain(doc.text);
          let last = 0;
          for (const s of doc.spans ?? []) {
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.end).toBeLessThanOrEqual(doc.text.length);
            // Every span names a file of the chart: tpl strings are attributed to their caller.
            expect(s.template.startsWith(`${doc.source.split('/')[0] ?? ''}/`)).toBe(true);
            for (const site of s.callStack ?? []) expect(site.template).not.toBe('gotpl');
            last = s.end;
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('document roles', () => {
  it('tell hooks (also in JSON documents), manifests and CRDs apart', async () => {
    const json = ok(await render('json-manifests'));
    expect(json.documents.map((d) => [d.source, d.role])).toEqual([
      ['jsonish/templates/ns.json', 'manifest'],
      ['jsonish/templates/svc.yaml', 'manifest'],
      ['jsonish/templates/svc.yaml', 'manifest'],
      ['jsonish/templates/cm.json', 'hook'],
    ]);
    const crds = ok(await render('crds', ['--include-crds']));
    expect(crds.documents.filter((d) => d.role === 'crd').map((d) => d.source)).toEqual([
      'withcrds/crds/nested/gadgets.JSON',
      'withcrds/crds/widgets.yaml',
      'withcrds/charts/op/crds/ops.yml',
    ]);
  });
});

describe('chartlint’s own capabilities (helmCapabilities off)', () => {
  it('renders for what the target Kubernetes version serves', async () => {
    const renderer = new EmbeddedRenderer({ cwd: join(ROOT, 'capabilities') });
    const req = requestFromArgs('chart', undefined, [
      '--kube-version',
      '1.20',
      '-a',
      'monitoring.coreos.com/v1',
    ]);
    req.helmCapabilities = false;
    const out = ok(await renderer.render(req));
    expect(out.output).toContain('hasPdbKind: "false"');
    expect(out.output).toContain('apiVersion: policy/v1beta1\nkind: PodDisruptionBudget');
    expect(out.output).toContain('kind: ServiceMonitor');
    req.kubeVersion = '1.29';
    const newer = ok(await renderer.render(req));
    expect(newer.output).toContain('hasPdbKind: "true"');
    expect(newer.output).toContain('policy/v1/PodDisruptionBudget');
    expect(newer.output).not.toContain('policy/v1beta1');
  });
});

describe('failures', () => {
  it('locate template errors at the failing action', async () => {
    const out = await render('errors-exec', ['--set', 'mode=func']);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.failure).toMatchObject({ template: 'execerr/templates/cm.yaml', line: 4, column: 7 });
  });

  it('locate include chains at the innermost helper line, with the call sites as the trace', async () => {
    const out = await render('errors-exec', ['--set', 'mode=trace']);
    expect(out).toMatchObject({
      ok: false,
      failure: {
        template: 'execerr/templates/_helpers.tpl',
        line: 2,
        trace: [
          { template: 'execerr/templates/cm.yaml', line: 2 },
          { template: 'execerr/templates/_helpers.tpl', line: 5 },
        ],
      },
    });
  });

  it('locate required inside a helper at the helper, keeping helm’s outermost location in the message', async () => {
    const out = await render('errors-required');
    expect(out).toMatchObject({
      ok: false,
      failure: {
        message: 'execution error at (req/templates/cm.yaml:6:11): a host is required: set .Values.host',
        template: 'req/templates/_helpers.tpl',
        line: 2,
      },
    });
  });

  it('locate tpl errors at the file that called tpl', async () => {
    const out = await render('tpl', ['--set', 'useBad=true']);
    expect(out).toMatchObject({ ok: false, failure: { template: 'tplchart/templates/cm.yaml', line: 12 } });
  });

  it('locate an unmet kubeVersion at Chart.yaml’s kubeVersion line', async () => {
    const out = await render('kube-version-constraint');
    expect(out).toMatchObject({ ok: false, failure: { template: 'needskube/Chart.yaml', line: 4 } });
  });

  it('locate a broken values.yaml in the chart', async () => {
    const out = await render('bad-chart-values');
    expect(out).toMatchObject({ ok: false, failure: { template: 'badvals/values.yaml' } });
  });

  it('locate parse errors at their line', async () => {
    const out = await render('errors-parse');
    expect(out).toMatchObject({ ok: false, failure: { template: 'parseerr/templates/bad.yaml', line: 4 } });
  });

  it('locate YAML errors in output at the template line that wrote the bad line', async () => {
    const out = await render('yaml-error', ['--set', 'mode=badindent']);
    expect(out).toMatchObject({ ok: false, failure: { template: 'yamlerr/templates/cm.yaml', line: 13 } });
  });

  it('name a values file that does not exist', async () => {
    const out = await render('basic', ['--values', 'nope.yaml']);
    expect(out).toMatchObject({
      ok: false,
      failure: { message: 'open nope.yaml: no such file or directory' },
    });
  });
});

describe('limits', () => {
  const limits = (
    mode: string,
    l: { timeoutMs?: number; maxOutputBytes?: number; maxTemplateDepth?: number },
  ) => {
    const renderer = new EmbeddedRenderer({ cwd: join(ROOT, '_limits') });
    const req = requestFromArgs('chart', undefined, ['--set', `mode=${mode}`]);
    req.limits = l;
    return renderer.render(req);
  };

  it('stop a template that runs too long, located', async () => {
    const out = await limits('loop', { timeoutMs: 200 });
    expect(out).toMatchObject({ ok: false, failure: { template: 'limits/templates/t.yaml', line: 2 } });
    if (!out.ok) expect(out.failure.message).toContain('rendering took longer than the time limit');
  });

  it('stop output that grows too large, located', async () => {
    const out = await limits('big', { maxOutputBytes: 100_000 });
    expect(out).toMatchObject({ ok: false, failure: { template: 'limits/templates/t.yaml', line: 3 } });
    if (!out.ok)
      expect(out.failure.message).toContain('template output exceeds the limit of 100000 characters');
  });

  it('stop endless {{ template }} recursion, located at the recursive call', async () => {
    const out = await limits('template', { maxTemplateDepth: 500 });
    expect(out).toMatchObject({ ok: false, failure: { template: 'limits/templates/_t.tpl', line: 1 } });
  });

  it('stop endless include recursion with helm’s message', async () => {
    const out = await limits('include', {});
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.failure.message).toContain('rendering template has a nested reference name: selfinc');
  });
});

describe('caching', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('loads and parses a chart once for all its environments until the cache is cleared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartlint-cache-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'basic/chart'), join(dir, 'chart'), { recursive: true });
    const renderer = new EmbeddedRenderer({ cwd: dir });
    const req = requestFromArgs('chart', undefined, []);
    const first = ok(await renderer.render(req));
    writeFileSync(join(dir, 'chart/templates/service.yaml'), 'kind: Changed\n');
    const second = ok(await renderer.render({ ...req, set: ['replicaCount=2'] }));
    expect(second.output).toContain('kind: Service');
    expect(second.output).toContain('replicas: 2');
    expect(first.output).toContain('replicas: 1');
    renderer.clearCache();
    const third = ok(await renderer.render(req));
    expect(third.output).toContain('kind: Changed');
  });
});
