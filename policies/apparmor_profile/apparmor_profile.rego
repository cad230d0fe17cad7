# METADATA
# title: Unconfined AppArmor profile
# description: >-
#   An `Unconfined` AppArmor profile turns off the runtime's default confinement; the Pod Security baseline forbids
#   it in `appArmorProfile` (pod and containers) and in the older `container.apparmor.security.beta.kubernetes.io/*`
#   annotations.
# custom:
#   id: chartlint.apparmor_profile/deny
#   severity: error
#   security-severity: "6.5"
#   remediation: Use `RuntimeDefault` or a `Localhost` profile, or leave the profile unset.
#   tags: [security, pod-security-baseline]
package chartlint.apparmor_profile

import data.chartlint.lib.kubernetes
import rego.v1

annotation_prefix := "container.apparmor.security.beta.kubernetes.io/"

deny contains {"msg": msg, "path": array.concat(sc.path, ["appArmorProfile", "type"])} if {
	some sc in kubernetes.security_contexts
	sc.context.appArmorProfile.type == "Unconfined"
	msg := sprintf("%s runs without AppArmor confinement (Unconfined).", [sc.subject])
}

# The pod template's metadata sits beside its spec.
deny contains {"msg": msg, "path": array.concat(metadata_path, ["annotations", key])} if {
	metadata_path := array.concat(array.slice(kubernetes.pod_spec_path, 0, count(kubernetes.pod_spec_path) - 1), ["metadata"])
	some key, value in object.get(input, array.concat(metadata_path, ["annotations"]), {})
	startswith(key, annotation_prefix)
	value == "unconfined"
	msg := sprintf("Container %q of %s runs without AppArmor confinement (annotation %s).", [substring(key, count(annotation_prefix), -1), kubernetes.resource, key])
}
