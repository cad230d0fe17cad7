import { describe, expect, it } from 'vitest';
import {
  buildCapabilities,
  helmBuild,
  KubeVersionError,
  loadKubeApiTable,
  parseKubeVersion,
  servedApiVersions,
} from '../../../src/render/capabilities.js';
import { encodeJson } from '../../../src/template/helm/go-json.js';
import { formatValue } from '../../../src/template/fmt.js';

describe('parseKubeVersion (Kubernetes generic parsing, as helm --kube-version)', () => {
  it.each([
    ['1.28', 'v1.28', 'v1.28', '1', '28'],
    ['v1.30.2-gke.100', 'v1.30.2-gke.100', 'v1.30.2', '1', '30'],
    ['1.28.3+k3s1', 'v1.28.3+k3s1', 'v1.28.3', '1', '28'],
    ['v1.2.3.4', 'v1.2.3.4', 'v1.2.3.4', '1', '2'],
    ['1.028', 'v1.028', 'v1.28', '1', '28'],
  ])('%s', (input, version, normalized, major, minor) => {
    const k = parseKubeVersion(input);
    expect([k.version, k.normalized, k.major, k.minor]).toEqual([version, normalized, major, minor]);
    expect(k.field('Version')).toBe(version);
    expect(k.stringer()).toBe(normalized);
    expect(k.formatV()).toBe(`{${version} ${normalized} ${major} ${minor}}`);
  });

  it.each([
    ['abc', `invalid kube version 'abc': could not parse "abc" as version`],
    ['1', `invalid kube version '1': illegal version string "1"`],
    ['01.28', `invalid kube version '01.28': illegal zero-prefixed version component "01" in "01.28"`],
    [
      '1.99999999999999999999',
      `invalid kube version '1.99999999999999999999': illegal non-numeric version component "99999999999999999999" in "1.99999999999999999999": strconv.ParseUint: parsing "99999999999999999999": value out of range`,
    ],
  ])('rejects %s with helm’s message', (input, message) => {
    expect(() => parseKubeVersion(input)).toThrow(KubeVersionError);
    expect(() => parseKubeVersion(input)).toThrow(message);
  });
});

describe('the API versions a Kubernetes version serves (rules/kube-api-versions.yaml)', () => {
  it('loads and validates the table, and records helm 4.1.4', () => {
    const table = loadKubeApiTable();
    expect(table.builtin.length).toBeGreaterThan(40);
    expect(helmBuild().version).toBe('v4.1.4');
    expect(helmBuild().kubeVersion).toBe('v1.35.0');
    expect(helmBuild().apiVersions).toHaveLength(57);
  });

  it('serves removed APIs only before their removal', () => {
    const v120 = servedApiVersions(20);
    expect(v120).toContain('extensions/v1beta1');
    expect(v120).toContain('extensions/v1beta1/Ingress');
    expect(v120).not.toContain('extensions/v1beta1/Deployment');
    expect(v120).toContain('policy/v1beta1/PodDisruptionBudget');
    expect(v120).not.toContain('policy/v1/PodDisruptionBudget');
    const v125 = servedApiVersions(25);
    expect(v125).not.toContain('extensions/v1beta1');
    expect(v125).not.toContain('policy/v1beta1');
    expect(v125).toContain('policy/v1/PodDisruptionBudget');
    expect(v125).toContain('networking.k8s.io/v1/Ingress');
    expect(v125).not.toContain('batch/v1beta1');
  });

  it('never lists versions that are off by default (alpha, new betas)', () => {
    const v135 = servedApiVersions(35);
    expect(v135.some((v) => v.includes('alpha'))).toBe(false);
    expect(v135).not.toContain('resource.k8s.io/v1beta1');
    expect(v135).toContain('resource.k8s.io/v1/ResourceClaim');
    expect(v135).toContain('admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy');
    expect(servedApiVersions(29)).not.toContain('admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy');
  });

  it('lists group/versions first, then group/version/kinds', () => {
    const v = servedApiVersions(30);
    const firstKind = v.findIndex((s) => s.split('/').length === 3 || (s.startsWith('v1/') && s !== 'v1'));
    expect(v.slice(0, firstKind).every((s) => !/\/[A-Z]/.test(s))).toBe(true);
    expect(v.slice(firstKind).every((s) => /\/[A-Z][A-Za-z0-9]*$/.test(s))).toBe(true);
  });
});

describe('.Capabilities', () => {
  it('reproduces helm template’s own capabilities in helm mode, extra API versions appended', () => {
    const caps = buildCapabilities({ apiVersions: ['x.io/v1'], helmCapabilities: true });
    expect(caps.kubeVersion.normalized).toBe('v1.35.0');
    expect(caps.apiVersions.versions).toEqual([...helmBuild().apiVersions, 'x.io/v1']);
    const has = caps.apiVersions.method('Has');
    expect(has?.call({} as never, 'policy/v1beta1')).toBe(true);
    expect(has?.call({} as never, 'policy/v1/PodDisruptionBudget')).toBe(false);
  });

  it('serves what the target Kubernetes version serves in chartlint’s mode', () => {
    const caps = buildCapabilities({
      kubeVersion: '1.27',
      apiVersions: ['monitoring.coreos.com/v1'],
      helmCapabilities: false,
    });
    const has = (v: string) => caps.apiVersions.method('Has')?.call({} as never, v);
    expect(has('policy/v1beta1')).toBe(false);
    expect(has('policy/v1/PodDisruptionBudget')).toBe(true);
    expect(has('monitoring.coreos.com/v1')).toBe(true);
    expect(caps.apiVersions.versions.at(-1)).toBe('monitoring.coreos.com/v1');
  });

  it('prints and serialises like helm', () => {
    const caps = buildCapabilities({ apiVersions: [], helmCapabilities: true });
    expect(encodeJson(caps.kubeVersion.toJsonValue(), { escapeHtml: true })).toBe(
      '{"Version":"v1.35.0","Major":"1","Minor":"35"}',
    );
    expect(encodeJson(caps.helmVersion.toJsonValue(), { escapeHtml: true })).toBe(
      '{"version":"v4.1.4","git_commit":"05fa37973dc9e42b76e1d2883494c87174b6074f","git_tree_state":"clean","go_version":"go1.25.9","kube_client_version":"v1.35"}',
    );
    expect(formatValue(caps.helmVersion)).toBe(
      '{v4.1.4 05fa37973dc9e42b76e1d2883494c87174b6074f clean go1.25.9 v1.35}',
    );
    expect(formatValue(caps.kubeVersion)).toBe('{v1.35.0 v1.35.0 1 35}');
    expect(caps.field('Foo')).toBeUndefined();
    expect(caps.goType).toBe('*common.Capabilities');
  });
});
