package chartlint.drop_all_capabilities_test

import data.chartlint.drop_all_capabilities
import data.chartlint.lib.fixtures
import rego.v1

test_missing_drop_warned if {
	got := drop_all_capabilities.warn with input as fixtures.deployment(fixtures.web({"capabilities": {"drop": ["NET_RAW"]}}))
	got == {{
		"msg": "Container \"web\" of Deployment/app does not drop ALL capabilities.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "capabilities", "drop"],
	}}
}

test_added_capability_warned if {
	sc := {"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "CHOWN"]}}
	got := drop_all_capabilities.warn with input as fixtures.deployment(fixtures.web(sc))
	got == {{
		"msg": "Container \"web\" of Deployment/app adds the capability CHOWN; the restricted profile allows only NET_BIND_SERVICE.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "capabilities", "add", 1],
	}}
}

test_drop_all_allowed if {
	count(drop_all_capabilities.warn) == 0 with input as fixtures.deployment(fixtures.web({"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}}))
}

test_ephemeral_containers_skipped if {
	spec := {"containers": [{"name": "a", "securityContext": {"capabilities": {"drop": ["ALL"]}}}], "ephemeralContainers": [{"name": "debug"}]}
	count(drop_all_capabilities.warn) == 0 with input as fixtures.deployment_with_spec(spec)
}
