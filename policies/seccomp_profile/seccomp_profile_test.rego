package chartlint.seccomp_profile_test

import data.chartlint.lib.fixtures
import data.chartlint.seccomp_profile
import rego.v1

test_missing_profile_warned if {
	got := seccomp_profile.warn with input as fixtures.deployment({"name": "web"})
	got == {{
		"msg": "Container \"web\" of Deployment/app has no seccomp profile.",
		"path": ["spec", "template", "spec", "securityContext", "seccompProfile", "type"],
	}}
}

test_pod_profile_accepted if {
	spec := {"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}, "containers": [{"name": "web"}]}
	count(seccomp_profile.warn) == 0 with input as fixtures.deployment_with_spec(spec)
}

test_container_profile_accepted if {
	count(seccomp_profile.warn) == 0 with input as fixtures.deployment(fixtures.web({"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}))
}

test_unconfined_is_an_error if {
	got := seccomp_profile.warn with input as fixtures.deployment(fixtures.web({"seccompProfile": {"type": "Unconfined"}}))
	got == {{
		"msg": "Container \"web\" of Deployment/app runs with the Unconfined seccomp profile.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "seccompProfile", "type"],
		"severity": "error",
	}}
}
