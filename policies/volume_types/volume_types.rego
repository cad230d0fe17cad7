# METADATA
# title: Volume type outside the restricted set
# description: >-
#   The Pod Security restricted profile allows only volumes that cannot reach the node or arbitrary storage:
#   configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret. hostPath has its
#   own policy (host_path_volume).
# custom:
#   id: chartlint.volume_types/warn
#   severity: warning
#   security-severity: "5.0"
#   remediation: Mount the storage through a PersistentVolumeClaim (or a CSI volume) instead.
#   tags: [security, pod-security-restricted]
package chartlint.volume_types

import data.chartlint.lib.kubernetes
import rego.v1

allowed := {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

warn contains {"msg": msg, "path": array.concat(kubernetes.pod_spec_path, ["volumes", i, field])} if {
	some i, volume in kubernetes.pod_spec.volumes
	some field, _ in volume
	field != "name"
	field != "hostPath"
	not allowed[field]
	msg := sprintf("Volume %q of %s is of type %s, outside the restricted set.", [object.get(volume, "name", "(unnamed)"), kubernetes.resource, field])
}
