/**
 * Sprig's defaults and logic functions (helm-render-spec.md §11.7): `default`, `empty`, `coalesce`, `all`,
 * `any`, `ternary`. (`compact` lives with the lists, `fail` is Helm's, the JSON functions are another family.)
 */
import type { GoFuncSpec, GoValue } from '../../values/model.js';
import { isEmpty } from './truthy.js';

/** The defaults family. */
export const defaultFuncs: Readonly<Record<string, GoFuncSpec>> = {
  // `default D GIVEN`: GIVEN is usually piped, so it is the last argument; only the first given value counts.
  default: {
    params: ['interface {}'],
    variadic: 'interface {}',
    result: 'interface {}',
    passThrough: 'any',
    call: (_ctx, d, ...given) => {
      const g = given[0] as GoValue | undefined;
      return given.length === 0 || isEmpty(g) ? d : g;
    },
  },
  empty: {
    params: ['interface {}'],
    result: 'bool',
    call: (_ctx, v) => isEmpty(v as GoValue),
  },
  coalesce: {
    params: [],
    variadic: 'interface {}',
    result: 'interface {}',
    passThrough: 'any',
    call: (_ctx, ...vs) => (vs as GoValue[]).find((v) => !isEmpty(v)) ?? null,
  },
  all: {
    params: [],
    variadic: 'interface {}',
    result: 'bool',
    call: (_ctx, ...vs) => (vs as GoValue[]).every((v) => !isEmpty(v)),
  },
  any: {
    params: [],
    variadic: 'interface {}',
    result: 'bool',
    call: (_ctx, ...vs) => (vs as GoValue[]).some((v) => !isEmpty(v)),
  },
  ternary: {
    params: ['interface {}', 'interface {}', 'bool'],
    result: 'interface {}',
    passThrough: 'any',
    call: (_ctx, vt, vf, cond) => (cond === true ? vt : vf),
  },
};
