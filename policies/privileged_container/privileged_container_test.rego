package chartlint.privileged_container_test

import data.chartlint.lib.fixtures
import data.chartlint.privileged_container
import rego.v1

test_privileged_denied if {
	got := privileged_container.deny with input as fixtures.deployment(fixtures.web({"privileged": true}))
	got == {{
		"msg": "Container \"web\" of Deployment/app runs privileged.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "privileged"],
	}}
}

test_unprivileged_allowed if {
	count(privileged_container.deny) == 0 with input as fixtures.deployment(fixtures.web({"privileged": false}))
}

test_init_container_checked if {
	spec := {"containers": [{"name": "a"}], "initContainers": [{"name": "init", "securityContext": {"privileged": true}}]}
	count(privileged_container.deny) == 1 with input as fixtures.deployment_with_spec(spec)
}
