#!/usr/bin/env bash
# Regenerates package-lock.json away from node_modules (npm/cli#4828: with node_modules present npm records
# only this platform's optional binaries) and checks that `npm ci` accepts it, as CI will on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp package.json "$work/"
(cd "$work" && npm install --package-lock-only --no-audit --no-fund >/dev/null)
mkdir "$work/check" && cp "$work/package.json" "$work/package-lock.json" "$work/check/"
if (cd "$work/check" && npm ci --dry-run --no-audit --no-fund 2>&1 | grep -E "Missing|Invalid"); then
  echo "npm ci would reject this lock: pin the packages above (package.json overrides) to versions the registry serves for every platform" >&2
  exit 1
fi
cp "$work/package-lock.json" package-lock.json
npm install --no-audit --no-fund >/dev/null
echo "package-lock.json regenerated; npm ci accepts it"
