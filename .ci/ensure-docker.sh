#!/usr/bin/env bash
# Makes a Docker engine with Compose v2 (and buildx) answer on a bare Debian CI machine: installs
# docker.io and debootstrap, takes the Compose v2 and buildx plugins from Debian trixie's packages
# (bookworm only has Compose v1), and starts dockerd when nothing does. Exits non-zero, saying why, when
# docker cannot run here.
set -euo pipefail

say() { echo "[ensure-docker] $*" >&2; }

if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing docker.io and debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
  else
    say "docker is not installed and cannot be installed here (not root, or no apt-get)"
    exit 1
  fi
fi

plugins="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
if ! docker compose version >/dev/null 2>&1 || ! docker buildx version >/dev/null 2>&1; then
  say "fetching the Compose v2 and buildx plugins from Debian trixie"
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$plugins"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${DEBIAN_MIRROR:-http://deb.debian.org/debian} trixie main" >"$work/sources.list"
  apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$work/lists"
    -o "Dir::Cache=$work/cache" -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" update -qq
  (cd "$work" && apt-get "${apt_opts[@]}" download docker-compose docker-buildx >/dev/null)
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/x"; done
  cp "$work"/x/usr/libexec/docker/cli-plugins/docker-* "$plugins/"
  rm -rf "$work"
fi

if ! docker info >/dev/null 2>&1; then
  say "starting dockerd"
  (dockerd >/tmp/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  if ! docker info >/dev/null 2>&1; then
    say "dockerd did not start:"; tail -20 /tmp/dockerd.log >&2 || true
    exit 1
  fi
fi
say "$(docker version --format 'Docker {{.Server.Version}}'), $(docker compose version --short 2>/dev/null | sed 's/^/Compose /')"
