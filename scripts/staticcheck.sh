#!/usr/bin/env bash
# Static checks beyond go vet: staticcheck (bugs, unused code, stale or misplaced comments)
# and deadcode (functions nothing reaches). deadcode's findings from main are compared with
# scripts/deadcode-allow.txt, which lists what is kept on purpose (test servers, code only the
# tests reach, and why): a new finding fails, and so does an entry that is no longer found.
# From the tests nothing may be unreachable. Both tools are installed by scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"

staticcheck ./...

allow=scripts/deadcode-allow.txt
found=$(deadcode ./... | sed -E 's/:[0-9]+:[0-9]+: unreachable func: /: /' | sort)
listed=$(grep -v -e '^#' -e '^$' "$allow" | sort)
status=0
new=$(comm -23 <(echo "$found") <(echo "$listed") | sed '/^$/d')
gone=$(comm -13 <(echo "$found") <(echo "$listed") | sed '/^$/d')
if [ -n "$new" ]; then
  echo "deadcode: unreachable from main (remove it, or list it in $allow with the reason):"
  echo "$new" | sed 's/^/  /'
  status=1
fi
if [ -n "$gone" ]; then
  echo "deadcode: listed in $allow but reachable now or gone (take the line out):"
  echo "$gone" | sed 's/^/  /'
  status=1
fi
dead=$(deadcode -test ./...)
if [ -n "$dead" ]; then
  echo "deadcode: unreachable even from the tests (remove it):"
  echo "$dead" | sed 's/^/  /'
  status=1
fi
exit $status
