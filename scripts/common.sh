#!/usr/bin/env bash
# Shared settings for Ember's scripts: one target dir, one profile and one feature set, so that
# the node, the tests, the benchmarks and CI all reuse the same compiled dependencies.

EMBER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export EMBER_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ember-target}"
# Development builds carry the benchmarking runtime APIs so that `benchmark pallet` works with
# the same binary the tests use. Production builds: `cargo build --profile production -p ember-node`.
export EMBER_CARGO_FLAGS="--release --locked --features runtime-benchmarks"
export EMBER_NODE_BIN="$CARGO_TARGET_DIR/release/ember-node"

log() { printf '\033[1;33m[ember]\033[0m %s\n' "$*"; }

build_node() {
	# test.sh has just built it with the workspace's tests; a `-p ember-node` build resolves
	# features differently and would compile much of the node again.
	if [ "${EMBER_NODE_BUILT:-0}" = "1" ] && [ -x "$EMBER_NODE_BIN" ]; then
		return
	fi
	log "building ember-node (first build takes a long while; later ones are incremental)"
	# shellcheck disable=SC2086
	(cd "$EMBER_ROOT" && cargo build $EMBER_CARGO_FLAGS -p ember-node)
}

# ember-node, provider-agent and emberctl, with the features the tests use.
build_all() {
	log "building ember-node, provider-agent and emberctl (the first build takes a long while)"
	# shellcheck disable=SC2086
	(cd "$EMBER_ROOT" && cargo build $EMBER_CARGO_FLAGS --workspace --bins)
}
