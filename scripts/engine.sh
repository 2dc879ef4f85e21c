#!/usr/bin/env bash
# Make sure a Docker engine answers. Idempotent: an engine that already answers is never
# touched. On Debian as root, installs docker.io (plus busybox-static and debootstrap, which
# scripts/images.sh needs) and starts dockerd in the background, logging to a file.
set -euo pipefail

log_file="${FOXDEV_DOCKERD_LOG:-/var/log/foxdev-dockerd.log}"

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

need_pkgs() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  [ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd || missing+=(busybox-static)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3) # scripts/images/seed-extra.sh copies it into an image
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose) # the peer bench/up.mjs measures against
  command -v openssl >/dev/null 2>&1 || missing+=(openssl) # test/e2e/engine-tls.test.ts makes its own certificates
  echo "${missing[@]:-}"
}

install_pkgs() {
  local pkgs
  pkgs=$(need_pkgs)
  [ -z "$pkgs" ] && return 0
  if [ ! -f /etc/debian_version ] || [ "$(id -u)" != 0 ]; then
    echo "foxdev: missing $pkgs; install them (Debian: apt-get install $pkgs) or start a Docker engine and set DOCKER_HOST" >&2
    return 1
  fi
  echo "engine.sh: installing $pkgs"
  export DEBIAN_FRONTEND=noninteractive
  # Only refresh the package lists when they are missing or a day old.
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    apt-get update -qq
  fi
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
}

if engine_answers; then
  install_pkgs || true # tools for images.sh; the engine itself is left alone
  echo "engine.sh: engine answers ($(docker version --format 'Docker {{.Server.Version}}, API {{.Server.APIVersion}}'))"
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  echo "foxdev: DOCKER_HOST=$DOCKER_HOST does not answer; start that engine or unset DOCKER_HOST" >&2
  exit 1
fi

install_pkgs

if ! pgrep -x dockerd >/dev/null 2>&1; then
  echo "engine.sh: starting dockerd (log: $log_file)"
  mkdir -p "$(dirname "$log_file")"
  # setsid: the daemon must outlive this script and the shell that ran it.
  setsid nohup dockerd >>"$log_file" 2>&1 </dev/null &
fi

for _ in $(seq 1 120); do
  if engine_answers; then
    echo "engine.sh: engine answers ($(docker version --format 'Docker {{.Server.Version}}, API {{.Server.APIVersion}}'))"
    exit 0
  fi
  sleep 0.5
done
echo "foxdev: dockerd did not answer within 60s; see $log_file" >&2
tail -n 20 "$log_file" >&2 || true
exit 1
