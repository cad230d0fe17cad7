import { describe, expect, it } from 'vitest';
import { fromFloat, div, toFloat } from '../../../src/template/sprig/decimal.js';
import { mathFuncs, untilStep } from '../../../src/template/sprig/math.js';
import { GoInt, GoList } from '../../../src/values/model.js';
import { callPrinted, int, loadFamily } from './golden-call.js';

const { golden } = loadFamily('math');
const call = (name: string, ...args: unknown[]): string => callPrinted(mathFuncs, name, ...args);
const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

// [golden case id, function, arguments as the engine passes them]. Template literals: `1` is an int, `2.9` a
// float64; values: num 3, flt 1.5, neg -2 (float64).
const table: [string, string, ...unknown[]][] = [
  ['add-basic', 'add', int(1), int(2)],
  ['add-floats-truncated', 'add', int(1), 2.9, '3'],
  ['add-none', 'add'],
  ['add-values', 'add', 3, 1.5],
  ['add-negative', 'add', -1.9, int(1)],
  ['add-strings', 'add', '0x10', '010', '1.0'],
  ['add-bad-strings', 'add', '1.5', 'abc', ' 4'],
  ['add-nil', 'add', null, int(1)],
  ['add-bool', 'add', true, true],
  ['add-overflow', 'add', int(MAX), int(1)],
  ['add-big-float', 'add', 1e20],
  ['add1-basic', 'add1', int(1)],
  ['add1-float', 'add1', 1.5],
  ['add1-negative-float', 'add1', -1.5],
  ['add1-string', 'add1', '41'],
  ['add1-nil', 'add1', null],
  ['sub-basic', 'sub', int(5), int(3)],
  ['sub-negative', 'sub', int(3), int(5)],
  ['sub-floats', 'sub', 5.9, 2.9],
  ['sub-string', 'sub', '10', int(1)],
  ['sub-underflow', 'sub', int(MIN), int(1)],
  ['mul-basic', 'mul', int(2), int(3)],
  ['mul-float-truncated', 'mul', int(2), 2.5],
  ['mul-one-arg', 'mul', int(7)],
  ['mul-many', 'mul', int(1), int(2), int(3), int(4)],
  ['mul-overflow', 'mul', int(2n ** 62n), int(2)],
  ['div-basic', 'div', int(7), int(2)],
  ['div-negative', 'div', int(-7), int(2)],
  ['div-floats', 'div', 7.9, 2.9],
  ['div-zero-error', 'div', int(1), int(0)],
  ['div-float-zero-error', 'div', int(1), 0.5],
  ['div-min-by-minus-one', 'div', int(MIN), int(-1)],
  ['mod-basic', 'mod', int(7), int(3)],
  ['mod-negative', 'mod', int(-7), int(3)],
  ['mod-negative-divisor', 'mod', int(7), int(-3)],
  ['mod-zero-error', 'mod', int(7), int(0)],
  ['mod-float', 'mod', 7.5, int(2)],
  ['mod-min-by-minus-one', 'mod', int(MIN), int(-1)],
  ['max-basic', 'max', int(1), int(5), int(3)],
  ['max-floats', 'max', 1.9, 1.2],
  ['max-negative', 'max', int(-5), int(-2), int(-9)],
  ['max-strings', 'max', '3', '10'],
  ['biggest-values', 'biggest', 3, -2],
  ['min-basic', 'min', int(1), int(5), int(3)],
  ['min-negative', 'min', int(-5), int(-2), int(-9)],
  ['min-nil', 'min', null, int(5)],
  ['addf-basic', 'addf', 0.1, 0.2],
  ['addf-none', 'addf'],
  ['addf-ints', 'addf', int(1), int(2)],
  ['addf-strings', 'addf', '1.5', '2.25'],
  ['addf-bad-string', 'addf', 'x', int(1)],
  ['addf-inf-error', 'addf', 'Inf', int(1)],
  ['addf-nan-error', 'addf', 'NaN'],
  ['addf-large', 'addf', 1e20, int(1)],
  ['addf-small', 'addf', 1e-10, int(1)],
  ['addf-negative', 'addf', -0.1, 0.3],
  ['add1f-basic', 'add1f', 1.5],
  ['add1f-tenth', 'add1f', 0.1],
  ['add1f-nil', 'add1f', null],
  ['subf-precise', 'subf', 0.3, 0.1],
  ['subf-many', 'subf', int(10), int(1), int(2), 3.5],
  ['subf-negative', 'subf', 0.1, 0.3],
  ['mulf-basic', 'mulf', 1.1, int(3)],
  ['mulf-many', 'mulf', 1.5, int(2), int(3)],
  ['mulf-tiny', 'mulf', 0.1, 0.1],
  ['mulf-large', 'mulf', 1e200, 1e200],
  ['divf-third', 'divf', int(1), int(3)],
  ['divf-two-thirds', 'divf', int(2), int(3)],
  ['divf-exact', 'divf', int(10), int(4)],
  ['divf-zero-error', 'divf', int(1), int(0)],
  ['divf-negative', 'divf', int(-1), int(3)],
  ['divf-many', 'divf', int(100), int(2), int(5)],
  ['divf-small', 'divf', int(1), 3e10],
  ['divf-large', 'divf', 1e20, int(3)],
  ['divf-rounding', 'divf', int(2), int(30000000000000000n)],
  ['maxf-basic', 'maxf', int(1), 2.5, int(-3)],
  ['maxf-strings', 'maxf', '1.5', '1e3'],
  ['maxf-nan', 'maxf', int(1), NaN],
  ['maxf-neg-zero', 'maxf', -0, int(0)],
  ['minf-basic', 'minf', int(1), 2.5, int(-3)],
  ['minf-inf', 'minf', int(1), -Infinity],
  ['minf-nil', 'minf', int(1), null],
  ['floor-basic', 'floor', 1.7],
  ['floor-negative', 'floor', -1.2],
  ['floor-string', 'floor', '2.5'],
  ['floor-big', 'floor', 1234567.8],
  ['ceil-basic', 'ceil', 1.2],
  ['ceil-negative', 'ceil', -1.7],
  ['ceil-small-negative', 'ceil', -0.5],
  ['ceil-nil', 'ceil', null],
  ['round-basic', 'round', 3.14159, 2],
  ['round-half-up', 'round', 2.5, 0],
  ['round-half-negative', 'round', -2.5, 0],
  ['round-2555', 'round', 2.555, 2],
  ['round-threshold', 'round', 2.4, 0, 0.3],
  ['round-threshold-high', 'round', 2.6, 0, 0.7],
  ['round-negative-places', 'round', 1234.5, -2],
  ['round-string', 'round', '1.25', 1],
  ['round-int', 'round', int(7), 2],
  ['round-large-places', 'round', 1.23456789, 6],
  ['round-negative-small', 'round', -1.25, 1],
  ['until-basic', 'until', 3],
  ['until-zero', 'until', 0],
  ['until-negative', 'until', -2],
  ['untilStep-basic', 'untilStep', 0, 10, 3],
  ['untilStep-negative', 'untilStep', 10, 0, -3],
  ['untilStep-zero-step', 'untilStep', 0, 10, 0],
  ['untilStep-wrong-direction', 'untilStep', 0, 10, -1],
  ['untilStep-wrong-direction-down', 'untilStep', 10, 0, 1],
  ['untilStep-equal', 'untilStep', 5, 5, 1],
  ['untilStep-negative-range', 'untilStep', -3, 3, 2],
  ['seq-one', 'seq', 3],
  ['seq-zero', 'seq', 0],
  ['seq-negative', 'seq', -2],
  ['seq-two', 'seq', 2, 5],
  ['seq-two-down', 'seq', 5, 2],
  ['seq-three', 'seq', 0, 2, 10],
  ['seq-three-down', 'seq', 10, -3, 0],
  ['seq-three-bad-step', 'seq', 10, 2, 0],
  ['seq-three-zero-step', 'seq', 0, 0, 5],
  ['seq-none', 'seq'],
  ['seq-four', 'seq', 1, 2, 3, 4],
  ['seq-equal', 'seq', 4, 4],
  ['seq-three-negative', 'seq', -1, -1, -4],
];

describe('mathFuncs against helm goldens', () => {
  it.each(table)('%s', (id, name, ...args) => {
    expect(call(name, ...args)).toBe(golden(id));
  });
});

describe('mathFuncs result types', () => {
  it('integer math returns int64, float math float64', () => {
    for (const f of ['add', 'add1', 'sub', 'mul', 'div', 'mod', 'max', 'biggest', 'min']) {
      expect(mathFuncs[f]?.result).toBe('int64');
    }
    for (const f of ['addf', 'add1f', 'subf', 'mulf', 'divf', 'maxf', 'minf', 'floor', 'ceil', 'round']) {
      expect(mathFuncs[f]?.result).toBe('float64');
    }
  });
  it('until and untilStep return []int of int elements (so `eq . 1` works in a range)', () => {
    const l = mathFuncs.until?.call({} as never, 2) as GoList;
    expect(l.type).toBe('[]int');
    expect(l.items).toEqual([new GoInt(0n, 'int'), new GoInt(1n, 'int')]);
  });
  it('untilStep never loops forever', () => {
    expect(untilStep(0, 5, 0)).toEqual([]);
    expect(untilStep(5, 0, 0)).toEqual([]);
  });
});

describe('decimal arithmetic (shopspring semantics)', () => {
  it('uses the shortest decimal of each float', () => {
    expect(fromFloat(0.1)).toEqual({ coefficient: 1n, exponent: -1 });
    expect(fromFloat(-1.5e-7)).toEqual({ coefficient: -15n, exponent: -8 });
  });
  it('rounds division half away from zero at 16 places', () => {
    expect(toFloat(div(fromFloat(1), fromFloat(6)))).toBe(0.1666666666666667);
    expect(toFloat(div(fromFloat(-1), fromFloat(6)))).toBe(-0.1666666666666667);
  });
});
