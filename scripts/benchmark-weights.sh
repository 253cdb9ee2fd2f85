#!/usr/bin/env bash
# Measures every call and hook of Ember's pallets with `ember-node benchmark pallet` and writes
# each pallet's `weights.rs` from the measurements. Run it on the reference machine after any
# change to a pallet's logic, then commit the weights.
#
#   ./scripts/benchmark-weights.sh                 # all Ember pallets, and the runtime's own
#   ./scripts/benchmark-weights.sh pallet_providers
#   ./scripts/benchmark-weights.sh frame_system_extensions   # the checks every transaction pays
#   ./scripts/benchmark-weights.sh pallet_transaction_payment  # the fee payment check
#   STEPS=50 REPEAT=20 ./scripts/benchmark-weights.sh   # more samples, slower
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT"

STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"

declare -A PALLET_DIRS=(
	[pallet_providers]=pallets/providers
	[pallet_leases]=pallets/leases
	[pallet_emissions]=pallets/emissions
	[pallet_slashing]=pallets/slashing
	[pallet_challenges]=pallets/challenges
	[pallet_provider_staking]=pallets/staking
	[pallet_validator_set]=pallets/validator-set
)

# Weights of SDK code measured on this machine for the runtime (runtime/src/weights/), written
# with the benchmark CLI's own template.
declare -A RUNTIME_WEIGHTS=(
	[frame_system_extensions]=runtime/src/weights/frame_system_extensions.rs
	[pallet_transaction_payment]=runtime/src/weights/pallet_transaction_payment.rs
)

"$EMBER_ROOT/scripts/setup.sh"
build_node

wasm="$CARGO_TARGET_DIR/release/wbuild/ember-runtime/ember_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || { log "runtime wasm not found at $wasm" >&2; exit 1; }

pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=("${!PALLET_DIRS[@]}" "${!RUNTIME_WEIGHTS[@]}")

benchmark() {
	local pallet="$1"
	shift
	log "benchmarking $pallet (steps $STEPS, repeat $REPEAT)"
	"$EMBER_NODE_BIN" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		"$@"
}

for pallet in "${pallets[@]}"; do
	if [ -n "${PALLET_DIRS[$pallet]:-}" ]; then
		benchmark "$pallet" \
			--template "$EMBER_ROOT/scripts/pallet-weights.hbs" \
			--output "$EMBER_ROOT/${PALLET_DIRS[$pallet]}/src/weights.rs"
	elif [ -n "${RUNTIME_WEIGHTS[$pallet]:-}" ]; then
		out="$EMBER_ROOT/${RUNTIME_WEIGHTS[$pallet]}"
		benchmark "$pallet" --output "$out"
		# The benchmark names the trait after the pallet; frame_system's checks implement it
		# under this name.
		sed -i 's/impl<T: frame_system::Config> frame_system_extensions::WeightInfo for/impl<T: frame_system::Config> frame_system::ExtensionsWeightInfo for/' "$out"
	else
		log "unknown pallet $pallet (known: ${!PALLET_DIRS[*]} ${!RUNTIME_WEIGHTS[*]})" >&2
		exit 1
	fi
done
log "weights written; review the diff and commit it"
