# METADATA
# title: Default namespace
# description: >-
#   Objects placed in the `default` namespace share it with everything nobody thought about; charts should let the
#   release namespace apply (leave `metadata.namespace` out) or name a dedicated one.
# custom:
#   id: chartlint.default_namespace/warn
#   severity: warning
#   remediation: Remove `metadata.namespace` (Helm's `--namespace` applies) or set it from `.Release.Namespace`.
#   tags: [best-practice]
package chartlint.default_namespace

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": ["metadata", "namespace"]} if {
	input.metadata.namespace == "default"
	msg := sprintf("%s is placed in the default namespace.", [kubernetes.resource])
}
