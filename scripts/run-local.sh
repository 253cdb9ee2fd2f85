#!/usr/bin/env bash
# Runs a local Ember development chain with one GPU provider on it: Alice produces and finalizes
# blocks (JSON-RPC on ws://127.0.0.1:9944, Prometheus on http://127.0.0.1:9615/metrics), and a
# provider agent with a simulated inventory of two GPUs (owner //Charlie, agent //Charlie//agent)
# bonds, registers, heartbeats, proves its GPUs and bids. The tenant web app is served on
# http://127.0.0.1:4173 (EMBER_WEB_PORT; `EMBER_WEB=0` skips it). Then it prints the app's
# address and the emberctl commands that lease a GPU.
# `EMBER_AGENT=0` starts the chain alone. Extra arguments go to ember-node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$EMBER_ROOT/scripts/setup.sh"
build_all

BIN="$CARGO_TARGET_DIR/release"
WORK="$(mktemp -d -t ember-local.XXXXXX)"
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

log "starting ember-node --dev (Ctrl-C stops everything; the chain state is temporary)"
"$BIN/ember-node" --dev --tmp --prometheus-port 9615 "$@" 2>"$WORK/node.log" &
pids+=($!)
for _ in $(seq 60); do
	"$BIN/emberctl" balance 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY >/dev/null 2>&1 && break
	sleep 1
done
log "chain up: connect a wallet to ws://127.0.0.1:9944 (node log: $WORK/node.log)"

if [ "${EMBER_AGENT:-1}" = "0" ]; then
	wait "${pids[0]}"
	exit 0
fi

AGENT_ADDR="$("$BIN/emberctl" --key //Charlie//agent --json balance | sed -n 's/.*"account": *"\([^"]*\)".*/\1/p')"
"$BIN/emberctl" --key //Alice --wait in-block --yes transfer "$AGENT_ADDR" 10 >/dev/null
cat >"$WORK/provider-agent.toml" <<TOML
data_dir = "$WORK/agent"

[chain]
endpoint = "ws://127.0.0.1:9944"

[keys]
agent_key = "//Charlie//agent"
owner = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"
owner_key = "//Charlie"

[provider]
region = "eu-west"
bond = "1500"

[pricing]
default_per_gpu_hour = "2"

[inventory]
mode = "simulated"

[[inventory.simulated]]
model = "NVIDIA L4"
vram_mib = 23034
compute_capability = "8.9"
uuid = "GPU-local-0"

[[inventory.simulated]]
model = "NVIDIA L4"
vram_mib = 23034
compute_capability = "8.9"
uuid = "GPU-local-1"

# Workloads as child processes: a development chain allows it, and the printed example runs
# a shell command. A live network allows only the container sandbox (kind = "container").
[executor]
kind = "process"

# TCP for emberctl, WebSocket for the web app in a browser.
[p2p]
listen = ["/ip4/127.0.0.1/tcp/30555", "/ip4/127.0.0.1/tcp/30556/ws"]

[telemetry]
metrics_listen = "127.0.0.1:9616"
TOML
"$BIN/provider-agent" --config "$WORK/provider-agent.toml" run 2>"$WORK/agent.log" &
pids+=($!)
log "provider agent started (log: $WORK/agent.log, metrics: http://127.0.0.1:9616/metrics)"

WEB_URL=""
if [ "${EMBER_WEB:-1}" != "0" ] && command -v npm >/dev/null 2>&1; then
	"$EMBER_ROOT/scripts/web.sh" build >"$WORK/web-build.log" 2>&1 || { log "the web app did not build: $WORK/web-build.log"; exit 1; }
	(cd "$EMBER_ROOT/web" && exec node node_modules/vite/bin/vite.js preview --strictPort --port "${EMBER_WEB_PORT:-4173}") >"$WORK/web.log" 2>&1 &
	pids+=($!)
	WEB_URL="http://127.0.0.1:${EMBER_WEB_PORT:-4173}/?rpc=ws://127.0.0.1:9944"
fi

cat >"$WORK/hello.json" <<'JSON'
{
  "version": 1,
  "name": "hello",
  "workload": { "kind": "command", "program": "sh", "args": ["-c", "echo \"hello from $CUDA_VISIBLE_DEVICES\"; echo 42 > answer.txt"] },
  "outputs": ["answer.txt"],
  "gpus": { "count": 1 }
}
JSON
if [ -n "$WEB_URL" ]; then
	cat <<TXT

  The web app: open $WEB_URL
  choose "Dave (dev)" as the account, place an order under "New order" (the example manifest
  prints a line), accept the bid under "My orders", then "Send manifest" and "Follow logs"
  under "My leases". Charlie's GPUs take about a minute to be proven before the agent bids.
TXT
fi
cat <<TXT

  Or lease a GPU as the tenant //Dave (in another terminal; emberctl is $BIN/emberctl):

    export PATH="$BIN:\$PATH" EMBER_KEY=//Dave
    emberctl providers                       # Charlie's machine: registered (~20 s), then its
                                             # GPUs proven by a challenge round (~40 s more, "proven")
    emberctl order create --count 1 --duration 30m --max-price 3 --manifest $WORK/hello.json
    emberctl bids 0                          # the agent bids within a few blocks
    emberctl accept 0 5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y
    emberctl lease list                      # your lease id
    emberctl manifest send 0 $WORK/hello.json
    emberctl logs 0 --follow
    emberctl output 0 answer.txt
    emberctl lease close 0

TXT
wait "${pids[0]}"
