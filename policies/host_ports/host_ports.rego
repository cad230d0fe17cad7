# METADATA
# title: Host ports
# description: >-
#   A hostPort binds a port on every node the pod lands on, bypassing network policies and limiting scheduling; the
#   Pod Security baseline forbids it.
# custom:
#   id: chartlint.host_ports/deny
#   severity: error
#   security-severity: "6.5"
#   remediation: Remove `hostPort` and expose the port through a Service.
#   tags: [security, pod-security-baseline]
package chartlint.host_ports

import data.chartlint.lib.kubernetes
import rego.v1

deny contains {"msg": msg, "path": array.concat(entry.path, ["ports", j, "hostPort"])} if {
	some entry in kubernetes.containers
	some j, port in entry.container.ports
	port.hostPort > 0
	msg := sprintf("Container \"%s\" of %s binds the host port %v.", [kubernetes.name(entry.container), kubernetes.resource, port.hostPort])
}
