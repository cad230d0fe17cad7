import { describe, expect, it } from 'vitest';
import { defaultFuncs } from '../../../src/template/sprig/defaults.js';
import { isEmpty } from '../../../src/template/sprig/truthy.js';
import { GoBytes, GoList, GoMap, GoObject, goMap } from '../../../src/values/model.js';
import { callPrinted, int, loadFamily } from './golden-call.js';

const { golden } = loadFamily('defaults');
const call = (name: string, ...args: unknown[]): string => callPrinted(defaultFuncs, name, ...args);
const list123 = new GoList([1, 2, 3]);

const table: [string, string, ...unknown[]][] = [
  ['default-missing', 'default', 'd', null],
  ['default-set', 'default', 'd', 'hello'],
  ['default-false', 'default', true, false],
  ['default-zero', 'default', int(5), 0],
  ['default-empty-string', 'default', 'd', ''],
  ['default-empty-list', 'default', 'd', new GoList([])],
  ['default-empty-map', 'default', 'd', new GoMap()],
  ['default-true', 'default', 'd', true],
  ['default-list', 'default', 'd', list123],
  ['default-no-given', 'default', 'd'],
  ['default-string-false', 'default', 'd', 'false'],
  ['default-string-zero', 'default', 'd', '0'],
  ['default-int-zero', 'default', 'd', int(0)],
  ['default-float-zero', 'default', 'd', 0],
  ['default-extra-args', 'default', 'd', '', 'x'],
  ['default-second-given-ignored', 'default', 'd', 'a', 'b'],
  ['default-nil-default', 'default', null, null],
  ['default-map-value', 'default', 'd', goMap({ a: 1, b: 'two' })],
  ['empty-missing', 'empty', null],
  ['empty-false', 'empty', false],
  ['empty-true', 'empty', true],
  ['empty-zero', 'empty', int(0)],
  ['empty-float-zero', 'empty', 0],
  ['empty-string', 'empty', ''],
  ['empty-nonempty', 'empty', 'x'],
  ['empty-list', 'empty', new GoList([])],
  ['empty-map', 'empty', new GoMap()],
  ['empty-string-zero', 'empty', '0'],
  ['coalesce-first', 'coalesce', null, '', 'x', 'y'],
  ['coalesce-none', 'coalesce', null, '', int(0)],
  ['coalesce-values', 'coalesce', '', 'hello'],
  ['coalesce-false', 'coalesce', false, true],
  ['coalesce-no-args', 'coalesce'],
  ['coalesce-list', 'coalesce', new GoList([]), list123],
  ['coalesce-zero-float', 'coalesce', 0, 3],
  ['all-true', 'all', int(1), 'a', true],
  ['all-one-empty', 'all', int(1), '', true],
  ['all-none', 'all'],
  ['all-missing', 'all', null],
  ['all-list', 'all', new GoList([])],
  ['any-one', 'any', int(0), '', 'x'],
  ['any-none-set', 'any', int(0), '', false],
  ['any-empty', 'any'],
  ['any-values', 'any', '', 0, true],
  ['any-nil', 'any', null],
  ['ternary-true', 'ternary', 'yes', 'no', true],
  ['ternary-false', 'ternary', 'yes', 'no', false],
  ['ternary-values', 'ternary', 'on', 'off', false],
  ['ternary-nil', 'ternary', null, 'x', true],
  ['ternary-lists', 'ternary', new GoList([int(1)]), new GoList([int(2)]), false],
];

describe('defaultFuncs against helm goldens', () => {
  it.each(table)('%s', (id, name, ...args) => {
    expect(call(name, ...args)).toBe(golden(id));
  });
});

class Struct extends GoObject {
  readonly goType = 'common.KubeVersion';
  formatV(): string {
    return '{}';
  }
}
class NilPointer extends GoObject {
  readonly goType = '*semver.Version';
  formatV(): string {
    return '<nil>';
  }
  override isNilPointer(): boolean {
    return true;
  }
}

describe('isEmpty (Sprig empty, text/template truthiness)', () => {
  it('treats structs as never empty and nil pointers as empty', () => {
    expect(isEmpty(new Struct())).toBe(false);
    expect(isEmpty(new NilPointer())).toBe(true);
  });
  it('treats an empty []byte as empty', () => {
    expect(isEmpty(new GoBytes(new Uint8Array()))).toBe(true);
    expect(isEmpty(new GoBytes(Uint8Array.from([0])))).toBe(false);
  });
  it('default and ternary pass provenance through', () => {
    expect(defaultFuncs.default?.passThrough).toBe('any');
    expect(defaultFuncs.ternary?.params).toEqual(['interface {}', 'interface {}', 'bool']);
  });
});
