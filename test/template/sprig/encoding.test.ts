import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCallContext } from '../../../src/template/render-context.js';
import { encodingFuncs } from '../../../src/template/sprig/encoding.js';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/template/sprig/encoding.golden.json', import.meta.url), 'utf8'),
) as { cases: Record<string, { output?: string; error?: string }> };
const ctx = createCallContext({ seed: 'encoding' });
const call = (name: string, ...args: unknown[]): unknown => encodingFuncs[name]?.call(ctx, ...args);
const each = (name: string, inputs: string[]): string => inputs.map((s) => call(name, s)).join('|');
const output = (id: string): string | undefined => golden.cases[id]?.output;

describe('encodingFuncs against helm goldens', () => {
  it('b64enc', () => {
    expect(each('b64enc', ['hello world', '', 'a', 'ab', 'héllo'])).toBe(output('b64enc'));
    expect(call('b64enc', 'hunter2')).toBe(output('b64enc-values'));
  });
  it('b64dec, including newlines inside the input', () => {
    expect(each('b64dec', ['aGVsbG8gd29ybGQ=', 'YQ==', 'YWI=', '', 'aMOpbGxv'])).toBe(output('b64dec'));
    expect(call('b64dec', 'aGVs\nbG8=\r\n')).toBe(output('b64dec-newlines'));
  });
  it('b64dec returns Go error texts with the byte offsets of encoding/base64', () => {
    const inputs = ['!!', 'YQ', 'YQ=', 'Y===', 'YQ==YQ==', 'YWJj=', 'a', 'YW Jj', '=', 'YQ=x'];
    expect(each('b64dec', inputs)).toBe(output('b64dec-errors'));
  });
  it('round-trips UTF-8', () => {
    expect(call('b64dec', call('b64enc', 'chart: café & ümlaut'))).toBe(output('b64-roundtrip'));
  });
  it('b32enc and b32dec', () => {
    expect(each('b32enc', ['hello', '', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abcdef'])).toBe(output('b32enc'));
    const inputs = ['NBSWY3DP', 'ME======', 'MFRA====', 'MFRGG===', 'MFRGGZA=', '', 'NBSW\nY3DP'];
    expect(each('b32dec', inputs)).toBe(output('b32dec'));
  });
  it('b32dec returns Go error texts with the byte offsets of encoding/base32', () => {
    const inputs = [
      '!!',
      'ME',
      'ME=====',
      'M=======',
      'MFR=====',
      'nbswy3dp',
      'ME======ME======',
      'ME=x====',
    ];
    expect(each('b32dec', inputs)).toBe(output('b32dec-errors'));
  });
  it('declares string parameters so the engine reports float64 arguments as Go does', () => {
    for (const spec of Object.values(encodingFuncs)) expect(spec.params).toEqual(['string']);
    expect(golden.cases['b64enc-float-arg']?.error).toContain(
      'wrong type for value; expected string; got float64',
    );
  });
});
