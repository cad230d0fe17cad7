import { fileURLToPath } from 'node:url';
import { splitRuleId } from './conventions.js';

/** The compiled built-in pack, shipped next to `src/` (and `dist/`) in the package. */
export const BUILTIN_BUNDLE_PATH = fileURLToPath(new URL('../../policies/bundle.tar.gz', import.meta.url));

/** Every built-in policy lives in a package under this prefix. */
export const BUILTIN_PACKAGE_PREFIX = 'chartlint.';

/**
 * Builds the filter of built-in rules: packages under `chartlint.` that `disabled` does not name by rule id
 * (`chartlint.privileged_container/deny`), package (`chartlint.privileged_container`) or the package's last
 * segment (`privileged_container`).
 */
export function builtinRuleFilter(disabled: readonly string[]): (pkg: string, rule: string) => boolean {
  const off = new Set(disabled);
  return (pkg, rule) => {
    if (!pkg.startsWith(BUILTIN_PACKAGE_PREFIX)) return false;
    const short = pkg.slice(pkg.lastIndexOf('.') + 1);
    return !off.has(`${pkg}/${rule}`) && !off.has(pkg) && !off.has(short);
  };
}

/** True when `ruleId` belongs to the built-in pack (by its package prefix). */
export function isBuiltinRuleId(ruleId: string): boolean {
  return splitRuleId(ruleId).pkg.startsWith(BUILTIN_PACKAGE_PREFIX);
}
