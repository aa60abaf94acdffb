#!/usr/bin/env bash
# npm test: dependencies, infrastructure, static checks, a fresh test database, then every jest tier.
# Ends with one summary line; stops only the infrastructure this run started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
TEST_DATABASE="${HASHPROOF_TEST_DATABASE:-hashproof_test}"

[ -d node_modules/.bin ] || npm ci --no-audit --no-fund
started="$STATE_DIR/started-by-test"
: > "$started"
trap 'bash scripts/infra/down.sh --only "$started"' EXIT
bash scripts/infra/up.sh --record "$started"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "format";    npx prettier --check --log-level warn .
step "lint";      npx nx show projects >/dev/null && npx eslint --max-warnings=0 .
step "typecheck"; npx tsc -p tsconfig.json --noEmit
step "build";     npm run -s build

step "test database $TEST_DATABASE: fresh schemas, migrations"
for entry in "${SERVICES[@]}"; do
  read -r _ context _ <<< "$entry"
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$TEST_DATABASE" -v ON_ERROR_STOP=1 -qc \
    "DROP SCHEMA IF EXISTS \"$context\" CASCADE; CREATE SCHEMA \"$context\" AUTHORIZATION \"hashproof_$context\";"
done
migrate_all "$TEST_DATABASE"
psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$TEST_DATABASE" -qc 'ANALYZE'

export TEST_DATABASE KAFKA_BROKERS REDIS_URL
status=0
rm -f "$STATE_DIR"/jest-*.json
step "unit tests"
npx jest --ci --selectProjects unit --json --outputFile="$STATE_DIR/jest-unit.json" "$@" || status=$?
# One shared broker and database: integration suites run one at a time.
step "integration tests"
npx jest --ci --selectProjects integration --runInBand --json --outputFile="$STATE_DIR/jest-integration.json" "$@" || status=$?
node scripts/test-summary.js "$STATE_DIR/jest-unit.json" "$STATE_DIR/jest-integration.json"
exit "$status"
