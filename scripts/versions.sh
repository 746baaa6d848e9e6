# versions.sh: sourced by setup.sh (and its test): helpers that ask a tool for its version.

# has_version WANT CMD...: whether CMD's output (its version) contains WANT. The output is
# captured whole before it is matched: `CMD | grep -q WANT` under `set -o pipefail` fails when
# grep exits at its first match and CMD, still writing, dies of SIGPIPE, so a tool that is
# there would be installed again on every run.
has_version() {
  local want=$1 out; shift
  out=$("$@" 2>/dev/null) || return 1
  [[ $out == *"$want"* ]]
}
