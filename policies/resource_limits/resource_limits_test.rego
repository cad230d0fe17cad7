package chartlint.resource_limits_test

import data.chartlint.lib.fixtures
import data.chartlint.resource_limits
import rego.v1

test_missing_limit_warned if {
	got := resource_limits.warn with input as fixtures.deployment({"name": "web", "resources": {"limits": {"cpu": "1"}}})
	got == {{
		"msg": "Container \"web\" of Deployment/app sets no memory limit.",
		"path": ["spec", "template", "spec", "containers", 0, "resources", "limits", "memory"],
	}}
}

test_limit_accepted if {
	count(resource_limits.warn) == 0 with input as fixtures.deployment({"name": "web", "resources": {"limits": {"memory": "128Mi"}}})
}

test_ephemeral_containers_skipped if {
	spec := {"containers": [{"name": "a", "resources": {"limits": {"memory": "1Gi"}}}], "ephemeralContainers": [{"name": "debug"}]}
	count(resource_limits.warn) == 0 with input as fixtures.deployment_with_spec(spec)
}
