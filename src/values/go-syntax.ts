/**
 * Small renderings of Go's fmt verbs that Helm's values errors embed (`%#v`, `%t`, `%s`) — only the cases
 * values loading and coalescing can produce. The template engine's full `fmt` lives in src/template.
 */
import { GoInt, GoList, GoMap, type GoValue, goTypeOf } from './model.js';

/** Go's `strconv.Quote` for the characters values text contains (printable text, common escapes). */
export function goQuoteSimple(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/**
 * Go's `%v` of a float64 (`strconv.FormatFloat(x, 'g', -1, bits)` with the `%v` exponent switch), for the
 * float widths Helm's values code formats: 64 for values, 32 for YAML float map keys (sigs.k8s.io/yaml).
 */
export function formatGoFloat(x: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const digits = shortestDigits(x, bits);
  const neg = x < 0 ? '-' : '';
  // digits.mantissa is d1d2…dn, value = 0.d1…dn × 10^exp10 ⇒ scientific exponent exp10 - 1.
  const e = digits.pointPos - 1;
  const m = digits.mantissa;
  if (e < -4 || e >= 6) {
    const frac = m.length > 1 ? '.' + m.slice(1) : '';
    const sign = e < 0 ? '-' : '+';
    const abs = Math.abs(e);
    return `${neg}${m[0]}${frac}e${sign}${abs < 10 ? '0' + abs : abs}`;
  }
  if (digits.pointPos <= 0) return `${neg}0.${'0'.repeat(-digits.pointPos)}${m}`;
  if (digits.pointPos >= m.length) return neg + m + '0'.repeat(digits.pointPos - m.length);
  return `${neg}${m.slice(0, digits.pointPos)}.${m.slice(digits.pointPos)}`;
}

/** Shortest decimal digits that round-trip to `x` at the given width, with the decimal point position. */
function shortestDigits(x: number, bits: 32 | 64): { mantissa: string; pointPos: number } {
  const abs = Math.abs(x);
  let text: string | undefined;
  if (bits === 64) {
    text = abs.toExponential();
  } else {
    const target = Math.fround(abs);
    for (let p = 1; p <= 9; p++) {
      const candidate = abs.toExponential(p - 1);
      if (Math.fround(Number(candidate)) === target) {
        text = candidate;
        break;
      }
    }
    text ??= abs.toExponential(8);
  }
  const [mant = '0', exp = '0'] = text.split('e');
  const mantissa = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { mantissa, pointPos: Number(exp) + 1 };
}

/** Go's `%#v` (with `+`) of a decoded YAML value, as sigs.k8s.io/yaml prints it in key errors. */
export function goSyntax(v: GoValue | bigint): string {
  if (v === null) return '<nil>';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return goQuoteSimple(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatGoFloat(v);
  if (v instanceof GoInt) return v.value.toString();
  if (v instanceof GoList) return `[]interface {}{${v.items.map((i) => goSyntax(i)).join(', ')}}`;
  if (v instanceof GoMap) {
    const parts = v.sortedKeys().map((k) => `${goQuoteSimple(k)}:${goSyntax(v.get(k) ?? null)}`);
    return `map[string]interface {}{${parts.join(', ')}}`;
  }
  return goTypeOf(v);
}

/**
 * Go's `%t` of any value (Helm's `type mismatch on <s>: %t`): bools print, nil prints `%!t(<nil>)` at the top and
 * `<nil>` inside containers, containers apply the verb to their elements, anything else is `%!t(T=v)`.
 */
export function badVerbT(v: GoValue): string {
  if (v === null) return '%!t(<nil>)';
  return verbTInner(v);
}

function verbTInner(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoList) return `[${v.items.map(verbTInner).join(' ')}]`;
  if (v instanceof GoMap)
    return `map[${v
      .sortedKeys()
      .map((k) => `${k}:${verbTInner(v.get(k) ?? null)}`)
      .join(' ')}]`;
  return `%!t(${goTypeOf(v)}=${goPercentV(v)})`;
}

/** Go's `%v` for the plain values Helm's values errors and warnings print. */
export function goPercentV(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatGoFloat(v);
  if (v instanceof GoInt) return v.value.toString();
  if (v instanceof GoList) return `[${v.items.map((i) => goPercentV(i)).join(' ')}]`;
  if (v instanceof GoMap)
    return `map[${v
      .sortedKeys()
      .map((k) => `${k}:${goPercentV(v.get(k) ?? null)}`)
      .join(' ')}]`;
  return goTypeOf(v);
}
