# METADATA
# title: Custom SELinux options
# description: >-
#   A custom SELinux user, role or type can lift a container out of its confinement; the Pod Security baseline
#   allows only the container types (`container_t`, `container_init_t`, `container_kvm_t`, `container_engine_t`)
#   and no user or role.
# custom:
#   id: chartlint.selinux_options/deny
#   severity: error
#   security-severity: "7.0"
#   remediation: Remove `seLinuxOptions.user` and `.role`, and use one of the container types or none.
#   tags: [security, pod-security-baseline]
package chartlint.selinux_options

import data.chartlint.lib.kubernetes
import rego.v1

allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

deny contains {"msg": msg, "path": array.concat(sc.path, ["seLinuxOptions", "type"])} if {
	some sc in kubernetes.security_contexts
	selinux_type := sc.context.seLinuxOptions.type
	not allowed_types[selinux_type]
	msg := sprintf("%s sets the SELinux type %q.", [sc.subject, selinux_type])
}

deny contains {"msg": msg, "path": array.concat(sc.path, ["seLinuxOptions", field])} if {
	some sc in kubernetes.security_contexts
	some field in ["user", "role"]
	value := sc.context.seLinuxOptions[field]
	value != ""
	msg := sprintf("%s sets the SELinux %s %q.", [sc.subject, field, value])
}
