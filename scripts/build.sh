#!/usr/bin/env bash
# Builds Partnerbook: `build.sh cli` gives build/bin/partnerbook-cli (plain go build, every
# command, no GTK); `build.sh desktop` gives build/bin/partnerbook (the window, via wails).
# Both embed the frontend, which is built first with fresh bindings.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
quiet() { local out; out=$("$@" 2>&1) || { echo "$out" >&2; return 1; }; }

ldflags="-X main.version=$(bash scripts/version.sh)"   # the version Settings → About shows

quiet wails generate module
(cd frontend && quiet npm run build)
case "${1:-cli}" in
  cli) go build -ldflags "$ldflags" -o build/bin/partnerbook-cli . ;;
  desktop) quiet wails build -s -skipbindings -ldflags "$ldflags" -o partnerbook ;;
  *) echo "usage: build.sh cli|desktop" >&2; exit 2 ;;
esac
