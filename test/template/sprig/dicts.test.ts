import { describe, expect, it } from 'vitest';
import { dictFuncs } from '../../../src/template/sprig/dicts.js';
import { deepCopy, mergeInto } from '../../../src/template/sprig/mergo.js';
import { GoList, GoMap, goMap, type ValueOrigin } from '../../../src/values/model.js';
import { callPrinted, int, loadFamily } from './golden-call.js';

const { golden } = loadFamily('dicts');
const call = (name: string, ...args: unknown[]): string => callPrinted(dictFuncs, name, ...args);
const values = (obj: Record<string, never> | Record<string, unknown> = {}): GoMap =>
  new GoMap(new Map(Object.entries(obj)) as never, 'common.Values');

const table: [string, string, ...unknown[]][] = [
  ['dict-basic', 'dict', 'a', int(1), 'b', 'two'],
  ['dict-empty', 'dict'],
  ['dict-dup-key', 'dict', 'a', int(1), 'a', int(2)],
  ['get-basic', 'get', goMap({ a: int(1) }), 'a'],
  ['get-missing', 'get', goMap({ a: int(1) }), 'b'],
  ['get-values-map', 'get', goMap({ a: 1, b: 'two' }), 'b'],
  ['set-basic', 'set', goMap({ a: int(1) }), 'b', int(2)],
  ['set-overwrite', 'set', goMap({ a: int(1) }), 'a', int(2)],
  ['set-nil-error', 'set', null, 'a', int(1)],
  ['unset-basic', 'unset', goMap({ a: int(1), b: int(2) }), 'a'],
  ['unset-missing', 'unset', goMap({ a: int(1) }), 'z'],
  ['unset-nil', 'unset', null, 'a'],
  ['hasKey-true', 'hasKey', goMap({ a: int(1) }), 'a'],
  ['hasKey-false', 'hasKey', goMap({ a: int(1) }), 'b'],
  ['hasKey-nil-value', 'hasKey', goMap({ a: null }), 'a'],
  ['hasKey-nil-var', 'hasKey', null, 'x'],
  ['pluck-basic', 'pluck', 'a', goMap({ a: int(1) }), goMap({ a: int(2) }), goMap({ b: int(3) })],
  ['pluck-none', 'pluck', 'a'],
  ['pluck-missing', 'pluck', 'z', goMap({ a: int(1) })],
  ['keys-none', 'keys'],
  ['values-empty', 'values', new GoMap()],
  ['values-single', 'values', goMap({ a: int(1) })],
  ['pick-basic', 'pick', goMap({ a: int(1), b: int(2), c: int(3) }), 'a', 'c'],
  ['pick-missing', 'pick', goMap({ a: int(1) }), 'z'],
  ['pick-none', 'pick', goMap({ a: int(1) })],
  ['pick-values-map', 'pick', goMap({ a: 1, b: 'two' }), 'b'],
  ['omit-basic', 'omit', goMap({ a: int(1), b: int(2), c: int(3) }), 'a', 'c'],
  ['omit-none', 'omit', goMap({ a: int(1) })],
  ['omit-missing', 'omit', goMap({ a: int(1) }), 'z'],
  ['omit-values-map', 'omit', goMap({ a: 1, b: 'two' }), 'a'],
  ['dig-basic', 'dig', 'a', 'b', 'd', goMap({ a: goMap({ b: int(1) }) })],
  ['dig-missing', 'dig', 'a', 'x', 'd', goMap({ a: goMap({ b: int(1) }) })],
  ['dig-top-missing', 'dig', 'z', 'd', goMap({ a: int(1) })],
  ['dig-one', 'dig', 'a', 'd', goMap({ a: int(1) })],
  ['dig-values-error', 'dig', 'str', 'd', values({ str: 'hello' })],
  ['dig-values-nested', 'dig', 'a', 'b', 'c', 'd', goMap({ a: goMap({ b: goMap({ c: 'deep' }) }) })],
  ['dig-non-map-error', 'dig', 'a', 'b', 'd', goMap({ a: 's' })],
  ['dig-nil-step-error', 'dig', 'a', 'b', 'd', goMap({ a: null })],
  ['dig-int-key-error', 'dig', int(1), 'd', goMap({ a: int(1) })],
  ['dig-too-few-error', 'dig', 'd', new GoMap()],
  ['dig-map-default', 'dig', 'x', goMap({ k: 'v' }), new GoMap()],
  ['dig-nil-default', 'dig', 'x', null, new GoMap()],
  ['dig-last-not-map-error', 'dig', 'a', 'd', 'notamap'],
  ['deepCopy-list', 'deepCopy', new GoList([int(1), new GoList([int(2)])])],
  ['deepCopy-nil', 'deepCopy', null],
  ['deepCopy-string', 'deepCopy', 's'],
  ['deepCopy-null-value-error', 'deepCopy', null],
  ['mustDeepCopy-nil-error', 'mustDeepCopy', null],
];

describe('dictFuncs against helm goldens', () => {
  it.each(table)('%s', (id, name, ...args) => {
    expect(call(name, ...args)).toBe(golden(id));
  });
});

describe('dict details', () => {
  it('get on a nil map gives ""', () => {
    expect(`[${call('get', null, 'a')}]`).toBe(golden('get-nil-map'));
  });
  it('dict converts keys with toString and gives an odd last key ""', () => {
    const d = dictFuncs.dict?.call({} as never, int(1), 'one', 1.5, 'x', 'k') as GoMap;
    expect([...d.entries]).toEqual([
      ['1', 'one'],
      ['1.5', 'x'],
      ['k', ''],
    ]);
  });
  it('set mutates and returns the same map', () => {
    const d = goMap({});
    expect(dictFuncs.set?.call({} as never, d, 'a', int(1))).toBe(d);
    expect(d.get('a')).toEqual(int(1));
  });
  it('keys follow sorted key order (Go randomises it; charts sort anyway)', () => {
    expect(call('keys', goMap({ b: 1, a: 2 }), goMap({ c: 3 }))).toBe('[a b c]');
    expect(call('values', goMap({ b: 'x', a: 'y' }))).toBe('[y x]');
  });
  it('pick and omit keep values-file origins', () => {
    const origin: ValueOrigin = { source: 'values.yaml', isFile: true, start: 0, end: 1, path: ['a'] };
    const d = goMap({ a: 1, b: 2 });
    d.set('a', 1, origin);
    expect((dictFuncs.pick?.call({} as never, d, 'a') as GoMap).origins?.get('a')).toBe(origin);
    expect((dictFuncs.omit?.call({} as never, d, 'b') as GoMap).origins?.get('a')).toBe(origin);
  });
});

describe('mergo semantics', () => {
  it('merge fills missing and empty keys only, skipping nil sources', () => {
    const dst = goMap({ a: int(1), e: '', z: int(0) });
    mergeInto(dst, goMap({ a: int(2), e: 'x', z: int(5), n: null, new: true }), false);
    expect(Object.fromEntries(dst.entries)).toEqual({ a: int(1), e: 'x', z: int(5), new: true });
  });
  it('merge recurses into maps and shares maps it adds', () => {
    const shared = goMap({ y: int(1) });
    const dst = goMap({ m: goMap({ x: int(1) }) });
    mergeInto(dst, goMap({ m: goMap({ x: int(9), y: int(2) }), s: shared }), false);
    expect(Object.fromEntries((dst.get('m') as GoMap).entries)).toEqual({ x: int(1), y: int(2) });
    expect(dst.get('s')).toBe(shared);
  });
  it('mergeOverwrite writes every key, nil and empty included, and replaces lists', () => {
    const dst = goMap({ a: int(1), l: new GoList([int(1), int(2)]), m: goMap({ k: int(1), j: int(2) }) });
    mergeInto(dst, goMap({ a: null, l: new GoList([]), m: goMap({ k: int(3) }) }), true);
    expect(dst.get('a')).toBeNull();
    expect((dst.get('l') as GoList).items).toEqual([]);
    expect(Object.fromEntries((dst.get('m') as GoMap).entries)).toEqual({ k: int(3), j: int(2) });
  });
  it('carries the source origin of the keys it writes', () => {
    const origin: ValueOrigin = { source: 'values.yaml', isFile: true, start: 0, end: 1, path: ['a'] };
    const src = goMap({});
    src.set('a', 'x', origin);
    const dst = goMap({});
    mergeInto(dst, src, false);
    expect(dst.origins?.get('a')).toBe(origin);
  });
  it('deepCopy copies maps and lists, keeping their Go types', () => {
    const inner = new GoList(['a'], '[]string');
    const v = values({ l: inner });
    const c = deepCopy(v) as GoMap;
    expect(c.type).toBe('common.Values');
    expect(c.get('l')).not.toBe(inner);
    expect((c.get('l') as GoList).type).toBe('[]string');
  });
  it('merge on a nil destination returns a fresh map', () => {
    expect(call('merge', null, goMap({ a: int(1) }))).toBe('map[a:1]');
    expect(call('mergeOverwrite', null)).toBe('map[]');
  });
});
