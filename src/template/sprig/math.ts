/**
 * Sprig's integer and float math (helm-render-spec.md §11.4–§11.5).
 *
 * Integer functions cast every argument with cast.ToInt64 (floats are truncated: `add 1 2.9` is 3) and compute
 * in wrapping int64 arithmetic; float functions go through exact decimals (see decimal.ts) or Go's math package.
 */
import { GoFuncError, GoInt, GoList, type GoFuncSpec, type GoValue } from '../../values/model.js';
import { toFloat64, toInt64, wrapInt64 } from './cast.js';
import * as decimal from './decimal.js';

const i64 = (v: unknown): bigint => toInt64(v as GoValue);
const f64 = (v: unknown): number => toFloat64(v as GoValue);
const ANY = 'interface {}';

/** Go's integer division panic. */
const DIVIDE_BY_ZERO = 'runtime error: integer divide by zero';

/** Go's `/` on int64: truncated toward zero; MinInt64 / -1 wraps back to MinInt64. */
function quotient(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new GoFuncError(DIVIDE_BY_ZERO);
  return wrapInt64(a / b);
}

/** Go's `%` on int64: the sign of the dividend. */
function remainder(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new GoFuncError(DIVIDE_BY_ZERO);
  return a % b;
}

/** Sprig's `untilStep`: the ints from start toward stop (exclusive); a step pointing away gives nothing. */
export function untilStep(start: number, stop: number, step: number): number[] {
  const out: number[] = [];
  if (stop < start) {
    if (step >= 0) return out;
    for (let i = start; i > stop; i += step) out.push(i);
    return out;
  }
  if (step <= 0) return out;
  for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

const intList = (ns: number[]): GoList =>
  new GoList(
    ns.map((n) => new GoInt(BigInt(n), 'int')),
    '[]int',
  );

/** Sprig's `seq`: Unix seq with 1 (end), 2 (start end) or 3 (start step end) arguments. */
function seq(params: number[]): string {
  let range: number[];
  switch (params.length) {
    case 1: {
      const end = params[0] ?? 0;
      const inc = end < 1 ? -1 : 1;
      range = untilStep(1, end + inc, inc);
      break;
    }
    case 2: {
      const [start = 0, end = 0] = params;
      const step = end < start ? -1 : 1;
      range = untilStep(start, end + step, step);
      break;
    }
    case 3: {
      const [start = 0, step = 0, end = 0] = params;
      let inc = 1;
      if (end < start) {
        inc = -1;
        if (step > 0) return '';
      }
      range = untilStep(start, end + inc, step);
      break;
    }
    default:
      return '';
  }
  return range.join(' ');
}

/**
 * Sprig's `round`: scale by 10^places, round up when the (signed) fractional part reaches the threshold, scale
 * back. Powers of ten are computed as Go's math.Pow does for integral exponents (exact up to 10^22).
 */
function round(v: number, places: number, threshold: number): number {
  const pow = places >= 0 ? 10 ** places : 1 / 10 ** -places;
  const digit = pow * v;
  const frac = digit - Math.trunc(digit);
  const r = frac >= threshold ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

function decimalOp(
  first: unknown,
  rest: unknown[],
  op: (a: decimal.Decimal, b: decimal.Decimal) => decimal.Decimal,
) {
  let acc = decimal.fromFloat(f64(first));
  for (const x of rest) acc = op(acc, decimal.fromFloat(f64(x)));
  return decimal.toFloat(acc);
}

const maxInt: GoFuncSpec = {
  params: [ANY],
  variadic: ANY,
  result: 'int64',
  call: (_ctx, a, ...rest) => rest.map(i64).reduce((m, x) => (x > m ? x : m), i64(a)),
};

/** The math family. */
export const mathFuncs: Readonly<Record<string, GoFuncSpec>> = {
  add1: { params: [ANY], result: 'int64', call: (_ctx, a) => wrapInt64(i64(a) + 1n) },
  add: {
    params: [],
    variadic: ANY,
    result: 'int64',
    call: (_ctx, ...vs) => vs.reduce<bigint>((s, v) => wrapInt64(s + i64(v)), 0n),
  },
  sub: { params: [ANY, ANY], result: 'int64', call: (_ctx, a, b) => wrapInt64(i64(a) - i64(b)) },
  div: { params: [ANY, ANY], result: 'int64', call: (_ctx, a, b) => quotient(i64(a), i64(b)) },
  mod: { params: [ANY, ANY], result: 'int64', call: (_ctx, a, b) => remainder(i64(a), i64(b)) },
  mul: {
    params: [ANY],
    variadic: ANY,
    result: 'int64',
    call: (_ctx, a, ...vs) => vs.reduce<bigint>((p, v) => wrapInt64(p * i64(v)), i64(a)),
  },
  max: maxInt,
  biggest: maxInt,
  min: {
    params: [ANY],
    variadic: ANY,
    result: 'int64',
    call: (_ctx, a, ...rest) => rest.map(i64).reduce((m, x) => (x < m ? x : m), i64(a)),
  },
  add1f: { params: [ANY], result: 'float64', call: (_ctx, a) => decimalOp(a, [1], decimal.add) },
  addf: {
    params: [],
    variadic: ANY,
    result: 'float64',
    call: (_ctx, ...vs) => decimalOp(0, vs, decimal.add),
  },
  subf: {
    params: [ANY],
    variadic: ANY,
    result: 'float64',
    call: (_ctx, a, ...vs) => decimalOp(a, vs, decimal.sub),
  },
  mulf: {
    params: [ANY],
    variadic: ANY,
    result: 'float64',
    call: (_ctx, a, ...vs) => decimalOp(a, vs, decimal.mul),
  },
  divf: {
    params: [ANY],
    variadic: ANY,
    result: 'float64',
    call: (_ctx, a, ...vs) => decimalOp(a, vs, decimal.div),
  },
  // Go's math.Max/Min: NaN wins, and +0 beats -0 (JavaScript's Math.max/min agree).
  maxf: {
    params: [ANY],
    variadic: ANY,
    result: 'float64',
    call: (_ctx, a, ...vs) => vs.reduce<number>((m, v) => Math.max(m, f64(v)), f64(a)),
  },
  minf: {
    params: [ANY],
    variadic: ANY,
    result: 'float64',
    call: (_ctx, a, ...vs) => vs.reduce<number>((m, v) => Math.min(m, f64(v)), f64(a)),
  },
  floor: { params: [ANY], result: 'float64', call: (_ctx, a) => Math.floor(f64(a)) },
  ceil: { params: [ANY], result: 'float64', call: (_ctx, a) => Math.ceil(f64(a)) },
  round: {
    params: [ANY, 'int'],
    variadic: 'float64',
    result: 'float64',
    call: (_ctx, a, places, ...opt) => round(f64(a), places as number, (opt[0] as number | undefined) ?? 0.5),
  },
  until: {
    params: ['int'],
    result: '[]int',
    call: (_ctx, n) => intList(untilStep(0, n as number, (n as number) < 0 ? -1 : 1)),
  },
  untilStep: {
    params: ['int', 'int', 'int'],
    result: '[]int',
    call: (_ctx, start, stop, step) => intList(untilStep(start as number, stop as number, step as number)),
  },
  seq: { params: [], variadic: 'int', result: 'string', call: (_ctx, ...ps) => seq(ps as number[]) },
};
