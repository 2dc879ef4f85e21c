#!/usr/bin/env bash
# Install the example's own npm dependencies on the host (containers reach no registry, so the
# api's image copies node_modules from its build context). Skipped when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in fixtures/shop/api; do
  if [ -f "$dir/package.json" ] && [ ! -d "$dir/node_modules" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --silent)
  fi
done
