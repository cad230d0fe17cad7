import { ChartlintError } from '../diagnostics/errors.js';
import { isSeverity, type Severity } from '../diagnostics/severity.js';
import { exceptedNames, exceptionName, ruleKind, splitRuleId } from './conventions.js';
import type { PolicyManifest, PolicyPath, PolicyResult } from './types.js';

/** Where a result points when the policy does not say: the manifest's name. */
export const DEFAULT_PATH: PolicyPath = ['metadata', 'name'];

/** Keys of a result object that chartlint interprets; every other key is kept as a detail. */
const INTERPRETED = new Set(['msg', 'path', '_loc', 'severity']);

/** Severity names accepted in a result's `severity` key, beyond chartlint's own three. */
const SEVERITY_ALIASES: Record<string, Severity> = { warn: 'warning', info: 'note' };

/** What the results of one evaluation are about. */
export type EvaluationTarget =
  { kind: 'manifest'; manifestId: number } | { kind: 'combined'; manifests: readonly PolicyManifest[] };

/**
 * Turns the values of one evaluation's conftest rules (rule id → value) into results: strings and objects with
 * `msg` in the sets of `deny`/`violation`/`warn` rules, marked suppressed when the package's `exception` names the
 * rule. Values that are not collections are ignored, as conftest ignores them.
 */
export function interpretRuleValues(
  values: ReadonlyMap<string, unknown>,
  target: EvaluationTarget,
  builtin: boolean,
): PolicyResult[] {
  const results: PolicyResult[] = [];
  const exceptionsByPkg = new Map<string, Set<string>>();
  for (const [ruleId, value] of values) {
    const { pkg, rule } = splitRuleId(ruleId);
    const kind = ruleKind(rule);
    if (kind === undefined || kind === 'exception' || !Array.isArray(value)) continue;
    let excepted = exceptionsByPkg.get(pkg);
    if (!excepted) {
      excepted = exceptedNames(values.get(`${pkg}/exception`));
      exceptionsByPkg.set(pkg, excepted);
    }
    const suppressed = excepted.has(exceptionName(rule));
    const defaultSeverity: Severity = kind === 'failure' ? 'error' : 'warning';
    for (const item of value) {
      const result = interpretItem(ruleId, item, defaultSeverity, target);
      if (result) results.push({ ...result, suppressed, builtin });
    }
  }
  return results;
}

function interpretItem(
  ruleId: string,
  item: unknown,
  defaultSeverity: Severity,
  target: EvaluationTarget,
): Omit<PolicyResult, 'suppressed' | 'builtin'> | undefined {
  if (typeof item === 'string')
    return { ruleId, severity: defaultSeverity, message: item, ...locate(undefined, undefined, target) };
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const obj = item as Record<string, unknown>;
  if (typeof obj.msg !== 'string') {
    throw new ChartlintError(
      'policy-invalid',
      `${ruleId}: a result object needs a string "msg" key (got ${JSON.stringify(obj).slice(0, 120)}).`,
    );
  }
  const severity = obj.severity === undefined ? defaultSeverity : severityOf(ruleId, obj.severity);
  const rawPath = obj.path ?? obj._loc;
  const path = rawPath === undefined ? undefined : parsePath(ruleId, rawPath);
  const details: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!INTERPRETED.has(k)) details[k] = v;
  return {
    ruleId,
    severity,
    message: obj.msg,
    ...locate(path, details.resource, target),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

function severityOf(ruleId: string, value: unknown): Severity {
  const name = typeof value === 'string' ? value.toLowerCase() : '';
  const severity = isSeverity(name) ? name : SEVERITY_ALIASES[name];
  if (severity) return severity;
  throw new ChartlintError(
    'policy-invalid',
    `${ruleId}: a result's "severity" must be "error", "warning" or "note" (got ${JSON.stringify(value)}).`,
  );
}

/**
 * Reads a result's `path`/`_loc`: an array of keys and indexes, a string such as `spec.containers[0].image`
 * (`["a.b"]` quotes a key holding dots), or an object holding one of these under `path`.
 */
export function parsePath(ruleId: string, raw: unknown): PolicyPath {
  if (
    Array.isArray(raw) &&
    raw.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s)))
  ) {
    return raw as PolicyPath;
  }
  if (typeof raw === 'string') {
    const out: PolicyPath = [];
    const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;
    for (const m of raw.matchAll(re)) {
      if (m[1] !== undefined) out.push(Number(m[1]));
      else if (m[2] !== undefined) out.push(JSON.parse(`"${m[2]}"`) as string);
      else if (m[3] !== undefined) out.push(m[3]);
    }
    return out;
  }
  if (raw !== null && typeof raw === 'object' && 'path' in raw) return parsePath(ruleId, raw.path);
  throw new ChartlintError(
    'policy-invalid',
    `${ruleId}: a result's "path" must be a list of keys and indexes or a string like "spec.containers[0].image" ` +
      `(got ${JSON.stringify(raw)}).`,
  );
}

/**
 * The manifest and path a result is about. For one manifest: that manifest, at the result's path or its name. In
 * combined mode a path starting `[i, "contents", …]` points into the i-th entry of the combined input, and a
 * `resource: {kind, name, namespace?}` detail names the manifest; otherwise the result has no manifest.
 */
function locate(
  path: PolicyPath | undefined,
  resource: unknown,
  target: EvaluationTarget,
): { manifestId: number | undefined; path?: PolicyPath } {
  if (target.kind === 'manifest') return { manifestId: target.manifestId, path: path ?? DEFAULT_PATH };
  const manifests = target.manifests;
  if (path && typeof path[0] === 'number' && path[1] === 'contents') {
    const entry = manifests[path[0]];
    if (entry) return { manifestId: entry.id, path: path.length > 2 ? path.slice(2) : DEFAULT_PATH };
  }
  const named = findByResource(manifests, resource);
  if (named) return { manifestId: named.id, path: path ?? DEFAULT_PATH };
  return { manifestId: undefined, ...(path ? { path } : {}) };
}

function findByResource(manifests: readonly PolicyManifest[], resource: unknown): PolicyManifest | undefined {
  if (resource === null || typeof resource !== 'object') return undefined;
  const want = resource as Record<string, unknown>;
  if (typeof want.kind !== 'string' || typeof want.name !== 'string') return undefined;
  return manifests.find((m) => {
    const obj = (m.object ?? {}) as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    if (obj.kind !== want.kind || obj.metadata?.name !== want.name) return false;
    return typeof want.namespace !== 'string' || obj.metadata?.namespace === want.namespace;
  });
}
