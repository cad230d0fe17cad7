package chartlint.added_capabilities_test

import data.chartlint.added_capabilities
import data.chartlint.lib.fixtures
import rego.v1

test_sys_admin_denied if {
	got := added_capabilities.deny with input as fixtures.deployment(fixtures.web({"capabilities": {"add": ["NET_BIND_SERVICE", "SYS_ADMIN"]}}))
	got == {{
		"msg": "Container \"web\" of Deployment/app adds the capability SYS_ADMIN.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "capabilities", "add", 1],
	}}
}

test_baseline_capabilities_allowed if {
	ctx := {"capabilities": {"add": ["NET_BIND_SERVICE", "CHOWN"], "drop": ["ALL"]}}
	count(added_capabilities.deny) == 0 with input as fixtures.deployment(fixtures.web(ctx))
}

# Pod Security admission compares names as written, so a prefixed or lower-case spelling is not in the baseline set.
test_other_spellings_denied if {
	ctx := {"capabilities": {"add": ["CAP_CHOWN", "chown"]}}
	count(added_capabilities.deny) == 2 with input as fixtures.deployment(fixtures.web(ctx))
}
