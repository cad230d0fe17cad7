import { describe, it } from 'vitest';
import type { RenderedDocument } from '../../src/render/types.js';
import { rule } from '../../src/rules/crd-ordering.js';
import { chartFrom, expectReports, manifestsFromDocuments, runRule, type Expected } from './tester.js';

function crd(annotations = '', versions = ['v1']): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
${annotations ? `  annotations:\n${annotations}` : ''}spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
  versions:
${versions.map((v) => `    - name: ${v}\n      served: true\n      storage: ${v === versions[0]}\n`).join('')}`;
}

function widget(annotations = '', version = 'v1'): string {
  return `apiVersion: example.com/${version}
kind: Widget
metadata:
  name: w
${annotations ? `  annotations:\n${annotations}` : ''}`;
}

const KEEP = '    helm.sh/resource-policy: keep\n';

/** A templated CRD behind a values toggle, as charts like cert-manager write it (`crds.enabled`). */
function toggledCrd(toggle = '.Values.crds.enabled'): string {
  return `{{- if ${toggle} }}\n${crd(KEEP).replace('name: widgets.example.com', 'name: {{ .Values.crdName }}')}{{- end }}\n`;
}

/** Chart.yaml of the root chart with one dependency entry (extra lines such as `condition:` appended). */
function chartYaml(dependency: string, extra = ''): string {
  return `apiVersion: v2\nname: chart\nversion: 0.1.0\ndependencies:\n  - name: ${dependency}\n    version: 1.0.0\n    repository: file://charts/${dependency}\n${extra}`;
}

function subChart(name: string): string {
  return `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`;
}

function doc(template: string, text: string, role: RenderedDocument['role'] = 'manifest'): RenderedDocument {
  return { source: `chart/${template}`, text, role };
}

interface Case {
  name: string;
  files?: Record<string, string>;
  documents?: RenderedDocument[];
  options?: Record<string, unknown>;
  expected: Expected[];
}

const invalid: Case[] = [
  {
    name: 'CR and CRD both templated',
    documents: [doc('templates/crd.yaml', crd(KEEP)), doc('templates/widget.yaml', widget())],
    expected: [
      {
        messageId: 'cr-with-templated-crd',
        line: 2,
        column: 7,
        severity: 'error',
        file: 'chart/templates/widget.yaml',
      },
    ],
  },
  {
    name: 'CRD as a pre-install hook',
    documents: [
      doc('templates/crd.yaml', crd(`${KEEP}    helm.sh/hook: pre-install\n`)),
      doc('templates/widget.yaml', widget()),
    ],
    expected: [{ messageId: 'cr-with-hook-crd', line: 2, column: 7, contains: 'pre-install hook' }],
  },
  {
    name: 'CR as a post-install hook of a templated CRD',
    documents: [
      doc('templates/crd.yaml', crd(KEEP)),
      doc('templates/widget.yaml', widget('    helm.sh/hook: post-install\n')),
    ],
    expected: [{ messageId: 'cr-hook-race', line: 6, column: 19, severity: 'warning' }],
  },
  {
    name: 'CRD in a subchart template',
    documents: [doc('charts/sub/templates/crd.yaml', crd(KEEP)), doc('templates/widget.yaml', widget())],
    expected: [{ messageId: 'cr-with-templated-crd', line: 2, column: 7 }],
  },
  {
    name: 'crd-install hook in a template',
    files: { 'templates/crd.yaml': 'metadata:\n  annotations:\n    "helm.sh/hook": crd-install\n' },
    expected: [
      { messageId: 'unknown-hook', line: 3, column: 21, file: 'chart/templates/crd.yaml', severity: 'error' },
    ],
  },
  {
    name: 'an unknown hook among known ones',
    files: { 'templates/job.yaml': 'metadata:\n  annotations:\n    helm.sh/hook: pre-install,pre-upgrad\n' },
    expected: [{ messageId: 'unknown-hook', line: 3, column: 31, contains: '"pre-upgrad"' }],
  },
  {
    name: 'template syntax in crds/',
    files: {
      'crds/widgets.yaml':
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: {{ .Values.name }}\n',
    },
    expected: [{ messageId: 'crds-templated', line: 4, column: 9, file: 'chart/crds/widgets.yaml' }],
  },
  {
    name: 'a non-CRD in crds/',
    files: { 'crds/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
    expected: [{ messageId: 'crds-not-crd', line: 1, column: 1, contains: 'holds a ConfigMap' }],
  },
  {
    name: 'a file Helm ignores in crds/',
    files: { 'crds/README.md': '# CRDs\n' },
    expected: [{ messageId: 'crds-ignored-file', line: 1, column: 1, severity: 'warning' }],
  },
  {
    name: 'templated CRD without keep',
    documents: [doc('templates/crd.yaml', crd())],
    expected: [{ messageId: 'templated-crd-no-keep', line: 4, column: 9, severity: 'warning' }],
  },
  {
    name: 'resource-policy other than keep',
    documents: [
      doc(
        'templates/cm.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    helm.sh/resource-policy: retain\n',
      ),
    ],
    expected: [{ messageId: 'resource-policy-value', line: 6, column: 30 }],
  },
  {
    name: 'non-integer hook weight',
    documents: [
      doc(
        'templates/job.yaml',
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-weight: "-5a"\n',
      ),
    ],
    expected: [{ messageId: 'hook-weight', line: 7, column: 26 }],
  },
  {
    name: 'CR version not served by the CRD in crds/',
    files: { 'crds/widgets.yaml': crd('', ['v1']) },
    documents: [doc('templates/widget.yaml', widget('', 'v2'))],
    expected: [{ messageId: 'version-not-served', line: 1, column: 13, contains: 'served: v1' }],
  },
  {
    name: 'served: false version',
    files: {
      'crds/widgets.yaml':
        crd('', ['v1']).replace('served: true', 'served: false') +
        '    - name: v2\n      served: true\n      storage: false\n',
    },
    documents: [doc('templates/widget.yaml', widget('', 'v1'))],
    expected: [{ messageId: 'version-not-served', line: 1, column: 13 }],
  },
  {
    name: 'two custom resources of a templated CRD',
    documents: [
      doc('templates/crd.yaml', crd(KEEP)),
      doc('templates/widgets.yaml', `${widget()}---\n${widget().replace('name: w', 'name: w2')}`),
    ],
    expected: [
      { messageId: 'cr-with-templated-crd', line: 2, column: 7 },
      { messageId: 'cr-with-templated-crd', line: 7, column: 7 },
    ],
  },
  {
    name: 'CR rendered while its toggled CRD in templates/ is off',
    files: { 'templates/crd.yaml': toggledCrd() },
    documents: [doc('templates/widget.yaml', widget())],
    expected: [
      {
        messageId: 'crd-toggled-off',
        line: 2,
        column: 7,
        severity: 'warning',
        file: 'chart/templates/widget.yaml',
        contains: 'CRD widgets.example.com (chart/templates/crd.yaml) is not',
      },
    ],
  },
  {
    name: 'CR rendered while the toggled CRD of an always-on subchart is off',
    files: {
      'charts/sub/Chart.yaml': subChart('sub'),
      'charts/sub/templates/crds.yaml': toggledCrd('.Values.installCRDs'),
    },
    documents: [doc('templates/widget.yaml', widget())],
    expected: [
      { messageId: 'crd-toggled-off', line: 2, column: 7, contains: 'chart/charts/sub/templates/crds.yaml' },
    ],
  },
  {
    name: 'CR of the second toggled CRD in a multi-document template, quoted and commented',
    files: {
      'templates/crds.yaml': `${toggledCrd()}---\n{{- if .Values.crds.enabled }}\napiVersion: apiextensions.k8s.io/v1\nkind: "CustomResourceDefinition"\nspec:\n  group: "tools.example.org" # the API group\n  names:\n    {{- with .Values.extraNames }}{{ toYaml . }}{{ end }}\n    kind: 'Gadget'\n    listKind: GadgetList\n    plural: gadgets\n  versions: []\n{{- end }}\n`,
    },
    documents: [
      doc('templates/gadget.yaml', 'apiVersion: tools.example.org/v1\nkind: Gadget\nmetadata:\n  name: g\n'),
    ],
    expected: [
      { messageId: 'crd-toggled-off', line: 2, column: 7, contains: 'CRD gadgets.tools.example.org' },
    ],
  },
  {
    name: 'CR as a post-install hook while its toggled CRD is off',
    files: { 'templates/crd.yaml': toggledCrd() },
    documents: [doc('templates/widget.yaml', widget('    helm.sh/hook: post-install\n'))],
    expected: [{ messageId: 'crd-toggled-off', line: 2, column: 7 }],
  },
  {
    name: 'toggle on: CR and its toggled CRD both rendered are CRD001, not a toggle problem',
    files: { 'templates/crd.yaml': toggledCrd() },
    documents: [doc('templates/crd.yaml', crd(KEEP)), doc('templates/widget.yaml', widget())],
    expected: [{ messageId: 'cr-with-templated-crd', line: 2, column: 7 }],
  },
  {
    name: 'CRD only in crds/ of a dependency with a condition',
    files: {
      'Chart.yaml': chartYaml('sub', '    condition: sub.enabled\n'),
      'charts/sub/Chart.yaml': subChart('sub'),
      'charts/sub/crds/widgets.yaml': crd(),
    },
    documents: [doc('templates/widget.yaml', widget())],
    expected: [
      {
        messageId: 'crd-only-in-optional-dependency',
        line: 1,
        column: 13,
        severity: 'warning',
        contains:
          'only the dependency sub ships, and that dependency can be disabled (condition: sub.enabled)',
      },
    ],
  },
  {
    name: 'CRD only in the templates of a dependency with tags (disabled here)',
    files: {
      'Chart.yaml': chartYaml('sub', '    tags:\n      - operator\n'),
      'charts/sub/Chart.yaml': subChart('sub'),
      'charts/sub/templates/crd.yaml': crd(KEEP),
    },
    documents: [doc('templates/widget.yaml', widget())],
    expected: [
      { messageId: 'crd-only-in-optional-dependency', line: 1, column: 13, contains: '(tags: operator)' },
    ],
  },
  {
    name: 'CRD in crds/ of a subchart nested under an aliased optional dependency',
    files: {
      'Chart.yaml': chartYaml(
        'sub',
        '    alias: operator\n    condition: operator.enabled,global.operator\n',
      ),
      'charts/sub/Chart.yaml': subChart('sub'),
      'charts/sub/charts/deep/Chart.yaml': subChart('deep'),
      'charts/sub/charts/deep/crds/widgets.yaml': crd(),
    },
    documents: [doc('templates/widget.yaml', widget())],
    expected: [
      {
        messageId: 'crd-only-in-optional-dependency',
        line: 1,
        column: 13,
        contains:
          'dependency operator ships, and that dependency can be disabled (condition: operator.enabled,global.operator)',
      },
    ],
  },
  {
    name: 'CR in another subchart than the optional one shipping its CRD',
    files: {
      'Chart.yaml': `${chartYaml('sub', '    condition: sub.enabled\n')}  - name: app\n    version: 1.0.0\n    repository: file://charts/app\n`,
      'charts/sub/Chart.yaml': subChart('sub'),
      'charts/sub/crds/widgets.yaml': crd(),
      'charts/app/Chart.yaml': subChart('app'),
    },
    documents: [doc('charts/app/templates/widget.yaml', widget())],
    expected: [
      {
        messageId: 'crd-only-in-optional-dependency',
        line: 1,
        column: 13,
        file: 'chart/charts/app/templates/widget.yaml',
      },
    ],
  },
];

const valid: Case[] = (
  [
    {
      name: 'CRD in crds/, CR in templates/',
      files: { 'crds/widgets.yaml': crd() },
      documents: [doc('templates/widget.yaml', widget())],
    },
    {
      name: 'CRD in crds/ rendered with --include-crds',
      files: { 'crds/widgets.yaml': crd() },
      documents: [doc('crds/widgets.yaml', crd(), 'crd'), doc('templates/widget.yaml', widget())],
    },
    {
      name: 'CRD in a subchart crds/',
      files: {
        'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
        'charts/sub/crds/w.yaml': crd(),
      },
      documents: [doc('templates/widget.yaml', widget())],
    },
    {
      name: 'templated CRD with keep and no custom resources',
      documents: [doc('templates/crd.yaml', crd(KEEP))],
    },
    {
      name: 'keep written in capitals with spaces',
      documents: [
        doc(
          'templates/cm.yaml',
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    helm.sh/resource-policy: " Keep "\n',
        ),
      ],
    },
    {
      name: 'known hooks and integer weights',
      files: {
        'templates/job.yaml':
          'metadata:\n  annotations:\n    helm.sh/hook: pre-install,post-upgrade,test\n    helm.sh/hook-weight: "-5"\n',
      },
      documents: [
        doc(
          'templates/job.yaml',
          'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-weight: "-5"\n',
        ),
      ],
    },
    {
      name: 'a templated hook name',
      files: { 'templates/job.yaml': 'metadata:\n  annotations:\n    helm.sh/hook: {{ .Values.hook }}\n' },
    },
    {
      name: 'a custom resource of a CRD the chart does not define',
      documents: [
        doc(
          'templates/sm.yaml',
          'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: s\n',
        ),
      ],
    },
    {
      name: 'file order does not matter (CR first, CRD in crds/)',
      files: { 'crds/a.yaml': crd() },
      documents: [
        doc('templates/a-widget.yaml', widget()),
        doc('templates/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'),
      ],
    },
    {
      name: 'JSON CRD file in crds/',
      files: {
        'crds/widgets.json': JSON.stringify({
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          metadata: { name: 'widgets.example.com' },
          spec: { group: 'example.com', names: { kind: 'Widget' }, versions: [{ name: 'v1', served: true }] },
        }),
      },
      documents: [doc('templates/widget.yaml', widget())],
    },
    {
      name: 'keep not required by option',
      options: { requireKeep: false },
      documents: [doc('templates/crd.yaml', crd())],
    },
    {
      name: 'v1beta1 CRD with spec.version',
      files: { 'crds/w.yaml': crd().replace(/ {2}versions:[\s\S]*$/, '  version: v1alpha1\n') },
      documents: [doc('templates/widget.yaml', widget('', 'v1alpha1'))],
    },
    {
      name: 'CR and CRD behind the same toggle, both off',
      files: {
        'templates/crd.yaml': toggledCrd(),
        'templates/widget.yaml': `{{- if .Values.crds.enabled }}\n${widget()}{{- end }}\n`,
      },
      documents: [doc('templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n')],
    },
    {
      name: 'toggled-off templated CRD also shipped in crds/',
      files: { 'templates/crd.yaml': toggledCrd(), 'crds/widgets.yaml': crd() },
      documents: [doc('templates/widget.yaml', widget())],
    },
    {
      name: 'a CR whose CRD comes from the cluster while the chart toggles another CRD off',
      files: { 'templates/crd.yaml': toggledCrd() },
      documents: [
        doc(
          'templates/sm.yaml',
          'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: s\n',
        ),
      ],
    },
    {
      name: 'a toggled CRD whose group is templated (cannot be matched)',
      files: {
        'templates/crd.yaml': toggledCrd().replace('group: example.com', 'group: {{ .Values.group }}'),
      },
      documents: [doc('templates/widget.yaml', widget())],
    },
    {
      name: 'CRD in crds/ of an always-on dependency',
      files: {
        'Chart.yaml': chartYaml('sub'),
        'charts/sub/Chart.yaml': subChart('sub'),
        'charts/sub/crds/widgets.yaml': crd(),
      },
      documents: [doc('templates/widget.yaml', widget())],
    },
    {
      name: 'CR inside the optional dependency that ships its CRD',
      files: {
        'Chart.yaml': chartYaml('sub', '    condition: sub.enabled\n'),
        'charts/sub/Chart.yaml': subChart('sub'),
        'charts/sub/crds/widgets.yaml': crd(),
      },
      documents: [doc('charts/sub/templates/widget.yaml', widget())],
    },
    {
      name: 'CRD shipped by an optional dependency and by the chart itself',
      files: {
        'Chart.yaml': chartYaml('sub', '    condition: sub.enabled\n'),
        'charts/sub/Chart.yaml': subChart('sub'),
        'charts/sub/crds/widgets.yaml': crd(),
        'crds/widgets.yaml': crd(),
      },
      documents: [doc('templates/widget.yaml', widget())],
    },
  ] as Omit<Case, 'expected'>[]
).map((c) => ({ ...c, expected: [] }));

async function run(c: Case) {
  return runRule(rule, {
    chart: await chartFrom(c.files ?? {}),
    manifests: manifestsFromDocuments(c.documents ?? []),
    ...(c.options ? { options: c.options } : {}),
  });
}

describe('crd-ordering', () => {
  it.each(invalid)('reports $name', async (c) => expectReports(rule.id, await run(c), c.expected));
  it.each(valid)('accepts $name', async (c) => expectReports(rule.id, await run(c), []));
});
