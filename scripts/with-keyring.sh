#!/usr/bin/env bash
# with-keyring.sh CMD...: runs CMD with a real, unlocked Secret Service (gnome-keyring) on a
# private D-Bus session, with a throw-away keyring directory, so tests use the real OS
# keychain without ever touching the user's own keyring. Nested calls reuse the session.
set -euo pipefail
if [[ "${SIGNET_TEST_KEYRING:-}" == 1 ]]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
  command -v "$tool" >/dev/null || { echo "with-keyring: '$tool' is missing. Run: bash scripts/setup.sh" >&2; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/signet-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/runtime" SIGNET_TEST_KEYRING=1
# The test keyring's password; tests that lock the keyring unlock it again with it.
export SIGNET_TEST_KEYRING_PASSWORD=signet-test
dbus-run-session -- bash -c '
  printf %s "$SIGNET_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets --replace >/dev/null 2>&1
  exec "$@"' bash "$@"
