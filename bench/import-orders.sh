#!/usr/bin/env bash
# Times `partnerbook import orders` of a generated Shopify export against `sqlite3 .import` of
# the same file into a bare table, in one run, and reports the ratio and peak memory.
#   bench/import-orders.sh [ORDERS]     (default 100000 orders of 3 rows: 300,000 rows)
# Memory must stay flat: the script also imports half the file and compares the peaks.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-100000}
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
for d in full half; do
  mkdir -p "$work/$d"
  printf '%s' "$program" >"$work/program.json"
  $PB --data "$work/$d" program create --file "$work/program.json" >/dev/null
  $PB --data "$work/$d" import partners --program 1 "$work/partners.csv" >/dev/null
done

measure "sqlite3 .import (bare table)" sqlite3 "$work/bare.db" ".import --csv $work/orders_export.csv orders"
base=$SECS
measure "partnerbook import orders ($ORDERS orders)" $PB --data "$work/full" import orders --program 1 "$work/orders_export.csv"
full=$SECS fullkb=$KB
measure "partnerbook import orders ($((ORDERS / 2)) orders)" $PB --data "$work/half" import orders --program 1 "$work/half.csv"
halfkb=$KB
measure "partnerbook import orders (again: unchanged)" $PB --data "$work/full" import orders --program 1 "$work/orders_export.csv"
lines=$($PB --data "$work/full" commissions --program 1 --json | grep -o '"id":' | wc -l)
echo "commission lines computed: $lines"

awk -v a="$full" -v b="$base" -v f="$fullkb" -v h="$halfkb" 'BEGIN {
  printf "ratio import with commissions/.import: %.2f (goal: at most 2.00)\n", a / b
  printf "peak memory, full file / half file: %.2f (flat: about 1)\n", f / h
  # One line a figure for scripts (see bench/README.md): budget NAME VALUE LIMIT
  printf "budget import-ratio %.2f 2.00\n", a / b
  printf "budget import-memory-ratio %.2f 1.25\n", f / h
}'
