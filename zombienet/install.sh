#!/usr/bin/env bash
# Installs the zombienet CLI from the npm registry into zombienet/node_modules (idempotent).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ -x node_modules/.bin/zombienet ]; then
	exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is required (install Node.js 18+)" >&2; exit 1; }
if [ -f package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error
else
	npm install --no-audit --no-fund --loglevel=error
fi
