#!/usr/bin/env bash
# Builds the image the sandbox tests run, without a registry: a static busybox root
# filesystem imported into podman as localhost/ember-sandbox-test:1. Idempotent, and safe
# to run from several tests at once.
#
#   scripts/sandbox-image.sh          # prints the image name
#
# Needs podman and a static busybox (scripts/setup.sh installs both).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/podman/containers.conf}"
IMAGE="localhost/ember-sandbox-test:1"

exec 9>"${TMPDIR:-/tmp}/ember-sandbox-image.lock"
flock 9

if podman image exists "$IMAGE"; then
  echo "$IMAGE"
  exit 0
fi

busybox="$(command -v busybox || true)"
if [ -z "$busybox" ] || ldd "$busybox" >/dev/null 2>&1; then
  echo "sandbox-image: a statically linked busybox is needed (apt-get install busybox-static)" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs"/{bin,etc,tmp,work,proc,sys,dev}
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
tar -C "$rootfs" -cf "$work/rootfs.tar" .
podman import --quiet --change 'ENV PATH=/bin' "$work/rootfs.tar" "$IMAGE" >/dev/null
echo "$IMAGE"
