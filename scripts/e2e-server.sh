#!/usr/bin/env bash
# The production server for the end-to-end suite: the built workbench (dist-server/) and the server on
# PGlite in a fresh temp folder, removed when the server stops.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
JIANZHENG_DATA_DIR="$DATA" PORT="${E2E_SERVER_PORT:-4174}" npx tsx --tsconfig tsconfig.app.json src/server/node.ts
