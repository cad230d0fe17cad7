# METADATA
# title: Missing resource requests
# description: >-
#   Without CPU and memory requests the scheduler cannot place a pod sensibly and the pod is the first to be evicted
#   under pressure (BestEffort quality of service).
# custom:
#   id: chartlint.resource_requests/warn
#   severity: warning
#   security-severity: "3.0"
#   remediation: Set `resources.requests.cpu` and `resources.requests.memory` on every container.
#   tags: [reliability, resources]
package chartlint.resource_requests

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(entry.path, ["resources", "requests", resource])} if {
	some entry in kubernetes.declared_containers
	some resource in ["cpu", "memory"]
	not entry.container.resources.requests[resource]
	msg := sprintf("Container \"%s\" of %s sets no %s request.", [kubernetes.name(entry.container), kubernetes.resource, resource])
}
