package chartlint.unsafe_sysctls_test

import data.chartlint.lib.fixtures
import data.chartlint.unsafe_sysctls
import rego.v1

test_unsafe_sysctl_denied if {
	spec := {"securityContext": {"sysctls": [{"name": "net.ipv4.tcp_syncookies", "value": "1"}, {"name": "kernel.msgmax", "value": "65536"}]}, "containers": [{"name": "a"}]}
	got := unsafe_sysctls.deny with input as fixtures.deployment_with_spec(spec)
	got == {{
		"msg": "Deployment/app sets the unsafe sysctl kernel.msgmax.",
		"path": ["spec", "template", "spec", "securityContext", "sysctls", 1, "name"],
	}}
}
