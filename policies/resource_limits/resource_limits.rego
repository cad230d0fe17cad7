# METADATA
# title: Missing memory limit
# description: >-
#   A container without a memory limit can use all of its node's memory and starve its neighbours until the kernel
#   kills something. (CPU limits are left to the chart: they throttle rather than protect.)
# custom:
#   id: chartlint.resource_limits/warn
#   severity: warning
#   security-severity: "4.0"
#   remediation: Set `resources.limits.memory` on every container, typically to the memory request or a little above.
#   tags: [reliability, resources, security]
package chartlint.resource_limits

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(entry.path, ["resources", "limits", "memory"])} if {
	some entry in kubernetes.declared_containers
	not entry.container.resources.limits.memory
	msg := sprintf("Container \"%s\" of %s sets no memory limit.", [kubernetes.name(entry.container), kubernetes.resource])
}
