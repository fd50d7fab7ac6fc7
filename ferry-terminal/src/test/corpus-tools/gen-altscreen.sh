#!/usr/bin/env bash
# Writes alternate-screen switches (modes 1049, 1047 and 47, with content on both screens,
# cursor save/restore around them) as numbered parts into directory $1, for parts.sh.
set -euo pipefail
out=${1:?usage: gen-altscreen.sh DIR}
mkdir -p "$out"
p() { printf "$@" >>"$file"; }
part() { file="$out/$1"; : >"$file"; }

part 01-main
for i in $(seq 1 8); do p 'main screen line %d\r\n' "$i"; done
p '\e[1;33mmain in yellow\e[m\r\n\e[5;20Hcursor here'
part 02-1049-on
p '\e[?1049h\e[1;1Halt via 1049 \e[44mblue\e[m\r\n\e[10;10Halt text at 10;10\e[3;3H\e[1mbold'
part 03-1049-off
p '\e[?1049l after-1049-restore\r\n'
part 04-1047
p '\e[?1047h\e[2;2H1047 alt content\e[?1047l back-from-1047\r\n\e[?1047hsecond 1047 visit keeps?\r\n'
part 05-1047-off
p '\e[?1047l'
part 06-47
p '\e[?47h\e[Hmode 47 alt\r\n\e[2Jcleared alt\r\n\e[?47l\e[?47hstill-47\e[?1048h\e[20;1Hsaved-by-1048\e[?1048l\e[?47l\e[?1048l<1048-restore\r\n'
part 07-nested
p '\e[?1049h\e[Halt one\e[?1049hre-entered\e[?47h47-inside\e[?1049l\e[?1049lafter-double-exit\r\n'
p '\e[?1049h\e[2J\e[Hleft on alt screen at end\r\n\e[7mreverse\e[m\r\n'
