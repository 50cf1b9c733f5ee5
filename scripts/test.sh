#!/usr/bin/env bash
# test.sh: every check Signet has, in the order a failure is cheapest to find:
# lint, typecheck, build (the e2e tests drive the built CLI, renderer and extension), then
# unit + integration (real RGW, real keychain) + e2e (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint";      pnpm -s run lint
echo "== typecheck"; pnpm -s run typecheck
echo "== build";     pnpm -s run build
echo "== tests";     bash scripts/with-keyring.sh pnpm exec vitest run --config scripts/vitest.config.ts
