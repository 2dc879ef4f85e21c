#!/usr/bin/env bash
# The browser the web dashboard's tests drive (test/e2e/web-*.test.ts, bench/web.mjs): Debian's
# chromium, installed from the distribution's packages when missing. playwright-core drives it by
# path; playwright's own browser download is never used (no CDN, works offline after apt).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "scripts/browser.sh: /usr/bin/chromium is missing and installing it needs root (apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
