#!/usr/bin/env bash
# PostgreSQL at $PGHOST:$PGPORT: used when it answers; otherwise started from the machine's own install.
# Then the databases and per-service roles/schemas are ensured. Usage: postgres.sh up|down
set -euo pipefail
source "$(dirname "$0")/lib.sh"
MARK="$STATE_DIR/postgres.started"
ADMIN_USER="${PGADMIN_USER:-postgres}"

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$ADMIN_USER" -v ON_ERROR_STOP=1 -qtA "$@"; }

start_server() {
  if command -v pg_ctlcluster >/dev/null && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
    local version; version="$(ls /etc/postgresql | sort -V | tail -1)"
    say "starting the machine's PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    echo "pg_ctlcluster --skip-systemctl-redirect $version main stop" > "$MARK"
  elif command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    local data="$STATE_DIR/postgres/data"
    [ -f "$data/PG_VERSION" ] || initdb -D "$data" -U "$ADMIN_USER" --auth=trust >/dev/null
    say "starting a private PostgreSQL in $data"
    pg_ctl -D "$data" -l "$STATE_DIR/postgres/server.log" -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null
    echo "pg_ctl -D $data -w stop" > "$MARK"
  else
    die "nothing answers at $PG_HOST:$PG_PORT and no PostgreSQL is installed: install it (apt-get install postgresql) or set PGHOST/PGPORT."
  fi
  wait_for_port "$PG_PORT" 30 || die "PostgreSQL did not come up on port $PG_PORT"
}

ensure_database() {
  local db="$1"
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE \"$db\""
  fi
  psql_admin -d "$db" -f "$ROOT/infra/postgres/bootstrap.sql" >/dev/null
}

up() {
  command -v psql >/dev/null || die "psql is needed: install it (apt-get install postgresql-client)."
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null || start_server
  for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 0.5; done
  ensure_database "${HASHPROOF_DATABASE:-hashproof}"
  ensure_database "${HASHPROOF_TEST_DATABASE:-hashproof_test}"
}

down() {
  [ -f "$MARK" ] || return 0
  say "stopping the PostgreSQL these scripts started"
  bash -c "$(cat "$MARK")" >/dev/null || true
  rm -f "$MARK"
}

case "${1:-}" in up) up ;; down) down ;; *) die "usage: postgres.sh up|down" ;; esac
