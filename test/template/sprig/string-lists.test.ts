import { describe, expect, it } from 'vitest';
import { goSplitN, stringListFuncs } from '../../../src/template/sprig/string-lists.js';
import { GoBytes, GoList, goMap } from '../../../src/values/model.js';
import { callPrinted, int, loadFamily } from './golden-call.js';

const { golden } = loadFamily('string-lists');
const call = (name: string, ...args: unknown[]): string => callPrinted(stringListFuncs, name, ...args);
const ints = (...ns: number[]): GoList =>
  new GoList(
    ns.map((n) => int(n)),
    '[]int',
  );
const strs = (...ss: string[]): GoList => new GoList(ss, '[]string');

const table: [string, string, ...unknown[]][] = [
  ['splitList-basic', 'splitList', ',', 'a,b,c'],
  ['splitList-empty-sep', 'splitList', '', 'abc'],
  ['splitList-no-sep', 'splitList', ',', 'abc'],
  ['splitList-multi-char-sep', 'splitList', '::', 'a::b::c'],
  ['split-basic', 'split', ',', 'a,b'],
  ['split-empty-sep', 'split', '', 'abc'],
  ['split-empty', 'split', ',', ''],
  ['split-many', 'split', ',', 'a,b,c,d,e,f,g,h,i,j,k,l'],
  ['splitn-basic', 'splitn', ',', 2, 'a,b,c'],
  ['splitn-zero', 'splitn', ',', 0, 'a,b,c'],
  ['splitn-negative', 'splitn', ',', -1, 'a,b,c'],
  ['splitn-one', 'splitn', ',', 1, 'a,b,c'],
  ['splitn-large', 'splitn', ',', 10, 'a,b,c'],
  ['splitn-empty-sep', 'splitn', '', 2, 'abc'],
  ['join-list', 'join', ',', new GoList(['a', 'b', 'c'])],
  ['join-numbers', 'join', '-', new GoList([int(1), 2.5, true])],
  ['join-nil-dropped', 'join', ',', new GoList(['a', null, 'b'])],
  ['join-string', 'join', ',', 'x'],
  ['join-nil', 'join', ',', null],
  ['join-values-floats', 'join', ',', new GoList([1, 2, 3])],
  ['join-stringlist', 'join', '+', strs('a', 'b')],
  ['join-intlist', 'join', ',', ints(0, 1, 2)],
  ['join-empty', 'join', ',', new GoList([])],
  ['join-map', 'join', ',', goMap({ a: 1, b: 'two' })],
  ['join-number', 'join', ',', int(42)],
  ['join-nested', 'join', ';', new GoList([new GoList([int(1), int(2)]), 'x'])],
  ['toStrings-list', 'toStrings', new GoList([int(1), int(2), int(3)])],
  ['toStrings-string', 'toStrings', 'abc'],
  ['toStrings-floats', 'toStrings', new GoList([1, 2, 3])],
  ['toStrings-big', 'toStrings', new GoList([1000000])],
  ['toStrings-intlist', 'toStrings', ints(0, 1)],
  ['toStrings-map', 'toStrings', goMap({ a: 1, b: 'two' })],
  ['toStrings-bool', 'toStrings', true],
  ['sortAlpha-mixed', 'sortAlpha', new GoList(['b', 'a', 'B', int(10), int(9)])],
  ['sortAlpha-values', 'sortAlpha', new GoList(['b', 'a', 'c'])],
  ['sortAlpha-numbers', 'sortAlpha', new GoList([int(10), int(9), int(100), int(1)])],
  ['sortAlpha-string', 'sortAlpha', 'cba'],
  ['sortAlpha-nil', 'sortAlpha', null],
  ['sortAlpha-nil-element', 'sortAlpha', new GoList(['b', null, 'a'])],
  ['sortAlpha-unicode', 'sortAlpha', new GoList(['é', 'z', 'a', 'É'])],
  ['sortAlpha-empty', 'sortAlpha', new GoList([])],
  ['sortAlpha-map', 'sortAlpha', goMap({ a: 1, b: 'two' })],
];

describe('stringListFuncs against helm goldens', () => {
  it.each(table)('%s', (id, name, ...args) => {
    expect(call(name, ...args)).toBe(golden(id));
  });
});

describe('stringListFuncs types and aliasing', () => {
  it('splitList returns []string and split a map[string]string', () => {
    expect((stringListFuncs.splitList?.call({} as never, ',', 'a') as GoList).type).toBe('[]string');
    expect(call('split', ',', 'a')).toBe('map[_0:a]');
    expect(stringListFuncs.split?.result).toBe('map[string]string');
  });
  it('sortAlpha sorts a []string argument in place, as Sprig does', () => {
    const l = strs('c', 'a', 'b');
    stringListFuncs.sortAlpha?.call({} as never, l);
    expect(l.items).toEqual(['a', 'b', 'c']);
    const g = new GoList(['c', 'a']);
    stringListFuncs.sortAlpha?.call({} as never, g);
    expect(g.items).toEqual(['c', 'a']);
  });
  it('toStrings converts []byte element-wise', () => {
    expect(call('toStrings', new GoBytes(Uint8Array.from([97, 98])))).toBe('[97 98]');
  });
  it('goSplitN mirrors strings.SplitN', () => {
    expect(goSplitN('', '', -1)).toEqual([]);
    expect(goSplitN('', ',', -1)).toEqual(['']);
    expect(goSplitN('a,b,c', ',', 2)).toEqual(['a', 'b,c']);
    expect(goSplitN('é✓x', '', 2)).toEqual(['é', '✓x']);
  });
});
