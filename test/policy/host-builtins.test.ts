import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWasmBundle } from '../../src/policy/bundle.js';
import { instantiatePolicy, type LoadedPolicy } from '../../src/policy/wasm-host.js';
import { opaSprintfOperand } from '../../src/policy/host-builtins.js';
import { formatRegoTerm, parseRegoValue } from '../../src/policy/rego-value.js';
import { GoInt } from '../../src/values/model.js';
import { FIXTURES } from './helpers.js';

// Cases evaluated by `opa eval` (opa 1.4.2) and compiled to WebAssembly by
// fixtures/policies/host-builtins/record.mjs: chartlint's host must give opa's answer for every one.
const DIR = `${FIXTURES}/host-builtins`;
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<
  string,
  { value?: unknown; undefined?: true }
>;

describe('host built-ins against opa eval', () => {
  let results: Record<string, unknown>;

  beforeAll(async () => {
    const bundle = await readWasmBundle(readFileSync(`${DIR}/cases.tar.gz`), 'cases.tar.gz');
    const buffer = bundle.wasm.buffer.slice(
      bundle.wasm.byteOffset,
      bundle.wasm.byteOffset + bundle.wasm.byteLength,
    ) as ArrayBuffer;
    const policy: LoadedPolicy = await instantiatePolicy(buffer);
    policy.setData({});
    // The input's JSON text as is, as chartlint passes it, so number literals (2.0, 1.50) reach the module intact.
    const inputBytes = readFileSync(`${DIR}/input.json`);
    const input = inputBytes.buffer.slice(
      inputBytes.byteOffset,
      inputBytes.byteOffset + inputBytes.byteLength,
    );
    const set = policy.evaluate(input, 'host_builtin_cases/results') as [{ result: Record<string, unknown> }];
    results = set[0].result;
  });

  it.each(Object.keys(expected))('%s', (id) => {
    const want = expected[id] as { value?: unknown; undefined?: true };
    if (want.undefined) expect(Object.hasOwn(results, id)).toBe(false);
    else expect(results[id]).toEqual(want.value);
  });
});

describe('Rego values', () => {
  it('round-trips the value dump syntax in OPA print form', () => {
    const text = '[1.0,{"b":set(),"a":{3,1}},"é\\u0001",null,true,{}]';
    expect(formatRegoTerm(parseRegoValue(text))).toBe(
      '[1.0, {"a": {1, 3}, "b": set()}, "é\\x01", null, true, {}]',
    );
  });

  it('rejects text the runtime never produces', () => {
    expect(() => parseRegoValue('[1,')).toThrow(/offset 3/);
    expect(() => parseRegoValue('{1:2,3}')).toThrow(/unexpected Rego value/);
  });

  it('converts sprintf operands as OPA does: int, float64, text for out-of-range numbers', () => {
    expect(opaSprintfOperand({ kind: 'number', text: '-3' })).toEqual(new GoInt(-3n, 'int'));
    expect(opaSprintfOperand({ kind: 'number', text: '3.0' })).toBe(3);
    expect(opaSprintfOperand({ kind: 'number', text: '1e400' })).toBe('1e400');
    expect(opaSprintfOperand({ kind: 'boolean', value: false })).toBe('false');
  });
});
