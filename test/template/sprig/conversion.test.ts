import { describe, expect, it } from 'vitest';
import {
  atoi,
  floatToInt64,
  parseFloat64,
  parseInt64,
  toFloat64,
  toInt64,
} from '../../../src/template/sprig/cast.js';
import { conversionFuncs } from '../../../src/template/sprig/conversion.js';
import { GoList, goMap } from '../../../src/values/model.js';
import { callPrinted, int, loadFamily } from './golden-call.js';

const { golden } = loadFamily('conversion');
const call = (name: string, ...args: unknown[]): string => callPrinted(conversionFuncs, name, ...args);

const table: [string, string, ...unknown[]][] = [
  ['int-float', 'int', 3.9],
  ['int-negative-float', 'int', -3.9],
  ['int-values', 'int', 1000000],
  ['int-string', 'int', '42'],
  ['int-string-hex', 'int', '0x1F'],
  ['int-string-octal', 'int', '010'],
  ['int-string-bad-octal', 'int', '08'],
  ['int-string-zero-fraction', 'int', '1.0'],
  ['int-string-fraction', 'int', '1.5'],
  ['int-string-space', 'int', ' 4'],
  ['int-string-binary', 'int', '0b101'],
  ['int-string-octal-o', 'int', '0o17'],
  ['int-string-underscore', 'int', '1_000'],
  ['int-string-bad-underscore', 'int', '1__0'],
  ['int-string-negative', 'int', '-12'],
  ['int-string-plus', 'int', '+12'],
  ['int-string-exp', 'int', '1e3'],
  ['int-string-empty', 'int', ''],
  ['int-string-overflow', 'int', '9223372036854775808'],
  ['int-string-dot-zeros', 'int', '10.00'],
  ['int-string-trailing-dot', 'int', '1.'],
  ['int-bool', 'int', true],
  ['int-nil', 'int', null],
  ['int-list', 'int', new GoList([1, 2, 3])],
  ['int-huge-float', 'int', 1e20],
  ['int-nan', 'int', NaN],
  ['int64-float', 'int64', 3.9],
  ['int64-string', 'int64', '0x10'],
  ['int64-huge', 'int64', 1e20],
  ['int64-negative-huge', 'int64', -1e20],
  ['int64-max-string', 'int64', '9223372036854775807'],
  ['int64-min-string', 'int64', '-9223372036854775808'],
  ['int64-bool-false', 'int64', false],
  ['int64-set', 'int64', int(42, 'int64')],
  ['float64-int', 'float64', int(3)],
  ['float64-string', 'float64', '1.5e3'],
  ['float64-inf', 'float64', 'Inf'],
  ['float64-neg-inf', 'float64', '-inf'],
  ['float64-infinity', 'float64', '+Infinity'],
  ['float64-nan', 'float64', 'NaN'],
  ['float64-bad', 'float64', 'abc'],
  ['float64-underscore', 'float64', '1_000.5'],
  ['float64-hex', 'float64', '0x1p-2'],
  ['float64-hex-no-exp', 'float64', '0x10'],
  ['float64-overflow', 'float64', '1e400'],
  ['float64-big', 'float64', '123456789'],
  ['float64-bool', 'float64', true],
  ['float64-nil', 'float64', null],
  ['float64-space', 'float64', ' 1'],
  ['float64-dot', 'float64', '.5'],
  ['atoi-basic', 'atoi', '42'],
  ['atoi-bad', 'atoi', '42x'],
  ['atoi-plus', 'atoi', '+5'],
  ['atoi-negative', 'atoi', '-5'],
  ['atoi-overflow', 'atoi', '99999999999999999999'],
  ['atoi-negative-overflow', 'atoi', '-99999999999999999999'],
  ['atoi-hex', 'atoi', '0x10'],
  ['atoi-octal-looking', 'atoi', '010'],
  ['atoi-empty', 'atoi', ''],
  ['atoi-underscore', 'atoi', '1_0'],
  ['toDecimal-octal', 'toDecimal', '0777'],
  ['toDecimal-no-prefix', 'toDecimal', '777'],
  ['toDecimal-bad', 'toDecimal', '8'],
  ['toDecimal-int', 'toDecimal', int(777)],
  ['toDecimal-float', 'toDecimal', 644],
  ['toDecimal-nil', 'toDecimal', null],
  ['toDecimal-negative', 'toDecimal', '-17'],
  ['toDecimal-big-float', 'toDecimal', 1000000],
  ['toString-string', 'toString', 'x'],
  ['toString-float', 'toString', 1000000],
  ['toString-float-small', 'toString', 1.5],
  ['toString-int', 'toString', int(42)],
  ['toString-nil', 'toString', null],
  ['toString-list', 'toString', new GoList([1, 2, 3])],
  ['toString-empty-list', 'toString', new GoList([])],
  ['toString-map', 'toString', goMap({ a: 1, b: 'two' })],
  ['toString-bool', 'toString', true],
  ['toString-nested', 'toString', goMap({ a: goMap({ b: goMap({ c: 'deep' }) }) })],
];

describe('conversionFuncs against helm goldens', () => {
  it.each(table)('%s', (id, name, ...args) => {
    expect(call(name, ...args)).toBe(golden(id));
  });
});

describe('cast helpers', () => {
  it('parse integers as strconv does with base 0 and explicit bases', () => {
    expect(parseInt64('0x_1F', 0)).toEqual({ value: 31n });
    expect(parseInt64('_1', 0).error).toBe('syntax');
    expect(parseInt64('777', 8)).toEqual({ value: 511n });
    expect(parseInt64('18446744073709551616', 0)).toEqual({ value: 2n ** 63n - 1n, error: 'range' });
    expect(atoi('1_0').error).toBe('syntax');
  });
  it('parse floats as strconv.ParseFloat does', () => {
    expect(parseFloat64('1e-400')).toBe(0);
    expect(parseFloat64('infin')).toBeUndefined();
    expect(parseFloat64('+nan')).toBeUndefined();
    expect(parseFloat64('0x1.8p1')).toBe(3);
    expect(parseFloat64('1_.5')).toBeUndefined();
    expect(parseFloat64('1.')).toBe(1);
  });
  it('convert floats to int64 as amd64 does', () => {
    expect(floatToInt64(-3.9)).toBe(-3n);
    expect(floatToInt64(2 ** 63)).toBe(-(2n ** 63n));
    expect(floatToInt64(-(2 ** 63))).toBe(-(2n ** 63n));
  });
  it('give 0 for what cast cannot convert', () => {
    expect(toInt64(goMap({}))).toBe(0n);
    expect(toFloat64(new GoList([]))).toBe(0);
    expect(toInt64(int(2n ** 64n - 1n, 'uint64'))).toBe(-1n);
  });
});
