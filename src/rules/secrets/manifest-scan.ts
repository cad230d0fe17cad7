/** The places in rendered objects where a literal credential does harm: Secrets, ConfigMaps, container env. */
import { podSpecPaths } from '../../manifests/pod-specs.js';
import type { JsonPath, RenderedManifest } from '../../manifests/types.js';

/** One string value to check, with the key it sits under and a description of the place for messages. */
export interface SecretCandidate {
  path: JsonPath;
  key: string;
  value: string;
  /** `Secret data key "password"`, `environment variable DB_PASSWORD of container "app"` … */
  where: string;
  /** The value sits in a Secret, where any random-looking literal is a credential. */
  secretSlot: boolean;
  /** Whether the value was base64-decoded from a Secret's `data`. */
  decoded: boolean;
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** C0 control characters other than tab, line feed, vertical tab, form feed and carriage return. */
function isBinaryControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 && (code < 0x09 || code > 0x0d);
}

/** Decodes a Secret `data` value; undefined when it is not base64 of UTF-8 text (binary data is not scanned). */
export function decodeSecretData(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Control characters other than white space mean binary content (keystores, images).
  if (text.includes('\uFFFD') || [...text].some(isBinaryControl)) return undefined;
  return text;
}

function entries(map: unknown): [string, unknown][] {
  return isObject(map) ? Object.entries(map) : [];
}

/** The string values of a manifest that the secret detectors look at. */
export function secretCandidates(manifest: RenderedManifest): SecretCandidate[] {
  const object = manifest.object;
  const out: SecretCandidate[] = [];
  const apiVersion = String(object.apiVersion ?? '');
  const kind = String(object.kind ?? '');
  if (apiVersion === 'v1' && kind === 'Secret') {
    for (const [key, value] of entries(object.data)) {
      if (typeof value !== 'string') continue;
      const plain = decodeSecretData(value);
      if (plain !== undefined) {
        out.push({
          path: ['data', key],
          key,
          value: plain,
          where: `Secret data key "${key}"`,
          secretSlot: true,
          decoded: true,
        });
      }
    }
    for (const [key, value] of entries(object.stringData)) {
      if (typeof value === 'string') {
        out.push({
          path: ['stringData', key],
          key,
          value,
          where: `Secret stringData key "${key}"`,
          secretSlot: true,
          decoded: false,
        });
      }
    }
  }
  if (apiVersion === 'v1' && kind === 'ConfigMap') {
    for (const [key, value] of entries(object.data)) {
      if (typeof value === 'string') {
        out.push({
          path: ['data', key],
          key,
          value,
          where: `ConfigMap key "${key}"`,
          secretSlot: false,
          decoded: false,
        });
      }
    }
  }
  for (const specPath of podSpecPaths(object)) {
    let spec: unknown = object;
    for (const seg of specPath) spec = (spec as Obj)[seg as string];
    for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
      const containers = isObject(spec) ? spec[list] : undefined;
      if (!Array.isArray(containers)) continue;
      containers.forEach((c, ci) => {
        if (!isObject(c) || !Array.isArray(c.env)) return;
        c.env.forEach((e, ei) => {
          if (!isObject(e) || typeof e.name !== 'string' || typeof e.value !== 'string') return;
          out.push({
            path: [...specPath, list, ci, 'env', ei, 'value'],
            key: e.name,
            value: e.value,
            where: `environment variable ${e.name} of container "${String(c.name ?? ci)}"`,
            secretSlot: false,
            decoded: false,
          });
        });
      });
    }
  }
  return out;
}

/** Registry passwords of a docker config JSON (`auths.<registry>.auth` = base64 of `user:password`, or `password`). */
export function dockerConfigPasswords(json: string): { registry: string; password: string }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  // `.dockercfg` is the bare map of registries; `.dockerconfigjson` nests it under `auths`.
  const auths = isObject(parsed) && isObject(parsed.auths) ? parsed.auths : parsed;
  const out: { registry: string; password: string }[] = [];
  for (const [registry, entry] of entries(auths)) {
    if (!isObject(entry)) continue;
    if (typeof entry.password === 'string' && entry.password !== '')
      out.push({ registry, password: entry.password });
    else if (typeof entry.auth === 'string') {
      const decoded = decodeSecretData(entry.auth);
      const colon = decoded?.indexOf(':') ?? -1;
      if (decoded !== undefined && colon >= 0 && colon < decoded.length - 1) {
        out.push({ registry, password: decoded.slice(colon + 1) });
      }
    }
  }
  return out;
}
