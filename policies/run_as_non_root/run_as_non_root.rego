# METADATA
# title: Container may run as root
# description: >-
#   A container that does not set `runAsNonRoot: true` (itself or through the pod) may run as root; one that sets
#   `runAsUser: 0` certainly does. The Pod Security restricted profile requires non-root containers.
# custom:
#   id: chartlint.run_as_non_root/warn
#   severity: warning
#   security-severity: "6.0"
#   remediation: >-
#     Set `securityContext.runAsNonRoot: true` on the pod or the container, and a non-zero `runAsUser` if the image has no user.
#   tags: [security, pod-security-restricted]
package chartlint.run_as_non_root

import data.chartlint.lib.kubernetes
import rego.v1

# The container's setting wins over the pod's.
effective(c, key) := c.securityContext[key]

effective(c, key) := kubernetes.pod_spec.securityContext[key] if not has_key(object.get(c, "securityContext", {}), key)

has_key(obj, key) if _ = obj[key]

non_root(c) if effective(c, "runAsNonRoot") == true

root_user(c) if effective(c, "runAsUser") == 0

# Where the setting in force is written: the container's field, else the pod's, else the container's (absent) one.
setting_path(entry, key) := array.concat(entry.path, ["securityContext", key]) if has_key(object.get(entry.container, "securityContext", {}), key)

setting_path(entry, key) := array.concat(kubernetes.pod_spec_path, ["securityContext", key]) if {
	not has_key(object.get(entry.container, "securityContext", {}), key)
	has_key(object.get(kubernetes.pod_spec, "securityContext", {}), key)
}

setting_path(entry, key) := array.concat(entry.path, ["securityContext", key]) if {
	not has_key(object.get(entry.container, "securityContext", {}), key)
	not has_key(object.get(kubernetes.pod_spec, "securityContext", {}), key)
}

warn contains {"msg": msg, "path": setting_path(entry, "runAsNonRoot")} if {
	some entry in kubernetes.containers
	not non_root(entry.container)
	not root_user(entry.container)
	msg := sprintf("Container \"%s\" of %s does not set runAsNonRoot: true, so it may run as root.", [kubernetes.name(entry.container), kubernetes.resource])
}

warn contains {"msg": msg, "path": setting_path(entry, "runAsUser"), "severity": "error"} if {
	some entry in kubernetes.containers
	root_user(entry.container)
	msg := sprintf("Container \"%s\" of %s runs as root (runAsUser: 0).", [kubernetes.name(entry.container), kubernetes.resource])
}
