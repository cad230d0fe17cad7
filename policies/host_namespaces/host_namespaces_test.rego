package chartlint.host_namespaces_test

import data.chartlint.host_namespaces
import data.chartlint.lib.fixtures
import rego.v1

test_host_network_denied if {
	got := host_namespaces.deny with input as fixtures.deployment_with_spec({"hostNetwork": true, "containers": []})
	got == {{
		"msg": "Deployment/app shares the host's namespace through hostNetwork.",
		"path": ["spec", "template", "spec", "hostNetwork"],
	}}
}

test_each_namespace_reported if {
	spec := {"hostPID": true, "hostIPC": true, "containers": []}
	count(host_namespaces.deny) == 2 with input as fixtures.deployment_with_spec(spec)
}

test_false_allowed if {
	count(host_namespaces.deny) == 0 with input as fixtures.deployment_with_spec({"hostNetwork": false, "containers": []})
}
