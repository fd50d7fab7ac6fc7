#!/usr/bin/env bash
# Regenerates the terminal corpus: real programs run in a tmux pane of the exact size while
# `tmux pipe-pane -o` records every byte they write, driven by send-keys.
#
#   capture.sh [CASE...]      all cases by default; each at 80x24 and 120x40
#
# For each case and size it writes, under src/test/resources/corpus/:
#   NAME.COLSxROWS.raw    the bytes the program wrote to its terminal
#   NAME.COLSxROWS.cuts   byte offsets (one a line) where the program sat idle waiting for a key;
#                         OracleTest compares the screen at each of them, then at the end.
# The programs run with a fixed, minimal environment (env -i, LANG=C.UTF-8, TZ=UTC, fresh HOME)
# and must exit with status 0. Clock-dependent screens (top, htop) differ from run to run; that
# is fine, the files are captured once and committed.
set -euo pipefail
tools=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
corpus=$(cd "$tools/../resources/corpus" && pwd)
sizes=(80x24 120x40)
sock=ferry-capture-$$-$RANDOM
work=$(mktemp -d /tmp/ferry-capture.XXXXXX)
export LC_ALL=C.UTF-8

T() { tmux -L "$sock" "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
die() { echo "capture.sh: $*" >&2; exit 1; }

# ---- fixtures -------------------------------------------------------------------------------
fixtures() {
  mkdir -p "$work/home" "$work/tree"
  "$tools/gen-torture.sh" "$work/torture"
  "$tools/gen-altscreen.sh" "$work/altscreen"
  "$tools/gen-unicode.sh" "$work/unicode"
  cat >"$work/vimrc" <<'EOF'
set nocompatible
syntax on
set number ruler laststatus=2 showcmd noswapfile nobackup viminfo=
EOF
  # A small source tree with every kind of entry ls colours, with fixed times.
  local t=$work/tree
  mkdir -p "$t/src/main" "$t/src/test" "$t/docs/img" "$t/bin" "$t/empty"
  for f in src/main/App.java src/main/Util.java src/test/AppTest.java docs/README.md docs/guide.txt \
      docs/img/logo.png docs/img/shot.jpg archive.tar.gz notes.txt; do
    printf 'content of %s\n' "$f" >"$t/$f"
  done
  printf '#!/bin/sh\necho hi\n' >"$t/bin/run.sh"; chmod 755 "$t/bin/run.sh"
  ln -s src/main/App.java "$t/app-link"; ln -s missing-target "$t/broken-link"
  mkfifo "$t/pipe"; chmod 1777 "$t/empty"; chmod 4755 "$t/bin/run.sh"
  cat >"$t/src/main/hello.c" <<'EOF'
#include <stdio.h>

/* A tiny program for the vim case: keywords, strings, comments, numbers. */
static int square(int x) { return x * x; }

int main(int argc, char **argv) {
    for (int i = 0; i < 10; i++) {
        printf("%d squared is %d\n", i, square(i));
    }
    if (argc > 1) {
        printf("first argument: %s\n", argv[1]);
    }
    return 0;
}
EOF
  seq 1 400 | sed 's/^/line number /' >"$t/numbers.txt"
  find "$t" -exec touch -h -d '2024-03-01 12:00:00 UTC' {} +
  # A git repository with branches and merges, fixed authors and dates.
  local r=$work/repo n=0
  export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.com
  export GIT_COMMITTER_NAME='Ada Lovelace' GIT_COMMITTER_EMAIL=ada@example.com
  git init -q -b main "$r"
  commit() { n=$((n + 1)); echo "$1 $n" >>"$r/${2:-file.txt}"; git -C "$r" add -A
    GIT_AUTHOR_DATE="2024-01-0$((n % 9 + 1))T10:$((10 + n)):00Z" GIT_COMMITTER_DATE="2024-01-0$((n % 9 + 1))T10:$((10 + n)):00Z" \
      git -C "$r" commit -q -m "$1"; }
  commit 'Initial commit'; commit 'Add parser' parser.txt; commit 'Add screen model' screen.txt
  git -C "$r" checkout -q -b feature/wide-chars; commit 'Handle wide characters' screen.txt; commit 'Handle combining marks' screen.txt
  git -C "$r" checkout -q main; commit 'Fix cursor save' parser.txt
  git -C "$r" checkout -q -b bugfix/scroll; commit 'Fix scroll region bounds' region.txt
  git -C "$r" checkout -q main
  GIT_COMMITTER_DATE=2024-01-05T12:00:00Z GIT_AUTHOR_DATE=2024-01-05T12:00:00Z git -C "$r" merge -q --no-ff -m 'Merge feature/wide-chars' feature/wide-chars
  commit 'Tune renderer' render.txt
  GIT_COMMITTER_DATE=2024-01-06T12:00:00Z GIT_AUTHOR_DATE=2024-01-06T12:00:00Z git -C "$r" merge -q --no-ff -m 'Merge bugfix/scroll' bugfix/scroll
  git -C "$r" checkout -q -b experiment; commit 'Try a new palette' palette.txt; commit 'Palette: 256 colours' palette.txt
  git -C "$r" checkout -q main; commit 'Release 0.1' VERSION
  GIT_COMMITTER_DATE=2024-01-07T12:00:00Z git -C "$r" tag -a v0.1 -m 'v0.1'
  for i in 1 2 3 4 5 6; do commit "Polish step $i" polish.txt; done
}

# ---- driving one capture --------------------------------------------------------------------
out='' cuts='' status=''
# start NAME SIZE TERM COMMAND: runs COMMAND (bash) in a fresh COLSxROWS pane, recording from its first byte.
start() {
  local name=$1 size=$2 term=$3 cmd=$4
  out=$corpus/$name.$size.raw cuts=$corpus/$name.$size.cuts status=$work/status
  : >"$out"; : >"$cuts"; rm -f "$status"
  printf '%s\n' "$cmd" >"$work/cmd.sh"
  cat >"$work/pane.sh" <<EOF
tmux -L $sock wait-for go
cd $work/tree
env -i HOME=$work/home PATH=/usr/local/bin:/usr/bin:/bin TERM=$term LANG=C.UTF-8 TZ=UTC \
  USER=root LOGNAME=root SHELL=/bin/bash LESSHISTFILE=- PAGER=less MANPAGER=less \
  TOOLS=$tools WORK=$work bash $work/cmd.sh
echo \$? >$status.tmp; mv $status.tmp $status
sleep 0.5
EOF
  T new-session -d -s cap -x "${size%x*}" -y "${size#*x}" "bash $work/pane.sh"
  local got; got=$(T display -p -t cap '#{pane_width}x#{pane_height}')
  [ "$got" = "$size" ] || die "$name: pane is $got, wanted $size"
  T pipe-pane -o -t cap "cat >> '$out'"
  T wait-for -S go
}
# settle: waits until the recording has not grown for 0.4 s (at most 10 s).
settle() {
  sleep 0.2
  local last=-1 now i
  for ((i = 0; i < 50; i++)); do
    now=$(stat -c %s "$out")
    [ "$now" = "$last" ] && return 0
    last=$now; sleep 0.4
  done
}
mark() { settle; stat -c %s "$out" >>"$cuts"; }
keys() { T send-keys -t cap "$@"; settle; }
# finish: waits for the program to exit (with status 0), then closes the recording.
finish() {
  local i
  for ((i = 0; i < 100; i++)); do [ -f "$status" ] && break; sleep 0.1; done
  [ -f "$status" ] || { T capture-pane -p -t cap >&2; die "$(basename "$out"): program did not exit"; }
  [ "$(cat "$status")" = 0 ] || die "$(basename "$out"): program exited with status $(cat "$status")"
  sleep 0.7
  T pipe-pane -t cap 2>/dev/null || true  # closed already when the pane has exited
  T kill-session -t cap
  sleep 0.1
  [ -s "$out" ] || die "$(basename "$out"): nothing recorded"
  printf '%-34s %7d bytes, %d checkpoints\n' "$(basename "$out")" "$(stat -c %s "$out")" "$(wc -l <"$cuts")"
}

# ---- the cases: each is case_NAME SIZE ------------------------------------------------------
case_vim-split() {
  start vim-split "$1" xterm-256color 'vim -u "$WORK/vimrc" -i NONE -n src/main/hello.c'
  mark
  keys :split Enter; mark
  keys G o 'Typed in the top window: hello, vim.' Escape; mark
  keys C-w j 4G dd; keys 3G 'A // edited' Escape; mark
  keys :q! Enter; mark
  keys :q! Enter; finish
}
case_less-search() {
  start less-search "$1" xterm-256color 'less numbers.txt'
  mark
  keys / 'number 3' Enter; mark
  keys n; mark
  keys n n; mark
  keys q; finish
}
case_man-ls() {
  start man-ls "$1" xterm-256color 'man ls'
  mark
  keys Space; mark
  keys j j j; mark
  keys / color Enter; mark
  keys q; finish
}
case_top() {
  start top "$1" xterm-256color 'top -d 1'
  sleep 2; mark
  sleep 1.2; mark
  keys q; finish
}
case_htop() {
  start htop "$1" tmux-256color 'htop -d 10'
  sleep 2; mark
  keys Down Down; mark
  keys F1; mark
  keys q; mark
  keys q; finish
}
case_git-log-graph() {
  start git-log-graph "$1" xterm-256color 'cd "$WORK/repo" && git --no-pager log --graph --color --decorate --all'
  finish
}
case_ls-color() {
  start ls-color "$1" xterm-256color 'ls --color=always -laR .'
  finish
}
dialog_case() { # NAME SIZE COMMAND [KEYS...]
  local name=$1 size=$2 cmd=$3; shift 3
  start "$name" "$size" xterm-256color "$cmd"
  mark
  [ $# -gt 0 ] && { keys "$@"; mark; }
  keys Enter; finish
}
case_dialog-menu() {
  dialog_case dialog-menu "$1" 'dialog --title "Ferry" --menu "Pick a session:" 15 50 6 1 "Build server" 2 "Raspberry Pi" 3 "Laptop" 4 "Router"' Down Down
}
case_dialog-checklist() {
  dialog_case dialog-checklist "$1" 'dialog --title "Features" --checklist "Enable:" 15 50 5 rec "Recording" on ro "Read-only links" off web "Browser" on agent "Device agent" off' Down Space Down Space
}
case_dialog-gauge() {
  start dialog-gauge "$1" xterm-256color 'for i in 0 30 60 90 100; do echo $i; sleep 0.8; done | dialog --title "Copying" --gauge "Please wait..." 8 50 0'
  sleep 1.0; mark; sleep 0.8; mark; finish
}
case_whiptail-menu() {
  dialog_case whiptail-menu "$1" 'whiptail --title "Ferry" --menu "Pick a session:" 15 50 4 1 "Build server" 2 "Raspberry Pi" 3 "Laptop" 4 "Router"' Down Down
}
case_whiptail-checklist() {
  dialog_case whiptail-checklist "$1" 'whiptail --title "Features" --checklist "Enable:" 15 50 4 rec "Recording" on ro "Read-only links" off web "Browser" on agent "Device agent" off' Down Space Down Space
}
case_whiptail-gauge() {
  start whiptail-gauge "$1" xterm-256color 'for i in 0 30 60 90 100; do echo $i; sleep 0.8; done | whiptail --title "Copying" --gauge "Please wait..." 8 50 0'
  sleep 1.0; mark; sleep 0.8; mark; finish
}
case_mc() {
  start mc "$1" tmux-256color 'mc -u'
  mark
  keys Down Down Down; mark
  keys Tab Down; mark
  keys Enter; mark
  keys F10; sleep 0.5
  [ -f "$status" ] || keys Enter
  finish
}
case_nano() {
  start nano "$1" xterm-256color 'nano notes-nano.txt; rm -f notes-nano.txt'
  mark
  keys 'Hello from nano.' Enter 'A second line, then save and quit.'; mark
  keys C-o; mark
  keys Enter; mark
  keys C-x; finish
}
case_curses256() {
  start curses256 "$1" xterm-256color 'python3 "$TOOLS/curses256.py"'
  mark
  keys Space; mark
  keys Space; mark
  keys Space; finish
}
parts_case() { # NAME SIZE MODE DIR
  local n; n=$(ls "$4" | wc -l)
  start "$1" "$2" xterm-256color "bash \"\$TOOLS/parts.sh\" $3 $4"
  for ((; n > 1; n--)); do mark; keys Enter; done
  keys Enter; finish
}
case_unicode() { parts_case unicode "$1" cooked "$work/unicode"; }
case_altscreen() { parts_case altscreen "$1" raw "$work/altscreen"; }
case_torture() { parts_case torture "$1" raw "$work/torture"; }

all=(vim-split less-search man-ls top htop git-log-graph ls-color dialog-menu dialog-checklist
  dialog-gauge whiptail-menu whiptail-checklist whiptail-gauge mc nano curses256 unicode altscreen torture)
[ $# -gt 0 ] && all=("$@")

for c in "${all[@]}"; do declare -F "case_$c" >/dev/null || die "unknown case: $c"; done
fixtures
T -f /dev/null new-session -d -s keep \; set -g status off \; set -g history-limit 2000 \
  \; set -g remain-on-exit on \; setw -g aggressive-resize off \; set -s escape-time 0
for c in "${all[@]}"; do
  for s in "${sizes[@]}"; do "case_$c" "$s"; done
done
