package chartlint.allow_privilege_escalation_test

import data.chartlint.allow_privilege_escalation
import data.chartlint.lib.fixtures
import rego.v1

test_true_warned if {
	got := allow_privilege_escalation.warn with input as fixtures.deployment(fixtures.web({"allowPrivilegeEscalation": true}))
	got == {{
		"msg": "Container \"web\" of Deployment/app allows privilege escalation.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "allowPrivilegeEscalation"],
	}}
}

test_unset_warned if {
	count(allow_privilege_escalation.warn) == 1 with input as fixtures.deployment({"name": "web"})
}

test_false_accepted if {
	count(allow_privilege_escalation.warn) == 0 with input as fixtures.deployment(fixtures.web({"allowPrivilegeEscalation": false}))
}
