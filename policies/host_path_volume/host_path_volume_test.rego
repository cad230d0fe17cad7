package chartlint.host_path_volume_test

import data.chartlint.host_path_volume
import data.chartlint.lib.fixtures
import rego.v1

test_host_path_denied if {
	spec := {"containers": [], "volumes": [{"name": "cfg", "configMap": {"name": "x"}}, {"name": "docker", "hostPath": {"path": "/var/run/docker.sock"}}]}
	got := host_path_volume.deny with input as fixtures.deployment_with_spec(spec)
	got == {{
		"msg": "Volume \"docker\" of Deployment/app mounts the host path \"/var/run/docker.sock\".",
		"path": ["spec", "template", "spec", "volumes", 1, "hostPath"],
	}}
}

test_other_volumes_allowed if {
	spec := {"containers": [], "volumes": [{"name": "data", "emptyDir": {}}]}
	count(host_path_volume.deny) == 0 with input as fixtures.deployment_with_spec(spec)
}
