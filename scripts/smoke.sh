#!/usr/bin/env bash
# Smoke test of the real window: start the desktop build under Xvfb on a fresh data folder,
# find its window, take a screenshot, and check that it is not blank and shows the app's title.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/bin/partnerbook}
work=$(mktemp -d)
xpid=""; apid=""
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null || true
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# -displayfd picks a free display number and tells it once the server is ready.
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xpid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$work/display")"

PARTNERBOOK_DATA="$work/data" "$bin" >"$work/app.log" 2>&1 &
apid=$!
win=""
for _ in $(seq 100); do
  # The app's own window is named Partnerbook and is large; GTK also makes a hidden 10x10 one.
  win=$(xwininfo -root -tree 2>/dev/null | awk '/"Partnerbook"/ && $0 !~ /10x10/ {print $1; exit}')
  [ -n "$win" ] && break
  kill -0 "$apid" 2>/dev/null || { echo "smoke: the app exited early:"; cat "$work/app.log"; exit 1; }
  sleep 0.2
done
[ -n "$win" ] || { echo "smoke: no Partnerbook window appeared"; cat "$work/app.log"; exit 1; }

# Wait until the page has drawn and asked the backend (through the Wails bindings) whether to
# offer the sample program: the screenshot must show the title and that offer.
shot="${SMOKE_SHOT:-$work/shot.png}"
text=""; colours=0
for _ in $(seq 30); do
  sleep 0.5
  import -window "$win" "$shot" 2>/dev/null || continue
  colours=$(identify -format '%k' "$shot")
  [ "$colours" -gt 50 ] || continue
  convert "$shot" -resize 200% "$work/big.png"
  text=$(tesseract "$work/big.png" - 2>/dev/null || true)
  grep -q "Welcome to Partnerbook" <<<"$text" && break
done
echo "smoke: window $win, screenshot with $colours colours"
[ "$colours" -gt 50 ] || { echo "smoke: the window is blank"; exit 1; }
for want in "Partnerbook" "Welcome to Partnerbook" "Create the sample program"; do
  if ! grep -q "$want" <<<"$text"; then
    echo "smoke: the screenshot does not show \"$want\"; OCR read:"; echo "$text"; exit 1
  fi
done
echo "smoke: the window shows its title and offers the sample program on first start"
echo "smoke: 1 passed, 0 failed"
