# METADATA
# title: Kubernetes helpers for the built-in pack
# description: >-
#   The pod spec of a workload manifest and its containers, each with the JSON path chartlint uses to point a
#   finding at the line that wrote it.
package chartlint.lib.kubernetes

import rego.v1

# Where each workload kind keeps its pod spec.
pod_spec_paths := {
	"Pod": ["spec"],
	"Deployment": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
	"PodTemplate": ["template", "spec"],
}

# Kinds whose pods are expected to keep running (probes make sense for them, not for Jobs).
long_running_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}

# The path of the input's pod spec; undefined for objects that have none.
pod_spec_path := pod_spec_paths[input.kind]

# The input's pod spec; undefined for objects that have none.
pod_spec := spec if {
	spec := object.get(input, pod_spec_path, null)
	is_object(spec)
}

# Every container of the pod spec (init and ephemeral ones too) as {"container", "path", "init"}.
containers contains {"container": c, "path": array.concat(pod_spec_path, [field, i]), "init": field != "containers"} if {
	some field in ["containers", "initContainers", "ephemeralContainers"]
	some i, c in pod_spec[field]
}

# The containers and init containers: ephemeral (debug) containers cannot set resources or capabilities.
declared_containers contains entry if {
	some entry in containers
	entry.path[count(entry.path) - 2] != "ephemeralContainers"
}

# The regular (long-running) containers only.
app_containers contains entry if {
	some entry in containers
	not entry.init
}

# A container's display name.
name(c) := c.name if is_string(c.name)

name(c) := "(unnamed)" if not is_string(c.name)

# The pod's securityContext and every container's, as {"context", "path", "subject"}: the Pod Security controls
# that apply at both levels (hostProcess, seLinuxOptions, appArmorProfile, seccompProfile) check each one where
# it is written. `subject` names the owner in messages.
security_contexts contains {"context": pod_spec.securityContext, "path": array.concat(pod_spec_path, ["securityContext"]), "subject": resource} if {
	is_object(pod_spec.securityContext)
}

security_contexts contains {"context": entry.container.securityContext, "path": array.concat(entry.path, ["securityContext"]), "subject": subject} if {
	some entry in containers
	is_object(entry.container.securityContext)
	subject := sprintf("Container %q of %s", [name(entry.container), resource])
}

# The input's display name, "<kind>/<name>".
resource := sprintf("%s/%s", [input.kind, object.get(input, ["metadata", "name"], "(unnamed)")])
