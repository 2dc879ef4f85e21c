#!/usr/bin/env bash
# The one test command (README and .ci/run both call it): make sure an engine runs and the
# offline images exist, build, then run every test, unit and end-to-end, and close with one
# plain "N passed, N failed, N skipped" line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/engine.sh
bash scripts/images.sh
# The web dashboard's browser tests drive Debian's chromium (installed from apt when missing).
bash scripts/browser.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/fixtures.sh
npm run --silent build
# vitest does not check types; the tests are TypeScript too.
npx tsc -p tsconfig.test.json
# DESIGN.md's layer arrows (config → plan → engine → runtime; ui reads store): .dependency-cruiser.cjs.
npm run --silent lint:layers
mkdir -p .cache
rc=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.cache/vitest.json "$@" || rc=$?
node scripts/test-summary.mjs .cache/vitest.json || true
exit "$rc"
