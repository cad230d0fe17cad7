# METADATA
# title: Added capabilities
# description: >-
#   Containers may add only the capabilities of the Pod Security baseline's allowed list (such as NET_BIND_SERVICE);
#   others like SYS_ADMIN or NET_ADMIN give a container control of the node.
# custom:
#   id: chartlint.added_capabilities/deny
#   severity: error
#   security-severity: "7.5"
#   remediation: Remove the capability from `securityContext.capabilities.add`; drop `ALL` and add back only what the baseline allows.
#   tags: [security, pod-security-baseline]
package chartlint.added_capabilities

import data.chartlint.lib.kubernetes
import rego.v1

# The capabilities the Pod Security baseline lets a container add.
allowed := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
	"SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains {"msg": msg, "path": array.concat(entry.path, ["securityContext", "capabilities", "add", j])} if {
	some entry in kubernetes.containers
	some j, capability in entry.container.securityContext.capabilities.add

	# Compared as written, as Pod Security admission does: `CAP_CHOWN` or `chown` is rejected there too.
	not allowed[capability]
	msg := sprintf("Container \"%s\" of %s adds the capability %s.", [kubernetes.name(entry.container), kubernetes.resource, capability])
}
