/**
 * Resolution of plain YAML scalars the way go-yaml v2 does it (the parser behind sigs.k8s.io/yaml, which Helm uses
 * for Chart.yaml and Chart.lock), and the string conversions sigs.k8s.io/yaml applies when the target field is a Go
 * string. The values layer has its own full loader; Chart.yaml only needs these scalar rules.
 */

/** A resolved YAML scalar with its Go type. */
export type GoYamlScalar =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string };

const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
const POS_INF = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const NEG_INF = new Set(['-.inf', '-.Inf', '-.INF']);
const NAN = new Set(['.nan', '.NaN', '.NAN']);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Parses an integer as go-yaml does after removing every `_`: Go's `strconv.ParseInt(s, 0, 64)` (sign, `0x`/`0o`/`0b`
 * prefixes, a leading `0` for octal), then `ParseUint(s, 0, 64)`, which takes no sign. Undefined when both fail.
 */
function parseGoInt(text: string): bigint | undefined {
  const sign = text.startsWith('+') ? '+' : text.startsWith('-') ? '-' : '';
  const body = text.slice(sign.length);
  const match = /^0[xX]([0-9a-fA-F]+)$|^0[oO]([0-7]+)$|^0[bB]([01]+)$|^0([0-7]+)$|^([1-9][0-9]*|0)$/.exec(
    body,
  );
  if (!match) return undefined;
  const [, hex, oct, bin, legacyOct, dec] = match;
  let magnitude: bigint;
  if (hex !== undefined) magnitude = BigInt(`0x${hex}`);
  else if (oct !== undefined) magnitude = BigInt(`0o${oct}`);
  else if (bin !== undefined) magnitude = BigInt(`0b${bin}`);
  else if (legacyOct !== undefined) magnitude = BigInt(`0o${legacyOct}`);
  else magnitude = BigInt(dec ?? '0');
  if (sign === '-') return -magnitude >= INT64_MIN ? -magnitude : undefined;
  if (sign === '+') return magnitude <= INT64_MAX ? magnitude : undefined;
  return magnitude <= UINT64_MAX ? magnitude : undefined;
}

/** Resolves a plain (unquoted, untagged) scalar as go-yaml v2 resolves it into an `interface{}`. */
export function resolvePlainScalar(text: string): GoYamlScalar {
  if (NULL_WORDS.has(text)) return { kind: 'null' };
  if (TRUE_WORDS.has(text)) return { kind: 'bool', value: true };
  if (FALSE_WORDS.has(text)) return { kind: 'bool', value: false };
  if (POS_INF.has(text)) return { kind: 'float', value: Infinity };
  if (NEG_INF.has(text)) return { kind: 'float', value: -Infinity };
  if (NAN.has(text)) return { kind: 'float', value: NaN };
  // go-yaml only tries numbers for scalars that start like one.
  if (!/^[-+.0-9]/.test(text)) return { kind: 'string', value: text };
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int !== undefined) return { kind: 'int', value: int };
  if (YAML_FLOAT.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return { kind: 'float', value };
  }
  return { kind: 'string', value: text };
}

/** The shortest decimal digits and exponent that round-trip `value` as a float32 (value finite, non-zero). */
function shortestFloat32(value: number): { digits: string; exponent: number } {
  const target = Math.fround(value);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Math.abs(target).toExponential(precision - 1);
    if (Math.fround(Number(candidate)) === Math.abs(target)) {
      const [mantissa = '0', exp = '0'] = candidate.split('e');
      return { digits: mantissa.replace('.', '').replace(/0+$/, '') || '0', exponent: Number(exp) };
    }
  }
  const fallback = Math.abs(target).toExponential(8);
  const [mantissa = '0', exp = '0'] = fallback.split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exp) };
}

/**
 * Go's `strconv.FormatFloat(value, 'g', -1, 32)`, which sigs.k8s.io/yaml uses to turn a YAML float into a string
 * field (`appVersion: 1.10` → `"1.1"`, `123456789.0` → `"1.2345679e+08"`): the shortest digits that identify the
 * float32, in exponent form when the decimal exponent is below -4 or at least 6.
 */
export function formatFloat32(value: number): string {
  if (value === 0 || Object.is(value, -0)) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = shortestFloat32(value);
  const decimalPoint = exponent + 1;
  // Go's shortest %g always decides with precision 6.
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    const expDigits = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${expSign}${expDigits}`;
  }
  if (decimalPoint <= 0) return `${sign}0.${'0'.repeat(-decimalPoint)}${digits}`;
  if (decimalPoint >= digits.length) return `${sign}${digits}${'0'.repeat(decimalPoint - digits.length)}`;
  return `${sign}${digits.slice(0, decimalPoint)}.${digits.slice(decimalPoint)}`;
}
