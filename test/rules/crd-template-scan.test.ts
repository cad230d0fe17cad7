import { describe, expect, it } from 'vitest';
import { scanTemplateCrds } from '../../src/rules/crd-template-scan.js';

const CRD = `{{- if .Values.crds.enabled }}
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: {{ include "crd.name" . }}
spec:
  group: example.com
  names:
    listKind: WidgetList
    {{- if .Values.shortNames }}
    shortNames: {{ toYaml .Values.shortNames }}
    {{- end }}
    kind: Widget
    plural: widgets
  versions:
    - name: v1
      schema:
        openAPIV3Schema:
          properties:
            kind:
              type: string
{{- end }}
`;

describe('scanTemplateCrds', () => {
  it('reads group, names.kind and plural around template actions', () => {
    expect(scanTemplateCrds(CRD)).toEqual([
      { group: 'example.com', kind: 'Widget', name: 'widgets.example.com' },
    ]);
  });

  it('finds every CRD document of a multi-document template and skips other kinds', () => {
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    const gadget = CRD.replace('example.com', 'tools.example.org')
      .replace('kind: Widget', 'kind: Gadget')
      .replace('plural: widgets', '');
    expect(scanTemplateCrds(`${other}---\n${CRD}---\n${gadget}`)).toEqual([
      { group: 'example.com', kind: 'Widget', name: 'widgets.example.com' },
      { group: 'tools.example.org', kind: 'Gadget', name: 'Gadget.tools.example.org' },
    ]);
  });

  it('ignores a kind outside the names block', () => {
    const kindAfterNames = CRD.replace('    kind: Widget\n', '').replace(
      '  versions:',
      '  kind: Widget\n  versions:',
    );
    expect(scanTemplateCrds(kindAfterNames)).toEqual([]);
  });

  it('leaves out CRDs whose group or kind is templated', () => {
    expect(scanTemplateCrds(CRD.replace('group: example.com', 'group: {{ .Values.group }}'))).toEqual([]);
    expect(scanTemplateCrds(CRD.replace('kind: Widget', 'kind: {{ .Values.kind }}'))).toEqual([]);
  });
});
