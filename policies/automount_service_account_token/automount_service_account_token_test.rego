package chartlint.automount_service_account_token_test

import data.chartlint.automount_service_account_token
import data.chartlint.lib.fixtures
import rego.v1

test_unset_noted if {
	got := automount_service_account_token.warn with input as fixtures.deployment_with_spec({"containers": []})
	got == {{
		"msg": "Deployment/app mounts a service account token; set automountServiceAccountToken: false if it does not call the API.",
		"path": ["spec", "template", "spec", "automountServiceAccountToken"],
		"severity": "note",
	}}
}

test_false_accepted if {
	spec := {"automountServiceAccountToken": false, "containers": []}
	count(automount_service_account_token.warn) == 0 with input as fixtures.deployment_with_spec(spec)
}

test_objects_without_pods_skipped if {
	count(automount_service_account_token.warn) == 0 with input as {"kind": "Service", "metadata": {"name": "s"}}
}
