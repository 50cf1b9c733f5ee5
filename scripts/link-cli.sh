#!/usr/bin/env bash
# link-cli.sh: puts `signet` on PATH as a link to this checkout's CLI bundle
# (apps/cli/dist/signet.mjs): `npm install -g ./apps/cli` links a local folder, it copies
# nothing, so a rebuild is picked up at once. Idempotent: does nothing when npm's `signet`
# already is this checkout's. Called by setup.sh; honours NPM_CONFIG_PREFIX like npm itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="$PWD/apps/cli/dist/signet.mjs"
bin="$(npm prefix -g)/bin"
if [[ -e "$bin/signet" && "$(readlink -f "$bin/signet")" == "$(readlink -f "$bundle")" ]]; then
  echo "setup: signet is already on PATH ($bin/signet)"
  exit 0
fi
if npm install -g ./apps/cli >/dev/null 2>&1; then
  echo "setup: signet is on PATH ($bin/signet → apps/cli/dist/signet.mjs)"
  [[ ":$PATH:" == *":$bin:"* ]] || echo "setup: add $bin to PATH to run signet from anywhere" >&2
else
  echo "setup: could not link signet onto PATH (npm install -g ./apps/cli failed: run it with sudo, or use pnpm -s signet)" >&2
fi
