/**
 * The Chart.lock digest as Helm computes it (checks-facts.md §5.3): `sha256:` + hex(sha256(json.Marshal([deps,
 * locked]))), with Go's field order and omitempty for chart.Dependency. Verified against locks written by
 * `helm dependency update` 4.1.4 (HTML escaping, YAML 1.1 `y`, floats in import-values); helm 4.1.4's
 * `dependency build` accepts no other form (the `{"dependencies": …}` digest of HashV2Req is rejected).
 */
import { createHash } from 'node:crypto';
import { convertYamlTree, type GoYamlTree } from '../../chart/go-yaml-tree.js';
import type { Chart, Dependency, LockedDependency } from '../../chart/types.js';
import { parseYamlSource } from '../../chart/yaml-source.js';
import { fromGoYaml, writeGoJson, type GoJsonValue } from './go-json.js';

/** chart.Dependency as Go's encoding/json writes it; `importValues` are the raw YAML values. */
export function dependencyJson(dep: Dependency, importValues: readonly GoJsonValue[]): GoJsonValue {
  const fields: [string, GoJsonValue][] = [['name', dep.name]];
  if (dep.version !== '') fields.push(['version', dep.version]);
  fields.push(['repository', dep.repository]);
  if (dep.condition !== '') fields.push(['condition', dep.condition]);
  if (dep.tags.length > 0) fields.push(['tags', dep.tags]);
  if (dep.enabled) fields.push(['enabled', true]);
  if (importValues.length > 0) fields.push(['import-values', [...importValues]]);
  if (dep.alias !== '') fields.push(['alias', dep.alias]);
  return { fields };
}

/** A locked entry: only name, version (omitempty) and repository are ever set. */
export function lockedJson(dep: LockedDependency): GoJsonValue {
  const fields: [string, GoJsonValue][] = [['name', dep.name]];
  if (dep.version !== '') fields.push(['version', dep.version]);
  fields.push(['repository', dep.repository]);
  return { fields };
}

function sha256(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The raw `import-values` of each dependency, as Go values (YAML 1.1 booleans included), read from the file the
 * dependencies came from (Chart.yaml, or requirements.yaml for v1 charts).
 */
export function rawImportValues(chart: Chart): GoJsonValue[][] {
  const file = chart.requirementsYaml ?? chart.chartYaml;
  const parsed = parseYamlSource(file);
  const tree = convertYamlTree(parsed.file, parsed.document, parsed.root, file.chartPath);
  const deps = tree.kind === 'object' ? tree.entries.get('dependencies')?.value : undefined;
  const items: GoYamlTree[] = deps?.kind === 'array' ? deps.items : [];
  return items.map((item) => {
    const iv = item.kind === 'object' ? item.entries.get('import-values')?.value : undefined;
    return iv?.kind === 'array' ? iv.items.map(fromGoYaml) : [];
  });
}

/** The digest Helm computes for this chart's dependencies and a lock's entries (HashReq). */
export function lockDigest(chart: Chart, locked: readonly LockedDependency[]): string {
  const importValues = rawImportValues(chart);
  const deps = chart.metadata.dependencies.map((d, i) => dependencyJson(d, importValues[i] ?? []));
  return sha256(writeGoJson([deps, locked.map(lockedJson)]));
}
