/**
 * Helm's `LoadFiles`: turns the files of one chart (from a directory walk or an archive) into a {@link Chart},
 * classifying each path as §1.1 describes and loading subcharts under `charts/` recursively.
 */
import { ChartlintError } from '../diagnostics/errors.js';
import { decodeMetadataFile, finishMetadata, readChartYaml } from './chart-yaml.js';
import type { LoadLimits } from './limits.js';
import { parseLock } from './lock.js';
import { joinPath, makeChartFile, sourceFileOf, type ChartOrigin } from './source-file.js';
import type { Chart, ChartFile, HelmIgnore, YamlSourceFile } from './types.js';

/** A file read from disk or an archive: its path inside the chart (`/`-separated) and its BOM-free bytes. */
export interface LoadedFile {
  name: string;
  data: Uint8Array;
}

/** Reads the chart inside a `.tgz` held in memory (provided by load-archive, injected to keep modules acyclic). */
export type ArchiveReader = (
  data: Uint8Array,
  archiveDisplayPath: string,
  limits: LoadLimits,
) => Promise<{ files: LoadedFile[]; root: string }>;

/** What assembling a chart needs besides its files. */
export interface AssembleContext {
  origin: ChartOrigin;
  limits: LoadLimits;
  readArchive: ArchiveReader;
  parent?: Chart;
  helmignore?: HelmIgnore;
  depth: number;
}

function byName(a: LoadedFile, b: LoadedFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Builds the chart from `files`, then its subcharts. Throws located `chart-invalid`/`archive-invalid` errors. */
export async function assembleChart(files: LoadedFile[], ctx: AssembleContext): Promise<Chart> {
  const sorted = [...files].sort(byName);
  const chartFile = sorted.find((file) => file.name === 'Chart.yaml');
  if (!chartFile) {
    throw new ChartlintError('chart-invalid', 'Chart.yaml file is missing', {
      location: { file: ctx.origin.archive ?? ctx.origin.dir },
    });
  }
  const source = (file: LoadedFile) => sourceFileOf(ctx.origin, makeChartFile(file.name, file.data));
  const read = readChartYaml(source(chartFile));
  const v1 = read.apiVersion === 'v1';

  const chartFiles: ChartFile[] = [];
  const templates: ChartFile[] = [];
  const subchartFiles = new Map<string, LoadedFile[]>();
  let valuesFile: Chart['valuesFile'];
  let schemaFile: Chart['schemaFile'];
  let lock: Chart['lock'];
  let requirementsYaml: YamlSourceFile | undefined;

  for (const file of sorted) {
    const name = file.name;
    if (name === 'Chart.yaml') continue;
    if (name === 'Chart.lock' || name === 'requirements.lock') {
      lock = parseLock(source(file), name);
      if (name === 'requirements.lock' && v1) chartFiles.push(makeChartFile(name, file.data));
    } else if (name === 'values.yaml') {
      valuesFile = source(file);
    } else if (name === 'values.schema.json') {
      schemaFile = source(file);
    } else if (name === 'requirements.yaml') {
      // Helm decodes requirements.yaml into the chart metadata whatever the apiVersion (v2 charts get a warning).
      requirementsYaml = decodeMetadataFile(source(file), 'requirements.yaml', read.raw, read.sources);
      if (v1) chartFiles.push(makeChartFile(name, file.data));
    } else if (name.startsWith('templates/')) {
      templates.push(makeChartFile(name, file.data));
    } else if (name.startsWith('charts/')) {
      if (name.endsWith('.prov')) {
        chartFiles.push(makeChartFile(name, file.data));
        continue;
      }
      const rest = name.slice('charts/'.length);
      const subchart = rest.split('/', 1)[0] as string;
      const group = subchartFiles.get(subchart) ?? [];
      group.push({ name: rest, data: file.data });
      subchartFiles.set(subchart, group);
    } else {
      chartFiles.push(makeChartFile(name, file.data));
    }
  }

  const metadata = finishMetadata(read.raw, read.apiVersion, read.sources, read.file);
  const chart: Chart = {
    dir:
      ctx.origin.archive !== undefined
        ? `${ctx.origin.archive}#${ctx.origin.archiveRoot ?? ''}`
        : ctx.origin.dir,
    metadata,
    chartYaml: read.file,
    files: chartFiles,
    templates,
    crds: chartFiles.filter((file) => file.path.startsWith('crds/')),
    subcharts: [],
  };
  if (ctx.origin.archive !== undefined) chart.archivePath = ctx.origin.archive;
  if (requirementsYaml) chart.requirementsYaml = requirementsYaml;
  if (valuesFile) chart.valuesFile = valuesFile;
  if (schemaFile) chart.schemaFile = schemaFile;
  if (lock) chart.lock = lock;
  if (ctx.parent) chart.parent = ctx.parent;
  if (ctx.helmignore) chart.helmignore = ctx.helmignore;

  for (const name of [...subchartFiles.keys()].sort()) {
    // Helm skips entries whose name starts with `_` or `.`.
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const group = subchartFiles.get(name) as LoadedFile[];
    chart.subcharts.push(await loadSubchart(chart, name, group, ctx));
  }
  return chart;
}

async function loadSubchart(
  parent: Chart,
  name: string,
  group: LoadedFile[],
  ctx: AssembleContext,
): Promise<Chart> {
  const where = `charts/${name}`;
  const location = {
    file:
      ctx.origin.archive !== undefined
        ? `${ctx.origin.archive}#${joinPath(ctx.origin.archiveRoot ?? '', where)}`
        : joinPath(ctx.origin.dir, where),
  };
  if (ctx.depth + 1 > ctx.limits.maxDepth) {
    throw new ChartlintError(
      'limit-exceeded',
      `subcharts are nested deeper than ${ctx.limits.maxDepth} levels`,
      { location },
    );
  }
  const childCtx = { limits: ctx.limits, readArchive: ctx.readArchive, parent, depth: ctx.depth + 1 };
  if (name.endsWith('.tgz')) {
    const archive = group.find((file) => file.name === name);
    if (!archive || group.length > 1) {
      throw new ChartlintError(
        'chart-invalid',
        `error unpacking subchart tar in ${parent.metadata.name}: expected ${name} to be a file`,
        { location },
      );
    }
    const { files, root } = await ctx.readArchive(archive.data, location.file, ctx.limits);
    return assembleChart(files, {
      ...childCtx,
      origin: { dir: location.file, archive: location.file, archiveRoot: root },
    });
  }
  // Helm drops files directly under charts/ that are not inside a subchart directory (e.g. charts/README.md) and
  // then fails the empty "chart" for lack of a Chart.yaml.
  const files = group
    .filter((file) => file.name.includes('/'))
    .map((file) => ({ name: file.name.slice(name.length + 1), data: file.data }));
  const origin: ChartOrigin =
    ctx.origin.archive !== undefined
      ? {
          dir: location.file,
          archive: ctx.origin.archive,
          archiveRoot: joinPath(ctx.origin.archiveRoot ?? '', where),
        }
      : { dir: location.file };
  if (!files.some((file) => file.name === 'Chart.yaml')) {
    throw new ChartlintError(
      'chart-invalid',
      `error unpacking subchart ${name} in ${parent.metadata.name}: Chart.yaml file is missing`,
      { location },
    );
  }
  return assembleChart(files, { ...childCtx, origin });
}
