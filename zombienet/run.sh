#!/usr/bin/env bash
# Spawns or tests the four-validator Ember network with zombienet's native provider.
#   ./zombienet/run.sh spawn   # start the network and keep it running (Ctrl-C stops it)
#   ./zombienet/run.sh test    # start it, run ember-local.zndsl, stop it
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
mode="${1:-test}"

"$EMBER_ROOT/zombienet/install.sh"
build_node
export EMBER_NODE_BIN

# The `local` chain spec, raw, exactly as ember-node builds it.
EMBER_LOCAL_SPEC="$(mktemp -t ember-local-XXXXXX.json)"
trap 'rm -f "$EMBER_LOCAL_SPEC"' EXIT
"$EMBER_NODE_BIN" build-spec --chain local --raw --disable-default-bootnode >"$EMBER_LOCAL_SPEC" 2>/dev/null
export EMBER_LOCAL_SPEC

cd "$EMBER_ROOT/zombienet"
zombienet="$EMBER_ROOT/zombienet/node_modules/.bin/zombienet"
case "$mode" in
	spawn) "$zombienet" -p native spawn ember-local.toml ;;
	test) "$zombienet" -p native test ember-local.zndsl ;;
	*) echo "usage: $0 [spawn|test]" >&2; exit 2 ;;
esac
