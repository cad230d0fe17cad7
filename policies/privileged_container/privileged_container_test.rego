package chartlint.privileged_container_test

import data.chartlint.lib.fixtures
import data.chartlint.privileged_container
import rego.v1

test_privileged_denied if {
	got := privileged_container.deny with input as fixtures.deployment(fixtures.web({"privileged": true}))
	got == {{
		"msg": "Container \"web\" of Deployment/app runs privileged.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "privileged"],
	}}
}

test_unprivileged_allowed if {
	count(privileged_container.deny) == 0 with input as fixtures.deployment(fixtures.web({"privileged": false}))
}

test_init_container_checked if {
	spec := {"containers": [{"name": "a"}], "initContainers": [{"name": "init", "securityContext": {"privileged": true}}]}
	count(privileged_container.deny) == 1 with input as fixtures.deployment_with_spec(spec)
}

pod_spec := {"containers": [{"name": "ok"}, {"name": "web", "securityContext": {"privileged": true}}]}

template_kinds := ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"]

# Every workload kind, with the path where its pod spec lives.
workloads := array.concat(
	[[{"kind": k, "metadata": {"name": "w"}, "spec": {"template": {"spec": pod_spec}}}, ["spec", "template", "spec"]] | some k in template_kinds],
	[
		[{"kind": "Pod", "metadata": {"name": "w"}, "spec": pod_spec}, ["spec"]],
		[{"kind": "CronJob", "metadata": {"name": "w"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": pod_spec}}}}}, ["spec", "jobTemplate", "spec", "template", "spec"]],
		[{"kind": "PodTemplate", "metadata": {"name": "w"}, "template": {"spec": pod_spec}}, ["template", "spec"]],
	],
)

test_every_workload_kind_points_at_the_field if {
	count(workloads) == 9
	every case in workloads {
		[doc, spec_path] := case
		got := privileged_container.deny with input as doc
		got == {{
			"msg": sprintf("Container \"web\" of %s/w runs privileged.", [doc.kind]),
			"path": array.concat(spec_path, ["containers", 1, "securityContext", "privileged"]),
		}}
	}
}
