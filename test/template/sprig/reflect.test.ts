import { describe, expect, it } from 'vitest';
import { deepEqual, goKindOf, reflectFuncs } from '../../../src/template/sprig/reflect.js';
import { GoBytes, GoList, GoMap, GoObject, goMap } from '../../../src/values/model.js';
import { callPrinted, int, loadFamily } from './golden-call.js';

const { golden } = loadFamily('reflect');
const call = (name: string, ...args: unknown[]): string => callPrinted(reflectFuncs, name, ...args);

class Named extends GoObject {
  constructor(readonly goType: string) {
    super();
  }
  formatV(): string {
    return `{${this.goType}}`;
  }
}

const table: [string, string, ...unknown[]][] = [
  ['typeOf-int', 'typeOf', int(1)],
  ['typeOf-float', 'typeOf', 1.5],
  ['typeOf-string', 'typeOf', 's'],
  ['typeOf-bool', 'typeOf', true],
  ['typeOf-nil', 'typeOf', null],
  ['typeOf-list', 'typeOf', new GoList([])],
  ['typeOf-dict', 'typeOf', new GoMap()],
  ['typeOf-values', 'typeOf', new GoMap(new Map(), 'common.Values')],
  ['typeOf-int64', 'typeOf', int(1, 'int64')],
  ['typeOf-bytes', 'typeOf', new GoBytes(new Uint8Array())],
  ['typeOf-until', 'typeOf', new GoList([], '[]int')],
  ['typeOf-capabilities', 'typeOf', new Named('*common.Capabilities')],
  ['typeIs-match', 'typeIs', 'float64', 3],
  ['typeIs-mismatch', 'typeIs', 'int', 3],
  ['typeIs-nil', 'typeIs', '<nil>', null],
  ['typeIs-values', 'typeIs', 'map[string]interface {}', new GoMap(new Map(), 'common.Values')],
  ['typeIs-pointer', 'typeIs', '*semver.Version', new Named('*semver.Version')],
  ['typeIsLike-pointer', 'typeIsLike', 'semver.Version', new Named('*semver.Version')],
  ['typeIsLike-exact', 'typeIsLike', 'string', 'x'],
  ['typeIsLike-mismatch', 'typeIsLike', 'int', 'x'],
  ['typeIsLike-nil', 'typeIsLike', '<nil>', null],
  ['kindOf-int', 'kindOf', int(1)],
  ['kindOf-float', 'kindOf', 3],
  ['kindOf-string', 'kindOf', 's'],
  ['kindOf-bool', 'kindOf', false],
  ['kindOf-nil', 'kindOf', null],
  ['kindOf-list', 'kindOf', new GoList([1])],
  ['kindOf-stringlist', 'kindOf', new GoList(['a'], '[]string')],
  ['kindOf-map', 'kindOf', goMap({ a: 1 })],
  ['kindOf-values', 'kindOf', new GoMap(new Map(), 'common.Values')],
  ['kindOf-capabilities', 'kindOf', new Named('*common.Capabilities')],
  ['kindOf-kubeversion', 'kindOf', new Named('common.KubeVersion')],
  ['kindOf-apiversions', 'kindOf', new Named('common.VersionSet')],
  ['kindOf-files', 'kindOf', new Named('engine.files')],
  ['kindOf-int64', 'kindOf', int(1, 'int64')],
  ['kindOf-bytes', 'kindOf', new GoBytes(new Uint8Array())],
  ['kindOf-split', 'kindOf', new GoMap(new Map(), 'map[string]string')],
  ['kindIs-map', 'kindIs', 'map', goMap({})],
  ['kindIs-slice', 'kindIs', 'slice', new GoList([])],
  ['kindIs-invalid', 'kindIs', 'invalid', null],
  ['kindIs-mismatch', 'kindIs', 'string', int(1)],
  ['kindIs-float', 'kindIs', 'float64', 0],
  ['deepEqual-ints', 'deepEqual', int(1), int(1)],
  ['deepEqual-int-float', 'deepEqual', int(1), 1],
  ['deepEqual-values-num', 'deepEqual', 3, 3],
  ['deepEqual-lists', 'deepEqual', new GoList([int(1), int(2)]), new GoList([int(1), int(2)])],
  ['deepEqual-lists-differ', 'deepEqual', new GoList([int(1), int(2)]), new GoList([int(2), int(1)])],
  ['deepEqual-list-types', 'deepEqual', new GoList(['a']), new GoList(['a'], '[]string')],
  ['deepEqual-maps', 'deepEqual', goMap({ a: new GoList([int(1)]) }), goMap({ a: new GoList([int(1)]) })],
  ['deepEqual-maps-differ', 'deepEqual', goMap({ a: int(1) }), goMap({ a: int(2) })],
  ['deepEqual-values-vs-dict', 'deepEqual', goMap({}), goMap({})],
  ['deepEqual-values-root', 'deepEqual', new GoMap(new Map(), 'common.Values'), goMap({})],
  ['deepEqual-nils', 'deepEqual', null, null],
  ['deepEqual-nil-vs-empty', 'deepEqual', null, ''],
  ['deepEqual-int64', 'deepEqual', int(1, 'int64'), int(1)],
  ['deepEqual-nan', 'deepEqual', NaN, NaN],
  ['deepEqual-list-nil-elements', 'deepEqual', new GoList([null]), new GoList([null])],
];

describe('reflectFuncs against helm goldens', () => {
  it.each(table)('%s', (id, name, ...args) => {
    expect(call(name, ...args)).toBe(golden(id));
  });
});

describe('reflect helpers', () => {
  it('name Go kinds of model values', () => {
    expect(goKindOf(undefined)).toBe('invalid');
    expect(goKindOf(int(1, 'uint8'))).toBe('uint8');
    expect(goKindOf(new Named('time.Time'))).toBe('struct');
  });
  it('compare structs by their fields (their %v dump)', () => {
    expect(deepEqual(new Named('time.Time'), new Named('time.Time'))).toBe(true);
    expect(deepEqual(new Named('time.Time'), new Named('common.KubeVersion'))).toBe(false);
    expect(deepEqual(new GoBytes(Uint8Array.from([1])), new GoBytes(Uint8Array.from([1])))).toBe(true);
  });
});
