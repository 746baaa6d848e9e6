#!/usr/bin/env bash
# Runs Partnerbook's desktop window, installing and building what it needs first.
# Extra arguments go to partnerbook (e.g. --data DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$(go env GOPATH)/bin:$PATH"
bash scripts/build.sh desktop
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display here. For the same app in a browser: build/bin/partnerbook ui" >&2
  exit 2
fi
exec build/bin/partnerbook "$@"
