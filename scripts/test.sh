#!/usr/bin/env bash
# Runs every test of Partnerbook: go vet, go test -race, the frontend's unit tests and type
# check, the browser end-to-end tests against `partnerbook ui`, the desktop build, and a smoke
# test of the real window under Xvfb. Installs what it needs first (scripts/setup.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export PATH="$(go env GOPATH)/bin:$PATH"

passed=0; failed=0
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1)); echo "--- ok: $name ($((SECONDS - t0)) s)"
  else
    failed=$((failed + 1)); echo "--- FAILED: $name ($((SECONDS - t0)) s)"
    echo "steps: $passed passed, $failed failed"
    exit 1
  fi
}

step "shell script tests" bash scripts/versions_test.sh
step "build (bindings, frontend, command line)" bash scripts/build.sh cli
step "go vet, gofmt" bash -c 'go vet ./... && unformatted=$(gofmt -l app backend main.go) && { [ -z "$unformatted" ] || { echo "not gofmt-ed: $unformatted"; false; }; }'
step "staticcheck, deadcode" bash scripts/staticcheck.sh
# The real mail servers of the mail integration tests, on loopback, stopped when this script ends.
mailservers=$(mktemp -d)
trap 'bash scripts/mailservers.sh stop "$mailservers"' EXIT
step "start Mailpit and Dovecot" bash scripts/mailservers.sh start "$mailservers"
source "$mailservers/env"
step "go test -race" go test -race -count=1 ./...
step "frontend type check" bash -c "cd frontend && npm run --silent typecheck"
step "frontend unit tests" bash -c "cd frontend && npx vitest run"
step "browser end-to-end tests" bash -c "cd frontend && PARTNERBOOK_BIN=../build/bin/partnerbook-cli node --test e2e/"
step "desktop build" bash -c "export PATH=$PATH; v=\$(bash scripts/version.sh); wails build -s -skipbindings -ldflags \"-X main.version=\$v\" -o partnerbook >/dev/null 2>&1 || wails build -s -skipbindings -ldflags \"-X main.version=\$v\" -o partnerbook"
step "window smoke test under Xvfb" bash scripts/smoke.sh build/bin/partnerbook
echo "steps: $passed passed, $failed failed"
