package chartlint.host_process_test

import data.chartlint.host_process
import data.chartlint.lib.fixtures
import rego.v1

test_container_host_process_denied if {
	got := host_process.deny with input as fixtures.deployment(fixtures.web({"windowsOptions": {"hostProcess": true}}))
	got == {{
		"msg": "Container \"web\" of Deployment/app runs as a Windows HostProcess container.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "windowsOptions", "hostProcess"],
	}}
}

test_pod_host_process_denied if {
	spec := {"securityContext": {"windowsOptions": {"hostProcess": true}}, "containers": [{"name": "a"}]}
	got := host_process.deny with input as fixtures.deployment_with_spec(spec)
	got == {{
		"msg": "Deployment/app runs as a Windows HostProcess container.",
		"path": ["spec", "template", "spec", "securityContext", "windowsOptions", "hostProcess"],
	}}
}

test_false_allowed if {
	count(host_process.deny) == 0 with input as fixtures.deployment(fixtures.web({"windowsOptions": {"hostProcess": false}}))
}
