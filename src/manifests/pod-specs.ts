/**
 * Where images live in Kubernetes objects (checks-facts.md §4.4): pod specs of every workload kind, and the image
 * fields of common custom resources. Walkers return JSON paths so findings point at the exact field.
 */
import type { JsonPath } from './types.js';

/** One image field of an object. */
export interface ImageField {
  path: JsonPath;
  /** The value as rendered (usually a string; anything else is reported by the caller). */
  value: unknown;
  /** Container name when the field belongs to a container. */
  container?: string;
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function at(object: unknown, path: JsonPath): unknown {
  let v = object;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Path from the object root to its pod spec, by kind, for the built-in workloads and the CRDs we know. */
const POD_SPEC_PATHS: ReadonlyArray<{ group: string | undefined; kinds: readonly string[]; path: JsonPath }> =
  [
    { group: '', kinds: ['Pod'], path: ['spec'] },
    { group: '', kinds: ['PodTemplate'], path: ['template', 'spec'] },
    { group: '', kinds: ['ReplicationController'], path: ['spec', 'template', 'spec'] },
    {
      group: 'apps',
      kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
      path: ['spec', 'template', 'spec'],
    },
    {
      group: 'extensions',
      kinds: ['Deployment', 'ReplicaSet', 'DaemonSet'],
      path: ['spec', 'template', 'spec'],
    },
    { group: 'batch', kinds: ['Job'], path: ['spec', 'template', 'spec'] },
    { group: 'batch', kinds: ['CronJob'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
    { group: 'argoproj.io', kinds: ['Rollout'], path: ['spec', 'template', 'spec'] },
    {
      group: 'apps.kruise.io',
      kinds: ['CloneSet', 'StatefulSet', 'DaemonSet'],
      path: ['spec', 'template', 'spec'],
    },
    { group: 'serving.knative.dev', kinds: ['Service', 'Configuration'], path: ['spec', 'template', 'spec'] },
    { group: 'keda.sh', kinds: ['ScaledJob'], path: ['spec', 'jobTargetRef', 'template', 'spec'] },
  ];

/** The API group of an apiVersion (`''` for the core group). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The pod spec paths of an object (empty when its kind carries none). */
export function podSpecPaths(object: Obj): JsonPath[] {
  const group = apiGroupOf(String(object.apiVersion ?? ''));
  const kind = String(object.kind ?? '');
  return POD_SPEC_PATHS.filter((p) => p.group === group && p.kinds.includes(kind))
    .map((p) => p.path)
    .filter((path) => isObject(at(object, path)));
}

function containerImages(list: unknown, base: JsonPath): ImageField[] {
  if (!Array.isArray(list)) return [];
  const out: ImageField[] = [];
  list.forEach((c, i) => {
    if (!isObject(c) || !('image' in c)) return;
    out.push({
      path: [...base, i, 'image'],
      value: c.image,
      ...(typeof c.name === 'string' ? { container: c.name } : {}),
    });
  });
  return out;
}

/** Images of one pod spec: containers, init (including sidecar) and ephemeral containers, image volumes. */
export function podSpecImages(spec: Obj, base: JsonPath): ImageField[] {
  const out = [
    ...containerImages(spec.initContainers, [...base, 'initContainers']),
    ...containerImages(spec.containers, [...base, 'containers']),
    ...containerImages(spec.ephemeralContainers, [...base, 'ephemeralContainers']),
  ];
  if (Array.isArray(spec.volumes)) {
    spec.volumes.forEach((v, i) => {
      if (isObject(v) && isObject(v.image) && 'reference' in v.image) {
        out.push({ path: [...base, 'volumes', i, 'image', 'reference'], value: v.image.reference });
      }
    });
  }
  return out;
}

function field(object: Obj, path: JsonPath): ImageField[] {
  const value = at(object, path);
  return value === undefined ? [] : [{ path, value }];
}

/** Argo Workflows templates: container, script, init containers, sidecars, container sets. */
function argoTemplates(templates: unknown, base: JsonPath): ImageField[] {
  if (!Array.isArray(templates)) return [];
  return templates.flatMap((t, i): ImageField[] => {
    if (!isObject(t)) return [];
    const p: JsonPath = [...base, i];
    return [
      ...field(t, ['container', 'image']).map((f) => ({ ...f, path: [...p, ...f.path] })),
      ...field(t, ['script', 'image']).map((f) => ({ ...f, path: [...p, ...f.path] })),
      ...containerImages(t.initContainers, [...p, 'initContainers']),
      ...containerImages(t.sidecars, [...p, 'sidecars']),
      ...containerImages(isObject(t.containerSet) ? t.containerSet.containers : undefined, [
        ...p,
        'containerSet',
        'containers',
      ]),
    ];
  });
}

/** Tekton steps, step template and sidecars of a task spec at `base`. */
function tektonTask(spec: unknown, base: JsonPath): ImageField[] {
  if (!isObject(spec)) return [];
  return [
    ...containerImages(spec.steps, [...base, 'steps']),
    ...(isObject(spec.stepTemplate) && 'image' in spec.stepTemplate
      ? [{ path: [...base, 'stepTemplate', 'image'], value: spec.stepTemplate.image }]
      : []),
    ...containerImages(spec.sidecars, [...base, 'sidecars']),
  ];
}

/** Image fields of custom resources that are not pod-spec shaped. */
function customResourceImages(object: Obj): ImageField[] {
  const group = apiGroupOf(String(object.apiVersion ?? ''));
  const kind = String(object.kind ?? '');
  const spec = object.spec;
  if (!isObject(spec)) return [];
  if (group === 'argoproj.io' && ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate'].includes(kind)) {
    return argoTemplates(spec.templates, ['spec', 'templates']);
  }
  if (group === 'argoproj.io' && kind === 'CronWorkflow' && isObject(spec.workflowSpec)) {
    return argoTemplates(spec.workflowSpec.templates, ['spec', 'workflowSpec', 'templates']);
  }
  if (group === 'tekton.dev' && (kind === 'Task' || kind === 'ClusterTask'))
    return tektonTask(spec, ['spec']);
  if (group === 'tekton.dev' && kind === 'TaskRun') return tektonTask(spec.taskSpec, ['spec', 'taskSpec']);
  if (group === 'tekton.dev' && (kind === 'Pipeline' || kind === 'PipelineRun')) {
    const base: JsonPath = kind === 'Pipeline' ? ['spec'] : ['spec', 'pipelineSpec'];
    const pipeline = at(object, base);
    if (!isObject(pipeline)) return [];
    return ['tasks', 'finally'].flatMap((list) => {
      const tasks = pipeline[list];
      if (!Array.isArray(tasks)) return [];
      return tasks.flatMap((t, i) =>
        isObject(t) ? tektonTask(t.taskSpec, [...base, list, i, 'taskSpec']) : [],
      );
    });
  }
  if (group === 'monitoring.coreos.com' && ['Prometheus', 'Alertmanager', 'ThanosRuler'].includes(kind)) {
    return [
      ...field(object, ['spec', 'image']),
      ...containerImages(spec.initContainers, ['spec', 'initContainers']),
      ...containerImages(spec.containers, ['spec', 'containers']),
    ];
  }
  if (
    group === 'sparkoperator.k8s.io' &&
    (kind === 'SparkApplication' || kind === 'ScheduledSparkApplication')
  ) {
    const app: JsonPath = kind === 'SparkApplication' ? ['spec'] : ['spec', 'template'];
    return [
      ...field(object, [...app, 'image']),
      ...field(object, [...app, 'driver', 'image']),
      ...field(object, [...app, 'executor', 'image']),
    ];
  }
  if (group === 'pkg.crossplane.io' && ['Provider', 'Function', 'Configuration'].includes(kind)) {
    return field(object, ['spec', 'package']);
  }
  return [];
}

/** Every image field of an object: its pod specs (any workload kind) and the CRD-specific fields. */
export function imageFields(object: Obj): ImageField[] {
  const fromPods = podSpecPaths(object).flatMap((path) => podSpecImages(at(object, path) as Obj, path));
  return [...fromPods, ...customResourceImages(object)];
}
