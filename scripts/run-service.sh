#!/usr/bin/env bash
# run-service.sh NAME: runs one built service with its local settings (its own database role and port).
set -euo pipefail
source "$(dirname "$0")/env.sh"
for entry in "${SERVICES[@]}"; do
  read -r name context port <<< "$entry"
  if [ "$name" = "$1" ]; then
    export HTTP_PORT="${HTTP_PORT:-$port}" DATABASE_URL="$(database_url "$context")"
    exec node "$ROOT/dist/apps/$name/src/main.js"
  fi
done
echo "unknown service: $1" >&2
exit 2
