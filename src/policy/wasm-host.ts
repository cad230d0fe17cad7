/**
 * Instantiates an OPA WebAssembly policy with chartlint's host built-ins.
 *
 * opa-wasm's `loadPolicy` consults its own JavaScript built-ins before the custom ones it is given, so its C-style
 * `sprintf` (no `%q`, JavaScript number and array printing) cannot be replaced through it. chartlint therefore
 * instantiates the module itself against OPA's documented WebAssembly ABI (the `env` imports below) and hands the
 * instance to opa-wasm's exported `LoadedPolicy`, which keeps evaluating, data and memory handling as they were.
 */
import * as opaWasm from '@open-policy-agent/opa-wasm';
import { HOST_BUILTINS } from './host-builtins.js';
import { parseRegoValue } from './rego-value.js';

/** The part of opa-wasm's `LoadedPolicy` chartlint uses. */
export interface LoadedPolicy {
  entrypoints: Record<string, number>;
  setData(data: object | ArrayBuffer): void;
  evaluate(input: unknown, entrypoint?: number | string): unknown;
}

/** The slice of the WebAssembly JavaScript API used here (the project's `lib` carries no WebAssembly typings). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmGlobal {
  readonly value: unknown;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  instantiate(bytes: ArrayBuffer, imports: object): Promise<{ instance: { exports: object } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * opa-wasm's ESM entry default-exports its CommonJS module object, which holds the `LoadedPolicy` class; its type
 * declarations leave that default export untyped.
 */
const { LoadedPolicy: LoadedPolicyClass } = (
  opaWasm as unknown as {
    default: {
      LoadedPolicy: new (
        instance: object,
        memory: WasmMemory,
        minorVersion: number | undefined,
      ) => LoadedPolicy;
    };
  }
).default;

/** The exports of an OPA policy module that the host calls (ABI 1.x). */
interface PolicyExports {
  opa_malloc(size: number): number;
  opa_json_parse(addr: number, len: number): number;
  opa_json_dump(addr: number): number;
  opa_value_dump(addr: number): number;
  builtins(): number;
  opa_wasm_abi_version?: WasmGlobal | number;
  opa_wasm_abi_minor_version?: WasmGlobal | number;
}

/** Initial memory in 64 KiB pages, opa-wasm's default; the module grows it as it needs. */
const INITIAL_PAGES = 5;

/** Reads a NUL-terminated UTF-8 string from the module's memory. */
function readString(memory: WasmMemory, addr: number): string {
  const bytes = new Uint8Array(memory.buffer);
  let end = addr;
  while (bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(addr, end));
}

function globalNumber(value: WasmGlobal | number | undefined): number | undefined {
  return typeof value === 'number' ? value : (value?.value as number | undefined);
}

/**
 * Compiles and instantiates `wasm` (an `opa build -t wasm` module). Calls to host built-ins go to
 * {@link HOST_BUILTINS}; a built-in neither the module nor chartlint implements fails the evaluation with its name.
 */
export async function instantiatePolicy(wasm: ArrayBuffer): Promise<LoadedPolicy> {
  const memory = new wasmApi.Memory({ initial: INITIAL_PAGES });
  // Filled in once the module is instantiated; the imports below only run during evaluations, after that.
  const host: { exports?: PolicyExports; names: Record<number, string> } = { names: {} };

  const dump = (addr: number, rego: boolean): string => {
    const e = host.exports as PolicyExports;
    return readString(memory, rego ? e.opa_value_dump(addr) : e.opa_json_dump(addr));
  };
  const load = (value: unknown): number => {
    // Undefined results are the null address, which the module reads as an undefined call.
    if (value === undefined) return 0;
    const e = host.exports as PolicyExports;
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    const addr = e.opa_malloc(bytes.length);
    new Uint8Array(memory.buffer).set(bytes, addr);
    return e.opa_json_parse(addr, bytes.length);
  };
  const callBuiltin = (id: number, ...argAddrs: number[]): number => {
    const name = host.names[id] ?? `#${id}`;
    const builtin = HOST_BUILTINS[name];
    if (builtin === undefined)
      throw new Error(`the built-in function ${name} is not supported in WebAssembly`);
    if (builtin.args === 'rego')
      return load(builtin.call(...argAddrs.map((a) => parseRegoValue(dump(a, true)))));
    return load(builtin.call(...argAddrs.map((a) => JSON.parse(dump(a, false)) as unknown)));
  };

  const imports = {
    env: {
      memory,
      opa_abort: (addr: number) => {
        throw new Error(readString(memory, addr));
      },
      // Rego's print() has nowhere to go: chartlint's output streams carry reports that must stay parseable.
      opa_println: () => undefined,
      opa_builtin0: (id: number) => callBuiltin(id),
      opa_builtin1: (id: number, _ctx: number, a: number) => callBuiltin(id, a),
      opa_builtin2: (id: number, _ctx: number, a: number, b: number) => callBuiltin(id, a, b),
      opa_builtin3: (id: number, _ctx: number, a: number, b: number, c: number) => callBuiltin(id, a, b, c),
      opa_builtin4: (id: number, _ctx: number, a: number, b: number, c: number, d: number) =>
        callBuiltin(id, a, b, c, d),
    },
  };

  const { instance } = await wasmApi.instantiate(wasm, imports);
  const exports = instance.exports as unknown as PolicyExports;
  host.exports = exports;
  const major = globalNumber(exports.opa_wasm_abi_version);
  if (major !== 1) throw new Error(`unsupported OPA WebAssembly ABI version ${String(major)}`);
  const byName = JSON.parse(dump(exports.builtins(), false)) as Record<string, number>;
  host.names = Object.fromEntries(Object.entries(byName).map(([name, id]) => [id, name]));
  return new LoadedPolicyClass(instance, memory, globalNumber(exports.opa_wasm_abi_minor_version));
}
