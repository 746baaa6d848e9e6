#!/usr/bin/env bash
# Smoke test of the real window under Xvfb: on a fresh data folder it must show its title and
# offer the sample program; after the command line adds one, it must show that program.
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

# -displayfd picks a free display number and tells it once the server is ready. -fbdir keeps the
# screen in a file (XWD), so a screenshot is read from it without an X client: ImageMagick's
# `import` grabs the server while it reads, and on a busy machine that grab deadlocked with
# WebKit starting its web process (which then could not open the display).
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp -fbdir "$work" >"$work/xvfb.log" 2>&1 &
xpid=$!
for _ in $(seq 300); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "smoke: Xvfb gave no display within 30 s:"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=":$(head -1 "$work/display")"

# look starts the window on the data folder and waits until OCR of its screenshot shows every
# one of the given texts (or gives up and shows what it read).
look() {
  PARTNERBOOK_DATA="$work/data" "$bin" >"$work/app.log" 2>&1 &
  apid=$!
  win=""
  for _ in $(seq 100); do
    # The app's own window is named Partnerbook and is large; GTK also makes a hidden 10x10 one.
    # `|| true`: awk leaves at the first match, and xwininfo, still writing, then dies of SIGPIPE;
    # under pipefail and set -e that ended the whole test without a word.
    win=$(xwininfo -root -tree 2>/dev/null | awk '/"Partnerbook"/ && $0 !~ /10x10/ {print $1; exit}' || true)
    [ -n "$win" ] && break
    kill -0 "$apid" 2>/dev/null || { echo "smoke: the app exited early:"; cat "$work/app.log"; exit 1; }
    sleep 0.2
  done
  [ -n "$win" ] || { echo "smoke: no Partnerbook window appeared"; cat "$work/app.log"; exit 1; }
  shot="${SMOKE_SHOT:-$work/shot.png}"
  local text="" colours=0 found
  for _ in $(seq 30); do
    sleep 0.5
    timeout 30 convert "xwd:$work/Xvfb_screen0" "$shot" 2>/dev/null || continue
    colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
    [ "$colours" -gt 50 ] || continue
    convert "$shot" -resize 200% "$work/big.png"
    text=$(timeout 120 tesseract "$work/big.png" - 2>/dev/null || true)
    found=1
    for want in "$@"; do grep -q "$want" <<<"$text" || found=0; done
    [ "$found" = 1 ] && break
  done
  echo "smoke: window $win, screenshot with $colours colours"
  [ "$colours" -gt 50 ] || { echo "smoke: the window is blank"; exit 1; }
  for want in "$@"; do
    if ! grep -q "$want" <<<"$text"; then
      echo "smoke: the screenshot does not show \"$want\"; OCR read:"; echo "$text"; exit 1
    fi
  done
  kill "$apid"; wait "$apid" 2>/dev/null || true; apid=""
}

# First start: the title, and the offer of a sample program (asked of the backend through the
# Wails bindings).
look "Partnerbook" "Welcome to Partnerbook" "Create the sample shop"
echo "smoke: the window shows its title and offers the sample program on first start"

# The same data as the command line: a program made there shows in the window.
PARTNERBOOK_DATA="$work/data" "$bin" init --sample >/dev/null
look "Partnerbook" "Sample shop"
echo "smoke: the window shows the program the command line made"
echo "smoke: 1 passed, 0 failed"
