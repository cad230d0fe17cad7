# METADATA
# title: Writable root filesystem
# description: >-
#   A container whose root filesystem is writable lets an attacker who gets in change its binaries and
#   configuration; mount writable paths as volumes and keep the rest read-only.
# custom:
#   id: chartlint.read_only_root_filesystem/warn
#   severity: warning
#   security-severity: "4.0"
#   remediation: >-
#     Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the application writes.
#   tags: [security]
package chartlint.read_only_root_filesystem

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(entry.path, ["securityContext", "readOnlyRootFilesystem"])} if {
	some entry in kubernetes.containers
	not entry.container.securityContext.readOnlyRootFilesystem == true
	msg := sprintf("Container \"%s\" of %s has a writable root filesystem.", [kubernetes.name(entry.container), kubernetes.resource])
}
