#!/usr/bin/env bash
# test.sh: every check Signet has, in the order a failure is cheapest to find:
# format, lint, knip, typecheck, build (the e2e tests drive the built CLI, renderer and extension), then
# unit + integration (real RGW, real keychain) + e2e (real Chromium and Firefox ESR).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== format";    pnpm -s run format:check
echo "== lint";      pnpm -s run lint
echo "== knip (unused files, exports, dependencies)"; pnpm -s run knip
echo "== typecheck"; pnpm -s run typecheck
echo "== build";     pnpm -s run build
echo "== web-ext lint (Firefox build of the extension)"
pnpm -s --filter @signet/extension run lint:firefox
echo "== tests"
report=$(mktemp "${TMPDIR:-/tmp}/signet-vitest.XXXXXX.json")
trap 'rm -f "$report"' EXIT
status=0
bash scripts/with-keyring.sh pnpm exec vitest run --config scripts/vitest.config.ts \
  --reporter=default --reporter=json --outputFile.json="$report" || status=$?
# One plain closing line for CI: "tests: N passed, N failed, N skipped".
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' "$report" || echo "tests: no report (vitest exited $status)"
exit "$status"
