# Local settings for the services, sourced by start.sh and test.sh. Each service gets its own database role.
source "$(dirname "${BASH_SOURCE[0]}")/infra/lib.sh"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}"

# Local secrets: generated once per clone into $STATE_DIR (git-ignored), never committed; one already in the
# environment wins.
if [ -z "${JWT_ACCESS_SECRET:-}" ]; then
  local_secrets="$STATE_DIR/secrets.env"
  if ! grep -qs '^JWT_ACCESS_SECRET=' "$local_secrets"; then
    (umask 077 && node -e "console.log('JWT_ACCESS_SECRET=' + require('node:crypto').randomBytes(32).toString('hex'))" \
      >> "$local_secrets")
  fi
  # Only this variable: the file holds others, and one of those already in the environment must win too.
  JWT_ACCESS_SECRET="$(sed -n 's/^JWT_ACCESS_SECRET=//p' "$local_secrets" | tail -n 1)"
  export JWT_ACCESS_SECRET
fi
# The token the services present to each other's internal routes; added to an existing secrets.env too.
if [ -z "${INTERNAL_API_TOKEN:-}" ]; then
  local_secrets="$STATE_DIR/secrets.env"
  if ! grep -qs '^INTERNAL_API_TOKEN=' "$local_secrets"; then
    (umask 077 && node -e "console.log('INTERNAL_API_TOKEN=' + require('node:crypto').randomBytes(32).toString('hex'))" \
      >> "$local_secrets")
  fi
  INTERNAL_API_TOKEN="$(sed -n 's/^INTERNAL_API_TOKEN=//p' "$local_secrets" | tail -n 1)"
  export INTERNAL_API_TOKEN
fi
# Stripe: the gateway verifies webhooks with this signing secret, and the local stand-in signs with it too.
if [ -z "${STRIPE_WEBHOOK_SECRET:-}" ]; then
  local_secrets="$STATE_DIR/secrets.env"
  if ! grep -qs '^STRIPE_WEBHOOK_SECRET=' "$local_secrets"; then
    (umask 077 && node -e "console.log('STRIPE_WEBHOOK_SECRET=whsec_' + require('node:crypto').randomBytes(24).toString('hex'))" \
      >> "$local_secrets")
  fi
  STRIPE_WEBHOOK_SECRET="$(sed -n 's/^STRIPE_WEBHOOK_SECRET=//p' "$local_secrets" | tail -n 1)"
  export STRIPE_WEBHOOK_SECRET
fi
# Without a real key the SDK talks to the local Stripe stand-in, which start.sh runs; with one, to Stripe.
if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  export STRIPE_SECRET_KEY=sk_test_local
  export STRIPE_API_URL="${STRIPE_API_URL:-http://127.0.0.1:12111}"
fi

# database_url CONTEXT [DATABASE]
database_url() { echo "postgres://hashproof_$1@$PG_HOST:$PG_PORT/${2:-${HASHPROOF_DATABASE:-hashproof}}"; }

# The services: name, database context, HTTP port.
SERVICES=("gateway gateway 3000" "contracts contracts 3001" "hashrate-verifier verifier 3002" "payouts payouts 3003")

# migrate_all [DATABASE]: each service's checked-in migrations, as the service's own role.
migrate_all() {
  local entry name context port
  for entry in "${SERVICES[@]}"; do
    read -r name context port <<< "$entry"
    DATABASE_URL="$(database_url "$context" "${1:-}")" node "$ROOT/dist/apps/$name/src/migrate.js"
  done
}
