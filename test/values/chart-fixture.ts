/**
 * Builds `Chart` objects for values tests from a case's file map (the golden recorder's chart layout), so the
 * values layer is tested without the chart loader. Only what values processing reads is filled in.
 */
import { parse } from 'yaml';
import type { Chart, Dependency, ImportValue, SourceFile } from '../../src/chart/types.js';
import { lineStartsOf } from '../../src/diagnostics/location.js';

function source(path: string, text: string): SourceFile {
  return { chartPath: path.split('/').pop() ?? path, path, text, lineStarts: lineStartsOf(text) };
}

function dependencies(raw: unknown): Dependency[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((d: Record<string, unknown>) => ({
    name: String(d.name ?? ''),
    version: d.version === undefined ? '' : String(d.version),
    repository: '',
    condition: d.condition === undefined ? '' : String(d.condition),
    tags: Array.isArray(d.tags) ? d.tags.map(String) : [],
    enabled: false,
    importValues: Array.isArray(d['import-values'])
      ? (d['import-values'] as unknown[]).map((iv): ImportValue =>
          typeof iv === 'string'
            ? iv
            : {
                child: String((iv as Record<string, unknown>).child),
                parent: String((iv as Record<string, unknown>).parent),
              },
        )
      : [],
    alias: d.alias === undefined ? '' : String(d.alias),
  }));
}

/** A chart rooted at `dir` inside `files` (paths relative to the root chart). */
export function chartFromFiles(files: Record<string, string>, dir = ''): Chart {
  const at = (p: string) => (dir === '' ? p : `${dir}/${p}`);
  const meta = parse(files[at('Chart.yaml')] ?? '') as Record<string, unknown>;
  const subdirs = new Set<string>();
  const prefix = at('charts/');
  for (const path of Object.keys(files)) {
    if (!path.startsWith(prefix)) continue;
    const name = path.slice(prefix.length).split('/')[0];
    if (name) subdirs.add(name);
  }
  const values = files[at('values.yaml')];
  const schema = files[at('values.schema.json')];
  const chart: Chart = {
    dir: dir === '' ? '.' : dir,
    metadata: {
      apiVersion: 'v2',
      name: String(meta.name),
      version: String(meta.version),
      appVersion: '',
      kubeVersion: '',
      type: meta.type === 'library' ? 'library' : '',
      description: '',
      home: '',
      icon: '',
      sources: [],
      keywords: [],
      maintainers: [],
      annotations: null,
      deprecated: false,
      condition: '',
      tags: '',
      dependencies: dependencies(meta.dependencies),
    },
    chartYaml: {
      ...source(at('Chart.yaml'), files[at('Chart.yaml')] ?? ''),
      ranges: new Map(),
      locate: () => ({ file: at('Chart.yaml') }),
    },
    files: [],
    templates: [],
    crds: [],
    ...(values !== undefined ? { valuesFile: source(at('values.yaml'), values) } : {}),
    ...(schema !== undefined ? { schemaFile: source(at('values.schema.json'), schema) } : {}),
    subcharts: [...subdirs].sort().map((name) => chartFromFiles(files, at(`charts/${name}`))),
  };
  for (const s of chart.subcharts) s.parent = chart;
  return chart;
}

/** The recorder's default root Chart.yaml. */
export const ORACLE_CHART_YAML = 'apiVersion: v2\nname: oracle\nversion: 0.1.0\nappVersion: "1.0.0"\n';
