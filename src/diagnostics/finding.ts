import type { Location, RelatedLocation } from './location.js';
import type { Severity } from './severity.js';

/** The identity of a Kubernetes object a finding is about. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** One problem found by a rule or a policy. DESIGN.md §5. */
export interface Finding {
  ruleId: string;
  /** Identifies which message of the rule produced this finding (stable across wording changes). */
  messageId?: string;
  /** One sentence, ending with a period. Never contains a secret value. */
  message: string;
  severity: Severity;
  /** Chart directory (or archive), relative to the working directory. */
  chart: string;
  /** Environments in which this finding occurred, sorted. */
  environments: string[];
  resource?: ResourceRef;
  /** JSON path inside the resource. */
  path?: (string | number)[];
  location: Location;
  related: RelatedLocation[];
  /** Stable identity: see fingerprint.ts. */
  fingerprint: string;
  suppressed: boolean;
  /** Why the finding is suppressed (comment, annotation, config, baseline). */
  suppression?: { kind: 'comment' | 'annotation' | 'config' | 'baseline'; justification?: string };
  /** Extra properties (policy details, approximation notes). */
  properties?: Record<string, unknown>;
}
