#!/usr/bin/env bash
# npm start: dependencies, infrastructure, build, migrations, then the four services with prefixed logs.
# Ctrl-C stops the services, then the infrastructure this run started (HASHPROOF_KEEP_INFRA=1 keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

[ -d node_modules/.bin ] || npm ci --no-audit --no-fund
started="$STATE_DIR/started-by-start"
: > "$started"
[ "${HASHPROOF_KEEP_INFRA:-0}" = 1 ] || trap 'bash scripts/infra/down.sh --only "$started"' EXIT
bash scripts/infra/up.sh --record "$started"
npm run -s build
migrate_all

commands=(); names=()
for entry in "${SERVICES[@]}"; do
  read -r name _ <<< "$entry"
  names+=("$name")
  commands+=("bash scripts/run-service.sh $name")
done

cat <<INFO

  hashproof is starting
    API           http://127.0.0.1:3000/v1
    API docs      http://127.0.0.1:3000/docs   (JSON: /docs-json)
    health        http://127.0.0.1:300{0,1,2,3}/health   (gateway, contracts, hashrate-verifier, payouts)
    metrics       http://127.0.0.1:300{0,1,2,3}/metrics
    stratum       tcp://127.0.0.1:3333
    kafka         $KAFKA_BROKERS    postgres $PG_HOST:$PG_PORT    redis $REDIS_URL
  Ctrl-C stops everything.

INFO
LOG_LEVEL="${LOG_LEVEL:-info}" npx concurrently --kill-others-on-fail --kill-signal SIGTERM \
  --names "$(IFS=,; echo "${names[*]}")" --prefix-colors "cyan,magenta,yellow,green" "${commands[@]}" || true
