# METADATA
# title: Unmasked /proc mount
# description: >-
#   `procMount: Unmasked` exposes the host's /proc paths the runtime normally masks; the Pod Security baseline allows
#   only the default mount type.
# custom:
#   id: chartlint.proc_mount/deny
#   severity: error
#   security-severity: "7.0"
#   remediation: Remove `securityContext.procMount` or set it to `Default`.
#   tags: [security, pod-security-baseline]
package chartlint.proc_mount

import data.chartlint.lib.kubernetes
import rego.v1

deny contains {"msg": msg, "path": array.concat(entry.path, ["securityContext", "procMount"])} if {
	some entry in kubernetes.containers
	mount := entry.container.securityContext.procMount
	mount != "Default"
	msg := sprintf("Container %q of %s uses the /proc mount type %q.", [kubernetes.name(entry.container), kubernetes.resource, mount])
}
