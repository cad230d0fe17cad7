# METADATA
# title: Seccomp profile
# description: >-
#   Without a seccomp profile a container may call every system call of the kernel. The Pod Security baseline
#   forbids `Unconfined` (reported as an error); the restricted profile requires `RuntimeDefault` or `Localhost`.
# custom:
#   id: chartlint.seccomp_profile/warn
#   severity: warning
#   security-severity: "5.0"
#   remediation: >-
#     Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec (or `Localhost` with a profile).
#   tags: [security, pod-security-baseline, pod-security-restricted]
package chartlint.seccomp_profile

import data.chartlint.lib.kubernetes
import rego.v1

pod_profile := kubernetes.pod_spec.securityContext.seccompProfile.type

# The profile in force for a container: its own, else the pod's.
profile(c) := c.securityContext.seccompProfile.type

profile(c) := pod_profile if not c.securityContext.seccompProfile.type

confined(c) if profile(c) in {"RuntimeDefault", "Localhost"}

unconfined(c) if profile(c) == "Unconfined"

warn contains {"msg": msg, "path": array.concat(kubernetes.pod_spec_path, ["securityContext", "seccompProfile", "type"])} if {
	kubernetes.pod_spec
	some entry in kubernetes.containers
	not confined(entry.container)
	not unconfined(entry.container)
	msg := sprintf("Container \"%s\" of %s has no seccomp profile.", [kubernetes.name(entry.container), kubernetes.resource])
}

warn contains {"msg": msg, "path": path, "severity": "error"} if {
	some entry in kubernetes.containers
	unconfined(entry.container)
	path := unconfined_path(entry)
	msg := sprintf("Container \"%s\" of %s runs with the Unconfined seccomp profile.", [kubernetes.name(entry.container), kubernetes.resource])
}

unconfined_path(entry) := array.concat(entry.path, ["securityContext", "seccompProfile", "type"]) if {
	entry.container.securityContext.seccompProfile.type
}

unconfined_path(entry) := array.concat(kubernetes.pod_spec_path, ["securityContext", "seccompProfile", "type"]) if {
	not entry.container.securityContext.seccompProfile.type
}
