/**
 * Sprig's semantic-version functions (helm-render-spec.md §11.14): `semver` and `semverCompare`, on the Masterminds
 * semver rules of values/semver.ts.
 */
import type { GoFuncSpec } from '../../values/model.js';
import { SemverVersion, parseConstraints, satisfies } from '../../values/semver.js';

/** Sprig's semantic-version functions. */
export const semverFuncs: Readonly<Record<string, GoFuncSpec>> = {
  semver: {
    params: ['string'],
    result: '*semver.Version',
    call: (_ctx, v) => SemverVersion.parse(v as string),
  },
  semverCompare: {
    params: ['string', 'string'],
    result: 'bool',
    call: (_ctx, constraint, version) => {
      const groups = parseConstraints(constraint as string);
      return satisfies(groups, SemverVersion.parse(version as string));
    },
  },
};
