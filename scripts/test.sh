#!/usr/bin/env bash
# The one test command (README and .ci/run both call it): make sure an engine runs and the
# offline images exist, build, then run every test, unit and end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/engine.sh
bash scripts/images.sh
bash scripts/fixtures.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent build
exec npx vitest run "$@"
