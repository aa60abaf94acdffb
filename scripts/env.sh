# Local settings for the services, sourced by start.sh and test.sh. Each service gets its own database role.
source "$(dirname "${BASH_SOURCE[0]}")/infra/lib.sh"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}"

# Local secrets: generated once per clone into $STATE_DIR (git-ignored), never committed; one already in the
# environment wins.
if [ -z "${JWT_ACCESS_SECRET:-}" ]; then
  local_secrets="$STATE_DIR/secrets.env"
  if [ ! -s "$local_secrets" ]; then
    (umask 077 && node -e "console.log('JWT_ACCESS_SECRET=' + require('node:crypto').randomBytes(32).toString('hex'))" \
      > "$local_secrets")
  fi
  set -a
  source "$local_secrets"
  set +a
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
