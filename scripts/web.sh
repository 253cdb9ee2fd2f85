#!/usr/bin/env bash
# Builds the tenant web app (web/) into static files under web/dist, after its unit tests.
#   scripts/web.sh build    npm ci, npm test, npm run build
#   scripts/web.sh serve    build, then serve web/dist on http://127.0.0.1:${EMBER_WEB_PORT:-4173}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EMBER_ROOT/web"

command -v npm >/dev/null 2>&1 || { log "npm is required: apt-get install nodejs npm (scripts/setup.sh does)" >&2; exit 1; }

build() {
	# `npm ci` installs exactly what package-lock.json records.
	npm ci --no-audit --no-fund --loglevel=error
	npm test
	npm run build
	log "web app built: $EMBER_ROOT/web/dist"
}

case "${1:-build}" in
build) build ;;
serve)
	build
	exec node node_modules/vite/bin/vite.js preview --strictPort --port "${EMBER_WEB_PORT:-4173}"
	;;
*)
	echo "usage: $0 build|serve" >&2
	exit 2
	;;
esac
