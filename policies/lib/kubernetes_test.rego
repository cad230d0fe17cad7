package chartlint.lib.kubernetes_test

import data.chartlint.lib.kubernetes
import rego.v1

test_pod_spec_of_a_deployment if {
	kubernetes.pod_spec_path == ["spec", "template", "spec"] with input as {"kind": "Deployment"}
}

test_pod_spec_of_a_cronjob if {
	spec := {"containers": [{"name": "a"}]}
	kubernetes.pod_spec == spec with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": spec}}}}}
}

test_no_pod_spec_for_a_service if {
	not kubernetes.pod_spec with input as {"kind": "Service", "spec": {}}
}

test_containers_with_paths if {
	pod := {"kind": "Pod", "spec": {"containers": [{"name": "a"}], "initContainers": [{"name": "b"}]}}
	got := kubernetes.containers with input as pod
	got == {
		{"container": {"name": "a"}, "path": ["spec", "containers", 0], "init": false},
		{"container": {"name": "b"}, "path": ["spec", "initContainers", 0], "init": true},
	}
}

test_app_containers_exclude_init if {
	pod := {"kind": "Pod", "spec": {"containers": [{"name": "a"}], "initContainers": [{"name": "b"}]}}
	got := kubernetes.app_containers with input as pod
	count(got) == 1
}

test_pod_template_spec if {
	spec := {"containers": [{"name": "a"}]}
	kubernetes.pod_spec == spec with input as {"kind": "PodTemplate", "template": {"spec": spec}}
	kubernetes.pod_spec_path == ["template", "spec"] with input as {"kind": "PodTemplate"}
}

test_security_contexts_pod_and_containers if {
	pod := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {
		"securityContext": {"runAsUser": 1},
		"containers": [{"name": "a"}, {"name": "b", "securityContext": {"privileged": false}}],
		"ephemeralContainers": [{"name": "debug", "securityContext": {}}],
	}}
	got := {[e.path, e.subject] | some e in kubernetes.security_contexts} with input as pod
	got == {
		[["spec", "securityContext"], "Pod/p"],
		[["spec", "containers", 1, "securityContext"], "Container \"b\" of Pod/p"],
		[["spec", "ephemeralContainers", 0, "securityContext"], "Container \"debug\" of Pod/p"],
	}
}

test_declared_containers_leave_out_ephemeral_ones if {
	pod := {"kind": "Pod", "spec": {"containers": [{"name": "a"}], "initContainers": [{"name": "b"}], "ephemeralContainers": [{"name": "c"}]}}
	{e.container.name | some e in kubernetes.declared_containers} == {"a", "b"} with input as pod
}
