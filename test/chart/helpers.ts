import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';

/** One tar entry for {@link makeTgz}: a file with content, or any header (links, devices, directories). */
export interface TarEntry {
  name: string;
  content?: string | Uint8Array;
  header?: Partial<Header>;
}

/** Builds a tar archive in memory (not compressed). */
export async function makeTar(entries: TarEntry[]): Promise<Buffer> {
  const archive = pack();
  for (const entry of entries) {
    const content = entry.content === undefined ? undefined : Buffer.from(entry.content);
    const header = { name: entry.name, ...(content ? { size: content.length } : {}), ...entry.header };
    if (content) archive.entry(header, content);
    else archive.entry(header);
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Builds a gzip-compressed tar archive in memory. */
export async function makeTgz(entries: TarEntry[]): Promise<Uint8Array> {
  return new Uint8Array(gzipSync(await makeTar(entries)));
}

/** A fresh temporary directory. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'chartlint-test-'));
}

/** Writes `files` (path → content) under `root`, creating directories. */
export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

/** A minimal valid Chart.yaml. */
export function chartYaml(name: string, version = '1.0.0', extra = ''): string {
  return `apiVersion: v2\nname: ${name}\nversion: ${version}\n${extra}`;
}
