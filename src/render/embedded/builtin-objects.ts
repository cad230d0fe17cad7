/**
 * `.Release` (helm-render-spec.md §6.1) and `.Chart` (§6.2) as Helm 4 builds them: plain Go maps, so unknown keys
 * read as empty instead of failing.
 */
import type { Chart, ChartMetadata } from '../../chart/types.js';
import type { DependencyState } from '../../values/coalesce.js';
import { GoInt, GoList, GoMap, type GoValue } from '../../values/model.js';

/** Helm's release name rule: a DNS-1123 subdomain of at most 53 characters. */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_RELEASE_NAME = 53;

/** Helm's message for an invalid release name, or undefined when the name is valid. */
export function releaseNameProblem(name: string): string | undefined {
  if (name !== '' && RELEASE_NAME.test(name) && name.length <= MAX_RELEASE_NAME) return undefined;
  return (
    `release name check failed: release name ${JSON.stringify(name)}: invalid release name, must match regex ` +
    `${RELEASE_NAME.source} and the length must not be longer than ${MAX_RELEASE_NAME}`
  );
}

/** `.Release` for `helm template`: revision 1, service Helm. */
export function releaseObject(name: string, namespace: string, isUpgrade: boolean): GoMap {
  const m = new GoMap();
  m.set('Name', name);
  m.set('Namespace', namespace);
  m.set('IsUpgrade', isUpgrade);
  m.set('IsInstall', !isUpgrade);
  m.set('Revision', new GoInt(1n));
  m.set('Service', 'Helm');
  return m;
}

const strings = (items: readonly string[]): GoList => new GoList([...items]);

/** The Chart.yaml entry a processed dependency came from (the processing renamed it to its alias). */
function declared(
  meta: ChartMetadata,
  dep: DependencyState,
): ChartMetadata['dependencies'][number] | undefined {
  return meta.dependencies.find((d) =>
    dep.alias !== '' ? d.alias === dep.alias : d.alias === '' && d.name === dep.name,
  );
}

function dependencyMap(meta: ChartMetadata, dep: DependencyState): GoMap {
  const m = new GoMap();
  m.set('Name', dep.name);
  m.set('Version', dep.version);
  m.set('Repository', declared(meta, dep)?.repository ?? '');
  m.set('Condition', dep.condition);
  m.set('Tags', strings(dep.tags));
  m.set('Enabled', dep.enabled);
  m.set(
    'ImportValues',
    new GoList(
      dep.importValues.map((iv): GoValue => {
        // Processing normalises every entry to {child, parent}; Go holds them as map[string]string.
        const pair = typeof iv === 'string' ? { child: `exports.${iv}`, parent: '.' } : iv;
        const e = new GoMap(new Map(), 'map[string]string');
        e.set('child', pair.child);
        e.set('parent', pair.parent);
        return e;
      }),
    ),
  );
  m.set('Alias', dep.alias);
  return m;
}

/**
 * `.Chart`: the metadata under Go's field names plus `IsRoot`. `name` is the chart's name in the release (its
 * alias when aliased); `dependencies` are the processed ones (disabled removed, names aliased).
 */
export function chartObject(
  chart: Chart,
  name: string,
  isRoot: boolean,
  dependencies: readonly DependencyState[],
): GoMap {
  const meta = chart.metadata;
  const m = new GoMap();
  m.set('Name', name);
  m.set('Home', meta.home);
  m.set('Sources', strings(meta.sources));
  m.set('Version', meta.version);
  m.set('Description', meta.description);
  m.set('Keywords', strings(meta.keywords));
  m.set(
    'Maintainers',
    new GoList(
      meta.maintainers.map((mt) => {
        const e = new GoMap();
        e.set('Name', mt.name);
        e.set('Email', mt.email);
        e.set('URL', mt.url);
        return e;
      }),
    ),
  );
  m.set('Icon', meta.icon);
  m.set('APIVersion', meta.apiVersion);
  m.set('Condition', meta.condition);
  m.set('Tags', meta.tags);
  m.set('AppVersion', meta.appVersion);
  m.set('Deprecated', meta.deprecated);
  // Without `annotations:` Helm holds a nil map: it reads as empty, but toJson writes null.
  let annotations = GoMap.nil('map[string]string');
  if (meta.annotations) {
    annotations = new GoMap(new Map(), 'map[string]string');
    for (const [k, v] of Object.entries(meta.annotations)) annotations.set(k, v);
  }
  m.set('Annotations', annotations);
  m.set('KubeVersion', meta.kubeVersion);
  m.set('Dependencies', new GoList(dependencies.map((d) => dependencyMap(meta, d))));
  m.set('Type', meta.type);
  m.set('IsRoot', isRoot);
  return m;
}
