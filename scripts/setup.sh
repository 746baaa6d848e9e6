#!/usr/bin/env bash
# Installs what Partnerbook needs to build, run and test on a Debian machine.
# Idempotent and quiet when there is nothing to do. Called by scripts/run.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
APT_PACKAGES=(
  build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.0-dev   # desktop build
  xvfb xauth imagemagick x11-apps xdotool                         # window smoke test
  chromium chromium-driver                                        # browser end-to-end tests
  tesseract-ocr                                                   # reads the window's title off its screenshot
  sqlite3 time poppler-utils                                      # benchmarks, PDF checks
  dovecot-imapd                                                   # IMAP server of the mail integration tests
  caddy                                                           # the reverse proxy of docs/sync.md's tested example
  libxml2-utils                                                   # xmllint: SEPA files against their schema
)

source scripts/versions.sh

say() { echo "setup: $*" >&2; }
# quiet runs a command and shows its output only when it fails.
quiet() { local out; out=$("$@" 2>&1) || { echo "$out" >&2; return 1; }; }

for tool in go node npm; do
  command -v "$tool" >/dev/null || { say "$tool is missing: install Go 1.26 and Node 20 with npm first"; exit 1; }
done

missing=()
for p in "${APT_PACKAGES[@]}"; do
  [[ $p == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  say "installing Debian packages: ${missing[*]}"
  quiet $SUDO apt-get update -qq
  quiet env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

GOBIN="$(go env GOPATH)/bin"
export PATH="$GOBIN:$PATH"
if ! has_version "$WAILS_VERSION" wails version; then
  say "installing the Wails CLI $WAILS_VERSION"
  quiet go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

# The static checks of scripts/staticcheck.sh, pinned (the proxy's version lists are incomplete).
STATICCHECK_VERSION=v0.8.2
DEADCODE_VERSION=v0.52.0
if ! has_version "(${STATICCHECK_VERSION#v})" staticcheck -version; then
  say "installing staticcheck $STATICCHECK_VERSION"
  quiet go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi
if ! has_version "golang.org/x/tools"$'\t'"$DEADCODE_VERSION" go version -m "$GOBIN/deadcode"; then
  say "installing deadcode $DEADCODE_VERSION"
  quiet go install "golang.org/x/tools/cmd/deadcode@$DEADCODE_VERSION"
fi

# Mailpit (the SMTP server of the mail integration tests, read back through its API): `go
# install` of it is refused, so it is built from a throwaway module, once per version.
MAILPIT_VERSION=v1.31.0
if [ ! -x "$GOBIN/mailpit-${MAILPIT_VERSION#v}" ]; then
  say "building Mailpit $MAILPIT_VERSION for the mail tests"
  tmp=$(mktemp -d)
  (cd "$tmp" && quiet go mod init mailpit-build && quiet go get "github.com/axllent/mailpit@$MAILPIT_VERSION" &&
    quiet go build -o "$GOBIN/mailpit-${MAILPIT_VERSION#v}" github.com/axllent/mailpit)
  rm -rf "$tmp"
fi

# npm packages: reinstall only when the lockfile changed since the last install.
if [ -f frontend/package.json ]; then
  stamp=frontend/node_modules/.partnerbook-lock
  want=$(sha256sum frontend/package.json frontend/package-lock.json 2>/dev/null | sha256sum | cut -c1-64)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing npm packages"
    (cd frontend && quiet npm install --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
fi
