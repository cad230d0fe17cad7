package chartlint.resource_requests_test

import data.chartlint.lib.fixtures
import data.chartlint.resource_requests
import rego.v1

test_missing_memory_request_warned if {
	container := {"name": "web", "resources": {"requests": {"cpu": "100m"}}}
	got := resource_requests.warn with input as fixtures.deployment(container)
	got == {{
		"msg": "Container \"web\" of Deployment/app sets no memory request.",
		"path": ["spec", "template", "spec", "containers", 0, "resources", "requests", "memory"],
	}}
}

test_no_resources_warns_twice if {
	count(resource_requests.warn) == 2 with input as fixtures.deployment({"name": "web"})
}

test_requests_accepted if {
	container := {"name": "web", "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}}}
	count(resource_requests.warn) == 0 with input as fixtures.deployment(container)
}
