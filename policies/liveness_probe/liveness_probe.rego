# METADATA
# title: Missing liveness probe
# description: >-
#   Without a liveness probe Kubernetes cannot restart a container that hangs without exiting. Checked on Deployments, StatefulSets, DaemonSets and ReplicaSets (not Jobs).
# custom:
#   id: chartlint.liveness_probe/warn
#   severity: warning
#   remediation: >-
#     Add a `livenessProbe` (HTTP, TCP or exec) that fails when the process is stuck.
#   tags: [reliability, probes]
package chartlint.liveness_probe

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(entry.path, ["livenessProbe"])} if {
	kubernetes.long_running_kinds[input.kind]
	some entry in kubernetes.app_containers
	not entry.container.livenessProbe
	msg := sprintf("Container \"%s\" of %s has no liveness probe.", [kubernetes.name(entry.container), kubernetes.resource])
}
