// Generates the benchmark corpus deterministically: the same seed and count always write the same bytes.
//
// Every chart has the shape real application charts have: `helm create`-style helpers, a Deployment with toYaml
// blocks and loops, a Service, an Ingress, a ServiceAccount, an HPA, a ConfigMap built with `range`, a test hook,
// NOTES.txt, and — depending on the chart — a CronJob, a PodDisruptionBudget, a NetworkPolicy, CRDs in crds/, a
// stateful subchart with its own helpers, and a library subchart. Each chart has three environments (dev, staging,
// prod) configured in its .chartlint.yaml with their own values files.
//
// Usage: node bench/generate.mjs [DIR] [--charts N] [--seed S]   (default bench/corpus, 200 charts, seed 1)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

/** A small seeded PRNG (mulberry32): deterministic across platforms and Node versions. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const FLAVORS = ['web', 'api', 'worker', 'gateway', 'batch'];
const WORDS = [
  'orders',
  'billing',
  'search',
  'catalog',
  'users',
  'audit',
  'ledger',
  'notify',
  'media',
  'report',
];

function write(root, rel, text) {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Values and Chart.yaml files are written as block YAML, the way people write them by hand. */
function toYamlDoc(value) {
  return YAML.stringify(value, { lineWidth: 0 });
}

export const HELPERS = (name) => `{{/*
Expand the name of the chart.
*/}}
{{- define "${name}.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A default fully qualified app name, truncated to 63 characters (the DNS label limit).
*/}}
{{- define "${name}.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "${name}.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "${name}.labels" -}}
helm.sh/chart: {{ include "${name}.chart" . }}
{{ include "${name}.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.extraLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "${name}.selectorLabels" -}}
app.kubernetes.io/name: {{ include "${name}.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "${name}.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "${name}.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "${name}.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ $tag }}
{{- end -}}
{{- end }}

{{- define "${name}.env" -}}
{{- range $key, $value := .Values.env }}
- name: {{ $key | upper | replace "-" "_" }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- range .Values.secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end }}
{{- end }}
`;

export const DEPLOYMENT = (name, flavor, withLibrary) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "${name}.fullname" . }}
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
  {{- with .Values.deploymentAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: {{ .Values.revisionHistoryLimit | default 10 }}
  selector:
    matchLabels:
      {{- include "${name}.selectorLabels" . | nindent 6 }}
  {{- with .Values.strategy }}
  strategy:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  template:
    metadata:
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "${name}.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "${name}.serviceAccountName" . }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      {{- if .Values.initContainers }}
      initContainers:
        {{- range .Values.initContainers }}
        - name: {{ .name }}
          image: {{ .image | quote }}
          command:
            {{- range .command }}
            - {{ . | quote }}
            {{- end }}
        {{- end }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          image: {{ include "${name}.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          {{- if eq "${flavor}" "worker" }}
          args:
            - --queue={{ .Values.queue.name }}
            - --concurrency={{ .Values.queue.concurrency }}
          {{- end }}
          ports:
            {{- range $port := .Values.ports }}
            - name: {{ $port.name }}
              containerPort: {{ $port.containerPort }}
              protocol: {{ $port.protocol | default "TCP" }}
            {{- end }}
          env:
            {{- include "${name}.env" . | nindent 12 }}
            - name: RELEASE_NAMESPACE
              value: {{ .Release.Namespace | quote }}
          {{- with .Values.livenessProbe }}
          livenessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with .Values.readinessProbe }}
          readinessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            - name: config
              mountPath: /etc/${name}
            {{- range .Values.extraVolumes }}
            - name: {{ .name }}
              mountPath: {{ .mountPath }}
            {{- end }}
        {{- range .Values.sidecars }}
        - name: {{ .name }}
          image: "{{ .repository }}:{{ .tag }}"
          {{- with .resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
        {{- end }}
      volumes:
        - name: config
          configMap:
            name: {{ include "${name}.fullname" . }}
        {{- range .Values.extraVolumes }}
        - name: {{ .name }}
          emptyDir:
            sizeLimit: {{ .size | default "1Gi" }}
        {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
${withLibrary ? `      {{- include "platform-lib.topologySpread" (dict "labels" (include "${name}.selectorLabels" .) "zones" .Values.zones) | nindent 6 }}\n` : ''}`;

export const SERVICE = (name) => `apiVersion: v1
kind: Service
metadata:
  name: {{ include "${name}.fullname" . }}
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
  {{- with .Values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ .Values.service.type }}
  ports:
    {{- range .Values.ports }}
    {{- if .expose }}
    - port: {{ .servicePort | default .containerPort }}
      targetPort: {{ .name }}
      protocol: {{ .protocol | default "TCP" }}
      name: {{ .name }}
    {{- end }}
    {{- end }}
  selector:
    {{- include "${name}.selectorLabels" . | nindent 4 }}
`;

export const INGRESS = (name) => `{{- if .Values.ingress.enabled -}}
{{- $fullName := include "${name}.fullname" . -}}
{{- $svcPort := (index .Values.ports 0).servicePort | default (index .Values.ports 0).containerPort -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with .Values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if .Values.ingress.tls }}
  tls:
    {{- range .Values.ingress.tls }}
    - hosts:
        {{- range .hosts }}
        - {{ . | quote }}
        {{- end }}
      secretName: {{ .secretName }}
    {{- end }}
  {{- end }}
  rules:
    {{- range .Values.ingress.hosts }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            pathType: {{ .pathType | default "ImplementationSpecific" }}
            backend:
              service:
                name: {{ $fullName }}
                port:
                  number: {{ $svcPort }}
          {{- end }}
    {{- end }}
{{- end }}
`;

const SERVICE_ACCOUNT = (name) => `{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "${name}.serviceAccountName" . }}
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ .Values.serviceAccount.automount }}
{{- end }}
`;

const HPA = (name) => `{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "${name}.fullname" . }}
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "${name}.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    {{- if .Values.autoscaling.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
    {{- end }}
    {{- if .Values.autoscaling.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetMemoryUtilizationPercentage }}
    {{- end }}
{{- end }}
`;

export const CONFIGMAP = (name) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "${name}.fullname" . }}
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
data:
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
  app.yaml: |
    {{- toYaml .Values.appConfig | nindent 4 }}
  features.json: {{ .Values.features | toJson | quote }}
  {{- range $i, $upstream := .Values.upstreams }}
  upstream-{{ $i }}.conf: |
    server {{ $upstream.host }}:{{ $upstream.port }} weight={{ $upstream.weight | default 1 }};
  {{- end }}
`;

const CRONJOB = (name) => `{{- range $job := .Values.cronJobs }}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: {{ include "${name}.fullname" $ }}-{{ $job.name }}
  labels:
    {{- include "${name}.labels" $ | nindent 4 }}
spec:
  schedule: {{ $job.schedule | quote }}
  concurrencyPolicy: {{ $job.concurrencyPolicy | default "Forbid" }}
  jobTemplate:
    spec:
      backoffLimit: {{ $job.backoffLimit | default 2 }}
      template:
        spec:
          restartPolicy: OnFailure
          serviceAccountName: {{ include "${name}.serviceAccountName" $ }}
          containers:
            - name: {{ $job.name }}
              image: {{ include "${name}.image" $ | quote }}
              args:
                {{- toYaml $job.args | nindent 16 }}
              resources:
                {{- toYaml $.Values.resources | nindent 16 }}
{{- end }}
`;

const PDB = (name) => `{{- if gt (int .Values.replicaCount) 1 }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "${name}.fullname" . }}
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
spec:
  minAvailable: {{ .Values.pdb.minAvailable | default 1 }}
  selector:
    matchLabels:
      {{- include "${name}.selectorLabels" . | nindent 6 }}
{{- end }}
`;

const NETWORK_POLICY = (name) => `{{- if .Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "${name}.fullname" . }}
spec:
  podSelector:
    matchLabels:
      {{- include "${name}.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    {{- range .Values.networkPolicy.allowFrom }}
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ . }}
    {{- end }}
{{- end }}
`;

const TEST_CONNECTION = (name) => `apiVersion: v1
kind: Pod
metadata:
  name: "{{ include "${name}.fullname" . }}-test-connection"
  labels:
    {{- include "${name}.labels" . | nindent 4 }}
  annotations:
    "helm.sh/hook": test
spec:
  containers:
    - name: wget
      image: busybox:1.36
      command: ['wget']
      args: ['{{ include "${name}.fullname" . }}:{{ (index .Values.ports 0).containerPort }}']
  restartPolicy: Never
`;

const NOTES = (name) => `1. Get the application URL by running these commands:
{{- if .Values.ingress.enabled }}
{{- range $host := .Values.ingress.hosts }}
  {{- range .paths }}
  http{{ if $.Values.ingress.tls }}s{{ end }}://{{ $host.host }}{{ .path }}
  {{- end }}
{{- end }}
{{- else }}
  kubectl --namespace {{ .Release.Namespace }} port-forward svc/{{ include "${name}.fullname" . }} 8080:80
{{- end }}
`;

const CRD = (group, kind, plural) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${group}
spec:
  group: ${group}
  names:
    kind: ${kind}
    listKind: ${kind}List
    plural: ${plural}
    singular: ${kind.toLowerCase()}
  scope: Namespaced
  versions:
    - name: v1alpha1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                replicas:
                  type: integer
                selector:
                  type: string
                schedule:
                  type: string
            status:
              type: object
              properties:
                phase:
                  type: string
`;

const CUSTOM_RESOURCE = (name, group, kind) => `{{- range .Values.customResources }}
---
apiVersion: ${group}/v1alpha1
kind: ${kind}
metadata:
  name: {{ include "${name}.fullname" $ }}-{{ .name }}
spec:
  replicas: {{ .replicas }}
  schedule: {{ .schedule | quote }}
{{- end }}
`;

const SUB_HELPERS = `{{- define "store.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "store.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: {{ .Values.global.product | default "platform" }}
{{- end }}
`;

const SUB_STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "store.fullname" . }}
  labels:
    {{- include "store.labels" . | nindent 4 }}
spec:
  serviceName: {{ include "store.fullname" . }}
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      {{- include "store.labels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "store.labels" . | nindent 8 }}
    spec:
      securityContext:
        runAsNonRoot: true
        fsGroup: 1001
      containers:
        - name: store
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          args:
            {{- range $k, $v := .Values.settings }}
            - --{{ $k }}={{ $v }}
            {{- end }}
          ports:
            - name: store
              containerPort: {{ .Values.port }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: {{ .Values.persistence.size }}
`;

const SUB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: {{ include "store.fullname" . }}
  labels:
    {{- include "store.labels" . | nindent 4 }}
spec:
  clusterIP: None
  ports:
    - port: {{ .Values.port }}
      name: store
  selector:
    {{- include "store.labels" . | nindent 4 }}
`;

const LIBRARY_HELPERS = `{{- define "platform-lib.topologySpread" -}}
{{- if .zones }}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- .labels | nindent 8 }}
{{- end }}
{{- end }}
`;

/** The values of one application chart. */
function appValues(r, name, flavor, withStore) {
  const ports = [
    { name: 'http', containerPort: r.pick([8080, 8000, 3000, 9000]), expose: true, servicePort: 80 },
  ];
  if (r.chance(0.5)) ports.push({ name: 'metrics', containerPort: 9090, expose: r.chance(0.5) });
  if (flavor === 'gateway') ports.push({ name: 'grpc', containerPort: 50051, expose: true, protocol: 'TCP' });
  const env = {};
  for (let i = r.int(2, 8); i > 0; i--)
    env[`${r.pick(WORDS)}-setting-${i}`] = r.pick(['on', 'off', 30, true, 'x']);
  const config = {};
  for (let i = r.int(3, 12); i > 0; i--) config[`key${i}`] = r.pick(['alpha', 'beta', 42, 3.5, false]);
  const values = {
    replicaCount: r.int(1, 3),
    image: { repository: `registry.example.com/${name}`, pullPolicy: 'IfNotPresent', tag: '' },
    imagePullSecrets: [],
    nameOverride: '',
    fullnameOverride: '',
    serviceAccount: { create: true, automount: true, annotations: {}, name: '' },
    podAnnotations: {},
    podLabels: {},
    extraLabels: { team: r.pick(WORDS) },
    podSecurityContext: { runAsNonRoot: true, fsGroup: 2000 },
    securityContext: {
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsUser: 1000,
      allowPrivilegeEscalation: r.chance(0.8) ? false : true,
    },
    service: { type: 'ClusterIP', annotations: {} },
    ports,
    ingress: {
      enabled: false,
      className: 'nginx',
      annotations: {},
      hosts: [{ host: `${name}.example.local`, paths: [{ path: '/', pathType: 'Prefix' }] }],
      tls: [],
    },
    resources: r.chance(0.7)
      ? { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } }
      : {},
    livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
    readinessProbe: r.chance(0.6) ? { httpGet: { path: '/ready', port: 'http' } } : {},
    autoscaling: {
      enabled: false,
      minReplicas: 2,
      maxReplicas: r.int(4, 20),
      targetCPUUtilizationPercentage: 80,
    },
    nodeSelector: {},
    tolerations: [],
    affinity: {},
    zones: r.chance(0.5),
    env,
    secretEnv: r.chance(0.5) ? [{ name: 'DB_PASSWORD', secret: `${name}-db`, key: 'password' }] : [],
    config,
    appConfig: {
      server: { port: ports[0].containerPort, timeouts: { read: '5s', write: '10s' } },
      logging: { level: 'info', format: r.pick(['json', 'text']) },
      upstreams: r.int(1, 3),
    },
    features: { beta: r.chance(0.5), newCheckout: r.chance(0.5), limits: [1, 2, 3] },
    upstreams: Array.from({ length: r.int(0, 4) }, (_, i) => ({ host: `up-${i}.svc`, port: 8080 + i })),
    extraVolumes: r.chance(0.5) ? [{ name: 'cache', mountPath: '/var/cache', size: '2Gi' }] : [],
    sidecars: r.chance(0.3)
      ? [
          {
            name: 'proxy',
            repository: 'envoyproxy/envoy',
            tag: 'v1.31.0',
            resources: { limits: { memory: '64Mi' } },
          },
        ]
      : [],
    initContainers: r.chance(0.3)
      ? [{ name: 'migrate', image: `registry.example.com/${name}-migrate:1.0`, command: ['migrate', 'up'] }]
      : [],
    pdb: { minAvailable: 1 },
    networkPolicy: { enabled: r.chance(0.5), allowFrom: ['ingress-nginx', 'monitoring'] },
    cronJobs:
      flavor === 'batch' || r.chance(0.3)
        ? [
            { name: 'cleanup', schedule: '0 3 * * *', args: ['cleanup', '--older-than=7d'] },
            { name: 'report', schedule: '*/30 * * * *', args: ['report'], backoffLimit: 1 },
          ]
        : [],
    customResources: [],
    queue: { name: `${name}-jobs`, concurrency: r.int(1, 16) },
  };
  if (withStore) values.store = { enabled: true, replicas: 1, persistence: { size: '8Gi' } };
  return values;
}

/** Writes one application chart; returns its environment count. */
function writeChart(root, r, index) {
  const flavor = FLAVORS[index % FLAVORS.length];
  const name = `${r.pick(WORDS)}-${flavor}-${String(index).padStart(3, '0')}`;
  const dir = join(root, name);
  const withStore = r.chance(0.4);
  const withLibrary = r.chance(0.3);
  const withCrd = r.chance(0.25);
  const dependencies = [];
  if (withStore) dependencies.push({ name: 'store', version: '0.4.2', condition: 'store.enabled' });
  if (withLibrary) dependencies.push({ name: 'platform-lib', version: '1.2.0' });
  const chartYaml = {
    apiVersion: 'v2',
    name,
    description: `The ${name} service (${flavor}).`,
    type: 'application',
    version: `1.${r.int(0, 30)}.${r.int(0, 9)}`,
    appVersion: `${r.int(1, 5)}.${r.int(0, 20)}.${r.int(0, 9)}`,
    ...(dependencies.length ? { dependencies } : {}),
  };
  write(dir, 'Chart.yaml', toYamlDoc(chartYaml));
  write(dir, 'values.yaml', toYamlDoc(appValues(r, name, flavor, withStore)));
  write(dir, '.helmignore', '.git/\n*.swp\n*.bak\n.chartlint.yaml\n');
  write(dir, 'templates/_helpers.tpl', HELPERS(name));
  write(dir, 'templates/deployment.yaml', DEPLOYMENT(name, flavor, withLibrary));
  write(dir, 'templates/service.yaml', SERVICE(name));
  write(dir, 'templates/ingress.yaml', INGRESS(name));
  write(dir, 'templates/serviceaccount.yaml', SERVICE_ACCOUNT(name));
  write(dir, 'templates/hpa.yaml', HPA(name));
  write(dir, 'templates/configmap.yaml', CONFIGMAP(name));
  write(dir, 'templates/cronjobs.yaml', CRONJOB(name));
  write(dir, 'templates/pdb.yaml', PDB(name));
  write(dir, 'templates/networkpolicy.yaml', NETWORK_POLICY(name));
  write(dir, 'templates/NOTES.txt', NOTES(name));
  write(dir, 'templates/tests/test-connection.yaml', TEST_CONNECTION(name));
  if (withCrd) {
    const group = `${name.replace(/-\d+$/, '')}.example.com`;
    const kind = `${flavor[0].toUpperCase()}${flavor.slice(1)}Pipeline`;
    write(dir, 'crds/pipelines.yaml', CRD(group, kind, `${flavor}pipelines`));
    write(dir, 'templates/custom-resources.yaml', CUSTOM_RESOURCE(name, group, kind));
  }
  if (withStore) {
    const sub = 'charts/store';
    write(
      dir,
      `${sub}/Chart.yaml`,
      toYamlDoc({ apiVersion: 'v2', name: 'store', version: '0.4.2', appVersion: '7.2' }),
    );
    write(
      dir,
      `${sub}/values.yaml`,
      toYamlDoc({
        replicas: 1,
        port: 6379,
        image: { repository: 'registry.example.com/store', tag: '7.2.5' },
        settings: { maxmemory: '256mb', appendonly: 'yes', 'tcp-keepalive': 60 },
        resources: { requests: { cpu: '50m', memory: '64Mi' } },
        persistence: { size: '1Gi' },
        global: {},
      }),
    );
    write(dir, `${sub}/templates/_helpers.tpl`, SUB_HELPERS);
    write(dir, `${sub}/templates/statefulset.yaml`, SUB_STATEFULSET);
    write(dir, `${sub}/templates/service.yaml`, SUB_SERVICE);
  }
  if (withLibrary) {
    const lib = 'charts/platform-lib';
    write(
      dir,
      `${lib}/Chart.yaml`,
      toYamlDoc({ apiVersion: 'v2', name: 'platform-lib', version: '1.2.0', type: 'library' }),
    );
    write(dir, `${lib}/templates/_spread.tpl`, LIBRARY_HELPERS);
  }

  // Three environments, each with its own values file, as a team would configure them.
  const team = r.pick(WORDS);
  write(
    dir,
    'values-dev.yaml',
    toYamlDoc({
      replicaCount: 1,
      image: { tag: 'dev' },
      config: { debug: true },
      ...(withStore ? { store: { enabled: false } } : {}),
    }),
  );
  write(
    dir,
    'values-staging.yaml',
    toYamlDoc({
      ingress: {
        enabled: true,
        hosts: [{ host: `${name}.staging.example.com`, paths: [{ path: '/', pathType: 'Prefix' }] }],
      },
      global: { product: team },
      ...(withCrd ? { customResources: [{ name: 'nightly', replicas: 1, schedule: '0 1 * * *' }] } : {}),
    }),
  );
  write(
    dir,
    'values-prod.yaml',
    toYamlDoc({
      replicaCount: 3,
      autoscaling: { enabled: true, minReplicas: 3, targetMemoryUtilizationPercentage: 75 },
      resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2', memory: '1Gi' } },
      ingress: {
        enabled: true,
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
        hosts: [
          {
            host: `${name}.example.com`,
            paths: [
              { path: '/', pathType: 'Prefix' },
              { path: '/api', pathType: 'Prefix' },
            ],
          },
        ],
        tls: [{ secretName: `${name}-tls`, hosts: [`${name}.example.com`] }],
      },
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              podAffinityTerm: {
                topologyKey: 'kubernetes.io/hostname',
                labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
              },
            },
          ],
        },
      },
      global: { product: team },
      ...(withStore ? { store: { replicas: 3, persistence: { size: '50Gi' } } } : {}),
      ...(withCrd
        ? {
            customResources: [
              { name: 'hourly', replicas: 2, schedule: '0 * * * *' },
              { name: 'daily', replicas: 1, schedule: '0 0 * * *' },
            ],
          }
        : {}),
    }),
  );
  write(
    dir,
    '.chartlint.yaml',
    [
      'environments:',
      '  dev:',
      '    values: [values-dev.yaml]',
      `    namespace: ${team}-dev`,
      '  staging:',
      '    values: [values-staging.yaml]',
      `    namespace: ${team}-staging`,
      '  prod:',
      '    values: [values-prod.yaml]',
      `    namespace: ${team}`,
      `    releaseName: ${name}`,
      '    set: { revisionHistoryLimit: 5 }',
      '',
    ].join('\n'),
  );
  // What helm template needs to render the same environments (see the benchmark's helm comparison).
  const environments = [
    {
      name: 'dev',
      valuesFile: 'values-dev.yaml',
      namespace: `${team}-dev`,
      releaseName: 'release-name',
      setJson: [],
    },
    {
      name: 'staging',
      valuesFile: 'values-staging.yaml',
      namespace: `${team}-staging`,
      releaseName: 'release-name',
      setJson: [],
    },
    {
      name: 'prod',
      valuesFile: 'values-prod.yaml',
      namespace: team,
      releaseName: name,
      setJson: ['revisionHistoryLimit=5'],
    },
  ];
  return { name, dir, environments };
}

/** A chart of `helm create`'s shape with one environment (the defaults): the small end-to-end case. */
function writeSmallChart(root) {
  const r = prng(7);
  const name = 'mychart';
  const dir = join(root, name);
  write(
    dir,
    'Chart.yaml',
    toYamlDoc({
      apiVersion: 'v2',
      name,
      description: 'A Helm chart for Kubernetes',
      type: 'application',
      version: '0.1.0',
      appVersion: '1.16.0',
    }),
  );
  const values = appValues(r, name, 'web', false);
  values.image.repository = 'nginx';
  write(dir, 'values.yaml', toYamlDoc(values));
  write(dir, 'templates/_helpers.tpl', HELPERS(name));
  write(dir, 'templates/deployment.yaml', DEPLOYMENT(name, 'web', false));
  write(dir, 'templates/service.yaml', SERVICE(name));
  write(dir, 'templates/ingress.yaml', INGRESS(name));
  write(dir, 'templates/serviceaccount.yaml', SERVICE_ACCOUNT(name));
  write(dir, 'templates/hpa.yaml', HPA(name));
  write(dir, 'templates/configmap.yaml', CONFIGMAP(name));
  write(dir, 'templates/NOTES.txt', NOTES(name));
  write(dir, 'templates/tests/test-connection.yaml', TEST_CONNECTION(name));
  return {
    name,
    dir,
    environments: [{ name: 'default', namespace: 'default', releaseName: 'release-name', setJson: [] }],
  };
}

/**
 * Writes the corpus under `dir` (replacing what was there): `charts/<name>/` × `count`, and `small/mychart/`.
 * Returns what was written, for the benchmark to drive `helm template` over the same charts and environments.
 */
export function generateCorpus(dir, { charts = 200, seed = 1 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const r = prng(seed);
  const list = [];
  for (let i = 0; i < charts; i++) list.push(writeChart(join(dir, 'charts'), r, i));
  const small = writeSmallChart(join(dir, 'small'));
  return { charts: list, small };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const root = resolve(positional[0] ?? join(dirname(fileURLToPath(import.meta.url)), 'corpus'));
  const out = generateCorpus(root, { charts: flag('--charts', 200), seed: flag('--seed', 1) });
  process.stdout.write(
    `${root}: ${out.charts.length} charts × 3 environments, and small/${out.small.name}\n`,
  );
}
