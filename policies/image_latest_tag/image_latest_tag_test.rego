package chartlint.image_latest_tag_test

import data.chartlint.image_latest_tag
import data.chartlint.lib.fixtures
import rego.v1

test_latest_warned if {
	got := image_latest_tag.warn with input as fixtures.deployment({"name": "web", "image": "nginx:latest"})
	got == {{
		"msg": "Container \"web\" of Deployment/app uses the image \"nginx:latest\" without a pinned tag.",
		"path": ["spec", "template", "spec", "containers", 0, "image"],
	}}
}

test_untagged_warned_even_with_registry_port if {
	count(image_latest_tag.warn) == 1 with input as fixtures.deployment({"name": "web", "image": "registry:5000/team/web"})
}

test_pinned_accepted if {
	count(image_latest_tag.warn) == 0 with input as fixtures.deployment({"name": "web", "image": "registry:5000/team/web:1.2.3"})
	count(image_latest_tag.warn) == 0 with input as fixtures.deployment({"name": "web", "image": "nginx@sha256:0123abcd"})
}
