/**
 * Whether go-yaml's encoder must quote a string (helm-render-spec.md §9.1): a string is written plain only when
 * reading the plain text back would give the same string. go-yaml v2 and v3 reach the same answer by different
 * routes (v2 resolves YAML 1.1 booleans itself, v3 adds them with `isOldBool`), so both emitters share this.
 *
 * The checks mirror go-yaml's `resolve`: only text whose first character hints at a non-string (sign, digit,
 * `.`, `~`, or the first letter of a boolean/null word) is examined, numbers are recognised as Go's
 * `strconv.ParseInt(s, 0, 64)`, `ParseUint` and go-yaml's float pattern do, and dates as its timestamp formats.
 * Sexagesimal numbers (`190:20:30`) are quoted for compatibility with YAML 1.1 readers.
 */

/** Words go-yaml maps to booleans, null, NaN/Inf (v3 adds the YAML 1.1 booleans through `isOldBool`). */
const RESOLVED_WORDS = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
]);

/** First characters for which go-yaml's `resolveTable` has a hint; any other text is a string outright. */
const HINTED_FIRST_CHARS = new Set('+-0123456789yYnNtTfFoO~.');

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Digits of `s` in `base` as a bigint, or undefined when a character is not a digit of that base. */
function parseDigits(s: string, base: number): bigint | undefined {
  if (s.length === 0) return undefined;
  let n = 0n;
  for (const ch of s) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
  }
  return n;
}

/** The magnitude of an unsigned Go integer literal as `strconv.ParseInt(s, 0, …)` reads it (base prefixes). */
function parseGoUnsigned(s: string): bigint | undefined {
  const prefix = s.slice(0, 2).toLowerCase();
  if (prefix === '0x') return parseDigits(s.slice(2), 16);
  if (prefix === '0o') return parseDigits(s.slice(2), 8);
  if (prefix === '0b') return parseDigits(s.slice(2), 2);
  if (s.length > 1 && s[0] === '0') return parseDigits(s.slice(1), 8);
  return parseDigits(s, 10);
}

/** True when `strconv.ParseInt(s, 0, 64)` or `strconv.ParseUint(s, 0, 64)` accepts the text. */
export function isGoInteger(s: string): boolean {
  const negative = s.startsWith('-');
  const signed = negative || s.startsWith('+');
  const magnitude = parseGoUnsigned(signed ? s.slice(1) : s);
  if (magnitude === undefined) return false;
  const value = negative ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return true;
  // ParseUint takes no sign at all.
  return !signed && value <= UINT64_MAX;
}

/** go-yaml's float pattern (after `_` were removed), which ParseFloat must then also accept without overflow. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function isFiniteFloatText(s: string): boolean {
  return Number.isFinite(Number(s));
}

/** `strconv.ParseFloat(s, 64)` for text starting with `.`: digits with `_` allowed only between digits. */
function isDotFloat(s: string): boolean {
  if (/(^|[^0-9])_|_($|[^0-9])/.test(s)) return false;
  const plain = s.replaceAll('_', '');
  return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(plain) && isFiniteFloatText(plain);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day <= days;
}

function validTime(h: string, m: string, s: string): boolean {
  return Number(h) < 24 && Number(m) < 60 && Number(s) < 60;
}

/**
 * go-yaml's `parseTimestamp`: Go's `time.Parse` with the layouts `2006-1-2T15:4:5.999999999Z07:00` (also with
 * `t`), `2006-1-2 15:4:5.999999999` and `2006-1-2` (one- or two-digit fields, a `.` or `,` fraction).
 */
export function isYamlTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt](\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?(Z|[+-]\d\d:\d\d))|(?: (\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?))?$/.exec(
      s,
    );
  if (!m) return false;
  if (!validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[4] !== undefined && !validTime(m[4], m[5] ?? '', m[6] ?? '')) return false;
  if (m[7] !== undefined && m[7] !== 'Z') {
    const [hh, mm] = m[7].slice(1).split(':').map(Number);
    if ((hh ?? 0) > 24 || (mm ?? 0) > 60) return false;
  }
  if (m[8] !== undefined && !validTime(m[8], m[9] ?? '', m[10] ?? '')) return false;
  return true;
}

/** go-yaml's `isBase60Float`: YAML 1.1 sexagesimal numbers such as `190:20:30.15`. */
function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/**
 * True when go-yaml would read the plain text `s` as something other than the same string (a bool, null, number,
 * timestamp or sexagesimal number), so the encoder double-quotes it.
 */
export function plainTextResolvesToNonString(s: string): boolean {
  if (isBase60Float(s)) return true;
  if (s !== '' && !HINTED_FIRST_CHARS.has(s[0] ?? '')) return false;
  if (RESOLVED_WORDS.has(s)) return true;
  const first = s[0] ?? '';
  if (first === '.') return isDotFloat(s);
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (isYamlTimestamp(s)) return true;
    const plain = s.replaceAll('_', '');
    if (isGoInteger(plain)) return true;
    return YAML_FLOAT.test(plain) && isFiniteFloatText(plain);
  }
  return false;
}
