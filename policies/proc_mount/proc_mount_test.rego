package chartlint.proc_mount_test

import data.chartlint.lib.fixtures
import data.chartlint.proc_mount
import rego.v1

test_unmasked_denied if {
	got := proc_mount.deny with input as fixtures.deployment(fixtures.web({"procMount": "Unmasked"}))
	got == {{
		"msg": "Container \"web\" of Deployment/app uses the /proc mount type \"Unmasked\".",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "procMount"],
	}}
}

test_default_allowed if {
	count(proc_mount.deny) == 0 with input as fixtures.deployment(fixtures.web({"procMount": "Default"}))
}
