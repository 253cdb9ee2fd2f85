#!/usr/bin/env bash
# Rewrites client/metadata/ember.scale from the runtime, after a change to the runtime's calls,
# storage, events, errors or APIs; ember-client's typed access is generated from that file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT"
log "writing client/metadata/ember.scale from the runtime"
# shellcheck disable=SC2086
# The workspace's feature set, as everywhere: `-p ember-runtime` would resolve other features and
# compile the runtime's dependencies again. Run it before the client uses new calls or storage:
# the client's lib is among the targets this builds, and it compiles against the old file.
EMBER_UPDATE_METADATA=1 cargo test $EMBER_CARGO_FLAGS --workspace --lib -- client_metadata_matches_the_runtime
log "done: rebuild ember-client (cargo build $EMBER_CARGO_FLAGS -p ember-client) and commit the file"
