/**
 * Sprig's conversions (helm-render-spec.md §11.6): `int`, `int64`, `float64`, `atoi`, `toDecimal`, `toString`.
 * Failed conversions give 0 silently, as in Sprig.
 */
import type { GoFuncSpec, GoValue } from '../../values/model.js';
import { formatValue } from '../fmt.js';
import { atoi, parseInt64, toFloat64, toGoString, toInt64 } from './cast.js';

// Declared apart: as a literal key, `toString` loses its contextual type (it shadows Object.prototype.toString).
const toStringSpec: GoFuncSpec = {
  params: ['interface {}'],
  result: 'string',
  passThrough: 'first',
  call: (_ctx, v) => toGoString(v as GoValue),
};

/** The conversion family. */
export const conversionFuncs: Readonly<Record<string, GoFuncSpec>> = {
  int: {
    params: ['interface {}'],
    result: 'int',
    passThrough: 'first',
    call: (_ctx, v) => toInt64(v as GoValue),
  },
  int64: {
    params: ['interface {}'],
    result: 'int64',
    passThrough: 'first',
    call: (_ctx, v) => toInt64(v as GoValue),
  },
  float64: {
    params: ['interface {}'],
    result: 'float64',
    passThrough: 'first',
    call: (_ctx, v) => toFloat64(v as GoValue),
  },
  // strconv.Atoi's error is dropped but its value kept: out-of-range input gives the clamped int64.
  atoi: {
    params: ['string'],
    result: 'int',
    passThrough: 'first',
    call: (_ctx, s) => atoi(s as string).value,
  },
  // The %v text read as an octal number (Unix file modes): "0777" → 511; anything unparsable → 0.
  toDecimal: {
    params: ['interface {}'],
    result: 'int64',
    call: (_ctx, v) => {
      const r = parseInt64(formatValue((v ?? null) as GoValue), 8);
      return r.error ? 0n : r.value;
    },
  },
  toString: toStringSpec,
};
