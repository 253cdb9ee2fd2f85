#!/usr/bin/env bash
# Spawns or tests the four-validator Ember network with zombienet's native provider.
#   ./zombienet/run.sh spawn   # start the network and keep it running (Ctrl-C stops it)
#   ./zombienet/run.sh test    # start it, run ember-local.zndsl, stop it
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
mode="${1:-test}"

"$EMBER_ROOT/zombienet/install.sh"
[ -x "$EMBER_NODE_BIN" ] || build_node
export EMBER_NODE_BIN

cd "$EMBER_ROOT/zombienet"
zombienet="$EMBER_ROOT/zombienet/node_modules/.bin/zombienet"
case "$mode" in
	spawn) exec "$zombienet" -p native spawn ember-local.toml ;;
	test) exec "$zombienet" -p native test ember-local.zndsl ;;
	*) echo "usage: $0 [spawn|test]" >&2; exit 2 ;;
esac
