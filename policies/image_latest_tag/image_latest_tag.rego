# METADATA
# title: Image without a pinned tag
# description: >-
#   An image with no tag or the `latest` tag can change under a running release: nodes pull different code and
#   rollbacks do not restore what ran before.
# custom:
#   id: chartlint.image_latest_tag/warn
#   severity: warning
#   security-severity: "4.0"
#   remediation: Pin the image to a version tag or, better, a digest (`image@sha256:…`).
#   tags: [security, supply-chain, reliability]
package chartlint.image_latest_tag

import data.chartlint.lib.kubernetes
import rego.v1

# The tag of an image reference: what follows the last ":" after the last "/" (a registry port is not a tag).
tag(image) := t if {
	not contains(image, "@")
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
}

pinned(image) if contains(image, "@")

pinned(image) if {
	t := tag(image)
	t != "latest"
}

warn contains {"msg": msg, "path": array.concat(entry.path, ["image"])} if {
	some entry in kubernetes.containers
	image := entry.container.image
	is_string(image)
	not pinned(image)
	msg := sprintf("Container \"%s\" of %s uses the image \"%s\" without a pinned tag.", [kubernetes.name(entry.container), kubernetes.resource, image])
}
