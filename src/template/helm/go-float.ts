/**
 * Go's float64 text forms as the serialisers use them (helm-render-spec.md §2.3). Each serialiser formats floats
 * differently, so each form has its own function; all share the shortest round-trip digits that Go's strconv
 * computes (`FormatFloat(f, fmt, -1, 64)`), which JavaScript's `toExponential()` also yields.
 */

/** The shortest digits `d1…dn` and decimal exponent `e` (value = 0.d1…dn × 10^e) of a finite, non-zero |x|. */
interface ShortestDigits {
  digits: string;
  /** Position of the decimal point relative to the digits (Go's `decimal.dp`). */
  point: number;
}

function shortestDigits(abs: number): ShortestDigits {
  // toExponential() without an argument gives as many digits as needed to round-trip, like Go's shortest mode.
  const text = abs.toExponential();
  const eAt = text.indexOf('e');
  const digits = text.slice(0, eAt).replace('.', '');
  return { digits, point: Number(text.slice(eAt + 1)) + 1 };
}

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return undefined;
}

function sign(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** Exponent form `d[.ddd]e±XX` with at least two exponent digits, as strconv's 'e' format writes it. */
function exponentForm(d: ShortestDigits): string {
  const mantissa = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  const exp = d.point - 1;
  const expDigits = String(Math.abs(exp)).padStart(2, '0');
  return `${mantissa}e${exp < 0 ? '-' : '+'}${expDigits}`;
}

/** Plain decimal form with exactly the shortest digits, as strconv's 'f' format with precision -1 writes it. */
function decimalForm(d: ShortestDigits): string {
  if (d.point <= 0) return `0.${'0'.repeat(-d.point)}${d.digits}`;
  if (d.point >= d.digits.length) return d.digits + '0'.repeat(d.point - d.digits.length);
  return `${d.digits.slice(0, d.point)}.${d.digits.slice(d.point)}`;
}

/**
 * `strconv.FormatFloat(x, 'g', -1, 64)`, which is also fmt's `%v` for float64: exponent form when the decimal
 * exponent is below -4 or at least 6 (`1e+06`, `1e-05`), else plain (`123456.7`, `0.0001`).
 */
export function formatFloatG(x: number): string {
  const special = nonFinite(x);
  if (special !== undefined) return special;
  if (x === 0) return sign(x) + '0';
  const d = shortestDigits(Math.abs(x));
  const exp = d.point - 1;
  return sign(x) + (exp < -4 || exp >= 6 ? exponentForm(d) : decimalForm(d));
}

/** `strconv.FormatFloat(x, 'f', -1, 64)`: always plain decimal, shortest digits (`1e21` → 22 digits). */
export function formatFloatF(x: number): string {
  const special = nonFinite(x);
  if (special !== undefined) return special;
  if (x === 0) return sign(x) + '0';
  return sign(x) + decimalForm(shortestDigits(Math.abs(x)));
}

/**
 * Go encoding/json's float64 text (finite values only): plain decimal unless |x| < 1e-6 or |x| ≥ 1e21, then
 * exponent form where a negative exponent drops its leading zero (`1e-7`) and a positive one keeps two digits.
 */
export function formatFloatJson(x: number): string {
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const text = sign(x) + exponentForm(shortestDigits(abs));
    return text.replace(/e-0(\d)$/, 'e-$1');
  }
  return formatFloatF(x);
}
