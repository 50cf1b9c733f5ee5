#!/usr/bin/env bash
# setup.sh: everything a fresh machine needs to run and test Signet. Idempotent: a second
# run only re-checks. Installs (Debian/Ubuntu, as root or with sudo):
#   ceph-mon ceph-osd radosgw  - the local S3 server the tests sign against (scripts/rgw)
#   gnome-keyring dbus libsecret-tools - a real Secret Service for keychain tests
#   chromium                   - the browser the UI and extension tests drive
#   firefox-esr                - the Firefox the extension e2e drives (puppeteer-core over WebDriver BiDi)
# and checks that moto_server (pip: moto[server], the CloudFront/STS emulator of the CloudFront tests) is there;
# then pnpm 10 (corepack cannot fetch pnpm on some networks), the workspace's packages from
# the lockfile, the builds (CLI bundle, desktop renderer, extension), and `signet` on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(ceph-mon ceph-osd radosgw curl gnome-keyring dbus dbus-x11 libsecret-tools chromium firefox-esr fonts-dejavu-core)
missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    SUDO=; [[ $(id -u) == 0 ]] || SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian-like system; install Ceph RGW, gnome-keyring and Chromium yourself to run every test." >&2
fi

# The CloudFront set-up / doctor tests talk to moto's server (an AWS API emulator, Python) for
# the CloudFront and STS control planes. It is not a Debian package: say so rather than fail later.
if ! command -v moto_server >/dev/null; then
  echo "setup: moto_server is missing: the CloudFront tests (cloudfront setup, doctor, rotate-key) need it." >&2
  echo "setup: install it with: pip install 'moto[server]'   (moto 5.2 or newer; then moto_server is on PATH)" >&2
fi

if ! command -v pnpm >/dev/null || [[ $(pnpm --version) != 10.* ]]; then
  echo "setup: installing pnpm 10"
  npm install -g pnpm@10 >/dev/null
fi

pnpm install --frozen-lockfile
pnpm run build
bash scripts/link-cli.sh
echo "setup: done"
