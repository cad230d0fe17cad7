import { describe, expect, it } from 'vitest';
import { splitTemplateOutput } from '../../src/render/split-output.js';

describe('splitTemplateOutput', () => {
  it('splits helm template output by its # Source headers and classifies documents', () => {
    const out = [
      '---',
      '# Source: c/crds/crd.yaml',
      'kind: CustomResourceDefinition',
      '',
      '---',
      '# Source: c/templates/cm.yaml',
      'kind: ConfigMap',
      'data:',
      '  a: "---"',
      '---',
      '# Source: c/templates/job.yaml',
      'kind: Job',
      'metadata:',
      '  annotations:',
      '    "helm.sh/hook": pre-install',
      '',
    ].join('\n');
    const docs = splitTemplateOutput(out);
    expect(docs.map((d) => [d.source, d.role])).toEqual([
      ['c/crds/crd.yaml', 'crd'],
      ['c/templates/cm.yaml', 'manifest'],
      ['c/templates/job.yaml', 'hook'],
    ]);
    expect(docs[1]?.text).toBe('kind: ConfigMap\ndata:\n  a: "---"');
  });

  it('finds the hook annotation in JSON documents and nowhere but metadata.annotations', () => {
    const out = [
      '---',
      '# Source: c/templates/test.json',
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"t","annotations":{"helm.sh/hook":"test"}}}',
      '---',
      '# Source: c/templates/cm.yaml',
      'kind: ConfigMap',
      'data:',
      '  notes: |',
      '    helm.sh/hook: pre-install',
      '---',
      '# Source: c/templates/label.yaml',
      'kind: Service',
      'metadata:',
      '  labels: { helm.sh/hook: "x" }',
      '---',
      '# Source: c/templates/broken.yaml',
      'metadata: { annotations: { helm.sh/hook: [ }',
    ].join('\n');
    expect(splitTemplateOutput(out).map((d) => [d.source, d.role])).toEqual([
      ['c/templates/test.json', 'hook'],
      ['c/templates/cm.yaml', 'manifest'],
      ['c/templates/label.yaml', 'manifest'],
      ['c/templates/broken.yaml', 'manifest'],
    ]);
  });

  it('returns nothing for an empty render', () => {
    expect(splitTemplateOutput('\n')).toEqual([]);
  });
});
