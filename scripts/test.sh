#!/usr/bin/env bash
# Runs every check CI runs: formatting, clippy, then all unit, property, benchmark, runtime and
# integration tests (the integration tests start real ember-node processes).
# Set EMBER_ZOMBIENET=1 to also run the four-validator zombienet test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT"

"$EMBER_ROOT/scripts/setup.sh"

step() { log "$1"; local start=$SECONDS; shift; "$@"; log "done in $((SECONDS - start)) s"; }

step "cargo fmt --check" cargo fmt --all -- --check
# shellcheck disable=SC2086
step "cargo clippy" cargo clippy $EMBER_CARGO_FLAGS --workspace --all-targets -- -D warnings
# shellcheck disable=SC2086
step "cargo test" cargo test $EMBER_CARGO_FLAGS --workspace

if [ "${EMBER_ZOMBIENET:-0}" = "1" ]; then
	step "zombienet: four validators" "$EMBER_ROOT/zombienet/run.sh" test
fi
