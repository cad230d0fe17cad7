# METADATA
# title: Windows HostProcess container
# description: >-
#   A Windows HostProcess container runs directly on the node with the node's privileges; the Pod Security baseline
#   forbids `windowsOptions.hostProcess` at pod and container level.
# custom:
#   id: chartlint.host_process/deny
#   severity: error
#   security-severity: "9.0"
#   remediation: Remove `securityContext.windowsOptions.hostProcess` or set it to `false`.
#   tags: [security, pod-security-baseline]
package chartlint.host_process

import data.chartlint.lib.kubernetes
import rego.v1

deny contains {"msg": msg, "path": array.concat(sc.path, ["windowsOptions", "hostProcess"])} if {
	some sc in kubernetes.security_contexts
	sc.context.windowsOptions.hostProcess == true
	msg := sprintf("%s runs as a Windows HostProcess container.", [sc.subject])
}
