#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL: a new cluster in a temp dir, on a free port, owned by an
# unprivileged user, stopped and removed afterwards. Never touches a system cluster.
#   bash scripts/with-postgres.sh npx vitest run --project server
set -euo pipefail

B=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$B" ] || [ ! -x "$B/initdb" ]; then
  echo "==> installing postgresql (Debian)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  B=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
T=$(mktemp -d)
chmod 755 "$T"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$T"

stop() {
  as_pg "$B/pg_ctl" -D "$T/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$T"
}
trap stop EXIT

as_pg "$B/initdb" -D "$T/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$B/pg_ctl" -D "$T/data" -l "$T/log" -w -o "-k $T -c listen_addresses=127.0.0.1 -p $PORT -c fsync=off -c max_connections=200" start >/dev/null
echo "==> throwaway PostgreSQL $("$B/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres" "$@"
