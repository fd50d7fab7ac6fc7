#!/usr/bin/env bash
# Plays the parts in directory $2 one by one, waiting for Enter before the next, so that
# capture.sh can mark a checkpoint after each. $1 is "raw" (bytes go out untouched) or
# "cooked" (the terminal's own output processing turns LF into CR LF, as for any program).
set -euo pipefail
mode=$1 dir=$2
if [ "$mode" = raw ]; then stty raw -echo -opost; else stty -echo; fi
for f in "$dir"/*; do
  cat "$f"
  if [ "$mode" = raw ]; then
    # bash's read misbehaves on a raw tty; dd reads exactly one byte at a time.
    until [ "$(dd bs=1 count=1 2>/dev/null)" = $'\r' ]; do :; done
  else
    IFS= read -r _ || true
  fi
done
if [ "$mode" = raw ]; then stty sane; fi
