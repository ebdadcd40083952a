#!/usr/bin/env bash
# The one test command: installs what the tests need when missing (Chromium, CJK fonts, PostgreSQL), then runs every check.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
# grep reads everything (no -q): an early exit would SIGPIPE fc-list and fail the pipeline under pipefail.
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need_pkgs+=(fonts-noto-cjk)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "==> installing ${need_pkgs[*]} (Debian)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

echo "==> typecheck"; npx tsc -b
echo "==> lint"; npx eslint . --max-warnings=0
echo "==> unit tests"; npx vitest run --project unit
echo "==> server suite on PGlite"; npx vitest run --project server
echo "==> server suite on PostgreSQL"; bash scripts/with-postgres.sh npx vitest run --project server
echo "==> production builds (demo and server)"; npx vite build; npm run build:server
echo "==> end-to-end tests (Chromium: $(command -v chromium))"; npx playwright test
