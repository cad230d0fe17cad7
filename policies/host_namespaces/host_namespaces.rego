# METADATA
# title: Host namespaces
# description: >-
#   Sharing the host's network, PID or IPC namespace lets a pod see and reach the node's processes and traffic; the
#   Pod Security baseline forbids it.
# custom:
#   id: chartlint.host_namespaces/deny
#   severity: error
#   security-severity: "8.0"
#   remediation: Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to `false`).
#   tags: [security, pod-security-baseline]
package chartlint.host_namespaces

import data.chartlint.lib.kubernetes
import rego.v1

deny contains {"msg": msg, "path": array.concat(kubernetes.pod_spec_path, [field])} if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	kubernetes.pod_spec[field] == true
	msg := sprintf("%s shares the host's namespace through %s.", [kubernetes.resource, field])
}
