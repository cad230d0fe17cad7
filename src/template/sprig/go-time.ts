/**
 * Go's `time` package as templates observe it: `time.Time` values (printing, layouts, methods), locations,
 * `time.ParseDuration` and `Duration.String`. Used by the sprig date functions (helm-render-spec.md §11.13).
 *
 * Instants are Unix seconds plus nanoseconds; calendar fields are computed with proleptic Gregorian arithmetic so
 * that Go's zero time (year 1) and far dates work without JavaScript `Date` quirks. IANA zones come from `Intl`.
 * "Local" is UTC under the name `Local`: Helm's behaviour on a UTC host, and the only hermetic choice.
 */
import { GoFuncError, GoObject, type GoFuncSpec, type GoValue } from '../../values/model.js';
import { ZONE_ABBREVIATIONS } from './go-time-zones.js';

/** A zone's offset (seconds east of UTC) and abbreviation at some instant. */
export interface ZoneInfo {
  offset: number;
  abbrev: string;
}

/** A Go `*time.Location`. */
export class GoLocation {
  constructor(
    /** The name `Location.String()` prints (`UTC`, `Local`, `Europe/Berlin`, or a fixed zone's name). */
    readonly name: string,
    private readonly lookup: (unixSec: number) => ZoneInfo,
  ) {}
  /** Offset and abbreviation in effect at `unixSec`. */
  zoneAt(unixSec: number): ZoneInfo {
    return this.lookup(unixSec);
  }
}

/** Go's `time.UTC`. */
export const UTC = new GoLocation('UTC', () => ({ offset: 0, abbrev: 'UTC' }));
/** Go's `time.Local` on a UTC host (DESIGN.md §6: renders never depend on the machine's zone). */
export const LOCAL = new GoLocation('Local', () => ({ offset: 0, abbrev: 'UTC' }));

/** Go's `time.FixedZone`. */
export function fixedZone(name: string, offset: number): GoLocation {
  return new GoLocation(name, () => ({ offset, abbrev: name }));
}

function offsetString(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = String(Math.floor(abs / 3600)).padStart(2, '0');
  const m = Math.floor((abs % 3600) / 60);
  return sign + h + (m ? String(m).padStart(2, '0') : '');
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** A cached formatter that reports the wall clock of `zone` field by field. */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of an IANA zone at an instant, from the wall clock ICU reports there. */
function ianaOffset(zone: string, unixSec: number): number {
  // Intl works on milliseconds within ±8.64e15; clamp far instants to the edge (the rules are constant there).
  const ms = Math.max(-8.64e15, Math.min(8.64e15, unixSec * 1000));
  const parts = formatter(zone).formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const year = era === 'BC' ? 1 - get('year') : get('year');
  const wall =
    daysFromCivil(year, get('month'), get('day')) * 86400 +
    get('hour') * 3600 +
    get('minute') * 60 +
    get('second');
  return wall - Math.floor(ms / 1000);
}

/** Go's abbreviation for an IANA zone at an instant: tzdata's name, or the numeric offset when it has none. */
function ianaAbbrev(name: string, canonical: string, unixSec: number, offset: number): string {
  // Intl folds the GMT aliases into UTC; tzdata keeps both names.
  if (canonical === 'UTC') return /GMT|Greenwich/.test(name) ? 'GMT' : 'UTC';
  // Local mean time, before a zone adopted standard time, is the only period with a seconds-precise offset.
  if (offset % 60 !== 0) return 'LMT';
  const names = ZONE_ABBREVIATIONS[canonical]?.split(' ');
  if (!names) return offsetString(offset);
  const [standard, daylight] = names as [string, string?];
  if (daylight === undefined) return standard;
  // Daylight time is the larger of the year's two offsets.
  const year = civilFromDays(Math.floor(unixSec / 86400)).year;
  const jan = ianaOffset(canonical, daysFromCivil(year, 1, 1) * 86400);
  const jul = ianaOffset(canonical, daysFromCivil(year, 7, 1) * 86400);
  return jan !== jul && offset === Math.max(jan, jul) ? daylight : standard;
}

/**
 * Go's `time.LoadLocation`: `""`/`UTC` → UTC, `Local` → Local, otherwise an IANA name (case-sensitive, as Go reads
 * it from the zoneinfo database). Returns `undefined` for an unknown zone.
 */
export function loadLocation(name: string): GoLocation | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return LOCAL;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  // Intl matches names case-insensitively; the zoneinfo files Go opens do not.
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return undefined;
  return new GoLocation(name, (sec) => {
    const offset = ianaOffset(resolved, sec);
    return { offset, abbrev: ianaAbbrev(name, resolved, sec, offset) };
  });
}

// ---- calendar arithmetic (days since 1970-01-01, proleptic Gregorian) ----

/** Days since the Unix epoch of a civil date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** Days in a month of a year. */
const daysIn = (m: number, y: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Calendar fields of an instant in a zone. */
export interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nsec: number;
  weekday: number;
  yday: number;
  offset: number;
  abbrev: string;
}

/** A Go `time.Month` or `time.Weekday`: an integer that prints as its English name. */
export class GoNamedNumber extends GoObject {
  constructor(
    readonly goType: string,
    readonly value: number,
    private readonly label: string,
  ) {
    super();
  }
  override stringer(): string {
    return this.label;
  }
  formatV(): string {
    return this.label;
  }
}

/**
 * A Go `time.Time`: an instant (Unix seconds + nanoseconds) in a location, with `time.Now`'s monotonic clock
 * reading when it has one (Go prints it as ` m=+0.000000000`; `Add` keeps it, `In`/`UTC`/`Local`/`AddDate` drop it).
 */
export class GoTime extends GoObject {
  readonly goType = 'time.Time';
  constructor(
    readonly sec: number,
    readonly nsec: number,
    readonly loc: GoLocation,
    /** Monotonic clock reading in nanoseconds, for times that came from `now`. */
    readonly mono?: bigint,
  ) {
    super();
  }

  /** An instant from a JavaScript Date (millisecond precision). */
  static fromDate(d: Date, loc: GoLocation = LOCAL, mono?: bigint): GoTime {
    const ms = d.getTime();
    const sec = Math.floor(ms / 1000);
    return new GoTime(sec, (ms - sec * 1000) * 1e6, loc, mono);
  }

  /** Go's `time.Date` for a valid civil date and time in a location with a fixed offset. */
  static civil(
    civil: { year: number; month: number; day: number; hour: number; minute: number; second: number },
    nsec: number,
    loc: GoLocation,
  ): GoTime {
    const local =
      daysFromCivil(civil.year, civil.month, civil.day) * 86400 +
      civil.hour * 3600 +
      civil.minute * 60 +
      civil.second;
    return new GoTime(local - loc.zoneAt(local).offset, nsec, loc);
  }

  /** Go's zero `time.Time`: January 1, year 1, 00:00:00 UTC. */
  static zero(): GoTime {
    return new GoTime(daysFromCivil(1, 1, 1) * 86400, 0, UTC);
  }

  /** The same instant in another location. */
  in(loc: GoLocation): GoTime {
    return new GoTime(this.sec, this.nsec, loc);
  }

  /** This instant plus `ns` nanoseconds. */
  addNanos(ns: bigint): GoTime {
    const total = BigInt(this.sec) * 1_000_000_000n + BigInt(this.nsec) + ns;
    let sec = total / 1_000_000_000n;
    let nsec = total % 1_000_000_000n;
    if (nsec < 0n) {
      nsec += 1_000_000_000n;
      sec -= 1n;
    }
    return new GoTime(
      Number(sec),
      Number(nsec),
      this.loc,
      this.mono === undefined ? undefined : this.mono + ns,
    );
  }

  /** Nanoseconds since the Unix epoch. */
  unixNano(): bigint {
    return BigInt(this.sec) * 1_000_000_000n + BigInt(this.nsec);
  }

  isZero(): boolean {
    return this.sec === daysFromCivil(1, 1, 1) * 86400 && this.nsec === 0;
  }

  civil(): CivilTime {
    const { offset, abbrev } = this.loc.zoneAt(this.sec);
    const local = this.sec + offset;
    const days = Math.floor(local / 86400);
    const secOfDay = local - days * 86400;
    const { year, month, day } = civilFromDays(days);
    return {
      year,
      month,
      day,
      hour: Math.floor(secOfDay / 3600),
      minute: Math.floor((secOfDay % 3600) / 60),
      second: secOfDay % 60,
      nsec: this.nsec,
      weekday: (((days + 4) % 7) + 7) % 7,
      yday: days - daysFromCivil(year, 1, 1) + 1,
      offset,
      abbrev,
    };
  }

  format(layout: string): string {
    return formatTime(this, layout);
  }

  override stringer(): string {
    const text = this.format('2006-01-02 15:04:05.999999999 -0700 MST');
    if (this.mono === undefined) return text;
    const sign = this.mono < 0n ? '-' : '+';
    const m = this.mono < 0n ? -this.mono : this.mono;
    return `${text} m=${sign}${m / 1_000_000_000n}.${(m % 1_000_000_000n).toString().padStart(9, '0')}`;
  }
  formatV(): string {
    return this.stringer();
  }

  /** encoding/json (`MarshalJSON`): RFC 3339 with the nanoseconds that are not zero. */
  toJsonValue(): GoValue {
    return this.format('2006-01-02T15:04:05.999999999Z07:00');
  }

  override method(name: string): GoFuncSpec | undefined {
    return timeMethod(this, name);
  }
}

/** Methods of `time.Time` that templates call (those with one result, or a result and an error). */
function timeMethod(t: GoTime, name: string): GoFuncSpec | undefined {
  const civil = (): CivilTime => t.civil();
  const nullary = (result: string, fn: () => unknown): GoFuncSpec => ({
    params: [],
    result,
    call: () => fn(),
  });
  const other = (fn: (o: GoTime) => unknown, result = 'bool'): GoFuncSpec => ({
    params: ['time.Time'],
    result,
    call: (_ctx, o) => fn(o as GoTime),
  });
  switch (name) {
    case 'String':
      return nullary('string', () => t.stringer());
    case 'Format':
      return { params: ['string'], result: 'string', call: (_ctx, layout) => t.format(layout as string) };
    case 'Unix':
      return nullary('int64', () => BigInt(t.sec));
    case 'UnixMilli':
      return nullary('int64', () => t.unixNano() / 1_000_000n - (t.unixNano() % 1_000_000n < 0n ? 1n : 0n));
    case 'UnixMicro':
      return nullary('int64', () => t.unixNano() / 1_000n - (t.unixNano() % 1_000n < 0n ? 1n : 0n));
    case 'UnixNano':
      return nullary('int64', () => BigInt.asIntN(64, t.unixNano()));
    case 'Year':
      return nullary('int', () => civil().year);
    case 'Month': {
      return nullary('time.Month', () => {
        const m = civil().month;
        return new GoNamedNumber('time.Month', m, LONG_MONTHS[m - 1] as string);
      });
    }
    case 'Day':
      return nullary('int', () => civil().day);
    case 'Hour':
      return nullary('int', () => civil().hour);
    case 'Minute':
      return nullary('int', () => civil().minute);
    case 'Second':
      return nullary('int', () => civil().second);
    case 'Nanosecond':
      return nullary('int', () => t.nsec);
    case 'YearDay':
      return nullary('int', () => civil().yday);
    case 'Weekday': {
      return nullary('time.Weekday', () => {
        const w = civil().weekday;
        return new GoNamedNumber('time.Weekday', w, LONG_DAYS[w] as string);
      });
    }
    case 'UTC':
      return nullary('time.Time', () => t.in(UTC));
    case 'Local':
      return nullary('time.Time', () => t.in(LOCAL));
    case 'IsZero':
      return nullary('bool', () => t.isZero());
    case 'Equal':
      return other((o) => t.unixNano() === o.unixNano());
    case 'Before':
      return other((o) => t.unixNano() < o.unixNano());
    case 'After':
      return other((o) => t.unixNano() > o.unixNano());
    case 'Compare':
      return other((o) => {
        const a = t.unixNano();
        const b = o.unixNano();
        return a < b ? -1 : a > b ? 1 : 0;
      }, 'int');
    case 'Sub':
      return other((o) => new GoDuration(clampDuration(t.unixNano() - o.unixNano())), 'time.Duration');
    case 'Add':
      // time.Duration is an int64 kind; declaring int64 lets literals convert as Go's do (`$t.Add 3600000000000`).
      return {
        params: ['int64'],
        result: 'time.Time',
        call: (_ctx, d) => t.addNanos(d instanceof GoDuration ? d.ns : BigInt(d as number)),
      };
    case 'AddDate':
      return {
        params: ['int', 'int', 'int'],
        result: 'time.Time',
        call: (_ctx, y, m, d) => addDate(t, y as number, m as number, d as number),
      };
    default:
      return undefined;
  }
}

/** Go's `Time.AddDate`: calendar arithmetic in the time's location, with Go's normalisation of overflow. */
function addDate(t: GoTime, years: number, months: number, days: number): GoTime {
  const c = t.civil();
  return dateIn(c.year + years, c.month + months, c.day + days, c.hour, c.minute, c.second, c.nsec, t.loc);
}

/**
 * Go's `time.Date`: fields may overflow (month 13 → January next year); the wall clock is resolved in `loc`
 * the way Go does, using the zone offset in effect just before the computed instant.
 */
function dateIn(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  nsec: number,
  loc: GoLocation,
): GoTime {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const wall = daysFromCivil(y, m, 1) * 86400 + (day - 1) * 86400 + hour * 3600 + minute * 60 + second;
  let unix = wall - loc.zoneAt(wall).offset;
  // Re-check the offset at the candidate instant (daylight-saving transitions).
  const offset2 = loc.zoneAt(unix).offset;
  if (wall - offset2 !== unix) unix = wall - offset2;
  const extraSec = Math.floor(nsec / 1e9);
  return new GoTime(unix + extraSec, nsec - extraSec * 1e9, loc);
}

// ---- layouts ----

type Std =
  | 'longMonth'
  | 'month'
  | 'numMonth'
  | 'zeroMonth'
  | 'longWeekDay'
  | 'weekDay'
  | 'day'
  | 'underDay'
  | 'zeroDay'
  | 'underYearDay'
  | 'zeroYearDay'
  | 'hour'
  | 'hour12'
  | 'zeroHour12'
  | 'minute'
  | 'zeroMinute'
  | 'second'
  | 'zeroSecond'
  | 'longYear'
  | 'year'
  | 'PM'
  | 'pm'
  | 'tz'
  | 'iso8601TZ'
  | 'iso8601SecondsTZ'
  | 'iso8601ShortTZ'
  | 'iso8601ColonTZ'
  | 'iso8601ColonSecondsTZ'
  | 'numTZ'
  | 'numSecondsTz'
  | 'numShortTZ'
  | 'numColonTZ'
  | 'numColonSecondsTZ'
  | 'fracSecond0'
  | 'fracSecond9';

/** One element of a layout: literal text before it, the element, and its layout text. */
interface Chunk {
  prefix: string;
  std: Std | undefined;
  text: string;
  /** Digits of a fractional-second element, and its separator (`.` or `,`). */
  digits?: number;
  sep?: string;
  suffix: string;
}

const ZERO_STD: readonly Std[] = ['zeroMonth', 'zeroDay', 'zeroHour12', 'zeroMinute', 'zeroSecond', 'year'];
const TZ_FORMS: readonly [string, Std][] = [
  ['070000', 'numSecondsTz'],
  ['07:00:00', 'numColonSecondsTZ'],
  ['0700', 'numTZ'],
  ['07:00', 'numColonTZ'],
  ['07', 'numShortTZ'],
];
const ISO_OF: Readonly<Partial<Record<Std, Std>>> = {
  numSecondsTz: 'iso8601SecondsTZ',
  numColonSecondsTZ: 'iso8601ColonSecondsTZ',
  numTZ: 'iso8601TZ',
  numColonTZ: 'iso8601ColonTZ',
  numShortTZ: 'iso8601ShortTZ',
};

const startsLower = (s: string): boolean => /^[a-z]/.test(s);

/** Go's `nextStdChunk`: finds the first layout element in `layout`. */
function nextChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number): Chunk => ({
    prefix: layout.slice(0, i),
    std,
    text: layout.slice(i, i + len),
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    switch (layout[i]) {
      case 'J':
        if (rest.startsWith('January')) return at(i, 'longMonth', 7);
        if (rest.startsWith('Jan') && !startsLower(rest.slice(3))) return at(i, 'month', 3);
        break;
      case 'M':
        if (rest.startsWith('Monday')) return at(i, 'longWeekDay', 6);
        if (rest.startsWith('Mon') && !startsLower(rest.slice(3))) return at(i, 'weekDay', 3);
        if (rest.startsWith('MST')) return at(i, 'tz', 3);
        break;
      case '0': {
        const d = rest[1];
        if (d !== undefined && d >= '1' && d <= '6') return at(i, ZERO_STD[Number(d) - 1] as Std, 2);
        if (rest.startsWith('002')) return at(i, 'zeroYearDay', 3);
        break;
      }
      case '1':
        if (rest[1] === '5') return at(i, 'hour', 2);
        return at(i, 'numMonth', 1);
      case '2':
        if (rest.startsWith('2006')) return at(i, 'longYear', 4);
        return at(i, 'day', 1);
      case '_':
        if (rest[1] === '2') {
          // `_2006` is a literal underscore followed by the long year.
          if (rest.startsWith('_2006'))
            return { ...at(i + 1, 'longYear', 4), prefix: layout.slice(0, i + 1) };
          return at(i, 'underDay', 2);
        }
        if (rest.startsWith('__2')) return at(i, 'underYearDay', 3);
        break;
      case '3':
        return at(i, 'hour12', 1);
      case '4':
        return at(i, 'minute', 1);
      case '5':
        return at(i, 'second', 1);
      case 'P':
        if (rest[1] === 'M') return at(i, 'PM', 2);
        break;
      case 'p':
        if (rest[1] === 'm') return at(i, 'pm', 2);
        break;
      case '-':
      case 'Z':
        for (const [form, std] of TZ_FORMS) {
          if (rest.startsWith(form, 1))
            return at(i, layout[i] === 'Z' ? (ISO_OF[std] as Std) : std, form.length + 1);
        }
        break;
      case '.':
      case ',': {
        const ch = rest[1];
        if (ch === '0' || ch === '9') {
          let j = 1;
          while (rest[j] === ch) j++;
          if (!/^[0-9]/.test(rest.slice(j))) {
            return {
              ...at(i, ch === '0' ? 'fracSecond0' : 'fracSecond9', j),
              digits: j - 1,
              sep: layout[i] as string,
            };
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return { prefix: layout, std: undefined, text: '', suffix: '' };
}

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
};

/** Fractional seconds: `digits` digits, or (`trim`) with trailing zeros removed and nothing at all for zero. */
function fraction(nsec: number, digits: number, sep: string, trim: boolean): string {
  let s = String(nsec).padStart(9, '0').slice(0, digits);
  if (trim) {
    s = s.replace(/0+$/, '');
    if (s === '') return '';
  }
  return sep + s;
}

/** Go's `Time.Format`. */
function formatTime(t: GoTime, layout: string): string {
  const c = t.civil();
  let out = '';
  let rest = layout;
  while (rest !== '') {
    const chunk = nextChunk(rest);
    out += chunk.prefix;
    if (chunk.std === undefined) break;
    rest = chunk.suffix;
    out += formatElement(c, chunk);
  }
  return out;
}

function formatElement(c: CivilTime, chunk: Chunk): string {
  const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  switch (chunk.std) {
    case 'year':
      return pad(Math.abs(c.year) % 100, 2);
    case 'longYear':
      return pad(c.year, 4);
    case 'month':
      return (LONG_MONTHS[c.month - 1] as string).slice(0, 3);
    case 'longMonth':
      return LONG_MONTHS[c.month - 1] as string;
    case 'numMonth':
      return String(c.month);
    case 'zeroMonth':
      return pad(c.month, 2);
    case 'weekDay':
      return (LONG_DAYS[c.weekday] as string).slice(0, 3);
    case 'longWeekDay':
      return LONG_DAYS[c.weekday] as string;
    case 'day':
      return String(c.day);
    case 'underDay':
      return c.day < 10 ? ' ' + c.day : String(c.day);
    case 'zeroDay':
      return pad(c.day, 2);
    case 'underYearDay':
      return String(c.yday).padStart(3, ' ');
    case 'zeroYearDay':
      return pad(c.yday, 3);
    case 'hour':
      return pad(c.hour, 2);
    case 'hour12':
      return String(hour12);
    case 'zeroHour12':
      return pad(hour12, 2);
    case 'minute':
      return String(c.minute);
    case 'zeroMinute':
      return pad(c.minute, 2);
    case 'second':
      return String(c.second);
    case 'zeroSecond':
      return pad(c.second, 2);
    case 'PM':
      return c.hour >= 12 ? 'PM' : 'AM';
    case 'pm':
      return c.hour >= 12 ? 'pm' : 'am';
    case 'tz':
      if (c.abbrev !== '') return c.abbrev;
      return formatOffset(c.offset, false, false, false);
    case 'fracSecond0':
      return fraction(c.nsec, chunk.digits ?? 0, chunk.sep ?? '.', false);
    case 'fracSecond9':
      return fraction(c.nsec, chunk.digits ?? 0, chunk.sep ?? '.', true);
    default: {
      const std = chunk.std as Std;
      if (std.startsWith('iso8601') && c.offset === 0) return 'Z';
      const colon = std.includes('Colon');
      const short = std.endsWith('ShortTZ');
      const seconds = /SecondsT[Zz]$/.test(std);
      return formatOffset(c.offset, colon, short, seconds);
    }
  }
}

function formatOffset(offset: number, colon: boolean, short: boolean, seconds: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const minutes = Math.floor(abs / 60);
  let s = sign + pad(Math.floor(minutes / 60), 2);
  if (!short) s += (colon ? ':' : '') + pad(minutes % 60, 2);
  if (seconds) s += (colon ? ':' : '') + pad(abs % 60, 2);
  return s;
}

// ---- parsing ----

/** Go's `time.quote` for parse error texts: non-ASCII and control bytes as `\xNN`. */
function timeQuote(s: string): string {
  let out = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    if (b >= 0x80 || b < 0x20) out += '\\x' + b.toString(16).padStart(2, '0');
    else {
      const ch = String.fromCharCode(b);
      out += ch === '"' || ch === '\\' ? '\\' + ch : ch;
    }
  }
  return out + '"';
}

/** Error from {@link parseTime}, with Go's `*time.ParseError` text. */
class TimeParseError extends Error {}

/** Go's `skip`: literal layout text must match; a space matches any run of spaces. */
function skip(value: string, prefix: string): string | undefined {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') return undefined;
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) return undefined;
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

/** Leading number of one or two digits (exactly two with `fixed`), as Go's `getnum`. */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!/^[0-9]/.test(s)) return undefined;
  if (!/^[0-9][0-9]/.test(s)) {
    if (fixed) return undefined;
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** Up to three digits (exactly three with `fixed`), as Go's `getnum3`. */
function getnum3(s: string, fixed: boolean): [number, string] | undefined {
  const m = /^[0-9]{1,3}/.exec(s);
  if (!m || (fixed && m[0].length !== 3)) return undefined;
  return [Number(m[0]), s.slice(m[0].length)];
}

/** Case-insensitive prefix match against a list of names, as Go's `lookup`. */
function lookupName(names: readonly string[], value: string): [number, string] | undefined {
  for (let i = 0; i < names.length; i++) {
    const n = names[i] as string;
    if (value.length >= n.length && value.slice(0, n.length).toLowerCase() === n.toLowerCase()) {
      return [i, value.slice(n.length)];
    }
  }
  return undefined;
}

/** Length of a `+hh`/`-hh` offset (hours ≤ 12) at the start of `v`, as Go's `parseSignedOffset`, or 0. */
function signedOffsetLength(v: string): number {
  if (v[0] !== '+' && v[0] !== '-') return 0;
  const digits = /^[0-9]+/.exec(v.slice(1))?.[0];
  if (digits === undefined || Number(digits) > 12) return 0;
  return 1 + digits.length;
}

/** Length of a time zone abbreviation at the start of `value` (Go's `parseTimeZone`), or 0. */
function timeZoneLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + signedOffsetLength(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return signedOffsetLength(value);
  let n = 0;
  while (n < 6 && n < value.length && /[A-Z]/.test(value[n] as string)) n++;
  if (n === 3) return 3;
  if (n === 4) return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
  if (n === 5) return value[4] === 'T' ? 5 : 0;
  return 0;
}

const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));

/**
 * Go's `time.ParseInLocation`, for the layouts charts use with `toDate`. Throws {@link TimeParseError} with Go's
 * message (`parsing time "x" as "2006-01-02": cannot parse "x" as "2006"`).
 */
export function parseTime(layout: string, input: string, local: GoLocation): GoTime {
  const alayout = layout;
  let value = input;
  const fail = (valueElem: string, layoutElem: string): never => {
    throw new TimeParseError(
      `parsing time ${timeQuote(input)} as ${timeQuote(alayout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`,
    );
  };
  const range = (what: string): never => {
    throw new TimeParseError(`parsing time ${timeQuote(input)}: ${what} out of range`);
  };
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let pmSet = false;
  let amSet = false;
  let z: GoLocation | undefined;
  let zoneOffset = -1;
  let zoneName = '';
  let rest = layout;
  for (;;) {
    const chunk = nextChunk(rest);
    const afterPrefix = skip(value, chunk.prefix);
    if (afterPrefix === undefined) fail(value, chunk.prefix);
    value = afterPrefix as string;
    if (chunk.std === undefined) {
      if (value.length !== 0)
        throw new TimeParseError(`parsing time ${timeQuote(input)}: extra text: ${timeQuote(value)}`);
      break;
    }
    rest = chunk.suffix;
    const hold = value;
    const bad = (): never => fail(hold, chunk.text);
    const num = (fixed: boolean): number => {
      const r = getnum(value, fixed) ?? bad();
      value = r[1];
      return r[0];
    };
    switch (chunk.std) {
      case 'year': {
        if (!/^[0-9]{2}/.test(value)) bad();
        const y = Number(value.slice(0, 2));
        value = value.slice(2);
        year = y >= 69 ? y + 1900 : y + 2000;
        break;
      }
      case 'longYear':
        if (!/^[0-9]{4}/.test(value)) bad();
        year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      case 'month':
      case 'longMonth': {
        const r = lookupName(chunk.std === 'month' ? SHORT_MONTHS : LONG_MONTHS, value) ?? bad();
        month = r[0] + 1;
        value = r[1];
        break;
      }
      case 'numMonth':
      case 'zeroMonth':
        month = num(chunk.std === 'zeroMonth');
        if (month <= 0 || month > 12) range('month');
        break;
      case 'weekDay':
      case 'longWeekDay': {
        const r = lookupName(chunk.std === 'weekDay' ? SHORT_DAYS : LONG_DAYS, value) ?? bad();
        value = r[1];
        break;
      }
      case 'day':
      case 'underDay':
      case 'zeroDay':
        if (chunk.std === 'underDay' && value.startsWith(' ')) value = value.slice(1);
        day = num(chunk.std === 'zeroDay');
        break;
      case 'underYearDay':
      case 'zeroYearDay': {
        for (let i = 0; i < 2 && chunk.std === 'underYearDay' && value.startsWith(' '); i++)
          value = value.slice(1);
        const r = getnum3(value, chunk.std === 'zeroYearDay') ?? bad();
        yday = r[0];
        value = r[1];
        break;
      }
      case 'hour':
        hour = num(false);
        if (hour < 0 || hour >= 24) range('hour');
        break;
      case 'hour12':
      case 'zeroHour12':
        hour = num(chunk.std === 'zeroHour12');
        if (hour < 0 || hour > 12) range('hour');
        break;
      case 'minute':
      case 'zeroMinute':
        min = num(chunk.std === 'zeroMinute');
        if (min < 0 || min >= 60) range('minute');
        break;
      case 'second':
      case 'zeroSecond': {
        sec = num(chunk.std === 'zeroSecond');
        if (sec < 0 || sec >= 60) range('second');
        // A fractional second in the value that the layout does not mention is accepted (Go's special case).
        const next = nextChunk(rest);
        const m = /^[.,][0-9]+/.exec(value);
        if (m && !(next.prefix === '' && (next.std === 'fracSecond0' || next.std === 'fracSecond9'))) {
          nsec = Number((m[0].slice(1) + '000000000').slice(0, 9));
          value = value.slice(m[0].length);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        const p = value.slice(0, 2);
        const want = chunk.std === 'PM' ? ['PM', 'AM'] : ['pm', 'am'];
        if (p === want[0]) pmSet = true;
        else if (p === want[1]) amSet = true;
        else bad();
        value = value.slice(2);
        break;
      }
      case 'tz': {
        if (value.startsWith('UTC')) {
          z = UTC;
          value = value.slice(3);
          break;
        }
        const n = timeZoneLength(value);
        if (n === 0) bad();
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case 'fracSecond0': {
        const digits = chunk.digits ?? 0;
        const m = new RegExp(`^[.,][0-9]{${digits}}`).exec(value) ?? bad();
        nsec = Number((m[0].slice(1) + '000000000').slice(0, 9));
        value = value.slice(m[0].length);
        break;
      }
      case 'fracSecond9': {
        const m = /^[.,][0-9]+/.exec(value);
        if (!m) break;
        nsec = Number((m[0].slice(1) + '000000000').slice(0, 9));
        value = value.slice(m[0].length);
        break;
      }
      default: {
        const std = chunk.std;
        if (std.startsWith('iso8601') && value.startsWith('Z')) {
          value = value.slice(1);
          z = UTC;
          break;
        }
        const colon = std.includes('Colon');
        const short = std.endsWith('ShortTZ');
        const seconds = /SecondsT[Zz]$/.test(std);
        const pattern = short
          ? /^([+-])(\d\d)/
          : seconds
            ? colon
              ? /^([+-])(\d\d):(\d\d):(\d\d)/
              : /^([+-])(\d\d)(\d\d)(\d\d)/
            : colon
              ? /^([+-])(\d\d):(\d\d)/
              : /^([+-])(\d\d)(\d\d)/;
        const m = pattern.exec(value) ?? bad();
        const hh = Number(m[2]);
        const mm = Number(m[3] ?? 0);
        const ss = Number(m[4] ?? 0);
        if (hh > 24 || mm > 60 || ss > 60) range('time zone offset');
        zoneOffset = (hh * 3600 + mm * 60 + ss) * (m[1] === '-' ? -1 : 1);
        value = value.slice(m[0].length);
        break;
      }
    }
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    if (yday < 1 || yday > (isLeap(year) ? 366 : 365)) range('day-of-year');
    const date = civilFromDays(daysFromCivil(year, 1, 1) + yday - 1);
    const mismatch = (what: string): never => {
      throw new TimeParseError(`parsing time ${timeQuote(input)}: day-of-year does not match ${what}`);
    };
    if (month >= 0 && month !== date.month) mismatch('month');
    if (day >= 0 && day !== date.day) mismatch('day');
    month = date.month;
    day = date.day;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) range('day');
  if (z) return dateIn(year, month, day, hour, min, sec, nsec, z);
  if (zoneOffset !== -1) {
    const t = dateIn(year, month, day, hour, min, sec, nsec, UTC);
    const atLocal = new GoTime(t.sec - zoneOffset, t.nsec, local);
    const localZone = local.zoneAt(atLocal.sec);
    if (localZone.offset === zoneOffset && (zoneName === '' || localZone.abbrev === zoneName)) return atLocal;
    return new GoTime(t.sec - zoneOffset, t.nsec, fixedZone(zoneName, zoneOffset));
  }
  if (zoneName !== '') {
    const t = dateIn(year, month, day, hour, min, sec, nsec, UTC);
    const localZone = local.zoneAt(t.sec);
    if (localZone.abbrev === zoneName) return new GoTime(t.sec - localZone.offset, t.nsec, local);
    // Go keeps the wall clock as read in UTC and only labels it with the unknown zone.
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = Number(zoneName.slice(3)) * 3600;
    return new GoTime(t.sec, t.nsec, fixedZone(zoneName, offset));
  }
  return dateIn(year, month, day, hour, min, sec, nsec, local);
}

// ---- durations ----

const NS_PER: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

/** Clamps a nanosecond count to Go's Duration range (as `Time.Sub` does). */
function clampDuration(ns: bigint): bigint {
  return ns > MAX_INT64 ? MAX_INT64 : ns < MIN_INT64 ? MIN_INT64 : ns;
}

/** Go's `time.ParseDuration`: nanoseconds, or an Error with Go's text. */
export function parseDuration(input: string): bigint | Error {
  const invalid = (): Error => new Error(`time: invalid duration ${timeQuote(input)}`);
  let s = input;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return invalid();
  let total = 0n;
  while (s !== '') {
    if (!/^[0-9.]/.test(s)) return invalid();
    const intPart = /^[0-9]*/.exec(s)?.[0] ?? '';
    s = s.slice(intPart.length);
    let v = 0n;
    for (const d of intPart) {
      if (v > (1n << 63n) / 10n) return invalid();
      v = v * 10n + BigInt(d);
      if (v > 1n << 63n) return invalid();
    }
    let frac = 0n;
    let scale = 1;
    let post = false;
    if (s.startsWith('.')) {
      s = s.slice(1);
      const fracPart = /^[0-9]*/.exec(s)?.[0] ?? '';
      s = s.slice(fracPart.length);
      post = fracPart.length > 0;
      let overflow = false;
      for (const d of fracPart) {
        if (overflow) continue;
        if (frac > MAX_INT64 / 10n) {
          overflow = true;
          continue;
        }
        frac = frac * 10n + BigInt(d);
        scale *= 10;
      }
    }
    if (intPart.length === 0 && !post) return invalid();
    const unitText = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    if (unitText === '') return new Error(`time: missing unit in duration ${timeQuote(input)}`);
    s = s.slice(unitText.length);
    const unit = NS_PER[unitText];
    if (unit === undefined)
      return new Error(`time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(input)}`);
    if (v > (1n << 63n) / unit) return invalid();
    v *= unit;
    if (frac > 0n) {
      // Go computes the fractional part in float64, so its rounding is reproduced here.
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / scale)));
      if (v > 1n << 63n) return invalid();
    }
    total += v;
    if (total > 1n << 63n) return invalid();
  }
  if (neg) return -total;
  if (total > MAX_INT64) return invalid();
  return total;
}

/** Go's `fmtFrac`: the fraction of `v` at `prec` digits without trailing zeros (and without `.` when zero). */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  let rest = v;
  for (let i = 0; i < prec; i++) {
    const digit = rest % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    rest /= 10n;
  }
  return [print ? '.' + digits : '', rest];
}

/** Go's `Duration.String` (`1h2m3.5s`, `1.5µs`, `0s`). */
export function formatDuration(ns: bigint): string {
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1_000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, whole] = fmtFrac(u, prec);
    out = whole.toString() + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = (u % 60n).toString() + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** A Go `time.Duration` value (what `Time.Sub` returns); prints as {@link formatDuration}. */
export class GoDuration extends GoObject {
  readonly goType = 'time.Duration';
  constructor(readonly ns: bigint) {
    super();
  }
  override stringer(): string {
    return formatDuration(this.ns);
  }
  formatV(): string {
    return this.stringer();
  }
}

/** Go's `Duration.Round`. */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (r + r < m) return d + r;
    const d1 = d - m + r;
    return d1 < d ? d1 : MIN_INT64;
  }
  if (r + r < m) return d - r;
  const d1 = d + m - r;
  return d1 > d && d1 <= MAX_INT64 ? d1 : MAX_INT64;
}

/** Wraps a time-parse failure as the error a `must*` function returns. */
export function timeError(e: unknown): GoFuncError {
  return new GoFuncError(e instanceof Error ? e.message : String(e));
}
