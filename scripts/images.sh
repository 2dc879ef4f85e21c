#!/usr/bin/env bash
# Build, offline, the base images the example and the tests run on. No registry is reachable,
# so nothing is pulled: busybox comes from busybox-static, Debian from debootstrap, Node from the
# host's own binary, PostgreSQL from Debian's packages. An image whose tag exists is skipped
# (seconds when all exist); --force rebuilds them all.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
force=0
[ "${1:-}" = "--force" ] && force=1
work="${FOXDEV_IMAGE_WORK:-/var/cache/foxdev-images}"
BUSYBOX=foxdev/busybox:1
BOOKWORM=foxdev/bookworm:12
NODE=foxdev/node:20
POSTGRES=foxdev/postgres:15
PYTHON=foxdev/python:3.11

have() { [ "$force" = 0 ] && docker image inspect "$1" >/dev/null 2>&1; }
say() { echo "images.sh: $*"; }
started=$(date +%s.%N)

# The Debian mirror apt already uses on this host.
mirror() {
  local uri
  uri=$(grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -1 || true)
  [ -n "$uri" ] || uri=$(grep -h -m1 -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -1 || true)
  [ -n "$uri" ] || { echo "foxdev: no Debian mirror in /etc/apt; cannot debootstrap" >&2; exit 1; }
  echo "$uri"
}

build_busybox() {
  have "$BUSYBOX" && { say "$BUSYBOX exists"; return; }
  local ctx; ctx=$(mktemp -d)
  cp /bin/busybox "$ctx/busybox"
  build_with "$BUSYBOX" "$ctx" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN ["/bin/busybox", "mkdir", "-p", "/tmp", "/var/www", "/etc"]
RUN ["/bin/sh", "-c", "echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd && echo 'nobody:x:65534:65534:nobody:/:/bin/sh' >> /etc/passwd && echo 'root:x:0:' > /etc/group && echo 'nogroup:x:65534:' >> /etc/group && chmod 1777 /tmp"]
ENV PATH=/bin
CMD ["sh"]
DOCKERFILE
  rm -rf "$ctx"
  say "built $BUSYBOX"
}

rootfs_dir="$work/bookworm"
make_rootfs() {
  [ -f "$rootfs_dir/.complete" ] && [ "$force" = 0 ] && return
  rm -rf "$rootfs_dir"
  mkdir -p "$work/debs"
  say "debootstrap bookworm (minbase)…"
  debootstrap --variant=minbase --cache-dir="$work/debs" bookworm "$rootfs_dir" "$(mirror)" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$rootfs_dir"/var/cache/apt/archives/*.deb "$rootfs_dir"/var/lib/apt/lists/*_Packages
  touch "$rootfs_dir/.complete"
}

import_dir() { # dir tag [docker import --change ...]
  local dir=$1 tag=$2; shift 2
  tar -C "$dir" --exclude=./.complete --exclude=./proc/* --exclude=./sys/* -c . | docker import "$@" - "$tag" >/dev/null
}

build_bookworm() {
  have "$BOOKWORM" && { say "$BOOKWORM exists"; return; }
  make_rootfs
  import_dir "$rootfs_dir" "$BOOKWORM" --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["bash"]'
  say "built $BOOKWORM"
}

build_node() {
  have "$NODE" && { say "$NODE exists"; return; }
  local node_bin npm_dir ctx
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(readlink -f "$(command -v npm)")")/..
  npm_dir=$(cd "$npm_dir" && pwd)
  ctx=$(mktemp -d)
  cp "$node_bin" "$ctx/node"
  cp -a "$npm_dir" "$ctx/npm"
  build_with "$NODE" "$ctx" <<DOCKERFILE
FROM $BOOKWORM
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/bash node
ENV NODE_VERSION=$(node --version)
CMD ["node"]
DOCKERFILE
  rm -rf "$ctx"
  say "built $NODE"
}

# Copy the bootstrap root filesystem and install Debian packages into the copy (host network,
# the host's mirror). policy-rc.d keeps package scripts from starting servers in the chroot.
rootfs_with() { # dir package...
  local dir=$1; shift
  make_rootfs
  rm -rf "$dir"
  cp -a "$rootfs_dir" "$dir"
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"; chmod +x "$dir/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  say "installing $* into a root filesystem…"
  chroot "$dir" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends $* >/dev/null && apt-get clean" \
    >"$work/install-$(basename "$dir").log" 2>&1 || { tail -20 "$work/install-$(basename "$dir").log" >&2; exit 1; }
  rm -rf "$dir/usr/sbin/policy-rc.d" "$dir"/var/lib/apt/lists/*
}

# docker build from a Dockerfile given on stdin and an optional context dir; quiet unless it fails.
build_with() { # tag [context]
  local tag=$1 ctx=${2:-} tmp=""
  if [ -z "$ctx" ]; then tmp=$(mktemp -d); ctx=$tmp; fi
  cat >"$ctx/Dockerfile"
  docker build -q -t "$tag" "$ctx" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  [ -n "$tmp" ] && rm -rf "$tmp"
  return 0
}

build_postgres() {
  have "$POSTGRES" && { say "$POSTGRES exists"; return; }
  local root="$work/postgres"
  rootfs_with "$root" postgresql-15
  rm -rf "$root/var/lib/postgresql/15" # the package's own cluster; the entrypoint makes one per volume
  install -m 0755 "$here/images/postgres-entrypoint.sh" "$root/usr/local/bin/postgres-entrypoint"
  import_dir "$root" "$POSTGRES-rootfs"
  build_with "$POSTGRES" <<DOCKERFILE
FROM $POSTGRES-rootfs
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PGDATA=/var/lib/postgresql/data LANG=C.UTF-8
VOLUME /var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
HEALTHCHECK --interval=2s --timeout=3s --start-period=30s --retries=5 \
  CMD ["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]
ENTRYPOINT ["postgres-entrypoint"]
DOCKERFILE
  docker rmi "$POSTGRES-rootfs" >/dev/null
  rm -rf "$root"
  say "built $POSTGRES"
}

# Python for the generator tests (foxdev init on a Python project builds on this base).
build_python() {
  have "$PYTHON" && { say "$PYTHON exists"; return; }
  local root="$work/python"
  rootfs_with "$root" python3 python3-venv python3-pip
  import_dir "$root" "$PYTHON" --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' --change 'CMD ["python3"]'
  rm -rf "$root"
  say "built $PYTHON"
}

command -v docker >/dev/null || { echo "foxdev: docker client missing; run scripts/engine.sh first" >&2; exit 1; }
mkdir -p "$work"
build_busybox
build_bookworm
build_node
build_postgres
build_python
# A second kind of store for the generic seed tests (SQLite); its own script, same rules.
bash "$here/images/seed-extra.sh" ${1:+"$1"}
say "done in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')s"
