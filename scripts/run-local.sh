#!/usr/bin/env bash
# Runs a local Ember development chain: Alice produces and finalizes blocks, JSON-RPC on
# ws://127.0.0.1:9944, Prometheus metrics on http://127.0.0.1:9615/metrics.
# Extra arguments go to ember-node, e.g. `./scripts/run-local.sh --rpc-external`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$EMBER_ROOT/scripts/setup.sh"
build_node

log "starting ember-node --dev (Ctrl-C stops it; the chain state is temporary)"
log "connect a wallet to ws://127.0.0.1:9944 (e.g. polkadot.js apps, custom endpoint)"
exec "$EMBER_NODE_BIN" --dev --tmp --prometheus-port 9615 "$@"
