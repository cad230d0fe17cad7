package chartlint.run_as_non_root_test

import data.chartlint.lib.fixtures
import data.chartlint.run_as_non_root
import rego.v1

test_missing_run_as_non_root_warned if {
	got := run_as_non_root.warn with input as fixtures.deployment(fixtures.web({}))
	got == {{
		"msg": "Container \"web\" of Deployment/app does not set runAsNonRoot: true, so it may run as root.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "runAsNonRoot"],
	}}
}

test_container_setting_accepted if {
	count(run_as_non_root.warn) == 0 with input as fixtures.deployment(fixtures.web({"runAsNonRoot": true}))
}

test_pod_setting_accepted if {
	spec := {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "web"}]}
	count(run_as_non_root.warn) == 0 with input as fixtures.deployment_with_spec(spec)
}

test_container_overrides_pod if {
	spec := {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "web", "securityContext": {"runAsNonRoot": false}}]}
	count(run_as_non_root.warn) == 1 with input as fixtures.deployment_with_spec(spec)
}

test_run_as_user_zero_is_an_error if {
	got := run_as_non_root.warn with input as fixtures.deployment(fixtures.web({"runAsUser": 0}))
	got == {{
		"msg": "Container \"web\" of Deployment/app runs as root (runAsUser: 0).",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "runAsUser"],
		"severity": "error",
	}}
}

test_inherited_settings_point_at_the_pod if {
	spec := {"securityContext": {"runAsUser": 0}, "containers": [{"name": "web"}]}
	got := run_as_non_root.warn with input as fixtures.deployment_with_spec(spec)
	got == {{
		"msg": "Container \"web\" of Deployment/app runs as root (runAsUser: 0).",
		"path": ["spec", "template", "spec", "securityContext", "runAsUser"],
		"severity": "error",
	}}
	spec2 := {"securityContext": {"runAsNonRoot": false}, "initContainers": [{"name": "init"}]}
	[w] := [w | some w in run_as_non_root.warn] with input as fixtures.deployment_with_spec(spec2)
	w.path == ["spec", "template", "spec", "securityContext", "runAsNonRoot"]
}
