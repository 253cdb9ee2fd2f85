#!/usr/bin/env bash
# Idempotent machine set-up for building and testing Ember.
# Installs the system packages and Rust targets/components the node and runtime need.
set -euo pipefail

log() { printf '[setup] %s\n' "$*"; }

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
[ -e /usr/lib/llvm-14/lib/libclang.so ] || ls /usr/lib/llvm-*/lib/libclang*.so >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v perl >/dev/null 2>&1 || need_apt+=(perl)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
# The provider agent downloads URL inputs with curl; the tests build the fake NVML library with cc.
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v cc >/dev/null 2>&1 || need_apt+=(gcc)
# the container engine the provider agent's sandbox runs on, and the sandbox tests' image
command -v podman >/dev/null 2>&1 || need_apt+=(podman)
command -v runc >/dev/null 2>&1 || need_apt+=(runc)
{ command -v busybox >/dev/null 2>&1 && ! ldd "$(command -v busybox)" >/dev/null 2>&1; } || need_apt+=(busybox-static)
# integration-tests.sh lists the test binaries with jq; scale.sh picks free ports with python3
command -v jq >/dev/null 2>&1 || need_apt+=(jq)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
# the dashboards test scrapes real processes with Prometheus and checks the alerts with promtool
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
# packages.sh: dpkg-shlibdeps works out the packages' library dependencies; the install check
# runs the units through systemd-analyze
command -v dpkg-shlibdeps >/dev/null 2>&1 || need_apt+=(dpkg-dev)
command -v systemd-analyze >/dev/null 2>&1 || need_apt+=(systemd)
# the web app's browser test drives Debian's headless Chromium (no browser download)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# the web app is built with Node.js and npm
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# the font of the economics plot (scripts/economics)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)

if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    log "installing ${need_apt[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    log "please install: ${need_apt[*]}" >&2
    exit 1
  fi
fi

if ! command -v rustup >/dev/null 2>&1; then
  log "rustup is required (https://rustup.rs)" >&2
  exit 1
fi

installed_targets="$(rustup target list --installed)"
for target in wasm32v1-none wasm32-unknown-unknown; do
  if ! grep -qx "$target" <<<"$installed_targets"; then
    log "adding rust target $target"
    rustup target add "$target"
  fi
done

installed_components="$(rustup component list --installed)"
for component in rust-src clippy rustfmt; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    log "adding rust component $component"
    rustup component add "$component"
  fi
done

log "ready"
