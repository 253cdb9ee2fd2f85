#!/usr/bin/env bash
# Runs every check CI runs: formatting, clippy, then all unit, property, benchmark, runtime
# tests, the web app's unit tests and build, then the integration tests (real ember-node
# processes, provider agents, podman containers, Prometheus, and headless Chromium on the web
# app), then the Debian packages, then a small run of the scale harness, then the
# four-validator zombienet test (it needs Node.js/npm; EMBER_ZOMBIENET=0 skips it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT"

"$EMBER_ROOT/scripts/setup.sh"

step() { log "$1"; local start=$SECONDS; shift; "$@"; log "done in $((SECONDS - start)) s"; }

# The sandbox tests run workloads in real podman containers: here they must not skip.
export CONTAINERS_CONF="${CONTAINERS_CONF:-$EMBER_ROOT/scripts/podman/containers.conf}"
export EMBER_REQUIRE_PODMAN=1
# The dashboards test scrapes real processes with Debian's Prometheus: here it must not skip.
export EMBER_REQUIRE_PROMETHEUS=1
# The web app's test drives Debian's Chromium against a real node and agent: here it must not skip.
export EMBER_REQUIRE_BROWSER=1
step "sandbox test image" "$EMBER_ROOT/scripts/sandbox-image.sh"

step "cargo fmt --check" cargo fmt --all -- --check
# shellcheck disable=SC2086
step "cargo clippy" cargo clippy $EMBER_CARGO_FLAGS --workspace --all-targets -- -D warnings
# shellcheck disable=SC2086
step "cargo test: build every test" cargo test $EMBER_CARGO_FLAGS --workspace --no-run
# shellcheck disable=SC2086
step "unit, property, benchmark and runtime tests" cargo test $EMBER_CARGO_FLAGS --workspace --lib --bins
# shellcheck disable=SC2086
step "doc tests" cargo test $EMBER_CARGO_FLAGS --workspace --doc
step "web app: npm ci, unit tests, build" "$EMBER_ROOT/scripts/web.sh" build
step "integration tests (real nodes, agents and containers)" "$EMBER_ROOT/scripts/integration-tests.sh"
# A few hundred providers from genesis on a real validator and follower, driven at the design
# rate for a few blocks, so that the scale harness never rots (docs/performance.md).
# The .deb packages: contents, maintainer scripts, and (as root) installed, reinstalled, purged.
step "Debian packages" "$EMBER_ROOT/scripts/packages.sh" test
EMBER_NODE_BUILT=1 step "scale harness, small" "$EMBER_ROOT/scripts/scale.sh" --small

if [ "${EMBER_ZOMBIENET:-1}" = "0" ]; then
	log "zombienet test skipped (EMBER_ZOMBIENET=0)"
elif ! command -v npm >/dev/null 2>&1; then
	log "zombienet test skipped: npm is not installed (install Node.js 18+ to run it)"
else
	# `cargo test --workspace` built ember-node: the network runs that binary.
	EMBER_NODE_BUILT=1 step "zombienet: four validators, one paused" "$EMBER_ROOT/zombienet/run.sh" test
fi
