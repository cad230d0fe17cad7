import { ChartlintError } from '../diagnostics/errors.js';
import { ruleKind } from './conventions.js';
import type { LoadedPolicy } from './wasm-host.js';

/**
 * The entry point chartlint's own builds compile: one rule whose value maps every conftest rule id
 * (`<package>/<rule>`) to that rule's value, so a manifest costs one evaluation instead of one per rule.
 */
export const AGGREGATE_ENTRYPOINT = 'chartlint_conftest_entry/results';

/** The package of {@link AGGREGATE_ENTRYPOINT}, as written in generated Rego. */
export const AGGREGATE_PACKAGE = 'chartlint_conftest_entry';

/** Selects which conftest rules are evaluated, by package and rule name. */
export type RuleFilter = (pkg: string, rule: string) => boolean;

/** Converts a wasm entry point name (`a/b/deny`) into a conftest rule id (`a.b/deny`). */
export function ruleIdOfEntrypoint(entrypoint: string): string {
  const parts = entrypoint.split('/');
  const rule = parts.pop() ?? '';
  return `${parts.join('.')}/${rule}`;
}

/**
 * One compiled policy module, instantiated once per run: its data is set when the evaluation context changes and
 * each manifest is one evaluation (per conftest rule when the module was built by someone else).
 */
export class PolicyModule {
  readonly label: string;
  private readonly policy: LoadedPolicy;
  private readonly aggregate: boolean;
  /** For modules without the aggregate entry point: entry point name → rule id, in rule id order. */
  private readonly entrypoints: [string, string][];
  private readonly filter: RuleFilter;
  private lastData: string | undefined;

  private constructor(label: string, policy: LoadedPolicy, filter: RuleFilter) {
    this.label = label;
    this.policy = policy;
    this.filter = filter;
    this.aggregate = Object.hasOwn(policy.entrypoints, AGGREGATE_ENTRYPOINT);
    this.entrypoints = this.aggregate
      ? []
      : Object.keys(policy.entrypoints)
          .map((ep): [string, string] => [ep, ruleIdOfEntrypoint(ep)])
          .filter(([, id]) => isConftestRule(id, filter))
          .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  }

  /** Compiles and instantiates `wasm` (the host is imported here, lazily, so runs without policies skip opa-wasm). */
  static async load(label: string, wasm: Uint8Array, filter: RuleFilter): Promise<PolicyModule> {
    const { instantiatePolicy } = await import('./wasm-host.js');
    let policy: LoadedPolicy;
    try {
      // A private copy: WebAssembly wants an ArrayBuffer of exactly the module's bytes.
      const buffer = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
      policy = await instantiatePolicy(buffer);
    } catch (err) {
      throw new ChartlintError(
        'policy-invalid',
        `${label}: not a loadable OPA WebAssembly module (${describe(err)}).`,
        {
          location: { file: label },
        },
      );
    }
    return new PolicyModule(label, policy, filter);
  }

  /** True when the module was built by chartlint or has a `deny`/`violation`/`warn` entry point selected. */
  hasRules(): boolean {
    return (
      this.aggregate ||
      this.entrypoints.some(([, id]) => ruleKind(id.slice(id.lastIndexOf('/') + 1)) !== 'exception')
    );
  }

  /** Sets the base document, skipping the copy into wasm memory when it did not change since the last call. */
  setData(data: Record<string, unknown>): void {
    const text = JSON.stringify(data);
    if (text === this.lastData) return;
    this.policy.setData(new TextEncoder().encode(text).buffer as ArrayBuffer);
    this.lastData = text;
  }

  /**
   * Evaluates every selected conftest rule (and `exception`) for one input, given as its JSON text encoded once by
   * the caller. Returns rule id → the rule's value; undefined rules are absent.
   */
  evaluate(input: ArrayBuffer, what: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (this.aggregate) {
      const value = resultOf(this.run(input, AGGREGATE_ENTRYPOINT, what));
      if (value !== null && typeof value === 'object') {
        for (const id of Object.keys(value).sort()) {
          if (isConftestRule(id, this.filter)) out.set(id, (value as Record<string, unknown>)[id]);
        }
      }
      return out;
    }
    for (const [ep, id] of this.entrypoints) {
      const value = resultOf(this.run(input, ep, what));
      if (value !== undefined) out.set(id, value);
    }
    return out;
  }

  private run(input: ArrayBuffer, entrypoint: string, what: string): unknown {
    try {
      return this.policy.evaluate(input, entrypoint);
    } catch (err) {
      throw new ChartlintError(
        'policy-invalid',
        `${this.label}: evaluating ${ruleIdOfEntrypoint(entrypoint)} on ${what} failed: ${describe(err)}.`,
        { location: { file: this.label } },
      );
    }
  }
}

function isConftestRule(ruleId: string, filter: RuleFilter): boolean {
  const slash = ruleId.lastIndexOf('/');
  const rule = ruleId.slice(slash + 1);
  return slash > 0 && ruleKind(rule) !== undefined && filter(ruleId.slice(0, slash), rule);
}

/** opa-wasm returns a result set `[{result: value}]`; an empty set means the rule is undefined. */
function resultOf(resultSet: unknown): unknown {
  if (!Array.isArray(resultSet) || resultSet.length === 0) return undefined;
  const first: unknown = resultSet[0];
  return first !== null && typeof first === 'object' ? (first as { result?: unknown }).result : undefined;
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
}
