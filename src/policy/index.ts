/** The policy layer: conftest-style Rego policies compiled to WebAssembly and evaluated over rendered manifests. */
export { loadPolicySet, PolicySet } from './policy-set.js';
export type { PolicyContext, PolicyManifest, PolicyPath, PolicyResult, PolicySetOptions } from './types.js';
export { OPA_MISSING_MESSAGE } from './opa-cli.js';
export { BUILTIN_BUNDLE_PATH, isBuiltinRuleId } from './builtin.js';
export { benchmarkPolicies, type PolicyBenchResult } from './bench.js';
