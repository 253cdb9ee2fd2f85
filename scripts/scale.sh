#!/usr/bin/env bash
# Ember's scale harness on real nodes. It writes a chain spec whose genesis holds N providers with
# their GPUs, bonds and running leases (`ember-scale spec`), builds its raw genesis (`ember-node
# raw-spec`), starts a validator and a follower on it, and drives pre-signed heartbeats with
# attestation lines from the N agent keys at the design rate (`ember-scale run`): every block is printed with the
# heartbeats and lines it holds, the weight it used, the validator's time to build it and the
# follower's time to import it. Then a burst of heartbeats is sent at once, then as many
# transfers, to compare what one block takes of each. Last, the state size on disk.
#
#   scripts/scale.sh                      # the design target: 100k providers, 1M GPUs, 500k leases
#                                         # (see docs/performance.md for what has been run)
#   scripts/scale.sh --providers 20000    # fewer
#   scripts/scale.sh --small              # 300 providers for about 90 s (CI runs it, checked)
#
# Options (defaults in brackets): --providers N [100000], --gpus G per provider [10],
# --leases L per provider [5], --blocks B of steady heartbeats [100], --period P to set the
# heartbeat period by sudo [the chain's, 50], --silent PCT of providers that never heartbeat and
# go Offline together [0], --burst H heartbeats sent at once when a period begins and
# --transfers T sent at once after them [both: providers, at most 10000],
# --pool-limit TXS for both nodes' transaction pools [providers + H + T, at least 8192],
# --keep to keep the work directory. Output and logs go to $CARGO_TARGET_DIR/ember-scale/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

providers=100000 gpus=10 leases=5 blocks=100 period="" silent=0 burst="" transfers="" pool_limit=""
keep=0
check=""
while [ "$#" -gt 0 ]; do
	case "$1" in
	--providers) providers="$2"; shift 2 ;;
	--gpus) gpus="$2"; shift 2 ;;
	--leases) leases="$2"; shift 2 ;;
	--blocks) blocks="$2"; shift 2 ;;
	--period) period="$2"; shift 2 ;;
	--silent) silent="$2"; shift 2 ;;
	--burst) burst="$2"; shift 2 ;;
	--transfers) transfers="$2"; shift 2 ;;
	--pool-limit) pool_limit="$2"; shift 2 ;;
	--keep) keep=1; shift ;;
	--small)
		providers=300 blocks=6 period=4 check="--check"
		shift
		;;
	*) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
	esac
done
cap=$((providers < 10000 ? providers : 10000))
burst="${burst:-$cap}" transfers="${transfers:-$cap}"
pool_limit="${pool_limit:-$((providers + burst + transfers))}"
[ "$pool_limit" -ge 8192 ] || pool_limit=8192
# About 250 bytes a heartbeat with five lines: room for the whole pool, twice.
pool_kbytes=$((pool_limit / 2 + 20480))

"$EMBER_ROOT/scripts/setup.sh" >/dev/null
# test.sh has just built every binary with the tests.
[ "${EMBER_NODE_BUILT:-0}" = 1 ] && [ -x "$CARGO_TARGET_DIR/release/ember-scale" ] || build_all
BIN="$CARGO_TARGET_DIR/release"
WORK="$CARGO_TARGET_DIR/ember-scale/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK"
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [ "$keep" = 0 ]; then rm -rf "$WORK/validator" "$WORK/follower" "$WORK"/*.json; fi
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
seconds_since() { echo "$(( $(date +%s%N) / 1000000 - $1 ))" | awk '{ printf "%.1f", $1 / 1000 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

log "world: $providers providers × $gpus GPUs, $leases leases each; work dir $WORK"
"$BIN/ember-node" build-spec --chain dev >"$WORK/base.json" 2>/dev/null
start=$(now_ms)
"$BIN/ember-scale" spec --providers "$providers" --gpus-per-provider "$gpus" \
	--leases-per-provider "$leases" --payers "$transfers" --base "$WORK/base.json" --out "$WORK/scale.json"
start=$(now_ms)
# Built natively: `build-spec --raw` runs the genesis build in wasm, whose allocator refuses the
# patch of more than about 45,000 providers.
"$BIN/ember-node" raw-spec --chain "$WORK/scale.json" --out "$WORK/scale-raw.json" 2>"$WORK/build-spec.log" || {
	tail -20 "$WORK/build-spec.log"
	exit 1
}
log "genesis built in $(seconds_since "$start") s: raw spec $(du -h "$WORK/scale-raw.json" | cut -f1)"

p2p=$(free_port) rpc=$(free_port) follower_rpc=$(free_port) follower_metrics=$(free_port)
node_key=0000000000000000000000000000000000000000000000000000000000000001
peer_id=$("$BIN/ember-node" key inspect-node-key --file <(printf '%s' "$node_key") 2>/dev/null)
pool=(--pool-limit "$pool_limit" --pool-kbytes "$pool_kbytes")
start=$(now_ms)
"$BIN/ember-node" --chain "$WORK/scale-raw.json" --alice --validator --force-authoring \
	--node-key "$node_key" --base-path "$WORK/validator" --port "$p2p" --rpc-port "$rpc" \
	--no-prometheus --no-mdns "${pool[@]}" 2>"$WORK/validator.log" &
pids+=($!)
"$BIN/ember-node" --chain "$WORK/scale-raw.json" --base-path "$WORK/follower" --port 0 \
	--rpc-port "$follower_rpc" --prometheus-port "$follower_metrics" --no-mdns "${pool[@]}" \
	--bootnodes "/ip4/127.0.0.1/tcp/$p2p/p2p/$peer_id" 2>"$WORK/follower.log" &
pids+=($!)
for _ in $(seq 600); do
	grep -q "Prepared block for proposing at 1 " "$WORK/validator.log" && break
	kill -0 "${pids[0]}" 2>/dev/null || { tail -20 "$WORK/validator.log"; exit 1; }
	sleep 1
done
log "validator started and built block 1 in $(seconds_since "$start") s (pool: ${pool[*]})"

"$BIN/ember-scale" run --url "ws://127.0.0.1:$rpc" --providers "$providers" \
	--gpus-per-provider "$gpus" --leases-per-provider "$leases" --payers "$transfers" \
	--steady-blocks "$blocks" ${period:+--period "$period"} --silent-percent "$silent" \
	--heartbeat-burst "$burst" --transfers "$transfers" --validator-log "$WORK/validator.log" \
	--follower-metrics "127.0.0.1:$follower_metrics" $check | tee "$WORK/run.txt"

best=$(grep -o "Prepared block for proposing at [0-9]*" "$WORK/validator.log" | tail -1 | awk '{print $NF}')
start=$(now_ms)
for _ in $(seq 300); do
	grep -q "Imported #$best " "$WORK/follower.log" && break
	sleep 1
done
log "follower at block $best $(seconds_since "$start") s after the run ended"
log "state on disk: validator $(du -sh "$WORK/validator/chains" | cut -f1), follower $(du -sh "$WORK/follower/chains" | cut -f1)"
log "per-block table: $WORK/run.txt"
