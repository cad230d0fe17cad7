# METADATA
# title: Unsafe sysctls
# description: >-
#   Sysctls outside the namespaced "safe" set can change the node for every pod on it; the Pod Security baseline
#   allows only that set in `securityContext.sysctls`.
# custom:
#   id: chartlint.unsafe_sysctls/deny
#   severity: error
#   security-severity: "6.5"
#   remediation: Remove the sysctl, or configure the node instead of the pod.
#   tags: [security, pod-security-baseline]
package chartlint.unsafe_sysctls

import data.chartlint.lib.kubernetes
import rego.v1

# The safe set of the Pod Security baseline (Kubernetes 1.29 and later).
safe := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

deny contains {"msg": msg, "path": array.concat(kubernetes.pod_spec_path, ["securityContext", "sysctls", i, "name"])} if {
	some i, sysctl in kubernetes.pod_spec.securityContext.sysctls
	not safe[sysctl.name]
	msg := sprintf("%s sets the unsafe sysctl %v.", [kubernetes.resource, sysctl.name])
}
