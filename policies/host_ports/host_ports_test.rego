package chartlint.host_ports_test

import data.chartlint.host_ports
import data.chartlint.lib.fixtures
import rego.v1

test_host_port_denied if {
	container := {"name": "web", "ports": [{"containerPort": 80}, {"containerPort": 443, "hostPort": 443}]}
	got := host_ports.deny with input as fixtures.deployment(container)
	got == {{
		"msg": "Container \"web\" of Deployment/app binds the host port 443.",
		"path": ["spec", "template", "spec", "containers", 0, "ports", 1, "hostPort"],
	}}
}

test_container_ports_allowed if {
	count(host_ports.deny) == 0 with input as fixtures.deployment({"name": "web", "ports": [{"containerPort": 80}]})
}
