#!/usr/bin/env bash
# Rewrites client/metadata/ember.scale from the runtime, after a change to the runtime's calls,
# storage, events, errors or APIs; ember-client's typed access is generated from that file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT"
log "writing client/metadata/ember.scale from the runtime"
# shellcheck disable=SC2086
EMBER_UPDATE_METADATA=1 cargo test $EMBER_CARGO_FLAGS -p ember-runtime --lib -- client_metadata_matches_the_runtime
log "done: rebuild ember-client (cargo build $EMBER_CARGO_FLAGS -p ember-client) and commit the file"
