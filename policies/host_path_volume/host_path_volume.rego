# METADATA
# title: hostPath volume
# description: >-
#   A hostPath volume mounts a directory of the node into the pod, exposing the node's files and often a way out of
#   the container; the Pod Security baseline forbids it.
# custom:
#   id: chartlint.host_path_volume/deny
#   severity: error
#   security-severity: "8.0"
#   remediation: Use a persistentVolumeClaim, configMap, secret or emptyDir volume instead of `hostPath`.
#   tags: [security, pod-security-baseline]
package chartlint.host_path_volume

import data.chartlint.lib.kubernetes
import rego.v1

deny contains {"msg": msg, "path": array.concat(kubernetes.pod_spec_path, ["volumes", i, "hostPath"])} if {
	some i, volume in kubernetes.pod_spec.volumes
	volume.hostPath
	msg := sprintf("Volume \"%s\" of %s mounts the host path \"%s\".", [volume.name, kubernetes.resource, object.get(volume.hostPath, "path", "")])
}
