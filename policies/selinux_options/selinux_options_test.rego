package chartlint.selinux_options_test

import data.chartlint.lib.fixtures
import data.chartlint.selinux_options
import rego.v1

test_custom_type_denied if {
	got := selinux_options.deny with input as fixtures.deployment(fixtures.web({"seLinuxOptions": {"type": "spc_t"}}))
	got == {{
		"msg": "Container \"web\" of Deployment/app sets the SELinux type \"spc_t\".",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "seLinuxOptions", "type"],
	}}
}

test_pod_user_denied if {
	spec := {"securityContext": {"seLinuxOptions": {"user": "system_u", "level": "s0:c1"}}, "containers": [{"name": "a"}]}
	got := selinux_options.deny with input as fixtures.deployment_with_spec(spec)
	got == {{
		"msg": "Deployment/app sets the SELinux user \"system_u\".",
		"path": ["spec", "template", "spec", "securityContext", "seLinuxOptions", "user"],
	}}
}

test_container_type_and_level_allowed if {
	count(selinux_options.deny) == 0 with input as fixtures.deployment(fixtures.web({"seLinuxOptions": {"type": "container_init_t", "level": "s0:c1,c2"}}))
}
