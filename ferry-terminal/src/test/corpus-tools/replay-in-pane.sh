#!/usr/bin/env bash
# Runs inside a tmux pane for OracleTest and compare.sh: plays FILE to the pane's terminal up to
# each OFFSET in turn, and after each signals "CHANNEL-ready-K" (K = 0, 1, ...) once tmux has
# parsed every byte so far, then waits for "CHANNEL-go-K" (the screen has been captured).
#
#   replay-in-pane.sh CHANNEL FILE OFFSET...
#
# How it knows tmux has parsed everything: tmux answers queries in stream order, so once the
# answer to a DSR 5 (ESC [ 5 n) we write after the bytes comes back, the bytes before it have
# been parsed. A FILE must therefore not itself contain ESC [ 5 n, and must not end inside an
# escape sequence (the DSR would be swallowed); OracleTest checks the first and times out on the
# second. The pane's line discipline is made raw so the bytes reach tmux untouched.
set -u
chan=$1 file=$2
shift 2
stty raw -echo -opost
tmux wait-for "$chan-go"
pos=0 k=0
for end in "$@"; do
  dd if="$file" iflag=skip_bytes,count_bytes skip="$pos" count=$((end - pos)) status=none
  pos=$end
  printf '\033[5n'
  # bash's read misbehaves on a raw tty; dd reads exactly one byte at a time. Answers to queries
  # inside FILE (DA, CPR, ...) arrive first and are skipped.
  buf=
  until [[ $buf == *$'\e[0n' ]]; do buf+=$(dd bs=1 count=1 status=none); done
  tmux wait-for -S "$chan-ready-$k"
  tmux wait-for "$chan-go-$k"
  k=$((k + 1))
done
exec sleep 100000
