/**
 * Sprig's date functions (helm-render-spec.md §11.13) over the Go time model in `go-time.ts`.
 *
 * "Now" is the render's clock ({@link CallContext.now}), fixed per render for determinism (DESIGN.md §6). The
 * type rules are sprig's and are part of the behaviour charts depend on: `date` honours only `time.Time` and
 * `int`/`int32`/`int64` Unix seconds, anything else (a YAML float64, a string) silently means *now*; `duration`
 * honours only strings and `int64`.
 */
import { GoFuncError, GoInt, type CallContext, type GoFuncSpec } from '../../values/model.js';
import {
  GoTime,
  LOCAL,
  UTC,
  formatDuration,
  loadLocation,
  parseDuration,
  parseTime,
  roundDuration,
  timeError,
} from './go-time.js';

/**
 * `time.Now()`: the render's clock, in Local. Go's reading also carries a monotonic clock reading, printed as
 * ` m=+…`; the process uptime it measures has no hermetic value, so it is always zero here.
 */
const nowTime = (ctx: CallContext): GoTime => GoTime.fromDate(ctx.now(), LOCAL, 0n);

/** Unix seconds in Local, as `time.Unix(n, 0)`. */
const fromUnix = (seconds: bigint): GoTime => new GoTime(Number(seconds), 0, LOCAL);

/** sprig's `dateInZone` argument rule: `time.Time`, or `int`/`int32`/`int64` seconds; anything else is now. */
function timeArg(ctx: CallContext, d: unknown): GoTime {
  if (d instanceof GoTime) return d;
  if (d instanceof GoInt && (d.type === 'int' || d.type === 'int32' || d.type === 'int64'))
    return fromUnix(d.value);
  return nowTime(ctx);
}

/** sprig's `dateInZone`: an unknown zone formats in UTC. */
function formatInZone(ctx: CallContext, layout: string, d: unknown, zone: string): string {
  return timeArg(ctx, d)
    .in(loadLocation(zone) ?? UTC)
    .format(layout);
}

const SECOND = 1_000_000_000n;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;
const DAY = 24n * HOUR;

/** sprig's `durationRound` units, coarsest first; a unit applies when the duration is strictly larger. */
const ROUND_UNITS: readonly [bigint, string][] = [
  [365n * DAY, 'y'],
  [30n * DAY, 'mo'],
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
];

/** Go's `strconv.ParseInt(s, 10, 64)` as sprig uses it (errors ignored: syntax → 0, range → the bound). */
function parseInt64(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const n = BigInt(s);
  const max = (1n << 63n) - 1n;
  return n > max ? max : n < -max - 1n ? -max - 1n : n;
}

/** Nanoseconds between a time and now. */
const since = (ctx: CallContext, t: GoTime): bigint => nowTime(ctx).unixNano() - t.unixNano();

const dateInZone: GoFuncSpec = {
  params: ['string', 'interface {}', 'string'],
  result: 'string',
  call: (ctx, layout, d, zone) => formatInZone(ctx, layout as string, d, zone as string),
};

const dateModify: GoFuncSpec = {
  params: ['string', 'time.Time'],
  result: 'time.Time',
  call: (_ctx, spec, t) => {
    const d = parseDuration(spec as string);
    return d instanceof Error ? t : (t as GoTime).addNanos(d);
  },
};

const mustDateModify: GoFuncSpec = {
  params: ['string', 'time.Time'],
  result: 'time.Time',
  call: (_ctx, spec, t) => {
    const d = parseDuration(spec as string);
    if (d instanceof Error) throw new GoFuncError(d.message);
    return (t as GoTime).addNanos(d);
  },
};

/** Sprig's date functions. */
export const dateFuncs: Readonly<Record<string, GoFuncSpec>> = {
  now: { params: [], result: 'time.Time', call: (ctx) => nowTime(ctx) },
  date: {
    params: ['string', 'interface {}'],
    result: 'string',
    call: (ctx, layout, d) => formatInZone(ctx, layout as string, d, 'Local'),
  },
  dateInZone,
  date_in_zone: dateInZone,
  htmlDate: {
    params: ['interface {}'],
    result: 'string',
    call: (ctx, d) => formatInZone(ctx, '2006-01-02', d, 'Local'),
  },
  htmlDateInZone: {
    params: ['interface {}', 'string'],
    result: 'string',
    call: (ctx, d, zone) => formatInZone(ctx, '2006-01-02', d, zone as string),
  },
  dateModify,
  date_modify: dateModify,
  mustDateModify,
  must_date_modify: mustDateModify,
  ago: {
    params: ['interface {}'],
    result: 'string',
    call: (ctx, d) => {
      let t: GoTime;
      if (d instanceof GoTime) t = d;
      else if (d instanceof GoInt && (d.type === 'int' || d.type === 'int64')) t = fromUnix(d.value);
      else t = nowTime(ctx);
      return formatDuration(roundDuration(since(ctx, t), SECOND));
    },
  },
  duration: {
    params: ['interface {}'],
    result: 'string',
    call: (_ctx, sec) => {
      let n = 0n;
      if (typeof sec === 'string') n = parseInt64(sec);
      else if (sec instanceof GoInt && sec.type === 'int64') n = sec.value;
      // time.Duration(n) * time.Second wraps around in int64 arithmetic.
      return formatDuration(BigInt.asIntN(64, n * SECOND));
    },
  },
  durationRound: {
    params: ['interface {}'],
    result: 'string',
    call: (ctx, v) => {
      let d = 0n;
      if (typeof v === 'string') {
        const parsed = parseDuration(v);
        d = parsed instanceof Error ? 0n : parsed;
      } else if (v instanceof GoInt && v.type === 'int64') d = v.value;
      else if (v instanceof GoTime) d = since(ctx, v);
      const u = d < 0n ? -d : d;
      for (const [size, unit] of ROUND_UNITS) if (u > size) return `${u / size}${unit}`;
      return '0s';
    },
  },
  toDate: {
    params: ['string', 'string'],
    result: 'time.Time',
    call: (_ctx, layout, s) => {
      try {
        return parseTime(layout as string, s as string, LOCAL);
      } catch {
        return GoTime.zero();
      }
    },
  },
  mustToDate: {
    params: ['string', 'string'],
    result: 'time.Time',
    call: (_ctx, layout, s) => {
      try {
        return parseTime(layout as string, s as string, LOCAL);
      } catch (e) {
        throw timeError(e);
      }
    },
  },
  unixEpoch: {
    params: ['time.Time'],
    result: 'string',
    call: (_ctx, t) => String((t as GoTime).sec),
  },
};
