#!/usr/bin/env bash
# Tests scripts/versions.sh under the options setup.sh runs with. Prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# A tool that prints its version first and then a lot more, as `wails version` may (update
# notes): a reader that stops at the first line makes it die of SIGPIPE.
cat >"$tmp/tool" <<'SH'
#!/usr/bin/env bash
echo "v2.16.0"
for i in $(seq 1 20000); do echo "more output line $i"; done
SH
chmod +x "$tmp/tool"
passed=0; failed=0
check() { # check NAME WANT-STATUS CMD...
  local name=$1 want=$2 got=0; shift 2
  "$@" || got=$?
  if { [ "$want" = 0 ] && [ "$got" = 0 ]; } || { [ "$want" != 0 ] && [ "$got" != 0 ]; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $name: status $got, want $want" >&2
  fi
}
for i in 1 2 3; do
  check "the installed version is found (run $i)" 0 has_version v2.16.0 "$tmp/tool"
done
check "another version is not" 1 has_version v2.9.2 "$tmp/tool"
check "a missing tool is not" 1 has_version v2.16.0 "$tmp/no-such-tool"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
