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

# Local runs judge minute-long windows at ~60 shares a minute, so verdicts and flags show up within minutes.
export DELIVERY_WINDOW_SECONDS="${DELIVERY_WINDOW_SECONDS:-60}"
export STRATUM_TARGET_SHARES_PER_MINUTE="${STRATUM_TARGET_SHARES_PER_MINUTE:-60}"
export CAPACITY_CHECK_MIN_SECONDS="${CAPACITY_CHECK_MIN_SECONDS:-60}"
# Pool checks may reach pools on this machine and network (the demo dev pool on 127.0.0.1:3334).
export POOL_CHECK_ALLOW_PRIVATE_ADDRESSES="${POOL_CHECK_ALLOW_PRIVATE_ADDRESSES:-true}"

commands=(); names=()
for entry in "${SERVICES[@]}"; do
  read -r name _ <<< "$entry"
  names+=("$name")
  commands+=("bash scripts/run-service.sh $name")
done

# Stripe without the internet: with no real STRIPE_SECRET_KEY (scripts/env.sh), contracts' SDK talks to the local
# stand-in, which signs its webhooks to the gateway with STRIPE_WEBHOOK_SECRET, exactly as Stripe would.
stripe=""
if [ "${STRIPE_API_URL:-}" = http://127.0.0.1:12111 ]; then
  names+=(stripe-stand-in)
  commands+=("node dist/apps/stripe-stand-in/src/main.js --port 12111 --webhook-url http://127.0.0.1:3000/v1/webhooks/stripe --webhook-secret $STRIPE_WEBHOOK_SECRET")
  stripe="
    stripe        stand-in http://127.0.0.1:12111 (no real STRIPE_SECRET_KEY set): pay with
                  POST /_stand-in/payment_intents/<id>/succeed; webhooks go to /v1/webhooks/stripe"
fi

# The demo (HASHPROOF_DEMO=0 leaves it out): a dev pool, and one honest and one cheating rig mining two demo
# rentals through the verifier's endpoint. Their rentals and credentials come from the contracts seed.
demo=""
if [ "${HASHPROOF_DEMO:-1}" = 1 ]; then
  credentials="$(DATABASE_URL="$(database_url contracts)" node dist/apps/contracts/src/seed-demo.js)"
  credential() { node -e 'process.stdout.write(JSON.parse(process.argv[1])[process.argv[2]])' "$credentials" "$1"; }
  rig="node dist/apps/rig-simulator/src/main.js --url stratum+tcp://127.0.0.1:3333 --hashrate 20000 --keep-connecting --status-interval-ms 60000"
  names+=(dev-pool rig-honest rig-cheating)
  commands+=(
    "node dist/apps/dev-pool/src/main.js --host 127.0.0.1 --port 3334 --stats-interval-ms 60000"
    "$rig --worker $(credential honest)"
    "$rig --worker $(credential cheating) --cheat underdeliver=0.7"
  )
  demo="
    demo          dev pool stratum+tcp://127.0.0.1:3334; an honest rig and one delivering 70% of its claim
                  mine two demo rentals through the endpoint. Within a few minutes the verifier logs
                  closed windows and flags the cheating rental (under-delivery-review), as the
                  hashrate-verifier log lines show; psql: SELECT * FROM verifier.contract_flags;"
fi

cat <<INFO

  hashproof is starting
    API           http://127.0.0.1:3000/v1
    API docs      http://127.0.0.1:3000/docs   (JSON: /docs-json)
    health        http://127.0.0.1:300{0,1,2,3}/health   (gateway, contracts, hashrate-verifier, payouts)
    metrics       http://127.0.0.1:300{0,1,2,3}/metrics
    stratum       tcp://127.0.0.1:3333
    kafka         $KAFKA_BROKERS    postgres $PG_HOST:$PG_PORT    redis $REDIS_URL$demo$stripe
  Ctrl-C stops everything.

INFO
LOG_LEVEL="${LOG_LEVEL:-info}" npx concurrently --kill-others-on-fail --kill-signal SIGTERM \
  --names "$(IFS=,; echo "${names[*]}")" --prefix-colors "cyan,magenta,yellow,green,gray,blue,red" "${commands[@]}" || true
