/**
 * The slice of shopspring/decimal that Sprig's float math (`addf`, `subf`, `mulf`, `divf`, `add1f`) uses: exact
 * decimal arithmetic on the shortest decimal form of each float64, division rounded half away from zero to 16
 * places, and conversion back to the nearest float64.
 */
import { GoFuncError } from '../../values/model.js';

/** A decimal `coefficient × 10^exponent`. */
export interface Decimal {
  coefficient: bigint;
  exponent: number;
}

/** shopspring's `DivisionPrecision`: digits after the point kept by `Div`. */
const DIVISION_PRECISION = 16;

/** Go's `%v` text of a non-finite float, as in shopspring's panic message. */
const nonFinite = (f: number): string => (Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf');

/**
 * `decimal.NewFromFloat`: the shortest decimal that rounds back to `f` (JavaScript's number-to-string produces
 * exactly those digits). NaN and ±Inf panic as in Go.
 */
export function fromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new GoFuncError(`Cannot create a Decimal from ${nonFinite(f)}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(f.toExponential());
  if (!m) throw new Error(`unexpected float text ${f}`);
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const coefficient = BigInt(`${sign}${int}${frac}`);
  return { coefficient, exponent: Number(exp) - frac.length };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const e = Math.min(a.exponent, b.exponent);
  return [a.coefficient * pow10(a.exponent - e), b.coefficient * pow10(b.exponent - e), e];
}

/** `a + b`, exact. */
export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return { coefficient: x + y, exponent: e };
}

/** `a - b`, exact. */
export function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return { coefficient: x - y, exponent: e };
}

/** `a × b`, exact. */
export function mul(a: Decimal, b: Decimal): Decimal {
  return { coefficient: a.coefficient * b.coefficient, exponent: a.exponent + b.exponent };
}

/** `a ÷ b` rounded half away from zero to 16 decimal places (`Decimal.Div`); panics on a zero divisor. */
export function div(a: Decimal, b: Decimal): Decimal {
  if (b.coefficient === 0n) throw new GoFuncError('decimal division by 0');
  // q = a / b × 10^16 as an integer quotient of num / den.
  const shift = a.exponent - b.exponent + DIVISION_PRECISION;
  const num = shift >= 0 ? a.coefficient * pow10(shift) : a.coefficient;
  const den = shift >= 0 ? b.coefficient : b.coefficient * pow10(-shift);
  let q = num / den;
  const r = num % den;
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(den)) q += num < 0n !== den < 0n ? -1n : 1n;
  return { coefficient: q, exponent: -DIVISION_PRECISION };
}

/** The nearest float64 (`Decimal.Float64`). */
export function toFloat(d: Decimal): number {
  return Number(`${d.coefficient}e${d.exponent}`);
}
