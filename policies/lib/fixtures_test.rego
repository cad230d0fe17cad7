# Builders of test inputs shared by the built-in pack's tests (a _test file, so it is never shipped).
package chartlint.lib.fixtures

import rego.v1

# A Deployment named "app" whose pod spec is `spec`.
deployment_with_spec(spec) := {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {"name": "app"},
	"spec": {"template": {"spec": spec}},
}

# A Deployment named "app" with one container.
deployment(container) := deployment_with_spec({"containers": [container]})

# A container named "web" with the given securityContext.
web(security_context) := {"name": "web", "image": "nginx:1.27", "securityContext": security_context}
