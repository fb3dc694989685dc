#!/usr/bin/env bash
# `npm run deploy`: the scripted path to Cloudflare. Needs `npx wrangler login`
# (or CLOUDFLARE_API_TOKEN + CLOUDFLARE_ACCOUNT_ID). `npm run deploy -- --dry-run`
# only bundles the Worker, offline, to check what would be uploaded.
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false
# LEADPACT_WRANGLER replaces wrangler (the deploy test passes a fake that records its calls).
WRANGLER="${LEADPACT_WRANGLER:-npx wrangler}"
PLACEHOLDER="00000000-0000-0000-0000-000000000000"

if [ "${1:-}" = "--dry-run" ]; then
  $WRANGLER deploy --dry-run --outdir dist/worker
  echo "Dry run: bundle written to dist/worker; nothing was uploaded."
  exit 0
fi

# Plain `wrangler whoami` exits 0 when nobody is logged in; with --json it fails (prints {"loggedIn":false}).
$WRANGLER whoami --json >/dev/null 2>&1 || { echo "Log in first: npx wrangler login (or set CLOUDFLARE_API_TOKEN)." >&2; exit 1; }

# 0. The master key personal data is sealed under: never generated here, since losing it loses
#    every person's data, so it must be made (and backed up) by whoever runs the deployment.
#    Checked before anything remote changes.
if ! $WRANGLER secret list 2>/dev/null | grep -q '"LEADPACT_ENCRYPTION_KEY"'; then
  cat >&2 <<'MSG'
Refusing to deploy: the Worker secret LEADPACT_ENCRYPTION_KEY is not set. LeadPact seals every
person's data under it and answers 503 to intake without it. Make one, keep a copy somewhere safe
(without it nothing personal can be read back), and set it:
  openssl rand -base64 32 | npx wrangler secret put LEADPACT_ENCRYPTION_KEY
(For an existing Worker without secrets yet, `wrangler secret put` creates it first.)
MSG
  exit 1
fi

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
