import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readTarGz, readWasmBundle } from '../../src/policy/bundle.js';
import { BUILTIN_BUNDLE_PATH } from '../../src/policy/builtin.js';
import { aggregateModule, conftestRuleIds } from '../../src/policy/compile.js';
import { loadPolicySet } from '../../src/policy/policy-set.js';
import { CONTEXT, OPA, deployment } from './helpers.js';

const PACK = 'policies/pack.rego';
const sources = globSync('policies/**/*.rego', { posix: true })
  .filter((f) => !f.endsWith('_test.rego'))
  .sort();
const policyFiles = sources.filter((f) => f !== PACK && !f.startsWith('policies/lib/'));

function loadBuiltin(disabledBuiltin: string[] = []) {
  return loadPolicySet({
    builtin: true,
    disabledBuiltin,
    paths: [],
    namespaces: ['main'],
    dataFiles: [],
    cacheDir: '',
  });
}

/** The YAML of a module's `# METADATA` comment block. */
function metadataOf(file: string): Record<string, unknown> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.indexOf('# METADATA');
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('#')) break;
    body.push(line.replace(/^# ?/, ''));
  }
  return YAML.parse(body.join('\n')) as Record<string, unknown>;
}

const hardened = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'safe', namespace: 'shop' },
  spec: {
    template: {
      spec: {
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'web',
            image: 'registry.example.com/web:1.4.2',
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            livenessProbe: { httpGet: { path: '/live', port: 8080 } },
            readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
            securityContext: {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: ['ALL'] },
            },
          },
        ],
      },
    },
  },
};

describe('the built-in pack', () => {
  it('has at least 15 policies, each with METADATA, a test file and a catalog entry that agree', () => {
    expect(policyFiles.length).toBeGreaterThanOrEqual(15);
    const catalog = YAML.parse(readFileSync('rules/catalog.policies.yaml', 'utf8')) as {
      rules: Record<string, unknown>[];
    };
    const byId = new Map(catalog.rules.map((r) => [r.id, r]));
    const readme = readFileSync('policies/README.md', 'utf8');
    for (const file of policyFiles) {
      expect(globSync(file.replace(/\.rego$/, '_test.rego')), file).toHaveLength(1);
      const meta = metadataOf(file);
      const custom = meta.custom as Record<string, unknown>;
      const pkg = /^package\s+([\w.]+)/m.exec(readFileSync(file, 'utf8'))?.[1];
      const ids = conftestRuleIds([{ file, text: readFileSync(file, 'utf8') }], () => true);
      expect(ids, `${file}: one conftest rule per policy`).toEqual([custom.id]);
      expect(String(custom.id).startsWith(`${pkg}/`)).toBe(true);
      const entry = byId.get(custom.id);
      expect(entry, `${file}: catalog entry`).toMatchObject({
        kind: 'policy',
        title: meta.title,
        description: String(meta.description).trim(),
        remediation: String(custom.remediation).trim(),
        severity: custom.severity,
        tags: custom.tags,
      });
      expect(entry?.securitySeverity).toBe(custom['security-severity']);
      expect(String(entry?.help)).toContain(String(custom.remediation).trim());
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${String(custom.id)}\``));
      expect(row?.split('|').map((c) => c.trim())[2], `${file}: README row`).toBe(meta.title);
    }
    expect(catalog.rules).toHaveLength(policyFiles.length);
  });

  it('ships pack.rego collecting exactly the rules of the policies', () => {
    const ids = conftestRuleIds(
      policyFiles.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
      () => true,
    );
    const generated = aggregateModule(ids)
      .split('\n')
      .filter((l) => l.startsWith('results['));
    const shipped = readFileSync(PACK, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('results['));
    expect(shipped).toEqual(generated);
  });

  it('ships a bundle built from the current sources (rebuild with npm run build:policies)', async () => {
    const hash = createHash('sha256');
    for (const f of sources) hash.update(`${f}\0${readFileSync(f, 'utf8')}\0`);
    const bundle = await readWasmBundle(readFileSync(BUILTIN_BUNDLE_PATH), 'policies/bundle.tar.gz');
    expect(bundle.revision).toBe(`sha256:${hash.digest('hex')}`);
  });

  it.skipIf(!OPA)('matches a fresh opa build of the sources byte for byte (wasm)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartlint-pack-'));
    const out = join(dir, 'bundle.tar.gz');
    execFileSync(OPA as string, [
      'build',
      '-t',
      'wasm',
      '-e',
      'chartlint_conftest_entry/results',
      '-o',
      out,
      ...sources,
    ]);
    const fresh = await readTarGz(readFileSync(out), out);
    const shipped = await readTarGz(readFileSync(BUILTIN_BUNDLE_PATH), 'shipped');
    expect(Buffer.compare(fresh.get('policy.wasm') as Buffer, shipped.get('policy.wasm') as Buffer)).toBe(0);
  });

  it.skipIf(!OPA)('passes opa test policies/', () => {
    const out = execFileSync(OPA as string, ['test', 'policies/'], { encoding: 'utf8' });
    expect(out).toMatch(/PASS: \d+\/\d+/);
  });

  it('finds nothing in a hardened Deployment', async () => {
    const set = await loadBuiltin();
    expect(set.evaluate([{ id: 0, object: hardened }], CONTEXT, false)).toEqual([]);
  });

  it('reports baseline violations with rule ids, severities and paths', async () => {
    const set = await loadBuiltin();
    const spec = hardened.spec.template.spec;
    const bad = {
      ...hardened,
      metadata: { name: 'bad', namespace: 'default' },
      spec: {
        template: {
          spec: {
            ...spec,
            hostNetwork: true,
            volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }],
            containers: [
              {
                ...spec.containers[0],
                securityContext: {
                  ...spec.containers[0]?.securityContext,
                  privileged: true,
                  capabilities: { add: ['SYS_ADMIN'] },
                },
              },
            ],
          },
        },
      },
    };
    const got = set.evaluate([{ id: 3, object: bad }], CONTEXT, false);
    expect(got.map((r) => [r.ruleId, r.severity, r.manifestId, r.path?.join('.')])).toEqual([
      [
        'chartlint.added_capabilities/deny',
        'error',
        3,
        'spec.template.spec.containers.0.securityContext.capabilities.add.0',
      ],
      ['chartlint.default_namespace/warn', 'warning', 3, 'metadata.namespace'],
      [
        'chartlint.drop_all_capabilities/warn',
        'warning',
        3,
        'spec.template.spec.containers.0.securityContext.capabilities.add.0',
      ],
      [
        'chartlint.drop_all_capabilities/warn',
        'warning',
        3,
        'spec.template.spec.containers.0.securityContext.capabilities.drop',
      ],
      ['chartlint.host_namespaces/deny', 'error', 3, 'spec.template.spec.hostNetwork'],
      ['chartlint.host_path_volume/deny', 'error', 3, 'spec.template.spec.volumes.0.hostPath'],
      [
        'chartlint.privileged_container/deny',
        'error',
        3,
        'spec.template.spec.containers.0.securityContext.privileged',
      ],
    ]);
    expect(got.every((r) => r.builtin && !r.suppressed && r.message.endsWith('.'))).toBe(true);
  });

  it('takes severities from results (note for the token mount, error for runAsUser 0)', async () => {
    const set = await loadBuiltin();
    const got = set.evaluate([{ id: 0, object: deployment('plain') }], CONTEXT, false);
    const severity = (id: string) => got.find((r) => r.ruleId === id)?.severity;
    expect(severity('chartlint.automount_service_account_token/warn')).toBe('note');
    expect(severity('chartlint.resource_limits/warn')).toBe('warning');
    const root = deployment('root');
    (root.spec as { template: { spec: { securityContext?: unknown } } }).template.spec.securityContext = {
      runAsUser: 0,
    };
    const rootResults = set.evaluate([{ id: 1, object: root }], CONTEXT, false);
    expect(rootResults.find((r) => r.ruleId === 'chartlint.run_as_non_root/warn')?.severity).toBe('error');
  });

  it('turns single policies off by short name, package or rule id', async () => {
    const all = (await loadBuiltin()).evaluate([{ id: 0, object: deployment('plain') }], CONTEXT, false);
    const off = ['liveness_probe', 'chartlint.readiness_probe', 'chartlint.resource_limits/warn'];
    const some = (await loadBuiltin(off)).evaluate([{ id: 0, object: deployment('plain') }], CONTEXT, false);
    const removed = [
      'chartlint.liveness_probe/warn',
      'chartlint.readiness_probe/warn',
      'chartlint.resource_limits/warn',
    ];
    expect(all.filter((r) => removed.includes(r.ruleId))).toHaveLength(3);
    expect(some.map((r) => r.ruleId)).toEqual(all.map((r) => r.ruleId).filter((id) => !removed.includes(id)));
  });

  it('still sees one manifest at a time in combined mode', async () => {
    const set = await loadBuiltin();
    const single = set.evaluate([{ id: 0, object: deployment('plain') }], CONTEXT, false);
    expect(set.evaluate([{ id: 0, object: deployment('plain') }], CONTEXT, true)).toEqual(single);
  });
});
