# METADATA
# title: Capabilities not dropped
# description: >-
#   The Pod Security restricted profile requires every container to drop ALL capabilities and add back at most
#   NET_BIND_SERVICE, so a compromised process holds none of the runtime's default set.
# custom:
#   id: chartlint.drop_all_capabilities/warn
#   severity: warning
#   security-severity: "5.0"
#   remediation: Set `securityContext.capabilities.drop` to `["ALL"]` and add back only `NET_BIND_SERVICE` if needed.
#   tags: [security, pod-security-restricted]
package chartlint.drop_all_capabilities

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(entry.path, ["securityContext", "capabilities", "drop"])} if {
	some entry in kubernetes.declared_containers
	not "ALL" in object.get(entry.container, ["securityContext", "capabilities", "drop"], [])
	msg := sprintf("Container %q of %s does not drop ALL capabilities.", [kubernetes.name(entry.container), kubernetes.resource])
}

warn contains {"msg": msg, "path": array.concat(entry.path, ["securityContext", "capabilities", "add", j])} if {
	some entry in kubernetes.declared_containers
	some j, capability in entry.container.securityContext.capabilities.add
	capability != "NET_BIND_SERVICE"
	msg := sprintf("Container %q of %s adds the capability %v; the restricted profile allows only NET_BIND_SERVICE.", [kubernetes.name(entry.container), kubernetes.resource, capability])
}
