package chartlint.service_exposure_test

import data.chartlint.service_exposure
import rego.v1

test_node_port_warned if {
	got := service_exposure.warn with input as {"kind": "Service", "metadata": {"name": "web"}, "spec": {"type": "NodePort"}}
	got == {{"msg": "Service web is exposed outside the cluster (type NodePort).", "path": ["spec", "type"]}}
}

test_load_balancer_warned if {
	count(service_exposure.warn) == 1 with input as {"kind": "Service", "metadata": {"name": "web"}, "spec": {"type": "LoadBalancer"}}
}

test_cluster_ip_accepted if {
	count(service_exposure.warn) == 0 with input as {"kind": "Service", "metadata": {"name": "web"}, "spec": {"type": "ClusterIP"}}
	count(service_exposure.warn) == 0 with input as {"kind": "Service", "metadata": {"name": "web"}, "spec": {}}
}
