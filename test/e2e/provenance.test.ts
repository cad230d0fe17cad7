/**
 * Issue 6: findings point at the line to edit. The fixture chart `provenance` gets its offending values from every
 * kind of source (values files of an environment, the chart's values.yaml, subchart values, globals, `--set`,
 * defaults written in templates, tpl strings) through helpers, toYaml blocks and range loops; each finding's primary
 * and related locations are asserted to the column.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELM, ROOT, ensureBuilt, runCli } from '../helpers/cli.js';

const CHART = 'fixtures/charts/provenance';

interface JsonLocation {
  file: string;
  startLine?: number;
  startColumn?: number;
}

interface JsonFinding {
  ruleId: string;
  message: string;
  environments: string[];
  path?: (string | number)[];
  location: JsonLocation;
  related: (JsonLocation & { label: string })[];
  fingerprint: string;
  properties?: Record<string, unknown>;
}

async function lint(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<JsonFinding[]> {
  const r = await runCli([...args, '--format', 'json'], { cwd, env });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

/** `file:line:col` relative to the chart. */
function at(l: JsonLocation, chart = CHART): string {
  return `${l.file.replace(`${chart}/`, '')}:${l.startLine}:${l.startColumn}`;
}

/** One finding as a line: rule, path, primary location, related locations, environments. */
function describeFinding(f: JsonFinding, chart = CHART): string {
  const related = f.related.map((r) => `${r.label} ${at(r, chart)}`).join(', ');
  return `${f.ruleId.replace(/^chartlint\./, '')} ${(f.path ?? []).join('.')} @ ${at(f.location, chart)} [${related}] {${f.environments.join(',')}}`;
}

const WEB = 'spec.template.spec.containers.0';
const SIDECAR = (i: number) => `spec.template.spec.containers.${i}`;
const INIT = 'spec.template.spec.initContainers.0';
const JOB = 'spec.jobTemplate.spec.template.spec';

/** Every expected finding of the policies over the two configured environments (dev, prod). */
const EXPECTED = [
  // values → template directly; prod overrides the port in its own file, so each environment points at its file.
  `host_ports/deny ${WEB}.ports.0.hostPort @ values.yaml:8:13 [template templates/deployment.yaml:23:28] {dev}`,
  `host_ports/deny ${WEB}.ports.0.hostPort @ values-prod.yaml:4:13 [template templates/deployment.yaml:23:28] {prod}`,
  // A value only prod's file sets; dev gets the default written in the template.
  `service_exposure/warn spec.type @ values-prod.yaml:6:9 [template templates/service.yaml:6:12] {prod}`,
  `service_exposure/warn spec.type @ templates/service.yaml:6:12 [] {dev}`,
  // Through an include helper: the values line, the helper line, and the line that included it.
  `privileged_container/deny ${WEB}.securityContext.privileged @ values.yaml:10:17 [template templates/_helpers.tpl:6:16, included from templates/deployment.yaml:25:17] {dev,prod}`,
  // toYaml inside the helper: every list item points at its own values line.
  `added_capabilities/deny ${WEB}.securityContext.capabilities.add.0 @ values.yaml:12:9 [template templates/_helpers.tpl:10:9, included from templates/deployment.yaml:25:17] {dev,prod}`,
  `added_capabilities/deny ${WEB}.securityContext.capabilities.add.1 @ values.yaml:13:9 [template templates/_helpers.tpl:10:9, included from templates/deployment.yaml:25:17] {dev,prod}`,
  // A range loop over a list of containers, each securityContext written by toYaml.
  `privileged_container/deny ${SIDECAR(1)}.securityContext.privileged @ values.yaml:20:19 [template templates/deployment.yaml:31:17] {dev,prod}`,
  `added_capabilities/deny ${SIDECAR(2)}.securityContext.capabilities.add.0 @ values.yaml:27:13 [template templates/deployment.yaml:31:17] {dev,prod}`,
  // A whole list of containers through toYaml | nindent: keys and flow-sequence items to the column.
  `privileged_container/deny ${INIT}.securityContext.privileged @ values.yaml:32:19 [template templates/deployment.yaml:17:13] {dev,prod}`,
  `added_capabilities/deny ${INIT}.securityContext.capabilities.add.0 @ values.yaml:34:15 [template templates/deployment.yaml:17:13] {dev,prod}`,
  `added_capabilities/deny ${INIT}.securityContext.capabilities.add.1 @ values.yaml:34:26 [template templates/deployment.yaml:17:13] {dev,prod}`,
  `host_ports/deny ${INIT}.ports.0.hostPort @ values.yaml:37:19 [template templates/deployment.yaml:17:13] {dev,prod}`,
  // A map written by toYaml points at its key in the values file.
  `host_path_volume/deny spec.template.spec.volumes.0.hostPath @ values.yaml:40:5 [template templates/deployment.yaml:45:13] {dev,prod}`,
  // tpl: the literal part of a one-line string, and lines of a block string given to tpl.
  `host_ports/deny spec.containers.0.ports.0.hostPort @ values.yaml:54:13 [template templates/debug-pod.yaml:12:24] {dev,prod}`,
  `added_capabilities/deny spec.containers.0.securityContext.capabilities.add.0 @ values.yaml:60:11 [template templates/debug-pod.yaml:14:13] {dev,prod}`,
  // A value printed by a tpl string's own action keeps that action's values line.
  `privileged_container/deny spec.containers.0.securityContext.privileged @ values.yaml:61:15 [template templates/debug-pod.yaml:14:13] {dev,prod}`,
  // A `set:` value of the configuration points at its line in .chartlint.yaml.
  `host_namespaces/deny spec.hostPID @ .chartlint.yaml:10:22 [template templates/debug-pod.yaml:6:15] {prod}`,
  // range over a map of jobs, each with a list of containers.
  `host_namespaces/deny ${JOB}.hostNetwork @ values.yaml:69:18 [template templates/cronjobs.yaml:14:27] {dev,prod}`,
  `privileged_container/deny ${JOB}.containers.0.securityContext.privileged @ values.yaml:73:21 [template templates/cronjobs.yaml:21:32] {dev,prod}`,
  `privileged_container/deny ${JOB}.containers.0.securityContext.privileged @ values.yaml:81:21 [template templates/cronjobs.yaml:21:32] {dev,prod}`,
  // A global of the parent, read by a subchart.
  `host_namespaces/deny spec.template.spec.hostNetwork @ values.yaml:2:16 [template charts/backend/templates/daemonset.yaml:14:23] {dev,prod}`,
  // A subchart value overridden by the parent's prod file (backend.privileged).
  `privileged_container/deny ${WEB}.securityContext.privileged @ values-prod.yaml:8:15 [template charts/backend/templates/daemonset.yaml:22:28] {prod}`,
  // A key the subchart's template writes itself.
  `host_path_volume/deny spec.template.spec.volumes.0.hostPath @ charts/backend/templates/daemonset.yaml:30:11 [] {dev,prod}`,
  // An archived subchart: its own values are inside the archive, so its dependency entry in Chart.yaml …
  `privileged_container/deny ${WEB}.securityContext.privileged @ Chart.yaml:10:5 [] {dev,prod}`,
  // … but a value the parent's values.yaml gives it is a line of a file that exists.
  `host_ports/deny ${WEB}.ports.0.hostPort @ values.yaml:65:13 [template Chart.yaml:10:5] {dev,prod}`,
  // A subchart's own values file, directly and through toYamlPretty.
  `host_ports/deny ${WEB}.ports.0.hostPort @ charts/backend/values.yaml:4:11 [template charts/backend/templates/daemonset.yaml:20:28] {dev,prod}`,
  `added_capabilities/deny ${WEB}.securityContext.capabilities.add.0 @ charts/backend/values.yaml:7:7 [template charts/backend/templates/daemonset.yaml:24:19] {dev,prod}`,
  // coalesce picks dev's own file; prod falls through to the template's literal and has no finding.
  `host_namespaces/deny spec.template.spec.hostIPC @ values-dev.yaml:3:10 [template templates/deployment.yaml:15:19] {dev}`,
  // Pass-through functions: int, required, printf of one value, and toJson key by key.
  `host_ports/deny ${SIDECAR(3)}.ports.0.hostPort @ values.yaml:44:9 [template templates/deployment.yaml:38:28] {dev,prod}`,
  `host_ports/deny ${SIDECAR(3)}.ports.1.hostPort @ values.yaml:45:14 [template templates/deployment.yaml:40:28] {dev,prod}`,
  `host_ports/deny ${SIDECAR(3)}.ports.2.hostPort @ values.yaml:46:16 [template templates/deployment.yaml:42:28] {dev,prod}`,
  `privileged_container/deny ${SIDECAR(3)}.securityContext.privileged @ values.yaml:48:17 [template templates/deployment.yaml:43:31] {dev,prod}`,
  `added_capabilities/deny ${SIDECAR(3)}.securityContext.capabilities.add.0 @ values.yaml:50:13 [template templates/deployment.yaml:43:31] {dev,prod}`,
  // A chart-level rule points into Chart.yaml.
  `unpinned-dependency  @ Chart.yaml:9:14 [] {dev,prod}`,
  // Built-in rules go through the same locating: a floating tag points at the values line of the tag itself, …
  `floating-image-tag ${WEB}.image @ values-dev.yaml:2:8 [template templates/deployment.yaml:20:53] {dev}`,
  `floating-image-tag ${WEB}.image @ charts/backend/values.yaml:1:8 [template charts/backend/templates/daemonset.yaml:17:21] {dev,prod}`,
  // … at a default written in a helper, with the include call site, …
  `floating-image-tag ${SIDECAR(2)}.image @ templates/_helpers.tpl:15:22 [included from templates/deployment.yaml:28:21] {dev,prod}`,
  // … at the tag inside a values string given to tpl, …
  `floating-image-tag spec.containers.0.image @ values.yaml:53:41 [template templates/debug-pod.yaml:9:17] {dev,prod}`,
  // … and at each job's container of a range over a map.
  `floating-image-tag ${JOB}.containers.0.image @ values.yaml:72:16 [template templates/cronjobs.yaml:18:25] {dev,prod}`,
  `floating-image-tag ${JOB}.containers.1.image @ values.yaml:75:16 [template templates/cronjobs.yaml:18:25] {dev,prod}`,
  // An apiVersion written in the template.
  `deprecated-api-version apiVersion @ templates/pdb.yaml:1:13 [] {dev,prod}`,
];

let findings: JsonFinding[];

beforeAll(async () => {
  ensureBuilt();
  findings = await lint([CHART]);
}, 240_000);

describe('provenance: findings point at the line to edit (embedded renderer)', () => {
  it(`locates ${EXPECTED.length} findings at their values or template lines, with related locations`, () => {
    expect(findings.map((f) => describeFinding(f))).toEqual(expect.arrayContaining(EXPECTED));
  });

  it('reports a finding that occurs in several environments once, listing them', () => {
    const byFingerprint = new Map<string, number>();
    for (const f of findings) byFingerprint.set(f.fingerprint, (byFingerprint.get(f.fingerprint) ?? 0) + 1);
    expect([...byFingerprint.values()].every((n) => n === 1)).toBe(true);
    const shared = findings.filter((f) => f.environments.length === 2);
    expect(shared.length).toBeGreaterThanOrEqual(20);
  });

  it('names the path inside an archive', () => {
    const archived = findings.find(
      (f) => f.ruleId === 'chartlint.privileged_container/deny' && at(f.location) === 'Chart.yaml:10:5',
    );
    expect(archived?.message).toMatch(
      /\(in fixtures\/charts\/provenance\/charts\/agent-0\.3\.0\.tgz:charts\/agent\/templates\/daemonset\.yaml\)\.$/,
    );
  });

  it('records the rendered position as a property, never as a location', () => {
    const port = findings.find((f) => describeFinding(f) === EXPECTED[0]);
    expect(port?.properties?.rendered).toEqual({
      source: 'prov/templates/deployment.yaml',
      line: 33,
      column: 25,
    });
    for (const f of findings) {
      for (const l of [f.location, ...f.related]) expect(statSync(resolve(ROOT, l.file)).isFile()).toBe(true);
    }
  });

  it('points at the template line and names the flag for a command-line --set', async () => {
    const withSet = await lint([
      CHART,
      '--env',
      'dev',
      '--set',
      'web.hostPort=31000',
      '--set-string',
      'hostNetwork=true',
    ]);
    const lines = withSet.map((f) => describeFinding(f));
    expect(lines).toEqual(
      expect.arrayContaining([
        `host_ports/deny ${WEB}.ports.0.hostPort @ templates/deployment.yaml:23:28 [] {dev}`,
        `host_namespaces/deny spec.template.spec.hostNetwork @ templates/deployment.yaml:14:23 [] {dev}`,
      ]),
    );
    const port = withSet.find(
      (f) => f.path?.join('.') === `${WEB}.ports.0.hostPort` && f.location.file.endsWith('deployment.yaml'),
    );
    expect(port?.properties?.valueSource).toBe('--set web.hostPort=31000');
    // A --set-json of the command line is a flag too; a `set:` of the configuration is a file line (above).
    const json = await lint([CHART, '--env', 'prod', '--set-json', 'debug.hostPID=true']);
    const hostPid = json.find((f) => f.path?.join('.') === 'spec.hostPID');
    expect(hostPid?.properties?.valueSource).toBe('--set-json debug.hostPID=true');
    expect(hostPid?.location.file).toBe(`${CHART}/templates/debug-pod.yaml`);
  }, 60_000);

  it('shows a code frame at the values line and the template line as context in the text report', async () => {
    const r = await runCli([CHART, '--env', 'prod']);
    const out = r.stdout;
    const head = out.indexOf(`${CHART}/values-prod.yaml:6:9`);
    expect(head).toBeGreaterThanOrEqual(0);
    const block = out.slice(head, out.indexOf('\n  fixtures/', head + 1));
    expect(block).toContain('> 6 |   type: LoadBalancer');
    expect(block).toContain(`template: ${CHART}/templates/service.yaml:6:12`);
    expect(block).toContain('> 6 |   type: {{ .Values.service.type | default "NodePort" }}');
  }, 60_000);
});

describe('provenance: fingerprints survive line shifts', () => {
  const work = mkdtempSync(join(tmpdir(), 'chartlint-provenance-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Inserts `n` blank lines at the top of every template and values file below `dir` (archives stay as they are). */
  function shift(dir: string, n: number): string[] {
    const shifted: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      const inTemplates = /\/templates\//.test(file);
      if (!(inTemplates || /\/values[^/]*\.yaml$/.test(file))) continue;
      writeFileSync(file, '\n'.repeat(n) + readFileSync(file, 'utf8'));
      shifted.push(file.slice(dir.length + 1));
    }
    return shifted;
  }

  it('moves every template and values line and keeps every fingerprint', async () => {
    const before = join(work, 'before');
    const after = join(work, 'after');
    for (const d of [before, after]) cpSync(resolve(ROOT, CHART), join(d, 'provenance'), { recursive: true });
    const shifted = shift(join(after, 'provenance'), 3);
    expect(shifted).toContain('values-prod.yaml');
    expect(shifted).toContain('templates/_helpers.tpl');
    const a = await lint(['provenance'], before);
    const b = await lint(['provenance'], after);
    expect(b.map((f) => f.fingerprint).sort()).toEqual(a.map((f) => f.fingerprint).sort());
    expect(a.length).toBeGreaterThanOrEqual(EXPECTED.length);
    const moved = (l: JsonLocation): string => {
      const file = l.file.replace('provenance/', '');
      const by = shifted.includes(file) ? 3 : 0;
      return `${l.file}:${(l.startLine ?? 0) + by}:${l.startColumn}`;
    };
    const where = (l: JsonLocation): string => `${l.file}:${l.startLine}:${l.startColumn}`;
    for (const f of a) {
      const g = b.find((x) => x.fingerprint === f.fingerprint);
      expect(g && where(g.location)).toBe(moved(f.location));
      expect(g?.related.map(where)).toEqual(f.related.map(moved));
      expect(g?.environments).toEqual(f.environments);
    }
  }, 120_000);
});

describe.skipIf(!HELM)('provenance: --renderer helm locates approximately', () => {
  it('points at the template from # Source:, the best matching line, and says it is approximate', async () => {
    const found = await lint([CHART, '--renderer', 'helm'], ROOT, { HELM_BIN: HELM ?? '' });
    const lines = found.map((f) => describeFinding(f));
    expect(lines).toEqual(
      expect.arrayContaining([
        // The key and its rendered value on one template line.
        `service_exposure/warn spec.type @ templates/service.yaml:6:44 [] {dev}`,
        // The key, when the value was printed by an action.
        `host_ports/deny ${WEB}.ports.0.hostPort @ templates/deployment.yaml:23:15 [] {dev}`,
        // A key written by a helper: its nearest ancestor the template spells out.
        `privileged_container/deny ${WEB}.securityContext.privileged @ templates/deployment.yaml:24:11 [] {dev,prod}`,
        // Keys written by toYaml stay at the key that holds the block.
        `privileged_container/deny ${INIT}.securityContext.privileged @ templates/deployment.yaml:16:7 [] {dev,prod}`,
        `host_namespaces/deny spec.template.spec.hostNetwork @ charts/backend/templates/daemonset.yaml:14:7 [] {dev,prod}`,
      ]),
    );
    const located = found.filter((f) => f.path !== undefined);
    expect(located.every((f) => f.properties?.approximateLocation === true)).toBe(true);
    const text = await runCli([CHART, '--renderer', 'helm', '--env', 'dev'], {
      env: { HELM_BIN: HELM ?? '' },
    });
    expect(text.stdout).toContain('(line approximate: no source map with --renderer helm)');
  }, 120_000);
});
