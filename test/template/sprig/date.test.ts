import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createCallContext } from '../../../src/template/render-context.js';
import { dateFuncs } from '../../../src/template/sprig/date.js';
import {
  GoDuration,
  GoNamedNumber,
  GoTime,
  formatDuration,
  parseDuration,
} from '../../../src/template/sprig/go-time.js';
import { GoInt, goInt, type GoFuncSpec, type GoObject } from '../../../src/values/model.js';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/template/sprig/date.golden.json', import.meta.url), 'utf8'),
) as { cases: Record<string, { output?: string; error?: string }> };
const cases = (
  YAML.parse(
    readFileSync(new URL('../../../fixtures/template/sprig/date.cases.yaml', import.meta.url), 'utf8'),
  ) as { cases: { id: string; template: string }[] }
).cases;
/** The `mustToDate LAYOUT VALUE` calls of a case's template. */
const toDateCalls = (id: string): [string, string][] =>
  [
    ...(cases.find((c) => c.id === id)?.template ?? '').matchAll(
      /mustToDate ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")/g,
    ),
  ].map((m) => [JSON.parse(m[1] as string) as string, JSON.parse(m[2] as string) as string]);
const ctx = createCallContext({ seed: 'date' });
const call = (name: string, ...args: unknown[]): unknown => dateFuncs[name]?.call(ctx, ...args);
const output = (id: string): string | undefined => golden.cases[id]?.output;
const errorOf = (id: string): string =>
  (golden.cases[id]?.error ?? '').replace(/^.*?error calling \w+: /s, '');
/** What `{{ x }}` prints for the values these functions return. */
const show = (v: unknown): string => {
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof GoTime || v instanceof GoNamedNumber || v instanceof GoDuration) return v.stringer();
  return String(v);
};
const toDate = (layout: string, s: string): GoTime => call('toDate', layout, s) as GoTime;
const method = (o: GoObject, name: string, ...args: unknown[]): unknown =>
  (o.method(name) as GoFuncSpec).call(ctx, ...args);
const joined = (...vs: unknown[]): string => vs.map(show).join('|');

describe('dateFuncs against helm goldens', () => {
  it('toDate parses in Local and prints as time.Time', () => {
    const t = toDate('2006-01-02', '2024-03-05');
    expect(`${show(t)}|${t.goType}`).toBe(output('toDate-prints-time'));
    expect(joined(toDate('2006-01-02', 'nope'), toDate('x', 'y').isZero())).toBe(
      output('toDate-invalid-is-zero'),
    );
  });
  it('toDate handles zone names, numeric offsets and ISO 8601 Z', () => {
    const got = joined(
      toDate('2006-01-02 MST', '2024-03-05 PST'),
      toDate('2006-01-02 -0700', '2024-03-05 +0530'),
      toDate('2006-01-02T15:04:05Z07:00', '2024-03-05T10:11:12Z'),
      toDate('2006-01-02T15:04:05Z07:00', '2024-03-05T10:11:12-08:00'),
      toDate('2006-01-02 MST', '2024-03-05 UTC'),
      toDate('2006-01-02 MST', '2024-03-05 GMT+3'),
    );
    expect(got).toBe(output('toDate-zones'));
  });
  it('toDate handles fractional seconds, names, padded days and year days', () => {
    expect(
      joined(
        toDate('2006-01-02 15:04:05.000', '2024-03-05 01:02:03.456'),
        toDate('2006-01-02 15:04:05', '2024-03-05 01:02:03.5'),
        toDate('15:04:05.999999999', '01:02:03.123456789'),
      ),
    ).toBe(output('toDate-fractions'));
    expect(
      joined(
        toDate('Mon, 02 Jan 2006 15:04:05 MST', 'Tue, 05 Mar 2024 13:07:09 UTC'),
        toDate('January 2, 2006 3:04pm', 'march 5, 2024 1:07pm'),
        toDate('Jan _2 06', 'Mar  5 24'),
        toDate('2006 002', '2024 065'),
      ),
    ).toBe(output('toDate-words'));
  });
  it('mustToDate agrees with time.Parse on a table of layouts', () => {
    const calls = toDateCalls('mustToDate-table');
    expect(calls.length).toBeGreaterThan(20);
    expect(joined(...calls.map(([l, v]) => call('mustToDate', l, v)))).toBe(output('mustToDate-table'));
    const errors = cases.map((c) => c.id).filter((id) => id.startsWith('mustToDate-error-'));
    expect(errors.length).toBeGreaterThan(10);
    for (const id of errors) {
      const [[layout, value]] = toDateCalls(id) as [[string, string]];
      expect(() => call('mustToDate', layout, value), id).toThrow(errorOf(id));
    }
  });
  it('mustToDate fails with Go parse errors', () => {
    expect(() => call('mustToDate', '2006-01-02', '2024-13-01')).toThrow(errorOf('mustToDate-month-range'));
    expect(() => call('mustToDate', '2006-01-02', '2024-01-01x')).toThrow(errorOf('mustToDate-extra-text'));
    expect(() => call('mustToDate', '2006-01-02', 'x')).toThrow(errorOf('mustToDate-cannot-parse'));
    expect(() => call('mustToDate', '2006-01-02', '2023-02-29')).toThrow(errorOf('mustToDate-day-range'));
    expect(show(call('mustToDate', '2006-01-02', '2024-02-29'))).toBe(output('mustToDate-ok'));
  });
  it('date formats every layout element', () => {
    const t = toDate('2006-01-02 15:04:05.000', '2024-03-05 13:07:09.120');
    const got = joined(
      call('date', 'Mon Jan _2 3:04PM .000 .999 Z07:00 MST', t),
      call('date', 'Monday January 2 2006 15 03 04 05 pm 06 002 __2 -07 -07:00:00 Z0700', t),
      call('date', '2006-01-02T15:04:05Z07:00', t),
      call('date', 'Jananuary Mondays', t),
      call('date', '15:04:05,000', t),
    );
    expect(got).toBe(output('date-layouts'));
  });
  it('date takes int/int64 Unix seconds; a float64 or string means now', () => {
    expect(
      joined(
        call('date', '2006-01-02 15:04:05', goInt(0)),
        call('date', '2006-01-02', goInt(1709596800, 'int64')),
        call('date', '2006-01-02', goInt(86400)),
      ),
    ).toBe(output('date-int-seconds'));
    const today = call('date', '2006-01-02', call('now'));
    expect(call('date', '2006-01-02', 1709596800)).toBe(today);
    expect(call('date', '2006-01-02', '1709596800')).toBe(today);
    expect(output('date-float-means-now')).toBe('true|true');
  });
  it('dateInZone uses IANA zones with tzdata abbreviations; unknown zones are UTC', () => {
    const t = toDate('2006-01-02 15:04', '2024-03-05 13:07');
    const got = joined(
      call('dateInZone', '2006-01-02 15:04 MST -0700', t, 'Europe/Berlin'),
      call('dateInZone', '15:04 MST', t, 'Asia/Kolkata'),
      call('dateInZone', '15:04 MST', t, 'Asia/Dubai'),
      call('dateInZone', '15:04 MST', t, 'Nope/Zone'),
      call('dateInZone', '15:04 MST', t, ''),
      call('dateInZone', '15:04 MST', t, 'Local'),
      call('dateInZone', '15:04 MST', t, 'america/new_york'),
      call('date_in_zone', '15:04 MST', t, 'America/New_York'),
      call('dateInZone', '15:04 MST', t, 'Asia/Tokyo'),
      call('dateInZone', '2006-01-02 15:04 MST', toDate('2006-01-02', '2024-07-01'), 'America/Los_Angeles'),
      call('dateInZone', '15:04 MST', t, 'Australia/Sydney'),
    );
    expect(got).toBe(output('dateInZone'));
    const late = toDate('2006-01-02 15:04', '2024-03-05 23:30');
    expect(joined(call('htmlDate', late), call('htmlDateInZone', late, 'Asia/Tokyo'))).toBe(
      output('htmlDate'),
    );
  });
  it.each(cases.filter((c) => c.id.startsWith('zone-table-')))(
    '$id: offsets, DST and LMT as tzdata',
    ({ id, template }) => {
      const calls = [...template.matchAll(/\(int64 (-?\d+)\) "([^"]+)"/g)];
      expect(calls.length).toBeGreaterThan(5);
      const got = calls.map((m) =>
        call('dateInZone', '2006-01-02T15:04:05 MST -07:00 Mon 002', goInt(Number(m[1]), 'int64'), m[2]),
      );
      expect(got.join('|')).toBe(output(id));
    },
  );
  it('dateModify adds Go durations; invalid leaves the time unchanged; must* fails', () => {
    const t = toDate('2006-01-02', '2024-03-05');
    const got = joined(
      call('dateModify', '-1.5h', t),
      call('dateModify', '90m', t),
      call('date_modify', 'bogus', t),
      call('dateModify', '1h2m3.5s', t),
      call('mustDateModify', '24h', t),
      call('must_date_modify', '-1us', t),
    );
    expect(got).toBe(output('dateModify'));
    expect(() => call('mustDateModify', '3x', t)).toThrow(errorOf('mustDateModify-error'));
    expect(() => call('mustDateModify', '3', t)).toThrow(errorOf('mustDateModify-missing-unit'));
    expect(() => call('mustDateModify', '.h', t)).toThrow(errorOf('mustDateModify-invalid'));
  });
  it('duration honours only strings and int64', () => {
    const got = joined(
      call('duration', '95'),
      call('duration', goInt(95)),
      call('duration', goInt(95, 'int64')),
      call('duration', '0'),
      call('duration', '-3661'),
      call('duration', 'abc'),
      call('duration', goInt(90061, 'int64')),
      call('duration', 1.5),
    );
    expect(got).toBe(output('duration'));
  });
  it('durationRound picks the coarsest unit strictly exceeded', () => {
    const got = joined(
      ...['2160h', '-3s', '1h', '61m', '8761h', '25h', 'bogus'].map((d) => call('durationRound', d)),
      call('durationRound', goInt(1500000000, 'int64')),
      call('durationRound', goInt(5)),
      call('durationRound', '1s'),
      call('durationRound', '721h'),
    );
    expect(got).toBe(output('durationRound'));
  });
  it('now is the render clock, so ago/durationRound of now are 0s', () => {
    const now = call('now') as GoTime;
    expect(joined(call('ago', now), now.goType, call('ago', 'x'), call('durationRound', now))).toBe(
      output('ago-and-now'),
    );
    expect(show(now)).toBe('2024-01-01 00:00:00 +0000 UTC m=+0.000000000');
    expect(show(call('dateModify', '1h', now))).toBe('2024-01-01 01:00:00 +0000 UTC m=+3600.000000000');
    expect(show(method(now, 'UTC'))).toBe('2024-01-01 00:00:00 +0000 UTC');
  });
  it('unixEpoch', () => {
    expect(
      joined(call('unixEpoch', toDate('2006-01-02', '2024-03-05')), call('unixEpoch', toDate('x', 'y'))),
    ).toBe(output('unixEpoch'));
  });
  it('time.Time methods', () => {
    const t = toDate('2006-01-02 15:04:05', '2024-03-05 13:07:09');
    const m = (name: string, ...args: unknown[]): unknown => method(t, name, ...args);
    const got = [
      m('Year'),
      m('Month'),
      (m('Month') as GoObject).goType,
      m('Day'),
      m('Hour'),
      m('Minute'),
      m('Second'),
      m('Nanosecond'),
      m('YearDay'),
      m('Weekday'),
      m('Unix'),
      t.method('Unix')?.result,
      m('UTC'),
      m('Format', 'Jan 2'),
      m('IsZero'),
    ]
      .map(show)
      .join(' ');
    expect(got).toBe(output('time-methods'));
    const a = toDate('2006-01-02', '2024-03-05');
    const b = toDate('2006-01-02', '2024-03-06');
    const cmp = [
      method(a, 'Before', b),
      method(a, 'After', b),
      method(a, 'Equal', a),
      method(b, 'Sub', a),
      method(a, 'AddDate', 0, 1, 30),
    ];
    expect(cmp.map(show).join(' ')).toBe(output('time-compare-methods'));
    expect(call('date', '2006-01-02 Mon 15:04:05', toDate('x', 'y'))).toBe(output('zero-time-format'));
  });
  it('time.Time.Add takes a nanosecond count', () => {
    const t = toDate('2006-01-02', '2024-03-05');
    const later = method(t, 'Add', 1500000000) as GoTime;
    expect(
      joined(method(t, 'Add', 3600000000000), method(t, 'Add', -1), method(later, 'Format', '15:04:05.000')),
    ).toBe(output('time-add-duration-literal'));
  });
});

describe('Go durations', () => {
  const modifyArgs = (id: string): string[] =>
    [...(cases.find((c) => c.id === id)?.template ?? '').matchAll(/mustDateModify ("(?:[^"\\]|\\.)*")/g)].map(
      (m) => JSON.parse(m[1] as string) as string,
    );
  it('parse and print as time.ParseDuration and Duration.String on a table from helm', () => {
    const table = modifyArgs('duration-parse-table');
    expect(table.length).toBeGreaterThan(20);
    expect(table.map((d) => formatDuration(parseDuration(d) as bigint)).join('|')).toBe(
      output('duration-parse-table'),
    );
    for (const id of cases.map((c) => c.id).filter((i) => i.startsWith('duration-parse-error-'))) {
      expect((parseDuration(modifyArgs(id)[0] as string) as Error).message, id).toBe(errorOf(id));
    }
  });
  it('parses and prints like time.ParseDuration and Duration.String', () => {
    const cases: [string, string][] = [
      ['300ms', '300ms'],
      ['-1.5h', '-1h30m0s'],
      ['2h45m', '2h45m0s'],
      ['1.5µs', '1.5µs'],
      ['1us', '1µs'],
      ['100ns', '100ns'],
      ['0', '0s'],
      ['+5s', '5s'],
      ['.5s', '500ms'],
      ['1.0000000001s', '1s'],
    ];
    for (const [input, want] of cases)
      expect(formatDuration(parseDuration(input) as bigint), input).toBe(want);
  });
  it('rejects what Go rejects', () => {
    expect((parseDuration('') as Error).message).toBe('time: invalid duration ""');
    expect((parseDuration('1') as Error).message).toBe('time: missing unit in duration "1"');
    expect((parseDuration('1d') as Error).message).toBe('time: unknown unit "d" in duration "1d"');
    expect((parseDuration('9999999999h') as Error).message).toBe('time: invalid duration "9999999999h"');
  });
});
