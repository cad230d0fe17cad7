import { describe, expect, it } from 'vitest';
import { NIL_DEREFERENCE, listFuncs } from '../../../src/template/sprig/lists.js';
import { GoBytes, GoList, goMap, type ValueOrigin } from '../../../src/values/model.js';
import { callPrinted, int, loadFamily } from './golden-call.js';

const { golden } = loadFamily('lists');
const call = (name: string, ...args: unknown[]): string => callPrinted(listFuncs, name, ...args);
const L = (...xs: unknown[]): GoList => new GoList(xs as never[]);
const I = (...ns: number[]): GoList => L(...ns.map((n) => int(n)));
const S = (...ss: string[]): GoList => new GoList(ss, '[]string');
const slist = (): GoList => L('b', 'a', 'c');
const vlist = (): GoList => L(1, 2, 3);

const table: [string, string, ...unknown[]][] = [
  ['list-basic', 'list', int(1), 'a', 2.5, true, null],
  ['list-empty', 'list'],
  ['list-nested', 'list', I(1, 2), goMap({ a: int(1) })],
  ['tuple-basic', 'tuple', int(1), int(2)],
  ['first-basic', 'first', I(1, 2, 3)],
  ['first-empty', 'first', L()],
  ['first-values', 'first', slist()],
  ['first-string-error', 'first', 'abc'],
  ['first-nil-error', 'first', null],
  ['first-map-error', 'first', goMap({ a: 1 })],
  ['first-float-error', 'first', 3],
  ['first-stringlist', 'first', S('x', 'y')],
  ['first-missing-error', 'first', null],
  ['mustFirst-basic', 'mustFirst', I(1, 2)],
  ['mustFirst-error', 'mustFirst', 'abc'],
  ['mustFirst-nil-error', 'mustFirst', null],
  ['last-basic', 'last', I(1, 2, 3)],
  ['last-empty', 'last', L()],
  ['last-string-error', 'last', 'abc'],
  ['last-values', 'last', slist()],
  ['mustLast-error', 'mustLast', int(5)],
  ['rest-basic', 'rest', I(1, 2, 3)],
  ['rest-one', 'rest', I(1)],
  ['rest-empty', 'rest', L()],
  ['rest-string-error', 'rest', 'abc'],
  ['mustRest-error', 'mustRest', goMap({})],
  ['mustRest-basic', 'mustRest', vlist()],
  ['initial-basic', 'initial', I(1, 2, 3)],
  ['initial-empty', 'initial', L()],
  ['initial-error', 'initial', 'abc'],
  ['mustInitial-basic', 'mustInitial', slist()],
  ['mustInitial-error', 'mustInitial', true],
  ['append-basic', 'append', I(1, 2), int(3)],
  ['append-nil-list-error', 'append', null, int(1)],
  ['append-string-error', 'append', 'abc', int(1)],
  ['append-values', 'append', slist(), 'd'],
  ['append-list-elem', 'append', I(1), I(2, 3)],
  ['push-basic', 'push', I(1), int(2)],
  ['push-error', 'push', int(1), int(2)],
  ['mustAppend-error', 'mustAppend', 'x', int(1)],
  ['mustPush-basic', 'mustPush', L(), int(1)],
  ['mustPush-error', 'mustPush', goMap({}), int(1)],
  ['prepend-basic', 'prepend', I(2, 3), int(1)],
  ['prepend-error', 'prepend', 'abc', int(1)],
  ['prepend-nil-error', 'prepend', null, int(1)],
  ['mustPrepend-error', 'mustPrepend', 1.5, int(1)],
  ['mustPrepend-basic', 'mustPrepend', vlist(), int(0)],
  ['concat-basic', 'concat', I(1, 2), I(3)],
  ['concat-none', 'concat'],
  ['concat-mixed-types', 'concat', S('a', 'b'), new GoList([int(0), int(1)], '[]int')],
  ['concat-error', 'concat', I(1), 'abc'],
  ['concat-nil-error', 'concat', I(1), null],
  ['concat-values', 'concat', vlist(), slist()],
  ['concat-empty', 'concat', L(), L()],
  ['reverse-basic', 'reverse', I(1, 2, 3)],
  ['reverse-empty', 'reverse', L()],
  ['reverse-error', 'reverse', 'abc'],
  ['reverse-values', 'reverse', slist()],
  ['mustReverse-error', 'mustReverse', int(1)],
  ['uniq-basic', 'uniq', I(1, 2, 1, 3, 2)],
  ['uniq-types', 'uniq', L(int(1), 1, '1', int(1))],
  ['uniq-nested', 'uniq', L(I(1), I(1), goMap({ a: int(1) }), goMap({ a: int(1) }))],
  ['uniq-error', 'uniq', 'aab'],
  ['uniq-nil', 'uniq', L(null, null, int(1))],
  ['mustUniq-error', 'mustUniq', int(5)],
  ['without-basic', 'without', I(1, 2, 3, 2), int(2)],
  ['without-many', 'without', I(1, 2, 3), int(1), int(3)],
  ['without-type-sensitive', 'without', vlist(), int(1)],
  ['without-float', 'without', vlist(), 1],
  ['without-none', 'without', I(1, 2)],
  ['without-error', 'without', 'abc', 'a'],
  ['mustWithout-error', 'mustWithout', int(1), int(1)],
  ['without-stringlist', 'without', S('a', 'b', 'a'), 'a'],
  ['has-true', 'has', int(2), I(1, 2, 3)],
  ['has-false', 'has', int(5), I(1, 2, 3)],
  ['has-type-sensitive', 'has', int(1), vlist()],
  ['has-float', 'has', 1, vlist()],
  ['has-nil-haystack', 'has', int(1), null],
  ['has-string-error', 'has', 'a', 'abc'],
  ['has-pipe', 'has', 'a', slist()],
  ['has-nil-needle', 'has', null, L(int(1), null)],
  ['mustHas-basic', 'mustHas', 'b', slist()],
  ['mustHas-error', 'mustHas', int(1), goMap({})],
  ['has-stringlist', 'has', 'b', S('a', 'b')],
  ['has-missing-haystack', 'has', int(1), null],
  ['slice-all', 'slice', I(1, 2, 3, 4)],
  ['slice-from', 'slice', I(1, 2, 3, 4), int(2)],
  ['slice-range', 'slice', I(1, 2, 3, 4), int(1), int(3)],
  ['slice-empty-range', 'slice', I(1, 2, 3), int(1), int(1)],
  ['slice-empty-list', 'slice', L()],
  ['slice-float-index', 'slice', I(1, 2, 3), 1.9],
  ['slice-string-index', 'slice', I(1, 2, 3), '1', '2'],
  ['slice-out-of-range', 'slice', I(1, 2, 3), int(1), int(5)],
  ['slice-reversed', 'slice', I(1, 2, 3), int(2), int(1)],
  ['slice-negative', 'slice', I(1, 2, 3), int(-1)],
  ['slice-string-error', 'slice', 'abc', int(1), int(2)],
  ['slice-values', 'slice', slist(), int(1)],
  ['mustSlice-error', 'mustSlice', int(5)],
  ['mustSlice-basic', 'mustSlice', I(1, 2, 3), int(0), int(2)],
  ['slice-nil-error', 'slice', null],
  ['chunk-basic', 'chunk', 3, I(3, 1, 2, 1)],
  ['chunk-exact', 'chunk', 2, I(1, 2, 3, 4)],
  ['chunk-one', 'chunk', 1, I(1, 2)],
  ['chunk-big', 'chunk', 10, I(1, 2)],
  ['chunk-empty', 'chunk', 2, L()],
  ['chunk-zero-error', 'chunk', 0, I(1, 2)],
  ['chunk-negative', 'chunk', -1, I(1, 2)],
  ['chunk-negative-one-elem-error', 'chunk', -1, I(1)],
  ['chunk-error', 'chunk', 2, 'abc'],
  ['mustChunk-error', 'mustChunk', 2, int(5)],
  ['chunk-values', 'chunk', 2, slist()],
  ['compact-basic', 'compact', L(int(0), int(1), '', null, 'a', false)],
  ['compact-empty', 'compact', L()],
  ['compact-nested-empty', 'compact', L(L(), goMap({}), I(1))],
  ['compact-error', 'compact', 'abc'],
  ['mustCompact-error', 'mustCompact', int(1)],
  ['mustCompact-basic', 'mustCompact', L('', 'x')],
  ['compact-stringlist', 'compact', S('a', '', 'b')],
];

describe('listFuncs against helm goldens', () => {
  it.each(table)('%s', (id, name, ...args) => {
    expect(call(name, ...args)).toBe(golden(id));
  });
});

describe('listFuncs types, copies and provenance', () => {
  it('returns new []interface {} lists and leaves the argument alone', () => {
    const l = S('a', 'b');
    const r = listFuncs.append?.call({} as never, l, 'c') as GoList;
    expect(r.type).toBe('[]interface {}');
    expect(l.items).toEqual(['a', 'b']);
  });
  it('keeps the slice type in slice', () => {
    expect((listFuncs.slice?.call({} as never, S('a', 'b', 'c'), int(1)) as GoList).type).toBe('[]string');
    const bytes = listFuncs.slice?.call({} as never, new GoBytes(Uint8Array.from([1, 2, 3])), int(1));
    expect(bytes).toBeInstanceOf(GoBytes);
  });
  it('treats []byte as a list of uint8', () => {
    expect(call('first', new GoBytes(Uint8Array.from([98])))).toBe('98');
  });
  it('carries values-file origins of the elements it keeps', () => {
    const origin: ValueOrigin = { source: 'values.yaml', isFile: true, start: 5, end: 6, path: ['l', 1] };
    const l = L('a', 'b');
    l.origins = [undefined, origin];
    expect((listFuncs.rest?.call({} as never, l) as GoList).origins).toEqual([origin]);
    expect((listFuncs.reverse?.call({} as never, l) as GoList).origins).toEqual([origin, undefined]);
  });
  it('reports a nil list with Go nil-pointer panic text, in both forms', () => {
    expect(call('mustReverse', null)).toBe(`ERR ${NIL_DEREFERENCE}`);
    expect(call('uniq', null)).toBe(`ERR ${NIL_DEREFERENCE}`);
  });
});
