#!/usr/bin/env bash
# Runs every budget benchmark of bench/README.md, one at a time, and prints a table: budget,
# measured, pass or fail, and the command that measured it. Exits 1 when a figure misses its
# budget or a benchmark fails.
#   bench/all.sh            the sizes the budgets are set for (a million orders; about 15 min)
#   bench/all.sh --quick    a smoke run at small sizes (10,000-order import, 100,000-order
#                           database, a short sync run): every bench runs and prints what the
#                           table reads; its figures say nothing of the budgets, so they are
#                           shown but not judged. Not part of CI (scripts/test.sh).
# Each bench's full output is kept in a folder the script names at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: bench/all.sh [--quick]" >&2; exit 2 ;;
esac
if $quick; then
  import_orders=10000 db_orders=100000 sync_args="-clients 50 -seconds 1 -rounds 1" report_times=1x portal_times=2x
else
  import_orders=333334 db_orders=1000000 sync_args="-clients 50 -seconds 5 -rounds 3" report_times=5x portal_times=20x
fi
export PB_BENCH_ORDERS=$db_orders
envp=""; $quick && envp="PB_BENCH_ORDERS=$db_orders "   # shown in the commands of a quick run

logs=$(mktemp -d /tmp/pb-bench.XXXXXX)
rows=()   # "name|budget|measured|verdict|command"
failed=0

# row NAME OP LIMIT VALUE UNIT COMMAND: judges VALUE against LIMIT (OP is <= or >=).
row() {
  local name=$1 op=$2 limit=$3 value=$4 unit=$5 cmd=$6 verdict
  if [ -z "$value" ]; then
    verdict=FAIL value="(no figure)"; failed=$((failed + 1))
  elif $quick; then
    verdict=ran
  elif awk -v v="$value" -v l="$limit" -v op="$op" 'BEGIN { exit !(op == "<=" ? v <= l : v >= l) }'; then
    verdict=pass
  else
    verdict=FAIL; failed=$((failed + 1))
  fi
  [ "$value" = "(no figure)" ] || value="$value $unit"
  rows+=("$name|$op $limit $unit|$value|$verdict|$cmd")
}

# run LOG COMMAND...: runs one bench, its output into $logs/LOG; says how it went.
run() {
  local log=$1; shift
  echo "--- $*" >&2
  local t0=$SECONDS
  if ! "$@" >"$logs/$log" 2>&1; then
    echo "    failed after $((SECONDS - t0)) s; the end of its output:" >&2
    tail -5 "$logs/$log" | sed 's/^/    /' >&2
    return 1
  fi
  echo "    done in $((SECONDS - t0)) s" >&2
}

# seconds LOG NAME: a Go benchmark's ns/op, in seconds (the line BenchmarkNAME-N or
# BenchmarkNAME/…-N of `go test -bench` output).
seconds() {
  awk -v name="$2" '$1 ~ "^Benchmark" name "(-[0-9]+)?$" { for (i = 2; i < NF; i++) if ($(i + 1) == "ns/op") { printf "%.3f", $i / 1e9; exit } }' "$logs/$1"
}

# import: the script prints `budget NAME VALUE LIMIT` lines (bench/README.md).
cmd="bench/import-orders.sh $import_orders"
run import.log bash bench/import-orders.sh "$import_orders"
for fig in import-ratio:"import ÷ sqlite3 .import" import-memory-ratio:"import memory, whole ÷ half file"; do
  key=${fig%%:*}
  read -r value limit < <(awk -v k="$key" '$1 == "budget" && $2 == k { print $3, $4 }' "$logs/import.log")
  if [ -z "${limit:-}" ]; then # before the budget lines: the ratio lines
    case $key in
      import-ratio) limit=2.00 value=$(sed -n 's/^ratio import with commissions\/.import: \([0-9.]*\).*/\1/p' "$logs/import.log") ;;
      import-memory-ratio) limit=1.25 value=$(sed -n 's/^peak memory, full file \/ half file: \([0-9.]*\).*/\1/p' "$logs/import.log") ;;
    esac
  fi
  row "${fig#*:}" "<=" "$limit" "$value" "×" "$cmd"
  value="" limit=""
done

gobench() { go test -run '^$' -bench "^Benchmark$1\$" -benchtime "$2" -timeout 60m ./backend/sqlite/; }

cmd="${envp}go test -run '^\$' -bench '^BenchmarkRecompute\$' -benchtime 1x -timeout 60m ./backend/sqlite/"
run recompute.log gobench Recompute 1x
row "recompute from nothing" "<=" 8 "$(seconds recompute.log Recompute/from-nothing)" s "$cmd"
row "recompute unchanged" "<=" 6 "$(seconds recompute.log Recompute/unchanged)" s "$cmd"
row "recompute after a plan change" "<=" 6 "$(seconds recompute.log Recompute/plan-change)" s "$cmd"

cmd="${envp}go test -run '^\$' -bench '^BenchmarkStatementsOfARun\$' -benchtime 1x ./backend/sqlite/"
run statements.log gobench StatementsOfARun 1x
row "1,000 statements of 50 lines" "<=" 4 "$(seconds statements.log StatementsOfARun)" s "$cmd"

cmd="${envp}go test -run '^\$' -bench '^BenchmarkReport\$' -benchtime $report_times ./backend/sqlite/"
run report.log gobench Report "$report_times"
for c in last-30-days this-year-by-month this-year-by-day all-time one-partner-all-time; do
  row "dashboard report: $c" "<=" 0.3 "$(seconds report.log "Report/$c")" s "$cmd"
done

cmd="${envp}go test -run '^\$' -bench '^BenchmarkPortalOverview\$' -benchtime $portal_times ./backend/sqlite/"
run portal.log gobench PortalOverview "$portal_times"
for c in partner-with-101k-lines partner-with-1k-lines published/partner-with-101k-lines published/partner-with-1k-lines; do
  row "portal overview: $c" "<=" 0.1 "$(seconds portal.log "PortalOverview/$c")" s "$cmd"
done

cmd="go run ./bench/syncbench $sync_args"
# shellcheck disable=SC2086
run sync.log go run ./bench/syncbench $sync_args
rate=$(sed -n 's/^sync endpoint.*: *\([0-9]*\) committed sales\/s.*/\1/p' "$logs/sync.log")
row "sync endpoint, 50 clients" ">=" 5000 "$rate" "sales/s" "$cmd"
ratio=$(sed -n 's/^ratio endpoint\/bare: \([0-9.]*\);.*/\1/p' "$logs/sync.log")
row "sync endpoint ÷ bare handler" ">=" 1 "$ratio" "×" "$cmd"

echo
if $quick; then
  echo "Quick run (import $import_orders orders, database $db_orders orders): figures are not judged."
fi
{
  echo "budget|measured|verdict|what|command"
  for r in "${rows[@]}"; do
    IFS='|' read -r name budget value verdict command <<<"$r"
    echo "$budget|$value|$verdict|$name|$command"
  done
} | column -t -s '|'
echo
echo "outputs: $logs"
[ "$failed" -eq 0 ]
