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

  it('returns nothing for an empty render', () => {
    expect(splitTemplateOutput('\n')).toEqual([]);
  });
});
