package chartlint.apparmor_profile_test

import data.chartlint.apparmor_profile
import data.chartlint.lib.fixtures
import rego.v1

test_unconfined_field_denied if {
	got := apparmor_profile.deny with input as fixtures.deployment(fixtures.web({"appArmorProfile": {"type": "Unconfined"}}))
	got == {{
		"msg": "Container \"web\" of Deployment/app runs without AppArmor confinement (Unconfined).",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "appArmorProfile", "type"],
	}}
}

test_unconfined_annotation_denied if {
	key := "container.apparmor.security.beta.kubernetes.io/web"
	pod := {"kind": "Pod", "metadata": {"name": "p", "annotations": {key: "unconfined"}}, "spec": {"containers": [{"name": "web"}]}}
	got := apparmor_profile.deny with input as pod
	got == {{
		"msg": "Container \"web\" of Pod/p runs without AppArmor confinement (annotation container.apparmor.security.beta.kubernetes.io/web).",
		"path": ["metadata", "annotations", key],
	}}
}

test_template_annotation_path if {
	key := "container.apparmor.security.beta.kubernetes.io/web"
	deployment := {"kind": "Deployment", "metadata": {"name": "app"}, "spec": {"template": {
		"metadata": {"annotations": {key: "unconfined"}},
		"spec": {"containers": [{"name": "web"}]},
	}}}
	[d] := [d | some d in apparmor_profile.deny] with input as deployment
	d.path == ["spec", "template", "metadata", "annotations", key]
}

test_runtime_default_allowed if {
	count(apparmor_profile.deny) == 0 with input as fixtures.deployment(fixtures.web({"appArmorProfile": {"type": "RuntimeDefault"}}))
}
