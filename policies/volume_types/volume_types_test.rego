package chartlint.volume_types_test

import data.chartlint.lib.fixtures
import data.chartlint.volume_types
import rego.v1

test_nfs_warned if {
	spec := {"containers": [{"name": "a"}], "volumes": [{"name": "cfg", "configMap": {"name": "c"}}, {"name": "data", "nfs": {"server": "s", "path": "/"}}]}
	got := volume_types.warn with input as fixtures.deployment_with_spec(spec)
	got == {{
		"msg": "Volume \"data\" of Deployment/app is of type nfs, outside the restricted set.",
		"path": ["spec", "template", "spec", "volumes", 1, "nfs"],
	}}
}

test_host_path_left_to_its_policy if {
	spec := {"containers": [{"name": "a"}], "volumes": [{"name": "h", "hostPath": {"path": "/"}}]}
	count(volume_types.warn) == 0 with input as fixtures.deployment_with_spec(spec)
}
