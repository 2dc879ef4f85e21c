#!/usr/bin/env bash
# foxdev/sqlite:3 — a second kind of store for the generic (`kind: command`) seed tests, built
# offline in a second or two: foxdev/bookworm:12 plus the host's own sqlite3 binary and the two
# libraries the minbase root filesystem lacks. Host and image are both Debian 12, so the
# binaries match. Skipped when the tag exists; --force rebuilds.
set -euo pipefail
TAG=foxdev/sqlite:3
BASE=foxdev/bookworm:12
if [ "${1:-}" != "--force" ] && docker image inspect "$TAG" >/dev/null 2>&1; then
  echo "seed-extra.sh: $TAG exists"; exit 0
fi
docker image inspect "$BASE" >/dev/null 2>&1 || { echo "seed-extra.sh: $BASE missing; run scripts/images.sh first" >&2; exit 1; }
bin=$(command -v sqlite3 || true)
[ -n "$bin" ] || { echo "seed-extra.sh: sqlite3 is not installed on the host (apt-get install sqlite3)" >&2; exit 1; }
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp "$(readlink -f "$bin")" "$ctx/sqlite3"
# Every shared library sqlite3 links against that is not a glibc/ncurses/zlib piece minbase has.
for lib in $(ldd "$bin" | awk '/=>/ {print $3}' | grep -E 'libsqlite3|libreadline'); do
  cp "$(readlink -f "$lib")" "$ctx/$(basename "$lib")"
done
cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $BASE
COPY sqlite3 /usr/bin/sqlite3
COPY lib*.so.* /usr/lib/x86_64-linux-gnu/
RUN ldconfig && mkdir -p /data && sqlite3 -version
VOLUME /data
WORKDIR /data
CMD ["sleep", "infinity"]
DOCKERFILE
docker build -q -t "$TAG" "$ctx" >/dev/null
echo "seed-extra.sh: built $TAG"
