# METADATA
# title: Service exposed outside the cluster
# description: >-
#   A Service of type NodePort opens a port on every node and a LoadBalancer one usually gets a public address;
#   exposure outside the cluster should be a deliberate choice (an Ingress or Gateway is the usual way in).
# custom:
#   id: chartlint.service_exposure/warn
#   severity: warning
#   security-severity: "5.0"
#   remediation: >-
#     Use `type: ClusterIP` behind an Ingress or Gateway, or make the exposure a documented value of the chart.
#   tags: [security, network]
package chartlint.service_exposure

import rego.v1

warn contains {"msg": msg, "path": ["spec", "type"]} if {
	input.kind == "Service"
	input.spec.type in {"NodePort", "LoadBalancer"}
	msg := sprintf("Service %s is exposed outside the cluster (type %s).", [input.metadata.name, input.spec.type])
}
