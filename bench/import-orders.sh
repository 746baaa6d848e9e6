#!/usr/bin/env bash
# Times `partnerbook import orders` of a generated Shopify export against `sqlite3 .import` of
# the same file into a bare table, in one run, and reports the ratio and peak memory.
#   bench/import-orders.sh [ORDERS [PAIRS]]   (default 100000 orders of 3 rows: 300,000 rows;
#                                              3 pairs)
# The two take turns, PAIRS times (.import, ours, .import, ours, ...), each into a new database:
# the figure is the median of the pairs' ratios, so that a machine whose speed drifts during the
# run moves both sides of a pair alike, and one slow run on either side does not decide it.
# Memory must stay flat: the script also imports half the file and compares the peaks.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-100000}
PAIRS=${2:-3}
bash scripts/setup.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/partnerbook" .   # the command line of this checkout, as it is now

go run ./bench/genshopify -orders "$ORDERS" -out "$work/orders_export.csv"
go run ./bench/genshopify -orders "$((ORDERS / 2))" -out "$work/half.csv"
size=$(du -m "$work/orders_export.csv" | cut -f1)
echo "file: $ORDERS orders, $((ORDERS * 3)) rows, ${size} MB"

# measure LABEL CMD...: runs CMD under /usr/bin/time; sets SECS and KB (peak resident memory).
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r SECS KB <"$work/time"
  printf '%-44s %7.2f s %8d KB peak\n' "$label" "$SECS" "$KB"
}

PB="$work/partnerbook"
# The import attributes every order and computes its commissions: the generator's coupon KIRA10
# and referral key lena belong to partners, lena under kira (second tier), with recurring.
program='{"name": "Bench shop", "kind": "affiliate", "currency": "EUR", "timezone": "Europe/Berlin",
  "rules": {"sale": {"percent": "20"}, "recurring": {"percent": "10", "max_count": 11}, "second_tier": {"percent": "5"}}}'
printf 'name,email,key,coupons,parent_key\nKira,kira@example.org,kira,KIRA10,\nLena,lena@example.org,lena,,kira\n' >"$work/partners.csv"
printf '%s' "$program" >"$work/program.json"
# fresh DIR: a new data folder with the program and its partners, nothing imported yet.
fresh() {
  rm -rf "$1" && mkdir -p "$1"
  $PB --data "$1" program create --file "$work/program.json" >/dev/null
  $PB --data "$1" import partners --program 1 "$work/partners.csv" >/dev/null
}

ratios=() bases=() fulls=() fullkb=0
for pair in $(seq "$PAIRS"); do
  rm -f "$work/bare.db"
  measure "sqlite3 .import (bare table), pair $pair" sqlite3 "$work/bare.db" ".import --csv $work/orders_export.csv orders"
  base=$SECS
  fresh "$work/full"
  measure "partnerbook import orders ($ORDERS orders), pair $pair" $PB --data "$work/full" import orders --program 1 "$work/orders_export.csv"
  bases+=("$base") fulls+=("$SECS") ratios+=("$(awk -v a="$SECS" -v b="$base" 'BEGIN { printf "%.3f", a / b }')")
  [ "$KB" -gt "$fullkb" ] && fullkb=$KB
done
fresh "$work/half"
measure "partnerbook import orders ($((ORDERS / 2)) orders)" $PB --data "$work/half" import orders --program 1 "$work/half.csv"
halfkb=$KB
measure "partnerbook import orders (again: unchanged)" $PB --data "$work/full" import orders --program 1 "$work/orders_export.csv"
lines=$($PB --data "$work/full" commissions --program 1 --json | grep -o '"id":' | wc -l)
echo "commission lines computed: $lines"

# median VALUES...: the middle value (of an even count, the mean of the two middle ones).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio=$(median "${ratios[@]}")
echo "seconds, .import: ${bases[*]} (median $(median "${bases[@]}")); ours: ${fulls[*]} (median $(median "${fulls[@]}"))"
echo "ratio of each pair: ${ratios[*]}"
awk -v r="$ratio" -v f="$fullkb" -v h="$halfkb" 'BEGIN {
  printf "ratio import with commissions/.import, median of the pairs: %.2f (goal: at most 2.00)\n", r
  printf "peak memory, full file (largest of the pairs) / half file: %.2f (flat: about 1)\n", f / h
  # One line a figure for scripts (see bench/README.md): budget NAME VALUE LIMIT
  printf "budget import-ratio %.2f 2.00\n", r
  printf "budget import-memory-ratio %.2f 1.25\n", f / h
}'
