import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { loadPolicySet, type PolicySet } from '../../src/policy/policy-set.js';
import type { PolicyContext, PolicySetOptions } from '../../src/policy/types.js';

/** The opa CLI when this machine has one (tests that compile .rego run only then; CI installs it). */
export const OPA: string | undefined = [
  process.env.OPA_BIN,
  ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'opa')),
  '/root/go/bin/opa',
].find((p): p is string => !!p && existsSync(p));

export const FIXTURES = 'fixtures/policies';

export const CONTEXT: PolicyContext = {
  chart: { name: 'shop', version: '1.2.3', path: 'charts/shop' },
  environment: 'prod',
  kubeVersion: '1.31.0',
};

/** A fresh cache directory, so each test compiles (or fails to) on its own. */
export function freshCache(): string {
  return mkdtempSync(join(tmpdir(), 'chartlint-policy-test-'));
}

/** Loads user policies only (no built-in pack) with the given overrides. */
export function loadUser(overrides: Partial<PolicySetOptions>): Promise<PolicySet> {
  return loadPolicySet({
    builtin: false,
    disabledBuiltin: [],
    paths: [],
    namespaces: ['main'],
    dataFiles: [],
    cacheDir: freshCache(),
    env: { PATH: process.env.PATH },
    ...(OPA ? { opaBin: OPA } : {}),
    ...overrides,
  });
}

/** A Deployment named `name` with one container; `extra` is merged into the object. */
export function deployment(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image: 'web:1.0' }] },
      },
    },
    ...extra,
  };
}
