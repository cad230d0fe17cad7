# METADATA
# title: Privileged container
# description: >-
#   A privileged container has every capability of the host and can reach its devices; the Pod Security baseline
#   forbids it.
# custom:
#   id: chartlint.privileged_container/deny
#   severity: error
#   security-severity: "9.0"
#   remediation: Remove `securityContext.privileged` or set it to `false`; grant the single capability needed instead.
#   tags: [security, pod-security-baseline]
package chartlint.privileged_container

import data.chartlint.lib.kubernetes
import rego.v1

deny contains {"msg": msg, "path": array.concat(entry.path, ["securityContext", "privileged"])} if {
	some entry in kubernetes.containers
	entry.container.securityContext.privileged == true
	msg := sprintf("Container \"%s\" of %s runs privileged.", [kubernetes.name(entry.container), kubernetes.resource])
}
