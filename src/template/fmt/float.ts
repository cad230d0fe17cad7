/**
 * Go's `strconv.FormatFloat` for float64 (helm-render-spec.md §2.3, §8.9).
 *
 * Digits come from two sources: the shortest round-trip digits (JavaScript's `toExponential()` without an argument
 * yields exactly those, and they agree with Go's Ryu shortest mode), and the exact decimal expansion of the binary
 * value (computed with bigint) for a fixed precision, rounded half-to-even as Go's decimal rounding does. JavaScript's
 * `toFixed`/`toPrecision` are not used because they round ties away from zero and cap the precision.
 */

/** The verbs `strconv.FormatFloat` accepts. */
export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

/** A decimal digit string `0.d1d2…dn × 10^dp` with no leading or trailing zeros (`digits` is empty for zero). */
interface Decimal {
  digits: string;
  dp: number;
}

const MANT_BITS = 52n;

/** Splits a finite float64 into sign, the integer mantissa and the binary exponent of its lowest bit. */
function decompose(x: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const biased = Number((bits >> MANT_BITS) & 0x7ffn);
  let mant = bits & ((1n << MANT_BITS) - 1n);
  let exp: number;
  if (biased === 0) {
    exp = 1 - 1023;
  } else {
    mant |= 1n << MANT_BITS;
    exp = biased - 1023;
  }
  return { neg, mant, exp };
}

/** The shortest digits that round-trip to `x` (finite, sign ignored). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  const [mantissa = '', exponent = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  return { digits, dp: Number(exponent) + 1 };
}

/** The exact decimal expansion of `x` (finite, sign ignored). */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  const { mant, exp } = decompose(x);
  const e = exp - Number(MANT_BITS);
  let text: string;
  let dp: number;
  if (e >= 0) {
    text = (mant << BigInt(e)).toString();
    dp = text.length;
  } else {
    // mant / 2^k = mant * 5^k / 10^k.
    text = (mant * 5n ** BigInt(-e)).toString();
    dp = text.length + e;
  }
  return trim({ digits: text, dp });
}

function trim(d: Decimal): Decimal {
  let digits = d.digits.replace(/0+$/, '');
  let dp = d.dp;
  const lead = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(lead);
  dp -= lead;
  if (digits === '') dp = 0;
  return { digits, dp };
}

/** Rounds to `nd` significant digits, ties to even, as Go's `decimal.Round` does (no-op when `nd` is out of range). */
function round(d: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= d.digits.length) return d;
  const next = d.digits.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === d.digits.length) {
    up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = next >= 5;
  }
  if (!up) return trim({ digits: d.digits.slice(0, nd), dp: d.dp });
  let i = nd - 1;
  while (i >= 0 && d.digits[i] === '9') i--;
  if (i < 0) return { digits: '1', dp: d.dp + 1 };
  const bumped = d.digits.slice(0, i) + String.fromCharCode(d.digits.charCodeAt(i) + 1);
  return trim({ digits: bumped, dp: d.dp });
}

function formatExp(d: Decimal, prec: number, ch: string): string {
  let out = d.digits[0] ?? '0';
  if (prec > 0) {
    out += '.' + d.digits.slice(1, prec + 1).padEnd(prec, '0');
  }
  const exp = d.digits.length === 0 ? 0 : d.dp - 1;
  const abs = Math.abs(exp);
  return `${out}${ch}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function formatFixed(d: Decimal, prec: number): string {
  let out: string;
  if (d.dp > 0) {
    out = d.digits.slice(0, d.dp).padEnd(d.dp, '0');
  } else {
    out = '0';
  }
  if (prec > 0) {
    let frac = '';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      frac += j >= 0 && j < d.digits.length ? d.digits[j] : '0';
    }
    out += '.' + frac;
  }
  return out;
}

/** `%b`: decimal mantissa, `p`, binary exponent (`4503599627370496p-52`). */
function formatBinary(x: number): string {
  const { neg, mant, exp } = decompose(x);
  const e = exp - Number(MANT_BITS);
  return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : ''}${e}`;
}

/** `%x`/`%X`: `-0x1.8p+01`, mantissa rounded to `prec` hex digits (half to even) unless `prec < 0`. */
function formatHex(x: number, prec: number, upper: boolean): string {
  const { neg, mant: m, exp: e } = decompose(x);
  let mant = m;
  let exp = mant === 0n ? 0 : e;
  // Normalise so that the leading 1 sits at bit 60.
  mant <<= 60n - MANT_BITS;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const mask60 = (1n << 60n) - 1n;
    const extra = (mant << shift) & mask60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = `${neg ? '-' : ''}0${upper ? 'X' : 'x'}${(mant >> 60n) & 1n}`;
  const mask64 = (1n << 64n) - 1n;
  mant = (mant << 4n) & mask64;
  const nibble = (): string => hex[Number((mant >> 60n) & 15n)] ?? '0';
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += nibble();
      mant = (mant << 4n) & mask64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += nibble();
      mant = (mant << 4n) & mask64;
    }
  }
  const abs = Math.abs(exp);
  return `${out}${upper ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

/**
 * Go's `strconv.FormatFloat(x, fmt, prec, 64)`: `prec` -1 asks for the shortest representation that round-trips.
 * Infinities print as `+Inf`/`-Inf`, NaN as `NaN`.
 */
export function formatFloat(x: number, fmt: FloatFormat | 'F', prec: number, _bitSize: 64 = 64): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (fmt === 'b') return formatBinary(x);
  if (fmt === 'x' || fmt === 'X') return formatHex(x, prec, fmt === 'X');
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? '-' : '';
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(x);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(d.digits.length - 1, 0);
        break;
      case 'f':
      case 'F':
        prec = Math.max(d.digits.length - d.dp, 0);
        break;
      default:
        prec = d.digits.length;
    }
  } else {
    d = exactDecimal(x);
    switch (fmt) {
      case 'e':
      case 'E':
        d = round(d, prec + 1);
        break;
      case 'f':
      case 'F':
        d = round(d, d.dp + prec);
        break;
      default:
        if (prec === 0) prec = 1;
        d = round(d, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return sign + formatExp(d, prec, fmt);
    case 'f':
    case 'F':
      return sign + formatFixed(d, prec);
  }
  // %g / %G: exponent form when the exponent is < -4 or >= the precision (6 for shortest).
  let eprec = prec;
  if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
  if (shortest) eprec = 6;
  const exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > d.digits.length) prec = d.digits.length;
    return sign + formatExp(d, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > d.dp) prec = d.digits.length;
  return sign + formatFixed(d, Math.max(prec - d.dp, 0));
}
