import type { Chart, ChartFile } from '../chart/types.js';
import type { Location } from '../diagnostics/location.js';

/** Where a rendered template lives in the repository. */
export interface TemplateSource {
  /** Repository file to point at: the template itself, or the parent's Chart.yaml for an archived subchart. */
  location: Location;
  /** The template file, when its text is available (for line matching and code frames). */
  file?: ChartFile;
  /** Display path of the template file when it exists on disk. */
  displayPath?: string;
  /** For templates inside a `.tgz` subchart: the path inside the archive, for the message. */
  insideArchive?: string;
}

/**
 * Resolves a Helm template name (`root/charts/sub/templates/x.yaml`, helm-render-spec.md §1.3) to the file in the
 * repository. Subcharts are matched by alias or name. A template inside an archived subchart has no file of its
 * own: the location is the dependency entry in the nearest parent Chart.yaml that exists on disk.
 */
export function resolveTemplateSource(root: Chart, templateName: string): TemplateSource {
  const segments = templateName.split('/').slice(1);
  let chart = root;
  let i = 0;
  while (segments[i] === 'charts' && i + 1 < segments.length) {
    const name = segments[i + 1];
    const sub =
      chart.subcharts.find((s) => aliasOf(chart, s) === name) ??
      chart.subcharts.find((s) => s.metadata.name === name);
    if (!sub) break;
    chart = sub;
    i += 2;
  }
  const inChart = segments.slice(i).join('/');
  const file = chart.templates.find((t) => t.path === inChart) ?? chart.crds.find((t) => t.path === inChart);
  const archived = nearestArchived(chart);
  if (!archived) {
    const displayPath = joinDisplay(chart.dir, inChart);
    return { location: { file: displayPath }, displayPath, ...(file ? { file } : {}) };
  }
  // Point at the dependency entry that brings in the outermost archive, in a Chart.yaml that exists on disk.
  const parent = archived.parent ?? root;
  const index = parent.metadata.dependencies.findIndex(
    (d) => d.name === archived.metadata.name || (d.alias !== '' && d.alias === aliasOf(parent, archived)),
  );
  const yaml = parent.requirementsYaml ?? parent.chartYaml;
  const location = index >= 0 ? yaml.locate(['dependencies', index]) : { file: yaml.path };
  const insideArchive = `${archived.archivePath ?? archived.dir}:${templateName.split('/').slice(1).join('/')}`;
  return { location, insideArchive, ...(file ? { file } : {}) };
}

/** The outermost chart between `chart` and the root that was read from an archive. */
function nearestArchived(chart: Chart): Chart | undefined {
  let found: Chart | undefined;
  for (let c: Chart | undefined = chart; c; c = c.parent) if (c.archivePath) found = c;
  return found;
}

function aliasOf(parent: Chart, sub: Chart): string {
  const dep = parent.metadata.dependencies.find((d) => d.name === sub.metadata.name && d.alias !== '');
  return dep ? dep.alias : sub.metadata.name;
}

function joinDisplay(dir: string, path: string): string {
  return dir === '.' || dir === '' ? path : `${dir.replace(/\/$/, '')}/${path}`;
}
