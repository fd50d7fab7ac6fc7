#!/usr/bin/env bash
# For humans debugging an oracle case: shows the screen tmux leaves after FILE in a COLSxROWS
# pane next to what `ferry screen` prints, then a diff of the plain text and of the SGR text.
#
#   compare.sh FILE COLS ROWS [OFFSET]     OFFSET: only the first OFFSET bytes (a checkpoint)
#   compare.sh --tmux FILE COLS ROWS [OFFSET]   only tmux's screen (with -e, made visible)
set -euo pipefail
tmux_only=0
[ "${1:-}" = --tmux ] && { tmux_only=1; shift; }
[ $# -ge 3 ] || { echo "usage: compare.sh [--tmux] FILE COLS ROWS [OFFSET]" >&2; exit 2; }
file=$(readlink -f "$1") cols=$2 rows=$3
[ -f "$file" ] || { echo "compare.sh: no such file: $1" >&2; exit 2; }
end=${4:-$(stat -c %s "$file")}
tools=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$tools/../../../.." && pwd)
command -v tmux >/dev/null || { echo "compare.sh: tmux is not installed" >&2; exit 2; }
export LC_ALL=C.UTF-8
sock=ferry-compare-$$-$RANDOM tmp=$(mktemp -d)
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

T -f /dev/null new-session -d -s keep \; set -g status off \; set -g history-limit 2000
T new-session -d -s replay -x "$cols" -y "$rows" "bash '$tools/replay-in-pane.sh' c '$file' $end"
size=$(T display -p -t replay '#{pane_width}x#{pane_height}')
[ "$size" = "${cols}x$rows" ] || { echo "compare.sh: pane is $size, wanted ${cols}x$rows" >&2; exit 1; }
T wait-for -S c-go
timeout 20 tmux -L "$sock" wait-for c-ready-0 || { echo "compare.sh: tmux did not finish reading (file ends inside an escape sequence?)" >&2; exit 1; }
T capture-pane -p -t replay >"$tmp/tmux.txt"
T capture-pane -p -e -t replay >"$tmp/tmux.ansi"

if [ $tmux_only = 1 ]; then
  cat "$tmp/tmux.txt"
  echo "---- with -e (ESC shown as ^[):"
  cat -v "$tmp/tmux.ansi"
  exit 0
fi
head -c "$end" "$file" >"$tmp/input"
"$root/ferry" screen --cols "$cols" --rows "$rows" "$tmp/input" >"$tmp/ferry.txt" || true
"$root/ferry" screen --cols "$cols" --rows "$rows" --ansi "$tmp/input" >"$tmp/ferry.ansi" || true
w=$((cols + 4))
echo "tmux$(printf '%*s' $((w - 4)) '')| ferry screen"
paste -d '|' <(awk -v w="$w" '{ printf "%-" w "s\n", $0 }' "$tmp/tmux.txt") "$tmp/ferry.txt"
status=0
echo "---- text diff (tmux capture-pane -p vs ferry screen):"
diff -u --label tmux --label ferry "$tmp/tmux.txt" "$tmp/ferry.txt" && echo "(identical)" || status=1
echo "---- SGR diff (capture-pane -p -e vs ferry screen --ansi; ESC shown as ^[):"
diff -u --label tmux --label ferry <(cat -v "$tmp/tmux.ansi") <(cat -v "$tmp/ferry.ansi") && echo "(identical)" || status=1
exit $status
