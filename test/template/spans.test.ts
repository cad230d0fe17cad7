import { describe, expect, test } from 'vitest';
import { render, FILE } from './engine/harness.js';
import { stripNoValue, type OutputSpan } from '../../src/template/index.js';
import { GoMap, goList, type ValueOrigin } from '../../src/values/model.js';

const origin = (start: number, path: (string | number)[]): ValueOrigin => ({
  source: 'values.yaml',
  isFile: true,
  start,
  end: start + 3,
  path,
});
const IMAGE = origin(10, ['image']);
const PORT = origin(30, ['ports', 0]);

function values(): GoMap {
  const v = new GoMap();
  v.set('image', 'nginx', IMAGE);
  const ports = goList([8080]);
  ports.origins = [PORT];
  v.set('ports', ports);
  return v;
}

/** The span covering output offset `at`. */
function spanAt(spans: readonly OutputSpan[], at: number): OutputSpan | undefined {
  return spans.find((s) => s.start <= at && at < s.end);
}

describe('provenance spans (DESIGN.md §7)', () => {
  test('text and actions are recorded with their node offsets; adjacent source text merges', () => {
    const r = render('a: {{ .Values.image }}\nb: x', values());
    expect(r.output).toBe('a: nginx\nb: x');
    expect(r.spans).toEqual([
      { start: 0, end: 3, parseName: FILE, nodeOffset: 0, kind: 'text' },
      { start: 3, end: 8, parseName: FILE, nodeOffset: 6, kind: 'action', origin: IMAGE },
      { start: 8, end: 13, parseName: FILE, nodeOffset: 22, kind: 'text' },
    ]);
  });

  test.each([
    ['directly', '{{ .Values.image }}', 'nginx'],
    ['through a variable', '{{ $i := .Values.image }}{{ $i }}', 'nginx'],
    ['through a pass-through function', '{{ .Values.image | upper }}', 'NGINX'],
    ['through a piped quote', '{{ .Values.image | quote }}', '"nginx"'],
    ['through default picking the value', '{{ .Values.image | default "x" }}', 'nginx'],
    ['through parentheses and with', '{{ with (.Values.image) }}{{ . }}{{ end }}', 'nginx'],
  ])('a values origin survives %s', (_name, tpl, printed) => {
    const r = render(tpl, values());
    expect(r.output).toBe(printed);
    expect(spanAt(r.spans, 0)?.origin).toEqual(IMAGE);
  });

  test('list elements carry their origin through range and index', () => {
    const r = render('{{ range .Values.ports }}{{ . }}{{ end }}|{{ index .Values.ports 0 }}', values());
    expect(r.output).toBe('8080|8080');
    expect(spanAt(r.spans, 0)?.origin).toEqual(PORT);
    expect(spanAt(r.spans, 5)?.origin).toEqual(PORT);
  });

  test('a default that picked its literal does not claim the value origin', () => {
    const v = values();
    v.set('empty', '', origin(50, ['empty']));
    const r = render('{{ .Values.empty | default "d" }}', v);
    expect(r.output).toBe('d');
    expect(spanAt(r.spans, 0)?.origin).toBeUndefined();
  });

  test('include output keeps the spans of the helper, with the call stack', () => {
    const helper = 'oracle/templates/_h.tpl';
    const files = { [helper]: '{{ define "img" }}image: {{ .Values.image }}{{ end }}' };
    const r = render('x\n{{ include "img" . }}', values(), { files });
    expect(r.output).toBe('x\nimage: nginx');
    const value = spanAt(r.spans, r.output.indexOf('nginx'));
    expect(value).toMatchObject({ parseName: helper, kind: 'action', origin: IMAGE });
    expect(value?.callStack).toEqual([{ parseName: FILE, nodeOffset: 5 }]);
    expect(spanAt(r.spans, 2)).toMatchObject({ parseName: helper, kind: 'text', nodeOffset: 18 });
  });

  test('include spans follow nindent line by line', () => {
    const helper = 'oracle/templates/_h.tpl';
    const files = { [helper]: '{{ define "two" }}a: 1\nb: {{ .Values.image }}{{ end }}' };
    const r = render('spec:{{ include "two" . | nindent 2 }}', values(), { files });
    expect(r.output).toBe('spec:\n  a: 1\n  b: nginx');
    expect(spanAt(r.spans, r.output.indexOf('nginx'))).toMatchObject({ parseName: helper, origin: IMAGE });
    expect(spanAt(r.spans, r.output.indexOf('a: 1'))).toMatchObject({
      parseName: helper,
      kind: 'text',
      nodeOffset: 18,
    });
  });

  test('tpl output is attributed to the tpl string, called from the template', () => {
    const r = render('{{ tpl "v={{ .Values.image }}" . }}', values());
    expect(r.output).toBe('v=nginx');
    expect(spanAt(r.spans, 2)).toMatchObject({
      parseName: 'gotpl',
      origin: IMAGE,
      callStack: [{ parseName: FILE, nodeOffset: 3 }],
    });
  });

  test('stripNoValue removes <no value> and shifts later spans', () => {
    const r = render('[{{ .Values.nope }}]{{ .Values.image }}', values());
    const s = stripNoValue(r.output, r.spans);
    expect(s.output).toBe('[]nginx');
    expect(spanAt(s.spans, 2)).toMatchObject({ kind: 'action', origin: IMAGE });
  });

  test('span recording can be switched off', () => {
    expect(render('a{{ .Values.image }}', values(), { recordSpans: false }).spans).toEqual([]);
  });
});
