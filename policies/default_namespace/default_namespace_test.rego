package chartlint.default_namespace_test

import data.chartlint.default_namespace
import rego.v1

test_default_namespace_warned if {
	got := default_namespace.warn with input as {"kind": "ConfigMap", "metadata": {"name": "cfg", "namespace": "default"}}
	got == {{"msg": "ConfigMap/cfg is placed in the default namespace.", "path": ["metadata", "namespace"]}}
}

test_other_or_no_namespace_accepted if {
	count(default_namespace.warn) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "cfg", "namespace": "apps"}}
	count(default_namespace.warn) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "cfg"}}
}
