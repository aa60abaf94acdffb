# Local settings for the services, sourced by start.sh and test.sh. Each service gets its own database role.
source "$(dirname "${BASH_SOURCE[0]}")/infra/lib.sh"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}"

# Local secrets: generated once per clone into $STATE_DIR (git-ignored), never committed; one already in the
# environment wins.
# local_secret NAME [PREFIX] [BYTES]: NAME from the environment if set, else from secrets.env, where a new
# random value is appended the first time (existing files gain new secrets too). Only NAME is read back: the
# file holds others, and one of those already in the environment must win.
local_secret() {
  local name="$1" prefix="${2:-}" bytes="${3:-32}" local_secrets="$STATE_DIR/secrets.env"
  [ -z "${!name:-}" ] || return 0
  if ! grep -qs "^$name=" "$local_secrets"; then
    (umask 077 && node -e "console.log('$name=$prefix' + require('node:crypto').randomBytes($bytes).toString('hex'))" \
      >> "$local_secrets")
  fi
  printf -v "$name" '%s' "$(sed -n "s/^$name=//p" "$local_secrets" | tail -n 1)"
  export "${name?}"
}
local_secret JWT_ACCESS_SECRET
# The token the services present to each other's internal routes.
local_secret INTERNAL_API_TOKEN
# Stripe: the gateway verifies webhooks with this signing secret, and the local stand-in signs with it too.
local_secret STRIPE_WEBHOOK_SECRET whsec_ 24
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
