#!/usr/bin/env bash
# Prints the version a build of Partnerbook embeds (main.version, shown in Settings → About):
# PARTNERBOOK_VERSION when set (a release), else wails.json's productVersion and the commit
# built, such as 0.1.0+4edd5df. A build that does not set it (go build, wails dev) says "dev".
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${PARTNERBOOK_VERSION:-}" ]; then
  echo "$PARTNERBOOK_VERSION"
  exit
fi
product=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "${product:-0.0.0}+$commit"
