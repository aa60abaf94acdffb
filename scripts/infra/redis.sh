#!/usr/bin/env bash
# Redis at 127.0.0.1:$REDIS_PORT: used when it answers; otherwise started without persistence. Usage: redis.sh up|down
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PIDFILE="$STATE_DIR/redis.pid"

up() {
  port_open "$REDIS_PORT" && return 0
  command -v redis-server >/dev/null || die "nothing answers at 127.0.0.1:$REDIS_PORT and redis-server is not installed: apt-get install redis-server"
  say "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$STATE_DIR" --pidfile "$PIDFILE" --logfile "$STATE_DIR/redis.log"
  wait_for_port "$REDIS_PORT" 15 || die "redis did not come up on port $REDIS_PORT"
}

down() {
  pid_alive "$PIDFILE" || { rm -f "$PIDFILE"; return 0; }
  say "stopping the redis these scripts started"
  kill "$(cat "$PIDFILE")"
  rm -f "$PIDFILE"
}

case "${1:-}" in up) up ;; down) down ;; *) die "usage: redis.sh up|down" ;; esac
