#!/usr/bin/env bash
# Runs every integration test binary of the workspace (each starts real ember-node processes,
# agents or containers). They spend most of their time waiting for 6-second blocks, so they run
# side by side: EMBER_TEST_LANES binaries at once (3 by default), longest first, each with
# EMBER_TEST_THREADS tests at once (6 by default). Each binary's output goes to a log under
# $CARGO_TARGET_DIR/ember-test-logs, printed in full when it fails. The flood test saturates
# both cores on purpose, so it runs last and alone.
#   scripts/integration-tests.sh [name ...]   only these binaries (e.g. lease_end_to_end)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT"

lanes="${EMBER_TEST_LANES:-3}"
export RUST_TEST_THREADS="${EMBER_TEST_THREADS:-6}"
logs="$CARGO_TARGET_DIR/ember-test-logs"
rm -rf "$logs" && mkdir -p "$logs"
export EMBER_TEST_LOGS="$logs"

# Longest first, so that the last lane to finish is not the one holding a long binary.
longest_first=(lease_end_to_end reorg governance sandbox proof_of_compute runtime_upgrade provider_liveness emissions)
alone_at_the_end=(flood)

if [ "$#" -gt 0 ]; then
	all=("$@")
else
	# shellcheck disable=SC2086
	mapfile -t all < <(cargo test $EMBER_CARGO_FLAGS --workspace --no-run --message-format=json 2>/dev/null |
		jq -r 'select(.reason == "compiler-artifact" and .target.kind == ["test"] and .executable != null) | .target.name' |
		sort -u)
fi
[ "${#all[@]}" -gt 0 ] || { log "no integration test binaries found"; exit 1; }

contains() { local item="$1"; shift; printf '%s\n' "$@" | grep -qx -- "$item"; }
side_by_side=()
for name in "${longest_first[@]}"; do
	contains "$name" "${all[@]}" && side_by_side+=("$name")
done
for name in "${all[@]}"; do
	contains "$name" "${longest_first[@]}" "${alone_at_the_end[@]}" || side_by_side+=("$name")
done
last=()
for name in "${alone_at_the_end[@]}"; do
	contains "$name" "${all[@]}" && last+=("$name")
done

run_one() {
	local name="$1" start=$SECONDS rc=0
	# shellcheck disable=SC2086
	cargo test $EMBER_CARGO_FLAGS --workspace --test "$name" >"$EMBER_TEST_LOGS/$name.log" 2>&1 || rc=$?
	echo "$rc" >"$EMBER_TEST_LOGS/$name.rc"
	local summary
	summary=$(grep -E '^test result:' "$EMBER_TEST_LOGS/$name.log" | tail -1 || true)
	log "$name: $([ "$rc" = 0 ] && echo passed || echo FAILED) in $((SECONDS - start)) s ${summary:+($summary)}"
}
export -f run_one log
export EMBER_CARGO_FLAGS

log "side by side, $lanes at a time: ${side_by_side[*]}"
printf '%s\n' "${side_by_side[@]}" | xargs -P "$lanes" -I{} bash -c 'run_one "$1"' _ {}
for name in "${last[@]}"; do
	log "alone: $name"
	run_one "$name"
done

failed=0
for name in "${side_by_side[@]}" "${last[@]}"; do
	if [ "$(cat "$logs/$name.rc" 2>/dev/null || echo 1)" != 0 ]; then
		failed=1
		log "---- $name failed; its output ($logs/$name.log): ----"
		cat "$logs/$name.log"
	fi
done
exit "$failed"
