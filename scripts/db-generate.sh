#!/usr/bin/env bash
# Regenerates migrations/ from worker/db/schema with drizzle-kit.
# Until the first production deploy the history is squashed into one initial
# migration (set LEADPACT_SQUASH=0 to append a new numbered migration instead).
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/leadpact-db-generate.lock
flock 9
if [ "${LEADPACT_SQUASH:-1}" = "1" ]; then
  rm -rf migrations
  npx drizzle-kit generate --name init
else
  npx drizzle-kit generate --name "${1:-change}"
fi
