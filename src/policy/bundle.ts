import { gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import YAML from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';
import { mergeData } from './data-files.js';

/** The parts of an `opa build -t wasm` bundle chartlint uses. */
export interface WasmBundle {
  wasm: Uint8Array;
  /** The bundle's base documents (`data.json`/`data.yaml` files, nested by their directory). */
  data: Record<string, unknown>;
  /** The manifest's `revision` (chartlint's build records the hash of the sources here). */
  revision: string;
}

/** Decompressed bundles larger than this are refused: a policy bundle is code, not a data dump. */
const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** Reads every regular file of a `.tar.gz` into memory, keyed by its path without a leading `/`. */
export async function readTarGz(bytes: Uint8Array, label: string): Promise<Map<string, Buffer>> {
  let tarBytes: Buffer;
  try {
    tarBytes = gunzipSync(bytes, { maxOutputLength: MAX_BUNDLE_BYTES });
  } catch (err) {
    throw new ChartlintError(
      'policy-invalid',
      `${label}: not a gzip-compressed bundle (${(err as Error).message}).`,
      {
        location: { file: label },
      },
    );
  }
  const files = new Map<string, Buffer>();
  const extract = tar.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (entry.header.type === 'file')
        files.set(entry.header.name.replace(/^\/+/, ''), Buffer.concat(chunks));
    }
  })();
  Readable.from([tarBytes]).pipe(extract);
  try {
    await done;
  } catch (err) {
    throw new ChartlintError(
      'policy-invalid',
      `${label}: not a readable tar archive (${(err as Error).message}).`,
      {
        location: { file: label },
      },
    );
  }
  return files;
}

/** Reads a bundle built by `opa build -t wasm`: its wasm module, its data and its manifest revision. */
export async function readWasmBundle(bytes: Uint8Array, label: string): Promise<WasmBundle> {
  const files = await readTarGz(bytes, label);
  const manifest = parseManifest(files.get('.manifest'), label);
  const modulePath = (manifest.wasm?.[0]?.module ?? '/policy.wasm').replace(/^\/+/, '');
  const wasm = files.get(modulePath);
  if (!wasm) {
    throw new ChartlintError(
      'policy-invalid',
      `${label}: the bundle has no WebAssembly module (${modulePath}); build it with \`opa build -t wasm\`.`,
      { location: { file: label } },
    );
  }
  let data: Record<string, unknown> = {};
  for (const name of [...files.keys()].sort()) {
    const base = name.split('/').pop();
    if (base !== 'data.json' && base !== 'data.yaml' && base !== 'data.yml') continue;
    const doc = parseDataDoc(files.get(name) as Buffer, name, label);
    const prefix = name.split('/').slice(0, -1);
    data = mergeData(data, nestUnder(prefix, doc), `${label}:${name}`);
  }
  return { wasm, data, revision: typeof manifest.revision === 'string' ? manifest.revision : '' };
}

interface BundleManifest {
  revision?: unknown;
  wasm?: { entrypoint?: string; module?: string }[];
}

function parseManifest(bytes: Buffer | undefined, label: string): BundleManifest {
  if (!bytes) return {};
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as BundleManifest) : {};
  } catch (err) {
    throw new ChartlintError(
      'policy-invalid',
      `${label}: the bundle's .manifest is not JSON (${(err as Error).message}).`,
      {
        location: { file: label },
      },
    );
  }
}

function parseDataDoc(bytes: Buffer, name: string, label: string): unknown {
  try {
    return name.endsWith('.json') ? JSON.parse(bytes.toString('utf8')) : YAML.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ChartlintError(
      'policy-invalid',
      `${label}: ${name} is not valid (${(err as Error).message}).`,
      {
        location: { file: label },
      },
    );
  }
}

/** Wraps `doc` in one object per path segment, so `a/b/data.json` lands at `data.a.b`. */
export function nestUnder(prefix: string[], doc: unknown): Record<string, unknown> {
  let value: unknown = doc;
  for (const segment of [...prefix].reverse()) value = { [segment]: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return value as Record<string, unknown>;
}
