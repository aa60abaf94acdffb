#!/usr/bin/env bash
# Brings up everything the services need: PostgreSQL (+ roles, schemas), Redis, Kafka (+ topics).
# With --record FILE, appends the names of the components this run started, for down.sh --only FILE.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RECORD="${2:-}"
[ "${1:-}" = "--record" ] || RECORD=""

started_before() { case "$1" in
  kafka) pid_alive "$STATE_DIR/kafka/kafka.pid" || port_open "$KAFKA_PORT" ;;
  redis) port_open "$REDIS_PORT" ;;
  postgres) pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null ;;
esac; }

for component in postgres redis kafka; do
  already=0; started_before "$component" && already=1
  bash "$ROOT/scripts/infra/$component.sh" up
  if [ -n "$RECORD" ] && [ "$already" = 0 ]; then echo "$component" >> "$RECORD"; fi
done

KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}" node "$ROOT/scripts/infra/provision-topics.js"
