/**
 * conftest's naming conventions: which rules are evaluated, how severe their results are, and which `exception`
 * names suppress them.
 */

const FAILURE = /^(deny|violation)(_[a-zA-Z0-9]+)*$/;
const WARNING = /^warn(_[a-zA-Z0-9]+)*$/;
const PREFIX = /^(deny|violation|warn)(_|$)/;

/** The kind of a rule name under conftest's conventions, or undefined for helper rules. */
export type RuleKind = 'failure' | 'warning' | 'exception';

/** Classifies a rule name: `deny`/`violation` (+`_suffix`) fail, `warn` (+`_suffix`) warns, `exception` excepts. */
export function ruleKind(name: string): RuleKind | undefined {
  if (FAILURE.test(name)) return 'failure';
  if (WARNING.test(name)) return 'warning';
  if (name === 'exception') return 'exception';
  return undefined;
}

/**
 * The name an `exception` rule uses for a rule: the part after `deny_`, `violation_` or `warn_`, and the empty
 * string for the bare `deny`, `violation` and `warn` (as conftest's engine matches them).
 */
export function exceptionName(rule: string): string {
  return rule.replace(PREFIX, '');
}

/**
 * Flattens the value of an `exception` rule (a set of lists of rule names, `exception[_][_]` in conftest's query)
 * into the names it excepts.
 */
export function exceptedNames(value: unknown): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(value)) return names;
  for (const entry of value) {
    if (!Array.isArray(entry)) continue;
    for (const name of entry) if (typeof name === 'string') names.add(name);
  }
  return names;
}

/** Splits a rule id `<package>/<rule>` into its package and rule name. */
export function splitRuleId(ruleId: string): { pkg: string; rule: string } {
  const slash = ruleId.lastIndexOf('/');
  return { pkg: ruleId.slice(0, slash), rule: ruleId.slice(slash + 1) };
}
