/**
 * Reading a chart from a `.tgz` in memory, safely (DESIGN.md §12): gzip and tar errors, absolute paths, `..`,
 * links leaving the chart, device files, several top-level directories, and size/entry/ratio caps are all
 * `archive-invalid` (or `limit-exceeded`) errors naming the archive. The archive's single top directory is the chart.
 */
import { gunzipSync } from 'node:zlib';
import { posix } from 'node:path';
import { extract } from 'tar-stream';
import { ChartlintError } from '../diagnostics/errors.js';
import type { LoadedFile } from './assemble.js';
import type { LoadLimits } from './limits.js';
import { stripBom } from './source-file.js';

/** Bytes of tar framing allowed per entry on top of the content caps (header and padding). */
const TAR_OVERHEAD_PER_ENTRY = 1536;

function archiveError(archive: string, message: string): ChartlintError {
  return new ChartlintError('archive-invalid', message, { location: { file: archive } });
}

function tooLarge(archive: string, message: string): ChartlintError {
  return new ChartlintError('limit-exceeded', message, { location: { file: archive } });
}

/** Decompresses the gzip layer within the caps. */
function gunzip(data: Uint8Array, archive: string, limits: LoadLimits): Buffer {
  const maxOutputLength = limits.maxTotalSize + limits.maxEntries * TAR_OVERHEAD_PER_ENTRY;
  let tar: Buffer;
  try {
    tar = gunzipSync(data, { maxOutputLength });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(archive, `decompressed chart is larger than the maximum size ${limits.maxTotalSize}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw archiveError(archive, `cannot read chart archive: corrupt gzip data (${reason})`);
  }
  if (tar.length > limits.ratioFloor && tar.length / Math.max(1, data.length) > limits.maxRatio) {
    throw tooLarge(
      archive,
      `chart archive expands ${Math.round(tar.length / data.length)} times (more than ${limits.maxRatio}): refusing a likely decompression bomb`,
    );
  }
  return tar;
}

interface RawEntry {
  path: string;
  type: string;
  data?: Uint8Array;
  linkTarget?: string;
}

/** Splits an entry name as Helm does (a `\` delimiter when present), checking it stays inside the archive root. */
function entryPath(name: string, archive: string): { top: string; path: string } {
  const delimiter = name.includes('\\') ? '\\' : '/';
  const normalised = name.split(delimiter).join('/');
  if (normalised.startsWith('/') || /^[a-zA-Z]:\//.test(normalised)) {
    throw archiveError(archive, `chart illegally contains absolute paths: ${JSON.stringify(name)}`);
  }
  const segments = normalised.split('/');
  if (segments.includes('..')) {
    throw archiveError(archive, `chart illegally references parent directory: ${JSON.stringify(name)}`);
  }
  const [top = '', ...rest] = segments;
  const path = posix.normalize(rest.join('/')).replace(/\/$/, '');
  return { top, path: path === '.' ? '' : path };
}

/** Collects every entry of the tar stream, enforcing the caps as it goes. */
async function readTar(tar: Buffer, archive: string, limits: LoadLimits): Promise<RawEntry[]> {
  const entries: RawEntry[] = [];
  const extractor = extract();
  let total = 0;
  const done = (async () => {
    for await (const entry of extractor) {
      const header = entry.header;
      if (entries.length >= limits.maxEntries) {
        entry.resume();
        throw tooLarge(archive, `chart archive has more than ${limits.maxEntries} entries`);
      }
      const type = header.type ?? 'file';
      const size = header.size ?? 0;
      if (size > limits.maxFileSize) {
        entry.resume();
        throw tooLarge(
          archive,
          `decompressed chart file ${JSON.stringify(header.name)} is larger than the maximum file size ${limits.maxFileSize}`,
        );
      }
      total += size;
      if (total > limits.maxTotalSize) {
        entry.resume();
        throw tooLarge(archive, `decompressed chart is larger than the maximum size ${limits.maxTotalSize}`);
      }
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      const raw: RawEntry = { path: header.name, type };
      if (type === 'file' || type === 'contiguous-file') raw.data = new Uint8Array(Buffer.concat(chunks));
      if (header.linkname) raw.linkTarget = header.linkname;
      entries.push(raw);
    }
  })();
  extractor.end(tar);
  try {
    await done;
  } catch (error) {
    extractor.destroy();
    if (error instanceof ChartlintError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw archiveError(archive, `cannot read chart archive: corrupt or truncated tar data (${reason})`);
  }
  return entries;
}

/**
 * Reads the chart files of a `.tgz` (bytes in memory). `archive` is its display path, used in errors. Returns the
 * files relative to the archive's top directory (BOM stripped) and that directory's name.
 */
export async function readChartArchive(
  data: Uint8Array,
  archive: string,
  limits: LoadLimits,
): Promise<{ files: LoadedFile[]; root: string }> {
  const tar = gunzip(data, archive, limits);
  const entries = await readTar(tar, archive, limits);
  const tops = new Set<string>();
  const files = new Map<string, Uint8Array>();
  const links: { path: string; target: string; name: string }[] = [];

  for (const entry of entries) {
    if (entry.type === 'directory' || entry.type === 'pax-header' || entry.type === 'pax-global-header')
      continue;
    const { top, path } = entryPath(entry.path, archive);
    if (path === '') {
      if (top === 'Chart.yaml') throw archiveError(archive, 'chart yaml not in base directory');
      throw archiveError(
        archive,
        `chart illegally contains content outside the base directory: ${JSON.stringify(entry.path)}`,
      );
    }
    tops.add(top);
    switch (entry.type) {
      case 'file':
      case 'contiguous-file':
        files.set(path, stripBom(entry.data ?? new Uint8Array()));
        break;
      case 'symlink':
      case 'link': {
        const linkTarget = entry.linkTarget ?? '';
        // A symlink is relative to its own directory; a hard link names another entry of the archive.
        const resolved =
          entry.type === 'symlink'
            ? linkTarget.startsWith('/')
              ? undefined
              : posix.normalize(posix.join(posix.dirname(path), linkTarget))
            : entryPath(linkTarget, archive).path;
        if (resolved === undefined || resolved === '..' || resolved.startsWith('../') || resolved === '.') {
          throw archiveError(
            archive,
            `chart archive entry ${JSON.stringify(entry.path)} is a link to ${JSON.stringify(linkTarget)}, outside the chart`,
          );
        }
        links.push({ path, target: resolved, name: entry.path });
        break;
      }
      default:
        throw archiveError(
          archive,
          `chart archive entry ${JSON.stringify(entry.path)} is a ${entry.type} and cannot be part of a chart`,
        );
    }
  }
  if (tops.size > 1) {
    throw archiveError(
      archive,
      `chart archive has several top-level directories (${[...tops].sort().join(', ')}): expected one`,
    );
  }
  // Links may point at links: resolve in passes until every link has content or no pass makes progress.
  let pending = links;
  while (pending.length > 0) {
    const unresolved = pending.filter((link) => {
      const target = files.get(link.target);
      if (target) files.set(link.path, target);
      return !target;
    });
    if (unresolved.length === pending.length) {
      const link = unresolved[0] as (typeof links)[number];
      throw archiveError(
        archive,
        `chart archive entry ${JSON.stringify(link.name)} links to a file that is not in the chart`,
      );
    }
    pending = unresolved;
  }
  if (files.size === 0) throw archiveError(archive, 'no files in chart archive');
  return {
    files: [...files].map(([name, fileData]) => ({ name, data: fileData })),
    root: [...tops][0] ?? '',
  };
}
