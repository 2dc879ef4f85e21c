#!/usr/bin/env bash
# The main job on a fresh machine: an engine, the offline images, the example's own npm
# dependencies, a build, then `foxdev up` on the bundled example (foxdev.config.ts). Extra
# arguments go to `foxdev up` (e.g. `npm run demo -- --no-tui`, `npm run demo -- -d`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/engine.sh
bash scripts/images.sh
bash scripts/fixtures.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent build
exec node dist/cli/main.js up "$@"
