#!/usr/bin/env bash
# Debian packages of ember-node, provider-agent and emberctl, built with cargo-deb from the
# binaries under $CARGO_TARGET_DIR.
#
#   scripts/packages.sh build   # the three .deb files, into $CARGO_TARGET_DIR/debian/
#   scripts/packages.sh test    # build them, inspect their contents and maintainer scripts, and
#                               # (as root, with dpkg) install, check, reinstall and purge them
#
# By default the packages hold the binaries the tests use (--release with runtime-benchmarks),
# so that CI builds nothing more. EMBER_PACKAGE_PROFILE=production builds the binaries to ship
# (`--profile production`, no benchmarking APIs) first; that is a full build of its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT"

PROFILE="${EMBER_PACKAGE_PROFILE:-release}"
OUT="$CARGO_TARGET_DIR/debian"
PACKAGES=(ember-node provider-agent emberctl)
# The cargo package each Debian package is made from.
declare -A CRATE=([ember-node]=ember-node [provider-agent]=provider-agent [emberctl]=ember-client)

fail() {
	printf '\033[1;31m[packages]\033[0m %s\n' "$*" >&2
	exit 1
}

ensure_cargo_deb() {
	if ! cargo deb --version >/dev/null 2>&1; then
		log "installing cargo-deb"
		cargo install cargo-deb --locked --version 3.6.2
	fi
}

build() {
	ensure_cargo_deb
	if [ "$PROFILE" = "release" ]; then
		# The binaries the tests use: built with the tests' features (`cargo build --bins` alone
		# would resolve others and compile much of the workspace again).
		log "building the binaries the tests use (nothing to do after scripts/test.sh built them)"
		# shellcheck disable=SC2086
		cargo test $EMBER_CARGO_FLAGS --workspace --no-run --quiet
	else
		log "building the $PROFILE binaries"
		cargo build --locked --profile "$PROFILE" -p ember-node -p provider-agent -p ember-client --bins
	fi
	mkdir -p "$OUT"
	rm -f "$OUT"/*.deb
	for package in "${PACKAGES[@]}"; do
		# --fast: lighter compression; the node's binary is large and the test only opens it.
		local fast=()
		[ "${EMBER_PACKAGE_FAST:-1}" = "1" ] && fast=(--fast)
		cargo deb --no-build --profile "$PROFILE" -p "${CRATE[$package]}" \
			"${fast[@]}" --output "$OUT/" >/dev/null
	done
	log "packages in $OUT:"
	ls -l "$OUT"/*.deb
}

deb_of() { ls "$OUT/$1"_*.deb; }

# What each package holds, its control fields and maintainer scripts.
inspect() {
	local contents
	contents=$(dpkg-deb --contents "$(deb_of ember-node)")
	for path in ./usr/bin/ember-node ./usr/lib/systemd/system/ember-node.service ./etc/default/ember-node \
		./usr/share/doc/ember-node/validator.md; do
		grep -q " $path\$" <<<"$contents" || fail "ember-node lacks $path"
	done
	grep -q '^-rwxr-xr-x .* ./usr/bin/ember-node$' <<<"$contents" || fail "ember-node is not executable"
	contents=$(dpkg-deb --contents "$(deb_of provider-agent)")
	for path in ./usr/bin/provider-agent ./usr/lib/systemd/system/provider-agent.service \
		./usr/share/doc/provider-agent/provider-agent.md; do
		grep -q " $path\$" <<<"$contents" || fail "provider-agent lacks $path"
	done
	contents=$(dpkg-deb --contents "$(deb_of emberctl)")
	grep -q ' ./usr/bin/emberctl$' <<<"$contents" || fail "emberctl lacks its binary"
	if grep -q 'systemd' <<<"$contents"; then fail "emberctl ships a unit"; fi

	local control
	control=$(dpkg-deb --field "$(deb_of ember-node)")
	grep -q '^Depends: .*adduser' <<<"$control" || fail "ember-node does not depend on adduser"
	grep -q '^Depends: .*libc6' <<<"$control" || fail "ember-node's library dependencies are missing"
	control=$(dpkg-deb --field "$(deb_of provider-agent)")
	grep -q '^Recommends: .*podman' <<<"$control" || fail "provider-agent does not recommend podman"

	local scripts
	scripts=$(mktemp -d)
	for package in ember-node provider-agent; do
		dpkg-deb --control "$(deb_of "$package")" "$scripts/$package"
		[ -x "$scripts/$package/postinst" ] || fail "$package has no executable postinst"
		sh -n "$scripts/$package/postinst" || fail "$package's postinst is not valid sh"
		grep -q '#DEBHELPER#' "$scripts/$package/postinst" && fail "$package's postinst kept #DEBHELPER#"
		# Installed, not enabled: the operator configures first.
		grep -q "deb-systemd-helper .*$package.service" "$scripts/$package/postinst" ||
			fail "$package's postinst does not register its unit"
		if grep -q "deb-systemd-helper enable $package.service" "$scripts/$package/postinst" &&
			! grep -q 'was-enabled' "$scripts/$package/postinst"; then
			fail "$package's unit is enabled on install"
		fi
		[ -e "$scripts/$package/postrm" ] || fail "$package has no postrm to unregister its unit"
	done
	grep -q 'keystore' "$scripts/ember-node/postinst" || fail "ember-node's postinst makes no keystore"
	grep -q 'init --data-dir /var/lib/ember-agent' "$scripts/provider-agent/postinst" ||
		fail "provider-agent's postinst writes no configuration"
	grep -q '^/etc/default/ember-node$' "$scripts/ember-node/conffiles" ||
		fail "/etc/default/ember-node is not a conffile"
	rm -rf "$scripts"
	log "contents, control fields and maintainer scripts as expected"
}

made_users=()
# Purges the packages and removes the users (and their directories) the install check made.
cleanup() {
	dpkg --purge "${PACKAGES[@]}" >/dev/null 2>&1 || true
	local user
	for user in "${made_users[@]}"; do
		userdel "$user" >/dev/null 2>&1 || true
		sed -i "/^$user:/d" /etc/subuid /etc/subgid 2>/dev/null || true
		case "$user" in
		ember) rm -rf /var/lib/ember /etc/ember ;;
		ember-agent) rm -rf /var/lib/ember-agent /etc/ember-agent ;;
		esac
	done
}

mode_of() { stat -c '%a %U:%G' "$1"; }

expect_mode() {
	local got
	got=$(mode_of "$1")
	[ "$got" = "$2" ] || fail "$1 is $got, expected $2"
}

# Installs the three packages on this machine, checks what their scripts did, installs them
# again (the scripts run twice without harm), and purges them.
install_check() {
	if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null 2>&1; then
		log "install check skipped: it needs root and dpkg (CI runs it)"
		return
	fi
	# What the test made, for cleanup() to remove (globals: the trap runs after this returns).
	made_users=()
	getent passwd ember >/dev/null || made_users+=(ember)
	getent passwd ember-agent >/dev/null || made_users+=(ember-agent)
	local had_agent_config=0
	[ -e /etc/ember-agent/agent.toml ] && had_agent_config=1
	trap cleanup EXIT

	command -v adduser >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq adduser >/dev/null
	local debs=()
	for package in "${PACKAGES[@]}"; do debs+=("$(deb_of "$package")"); done
	dpkg -i "${debs[@]}" >"$OUT/install.log" 2>&1 || {
		cat "$OUT/install.log"
		fail "dpkg -i failed"
	}
	/usr/bin/ember-node --version >/dev/null || fail "the installed ember-node does not run"
	/usr/bin/emberctl --version >/dev/null || fail "the installed emberctl does not run"
	/usr/bin/provider-agent --version >/dev/null || fail "the installed provider-agent does not run"

	getent passwd ember >/dev/null || fail "no ember user"
	getent passwd ember-agent >/dev/null || fail "no ember-agent user"
	[ "$(getent passwd ember | cut -d: -f7)" = "/usr/sbin/nologin" ] || fail "the ember user can log in"
	expect_mode /var/lib/ember "700 ember:ember"
	expect_mode /var/lib/ember/keystore "700 ember:ember"
	expect_mode /var/lib/ember-agent "700 ember-agent:ember-agent"
	expect_mode /etc/ember-agent "750 root:ember-agent"
	if [ "$had_agent_config" = "0" ]; then
		expect_mode /etc/ember-agent/agent.toml "600 ember-agent:ember-agent"
		expect_mode /etc/ember-agent/agent.key "600 ember-agent:ember-agent"
		grep -q '^data_dir = "/var/lib/ember-agent"$' /etc/ember-agent/agent.toml ||
			fail "the agent's configuration does not keep its data under /var/lib/ember-agent"
	fi
	grep -q '^ember-agent:[0-9]*:65536$' /etc/subuid || fail "ember-agent has no subordinate uids"
	grep -q '^ember-agent:[0-9]*:65536$' /etc/subgid || fail "ember-agent has no subordinate gids"
	# The agent's user reads its own configuration and key; nobody else can.
	runuser -u ember-agent -- /usr/bin/provider-agent --config /etc/ember-agent/agent.toml check-config \
		>/dev/null || fail "ember-agent cannot load its configuration"
	if runuser -u nobody -- cat /etc/ember-agent/agent.key >/dev/null 2>&1; then
		fail "another user reads the agent key"
	fi
	local key_before
	key_before=$(cat /etc/ember-agent/agent.key)

	if command -v systemd-analyze >/dev/null 2>&1; then
		systemd-analyze verify /usr/lib/systemd/system/ember-node.service \
			/lib/systemd/system/provider-agent.service 2>&1 | grep -v '^$' >"$OUT/verify.log" || true
		if grep -Ei 'ember-node.service|provider-agent.service' "$OUT/verify.log"; then
			fail "systemd-analyze verify found problems in the units"
		fi
		for unit in ember-node provider-agent; do
			local exposure
			exposure=$(systemd-analyze security --offline=yes "/usr/lib/systemd/system/$unit.service" 2>/dev/null |
				grep -o 'Overall exposure level for .*' || true)
			log "$unit: ${exposure:-exposure not rated by this systemd}"
		done
	else
		log "systemd-analyze not installed: the units' syntax is not verified"
	fi

	# Again over itself: nothing duplicated, the key kept.
	dpkg -i "${debs[@]}" >>"$OUT/install.log" 2>&1 || fail "a second dpkg -i failed"
	[ "$(grep -c '^ember-agent:' /etc/subuid)" = "1" ] || fail "subordinate uids added twice"
	[ "$(cat /etc/ember-agent/agent.key)" = "$key_before" ] || fail "a reinstall replaced the agent key"

	dpkg --purge "${PACKAGES[@]}" >>"$OUT/install.log" 2>&1 || fail "dpkg --purge failed"
	for binary in ember-node provider-agent emberctl; do
		[ ! -e "/usr/bin/$binary" ] || fail "/usr/bin/$binary stayed after purge"
	done
	[ ! -e /usr/lib/systemd/system/ember-node.service ] || fail "the node's unit stayed after purge"
	[ -e /etc/ember-agent/agent.key ] || fail "purge removed the agent key, which may hold funds"
	log "installed, checked, reinstalled and purged: users, modes, keys and units as expected"
}

case "${1:-build}" in
build) build ;;
test)
	build
	inspect
	install_check
	;;
*) fail "usage: $0 [build|test]" ;;
esac
