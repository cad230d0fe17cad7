package chartlint.read_only_root_filesystem_test

import data.chartlint.lib.fixtures
import data.chartlint.read_only_root_filesystem
import rego.v1

test_writable_warned if {
	got := read_only_root_filesystem.warn with input as fixtures.deployment(fixtures.web({"readOnlyRootFilesystem": false}))
	got == {{
		"msg": "Container \"web\" of Deployment/app has a writable root filesystem.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "readOnlyRootFilesystem"],
	}}
}

test_unset_warned if {
	count(read_only_root_filesystem.warn) == 1 with input as fixtures.deployment({"name": "web"})
}

test_read_only_accepted if {
	count(read_only_root_filesystem.warn) == 0 with input as fixtures.deployment(fixtures.web({"readOnlyRootFilesystem": true}))
}
