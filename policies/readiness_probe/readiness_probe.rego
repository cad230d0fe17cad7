# METADATA
# title: Missing readiness probe
# description: >-
#   Without a readiness probe a pod receives traffic as soon as its containers start, before the application can serve it, and keeps receiving it when it cannot. Checked on Deployments, StatefulSets, DaemonSets and ReplicaSets (not Jobs).
# custom:
#   id: chartlint.readiness_probe/warn
#   severity: warning
#   remediation: >-
#     Add a `readinessProbe` that succeeds only when the container can serve requests.
#   tags: [reliability, probes]
package chartlint.readiness_probe

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(entry.path, ["readinessProbe"])} if {
	kubernetes.long_running_kinds[input.kind]
	some entry in kubernetes.app_containers
	not entry.container.readinessProbe
	msg := sprintf("Container \"%s\" of %s has no readiness probe.", [kubernetes.name(entry.container), kubernetes.resource])
}
