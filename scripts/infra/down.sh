#!/usr/bin/env bash
# Stops only what these scripts started. With --only FILE, only the components listed in FILE.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
components="kafka redis postgres"
if [ "${1:-}" = "--only" ]; then components="$(cat "${2:?--only needs a file}" 2>/dev/null || true)"; fi
for component in $components; do bash "$ROOT/scripts/infra/$component.sh" down; done
