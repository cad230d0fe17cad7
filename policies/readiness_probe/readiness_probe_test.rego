package chartlint.readiness_probe_test

import data.chartlint.lib.fixtures
import data.chartlint.readiness_probe
import rego.v1

test_missing_probe_warned if {
	got := readiness_probe.warn with input as fixtures.deployment({"name": "web"})
	got == {{
		"msg": "Container \"web\" of Deployment/app has no readiness probe.",
		"path": ["spec", "template", "spec", "containers", 0, "readinessProbe"],
	}}
}

test_probe_accepted if {
	container := {"name": "web", "readinessProbe": {"httpGet": {"path": "/healthz", "port": 8080}}}
	count(readiness_probe.warn) == 0 with input as fixtures.deployment(container)
}

test_jobs_and_init_containers_skipped if {
	job := {"kind": "Job", "metadata": {"name": "once"}, "spec": {"template": {"spec": {"containers": [{"name": "run"}]}}}}
	count(readiness_probe.warn) == 0 with input as job
	spec := {"initContainers": [{"name": "init"}], "containers": [{"name": "web", "readinessProbe": {"exec": {"command": ["true"]}}}]}
	count(readiness_probe.warn) == 0 with input as fixtures.deployment_with_spec(spec)
}
