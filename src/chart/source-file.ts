import { lineStartsOf } from '../diagnostics/location.js';
import type { ChartFile, SourceFile } from './types.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const decoder = new TextDecoder('utf-8');

/** Removes a leading UTF-8 byte order mark, as Helm does for every chart file. */
export function stripBom(data: Uint8Array): Uint8Array {
  return UTF8_BOM.every((byte, i) => data[i] === byte) ? data.subarray(3) : data;
}

/** A chart file whose text is decoded on first access. `data` must already be BOM-free. */
export function makeChartFile(path: string, data: Uint8Array): ChartFile {
  let text: string | undefined;
  return {
    path,
    data,
    get text(): string {
      text ??= decoder.decode(data);
      return text;
    },
  };
}

/** Where a chart's files are displayed from: its directory, or the archive it was read from. */
export interface ChartOrigin {
  /** Display path of the chart root (relative to the working directory, `/`-separated). */
  dir: string;
  /** Display path of the archive, when the chart came from one. */
  archive?: string;
  /** For archived charts: the path of the chart root inside the archive (e.g. `mychart`). */
  archiveRoot?: string;
}

/** The display path of a file inside a chart: `<dir>/<file>`, or `<archive>#<root>/<file>` for archived charts. */
export function displayPath(origin: ChartOrigin, chartPath: string): string {
  if (origin.archive !== undefined)
    return `${origin.archive}#${joinPath(origin.archiveRoot ?? '', chartPath)}`;
  return joinPath(origin.dir, chartPath);
}

/** Joins `/`-separated path parts, treating `.` and `` as the current directory. */
export function joinPath(base: string, child: string): string {
  if (base === '' || base === '.') return child;
  if (child === '' || child === '.') return base;
  return `${base}/${child}`;
}

/** A source file for `file` of the chart at `origin`. */
export function sourceFileOf(origin: ChartOrigin, file: ChartFile): SourceFile {
  const text = file.text;
  return {
    chartPath: file.path,
    path: displayPath(origin, file.path),
    // A nested archive's display path is `outer.tgz#…`; the file on disk is the outermost archive.
    ...(origin.archive !== undefined ? { archive: origin.archive.split('#')[0] ?? origin.archive } : {}),
    text,
    lineStarts: lineStartsOf(text),
  };
}
