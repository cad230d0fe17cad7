/**
 * unpinned-dependency (chart scope): Chart.yaml dependencies that can resolve differently from one build to the
 * next, and Chart.lock / charts/ drift that `helm dependency build` would reject (checks-facts.md §5.4). Duplicate
 * names and aliases never reach the rule: the chart loader rejects them as Helm does.
 */
import type { Chart, Dependency, LockedDependency } from '../chart/types.js';
import { SemverVersion, parseConstraints, satisfies } from '../values/semver.js';
import { lockDigest } from './dependencies/lock-digest.js';
import { defineRule, reportMessage, type MessageData } from './define.js';
import { fileTarget } from './file-span.js';
import type { RuleContext } from './types.js';

/** Options of unpinned-dependency. */
export interface UnpinnedDependencyOptions {
  /** Report version ranges (the rule's main purpose; off for charts that deliberately float). */
  ranges: boolean;
  /** Dependency names to leave alone. */
  ignore: string[];
}

const messages = {
  range:
    'Dependency "{name}" has the version range "{version}", so a build can pick another chart version; pin one exact version.',
  'missing-version': 'Dependency "{name}" has no version; pin one exact version.',
  'invalid-version':
    'Dependency "{name}" has the version "{version}", which is neither a version nor a constraint.',
  'no-lock':
    'Chart.yaml has remote dependencies but there is no Chart.lock; run helm dependency update and commit the lock.',
  'digest-mismatch':
    'Chart.lock is out of sync with the dependencies in Chart.yaml (its digest differs from the one Helm computes), so helm dependency build fails; run helm dependency update.',
  'digest-unverifiable':
    'The Chart.lock digest cannot be verified: dependency "{name}" names the repository alias "{repository}", which resolves through the local repositories.yaml.',
  'missing-lock-entry': 'Dependency "{name}" is not pinned in Chart.lock; run helm dependency update.',
  'extra-lock-entry':
    'Chart.lock pins "{name}", which Chart.yaml does not declare; run helm dependency update.',
  'lock-unsatisfied':
    'Chart.lock pins "{name}" at {locked}, which does not satisfy the constraint "{version}".',
  'archive-mismatch':
    'charts/ holds {name} {archived} but Chart.lock pins {locked}; run helm dependency build.',
  'http-repository': 'Dependency "{name}" is fetched over plain http from {repository}; use https.',
} as const;

type Ctx = RuleContext<UnpinnedDependencyOptions>;

/** `@name` and `alias:name` repositories are rewritten from the user's repositories.yaml at build time. */
function isAliasRepository(repository: string): boolean {
  return repository.startsWith('@') || repository.startsWith('alias:');
}

function isRemote(repository: string): boolean {
  return repository !== '' && !repository.startsWith('file://');
}

type VersionKind = 'missing' | 'invalid' | 'exact' | 'range';

/** Classifies a constraint by Masterminds' grammar: one `=`/bare constraint with every part given is exact. */
export function versionKind(version: string): VersionKind {
  if (version.trim() === '') return 'missing';
  let groups: ReturnType<typeof parseConstraints>;
  try {
    groups = parseConstraints(version);
  } catch {
    return 'invalid';
  }
  const only = groups.length === 1 && groups[0]?.length === 1 ? groups[0][0] : undefined;
  return only && (only.op === '' || only.op === '=') && !only.dirty ? 'exact' : 'range';
}

function satisfiesConstraint(constraint: string, version: string): boolean | undefined {
  try {
    return satisfies(parseConstraints(constraint), SemverVersion.parse(version));
  } catch {
    return undefined;
  }
}

function checkDeclarations(ctx: Ctx, chart: Chart, deps: readonly Dependency[]): void {
  const yaml = chart.requirementsYaml ?? chart.chartYaml;
  const at = (index: number, field?: string) =>
    fileTarget(yaml.locate(field ? ['dependencies', index, field] : ['dependencies', index]));
  deps.forEach((dep, i) => {
    const data: MessageData = { name: dep.name, version: dep.version, repository: dep.repository };
    if (ctx.options.ignore.includes(dep.name)) return;
    const kind = versionKind(dep.version);
    const disc = { discriminator: `${dep.name}:${kind}` };
    if (kind === 'missing')
      reportMessage(ctx, rule, 'missing-version', data, { ...at(i), ...disc, severity: 'error' });
    else if (kind === 'invalid')
      reportMessage(ctx, rule, 'invalid-version', data, { ...at(i, 'version'), ...disc, severity: 'error' });
    else if (kind === 'range' && ctx.options.ranges)
      reportMessage(ctx, rule, 'range', data, { ...at(i, 'version'), ...disc });
    if (dep.repository.startsWith('http://')) {
      reportMessage(ctx, rule, 'http-repository', data, {
        ...at(i, 'repository'),
        discriminator: `${dep.name}:http`,
      });
    }
  });
}

/** Pairs Chart.yaml dependencies with lock entries by chart name, in order (aliased copies share a name). */
function pairLockEntries(
  deps: readonly Dependency[],
  locked: readonly LockedDependency[],
): (number | undefined)[] {
  const used = new Set<number>();
  return deps.map((dep) => {
    const index = locked.findIndex((l, i) => !used.has(i) && l.name === dep.name);
    if (index < 0) return undefined;
    used.add(index);
    return index;
  });
}

function checkLock(ctx: Ctx, chart: Chart, deps: readonly Dependency[]): void {
  const lock = chart.lock;
  if (!lock) {
    if (deps.some((d) => isRemote(d.repository))) {
      reportMessage(
        ctx,
        rule,
        'no-lock',
        {},
        { ...fileTarget(chart.chartYaml.locate(['dependencies'], 'key')), severity: 'warning' },
      );
    }
    return;
  }
  const locked = lock.parsed.dependencies;
  const yaml = chart.requirementsYaml ?? chart.chartYaml;
  const lockAt = (path: (string | number)[]) => fileTarget(lock.file.locate(path));
  if (lockDigest(chart, locked) !== lock.parsed.digest) {
    const alias = deps.find((d) => isAliasRepository(d.repository));
    if (alias) {
      reportMessage(
        ctx,
        rule,
        'digest-unverifiable',
        { name: alias.name, repository: alias.repository },
        { ...lockAt(['digest']), severity: 'note' },
      );
    } else {
      reportMessage(ctx, rule, 'digest-mismatch', {}, { ...lockAt(['digest']), severity: 'error' });
    }
  }
  const pairs = pairLockEntries(deps, locked);
  deps.forEach((dep, i) => {
    const index = pairs[i];
    const data = { name: dep.name, version: dep.version };
    if (index === undefined) {
      reportMessage(ctx, rule, 'missing-lock-entry', data, {
        ...fileTarget(yaml.locate(['dependencies', i, 'name'])),
        severity: 'error',
      });
      return;
    }
    const entry = locked[index] as LockedDependency;
    // With an empty repository the lock records the constraint verbatim, so there is nothing to check.
    if (dep.repository !== '' && versionKind(dep.version) !== 'invalid' && dep.version !== '') {
      if (satisfiesConstraint(dep.version, entry.version) === false) {
        reportMessage(
          ctx,
          rule,
          'lock-unsatisfied',
          { ...data, locked: entry.version },
          {
            ...lockAt(['dependencies', index, 'version']),
            severity: 'error',
            discriminator: `${dep.name}:unsatisfied`,
          },
        );
      }
    }
    const archived = chart.subcharts.find((s) => s.archivePath !== undefined && s.metadata.name === dep.name);
    if (archived && archived.metadata.version !== entry.version) {
      reportMessage(
        ctx,
        rule,
        'archive-mismatch',
        { name: dep.name, archived: archived.metadata.version, locked: entry.version },
        {
          ...lockAt(['dependencies', index, 'version']),
          severity: 'warning',
          discriminator: `${dep.name}:archive`,
        },
      );
    }
  });
  const paired = new Set(pairs.filter((p): p is number => p !== undefined));
  locked.forEach((entry, index) => {
    if (!paired.has(index)) {
      reportMessage(
        ctx,
        rule,
        'extra-lock-entry',
        { name: entry.name },
        { ...lockAt(['dependencies', index, 'name']), severity: 'error' },
      );
    }
  });
}

/** The chart and its subcharts that live in directories (archived ones have no file to point at). */
function chartsToCheck(chart: Chart): Chart[] {
  return [chart, ...chart.subcharts.filter((s) => s.archivePath === undefined).flatMap(chartsToCheck)];
}

/** The rule. */
export const rule = defineRule<UnpinnedDependencyOptions>({
  id: 'unpinned-dependency',
  scope: 'chart',
  messages,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ranges: {
        type: 'boolean',
        description: 'Report version ranges (turn off for charts that float their dependencies on purpose).',
      },
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Dependency names to leave alone.',
      },
    },
  },
  defaultOptions: { ranges: true, ignore: [] },
  check(ctx) {
    for (const chart of chartsToCheck(ctx.chart)) {
      const deps = chart.metadata.dependencies;
      if (deps.length === 0 && !chart.lock) continue;
      checkDeclarations(ctx, chart, deps);
      checkLock(ctx, chart, deps);
    }
  },
});
