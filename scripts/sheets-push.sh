#!/usr/bin/env bash
# Pushes the add-on to Apps Script: lint → tests → build → clasp push of apps-script/dist/.
#   npm run sheets:push             # the dev script
#   npm run sheets:push -- prod     # the prod script
#   npm run sheets:push -- dev --dry-run   # everything but the push
# Script ids come from LEADPACT_SCRIPT_ID_DEV / LEADPACT_SCRIPT_ID_PROD, else apps-script/clasp-targets.json.
# clasp 3 must be installed and logged in (npm install -g @google/clasp && clasp login); CLASP overrides the command.
set -euo pipefail
cd "$(dirname "$0")/.."

# The target and --dry-run in any order: `-- --dry-run` alone is the dev script's dry run.
target=dev
dry_run=false
for arg in "$@"; do
  if [ "$arg" = "--dry-run" ]; then dry_run=true; else target="$arg"; fi
done
case "$target" in
  dev) script_id="${LEADPACT_SCRIPT_ID_DEV:-}" ;;
  prod) script_id="${LEADPACT_SCRIPT_ID_PROD:-}" ;;
  *) echo "sheets:push: the target is dev or prod, not \"$target\"." >&2; exit 2 ;;
esac
if [ -z "$script_id" ]; then
  script_id="$(node -e 'const t=require("./apps-script/clasp-targets.json"); process.stdout.write(t[process.argv[1]] || "")' "$target")"
fi
if ! [[ "$script_id" =~ ^[A-Za-z0-9_-]{20,}$ ]]; then
  echo "sheets:push: no script id for $target. Set LEADPACT_SCRIPT_ID_${target^^} or \"$target\" in apps-script/clasp-targets.json (Apps Script editor › Project settings › Script ID)." >&2
  exit 2
fi

echo "sheets:push [$target] 1/4 lint"
${LEADPACT_SHEETS_LINT:-npm run lint}
echo "sheets:push [$target] 2/4 tests"
${LEADPACT_SHEETS_TEST:-npx vitest run --project node test/node/sheet}
echo "sheets:push [$target] 3/4 build"
node scripts/sheets-build.mjs
printf '{"scriptId":"%s","rootDir":"dist"}\n' "$script_id" > apps-script/.clasp.json
if [ "$dry_run" = true ]; then
  echo "sheets:push [$target] 4/4 dry run: would push apps-script/dist/ to script $script_id"
  exit 0
fi
echo "sheets:push [$target] 4/4 clasp push to $script_id"
cd apps-script
${CLASP:-clasp} push --force
