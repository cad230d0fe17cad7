/** Every built-in rule, by id, in sorted order (DESIGN.md §5: one explicit map, no discovery magic). */
import { rule as crdOrdering } from './crd-ordering.js';
import { rule as deprecatedApiVersion } from './deprecated-api-version.js';
import { rule as floatingImageTag } from './floating-image-tag.js';
import { rule as kubernetesSchema } from './kubernetes-schema.js';
import { rule as plaintextSecret } from './plaintext-secret.js';
import type { Rule } from './types.js';
import { rule as unpinnedDependency } from './unpinned-dependency.js';
import { rule as valuesSchema } from './values-schema.js';

/** The registry. Keep the entries sorted by id; the meta test checks it against rules/catalog.yaml. */
export const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  [crdOrdering.id, crdOrdering as Rule],
  [deprecatedApiVersion.id, deprecatedApiVersion as Rule],
  [floatingImageTag.id, floatingImageTag as Rule],
  [kubernetesSchema.id, kubernetesSchema as Rule],
  [plaintextSecret.id, plaintextSecret as Rule],
  [unpinnedDependency.id, unpinnedDependency as Rule],
  [valuesSchema.id, valuesSchema as Rule],
]);
