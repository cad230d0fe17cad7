# METADATA
# title: Service account token mounted
# description: >-
#   Unless `automountServiceAccountToken` is false, every pod gets a Kubernetes API token; a compromised container
#   can then talk to the API server with its service account's rights. Reported as a note because many pods need
#   the token and the ServiceAccount may turn mounting off where this pod spec cannot show it.
# custom:
#   id: chartlint.automount_service_account_token/warn
#   severity: note
#   security-severity: "3.5"
#   remediation: >-
#     Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount) unless the pod calls the
#     Kubernetes API.
#   tags: [security]
package chartlint.automount_service_account_token

import data.chartlint.lib.kubernetes
import rego.v1

warn contains {"msg": msg, "path": array.concat(kubernetes.pod_spec_path, ["automountServiceAccountToken"]), "severity": "note"} if {
	not kubernetes.pod_spec.automountServiceAccountToken == false
	msg := sprintf("%s mounts a service account token; set automountServiceAccountToken: false if it does not call the API.", [kubernetes.resource])
}
