#!/usr/bin/env bash
# `npm run deploy`: the scripted path to Cloudflare. Needs `npx wrangler login`
# (or CLOUDFLARE_API_TOKEN + CLOUDFLARE_ACCOUNT_ID). `npm run deploy -- --dry-run`
# only bundles the Worker, offline, to check what would be uploaded.
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false
WRANGLER="npx wrangler"
PLACEHOLDER="00000000-0000-0000-0000-000000000000"

if [ "${1:-}" = "--dry-run" ]; then
  $WRANGLER deploy --dry-run --outdir dist/worker
  echo "Dry run: bundle written to dist/worker; nothing was uploaded."
  exit 0
fi

$WRANGLER whoami >/dev/null 2>&1 || { echo "Log in first: npx wrangler login (or set CLOUDFLARE_API_TOKEN)." >&2; exit 1; }

[ "${SKIP_TESTS:-0}" = "1" ] || npm test

# 1. The D1 database: created once, its id written into wrangler.toml (commit that change).
if grep -q "$PLACEHOLDER" wrangler.toml; then
  echo "› Creating the D1 database 'leadpact'…"
  out=$($WRANGLER d1 create leadpact 2>&1) || { echo "$out" >&2; exit 1; }
  id=$(printf '%s' "$out" | grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' | head -n1)
  [ -n "$id" ] || { echo "Could not read the database id from:"$'\n'"$out" >&2; exit 1; }
  sed -i.bak "s/$PLACEHOLDER/$id/" wrangler.toml && rm -f wrangler.toml.bak
  echo "  database_id = $id (written to wrangler.toml)"
fi

# 2. Migrations, remotely.
$WRANGLER d1 migrations apply DB --remote

# 3. The admin secret that guards POST /v1/workspaces, set once.
if ! $WRANGLER secret list 2>/dev/null | grep -q LEADPACT_ADMIN_SECRET; then
  secret="lpadmin_$(node -e "process.stdout.write(require('crypto').randomBytes(24).toString('base64url'))")"
  printf '%s' "$secret" | $WRANGLER secret put LEADPACT_ADMIN_SECRET
  echo "  LEADPACT_ADMIN_SECRET set. Keep it safe: $secret"
fi

# 4. The intake queue (store first, judge after), created once.
if ! $WRANGLER queues list 2>/dev/null | grep -q leadpact-intake; then
  $WRANGLER queues create leadpact-intake
fi

# 5. The Worker, its cron trigger and its queue consumer.
$WRANGLER deploy
