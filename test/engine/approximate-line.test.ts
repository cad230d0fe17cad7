import { describe, expect, it } from 'vitest';
import { approximateTemplateLine } from '../../src/engine/approximate-line.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      initContainers:
        {{- toYaml .Values.initContainers | nindent 8 }}
      containers:
        - name: web
          image: "{{ .Values.image }}"
          ports:
            - containerPort: 8080
              hostPort: 80
          securityContext:
            {{- include "x.securityContext" . | nindent 12 }}
`;

const POD = ['spec', 'template', 'spec'];

describe('approximateTemplateLine (no source map: --renderer helm)', () => {
  it('points at the rendered value on the line of its key', () => {
    expect(
      approximateTemplateLine(DEPLOYMENT, [...POD, 'containers', 0, 'ports', 0, 'hostPort'], 80),
    ).toEqual({
      line: 13,
      column: 25,
      endColumn: 27,
    });
  });

  it('points at the key when the value was computed', () => {
    expect(approximateTemplateLine(DEPLOYMENT, [...POD, 'containers', 0, 'image'], 'nginx:1.27')).toEqual({
      line: 10,
      column: 11,
      endColumn: 39,
    });
  });

  it('falls back to the nearest ancestor the template spells out (a helper wrote the rest)', () => {
    const path = [...POD, 'containers', 0, 'securityContext', 'privileged'];
    expect(approximateTemplateLine(DEPLOYMENT, path, true)?.line).toBe(14);
  });

  it('keeps a child inside its parent block: keys toYaml wrote stay at the parent', () => {
    const path = [...POD, 'initContainers', 0, 'securityContext', 'privileged'];
    expect(approximateTemplateLine(DEPLOYMENT, path, true)?.line).toBe(6);
  });

  it('looks for a key below its parent, not at the first line that spells it', () => {
    expect(approximateTemplateLine(DEPLOYMENT, [...POD], undefined)?.line).toBe(5);
  });

  it('takes a line that shows the value when no key matches, else nothing', () => {
    expect(approximateTemplateLine('a: 1\nb: "8080"\n', ['x'], '8080')).toEqual({
      line: 2,
      column: 5,
      endColumn: 9,
    });
    expect(approximateTemplateLine('a: 1\n', ['x'], 'zzz')).toBeUndefined();
  });
});
