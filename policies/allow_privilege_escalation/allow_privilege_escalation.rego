# METADATA
# title: Privilege escalation allowed
# description: >-
#   Unless `allowPrivilegeEscalation` is false, a process in the container can gain more privileges than its parent
#   (through setuid binaries, for example); the Pod Security restricted profile requires it to be false.
# custom:
#   id: chartlint.allow_privilege_escalation/warn
#   severity: warning
#   security-severity: "6.0"
#   remediation: >-
#     Set `securityContext.allowPrivilegeEscalation: false` on every container.
#   tags: [security, pod-security-restricted]
package chartlint.allow_privilege_escalation

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(entry.path, ["securityContext", "allowPrivilegeEscalation"])} if {
	some entry in kubernetes.containers
	not entry.container.securityContext.allowPrivilegeEscalation == false
	msg := sprintf("Container \"%s\" of %s allows privilege escalation.", [kubernetes.name(entry.container), kubernetes.resource])
}
