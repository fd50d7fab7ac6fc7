#!/usr/bin/env bash
# Writes the hand-made escape-sequence torture stream as numbered parts into directory $1.
# parts.sh plays the parts one by one (waiting for Enter between them), so the oracle can
# compare the screen after each part. Every part ends in the parser's ground state and none
# contains DSR 5 (ESC [ 5 n): the oracle uses that query to know tmux has read everything.
# The sequences use only relative or clamped positions, so one stream suits every size.
set -euo pipefail
out=${1:?usage: gen-torture.sh DIR}
mkdir -p "$out"
p() { printf "$@" >>"$file"; }
part() { file="$out/$1"; : >"$file"; }

part 01-motion-erase
for i in $(seq 1 30); do p 'line %02d abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n' "$i"; done
p '\e[999;999HX\e[0;0HY\e[HZ\e[5A\e[200C!\e[3;10H\e[K\e[4;10H\e[1K\e[5;10H\e[2K'
p '\e[6;5H\e[5X\e[7;5H\e[3P\e[8;5H\e[4@ins\e[10;1H\e[2L\e[12;1H\e[1M'
p '\e[14;3H\e[0K\e[15;1H\e[3;;4H@\e[16;20H\e[1J'
p '\e[17;1Hnext\eEnel\eDind\e[1;1H\eMri-at-top\e[2S\e[1T'
p '\e[18;10H\e7saved\e[1;1H\e8<-restored\e[s\e[19;1Hmoved\e[u|\e[20G\e[dvpa\e[21;4fhvp'
p '\e[22;1H\e[2Ecnl\e[3Fcpl\e[1;1H\e[99999999999999999999;5H*\e[r\e[24;1H\e[0C\e[1000Bbottom'

part 02-tabs
p '\e[2J\e[Hdefault:\ta\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\tm\tn\to\r\n'
p '\e[3gcleared:\tX\r\n'
p '\e[5G\eH\e[13G\eH\e[30G\eH\rset:\tA\tB\tC\tD\r\n'
p '\e[13G\e[g\rone-cleared:\tA\tB\tC\r\n'
p '\e[40G\e[2Zcbt\e[3Icht\r\n\e[1;2H\e[0Z<'
p '\e[8;1Hback\bspace\b\b\b\bXX\r\n\x07bell\x00nul\x7fdel\r\n'

part 03-region-origin
p '\e[2J\e[H'
for i in $(seq 1 24); do p '\e[%d;1Hrow %02d ....................\r' "$i" "$i"; done
p '\e[5;15r\e[?6h\e[1;1Horigin-top\e[99;1Horigin-bottom\r\n\r\n\r\nscrolled\e[3;5H\e[2L\e[4;5H\e[1M\e[2S\e[1T'
p '\e[?6l\e[1;1Hhome-outside\e[15;1H\eD\eD\e[5;1H\eM\eM\e[r\e[24;1H\n\nafter-reset'
p '\e[10;3r\e[8;12r\e[12;1H\e[3Mdl\e[8;1H\e[2Lil\e[r'

part 04-wrap-rep-graphics
p '\e[2J\e[H\e[999C' ; p 'A\e[Kno-wrap-after-EL?\r\n'
p '\e[999CB' ; p 'C wrapped\r\n'
p '\e[999CD\rCR-cancels\r\n'
p '\e[?7l\e[999CEFGHIJ\e[?7h\r\nautowrap-off-above\r\n'
p 'x\e[10b|y\e[3b|\e[b\r\n'
p '\e(0lqqqqwqqqqk\r\nx    x    x\r\ntqqqqnqqqqu\r\nmqqqqvqqqqj `afgijklmnopqrstuvwxyz{|}~\e(B back to ascii\r\n'
p '\e)0\x0elqk\x0f ascii \x0exqx\x0f\r\n'
p '\e[4hINSERT\e[4l\e[1Goverwrite\r\n'
p '\e#8\e[12;1H\e[J\e[5;5H\e[K'
p '\e[14;1Hwide at edge:\e[999D\e[999C\xe4\xb8\xad\r\n\e[999C\xf0\x9f\x98\x80end\r\n'

part 05-sgr
p '\e[2J\e[H'
for a in 1 2 3 4 5 7 8 9 21 53; do p '\e[%smattr%s\e[m ' "$a" "$a"; done; p '\r\n'
p '\e[1;2;3;4;5;7;9mall\e[22mno-bold-dim\e[23mno-it\e[24mno-ul\e[25mno-blink\e[27mno-rev\e[29mno-strike\e[0m\r\n'
p '\e[4:0mnone\e[4:1msingle\e[4:2mdouble\e[4:3mcurly\e[4:4mdotted\e[4:5mdashed\e[m\r\n'
for c in 30 31 32 33 34 35 36 37 90 91 92 93 94 95 96 97; do p '\e[%sm%s' "$c" "$c"; done; p '\e[39m|\r\n'
for c in 40 41 42 43 44 45 46 47 100 101 102 103 104 105 106 107; do p '\e[%sm%s' "$c" "$c"; done; p '\e[49m|\r\n'
for c in 0 1 7 8 15 16 17 88 124 196 231 232 244 255; do p '\e[38;5;%sm%s\e[48;5;%sm.' "$c" "$c" "$((255 - c))"; done; p '\e[m\r\n'
p '\e[38:5:208mcolon256\e[48:5:19mbg\e[m \e[38;2;255;128;0mtruecolor\e[48;2;0;64;128mbg\e[m '
p '\e[38:2::10:200:30mcolon-rgb\e[38:2:0:1:2:3mcs\e[48:2::1:2:3mbg\e[m\r\n'
p '\e[58:2::255:0:0m\e[4mulcolor\e[59mdefault-ul\e[m \e[58;5;33m\e[4mul256\e[m\r\n'
p '\e[;1mempty-first\e[1;;3mempty-mid\e[m\e[38;5mtruncated\e[38;2;1mshort\e[m\e[38;5;999mbig\e[m\r\n'
p '\e[1;31;42;4;38;5;100;48;2;1;2;3;7;27;22;24;39;49mmany\e[m\e[0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;1mlong\e[m\r\n'
p '\e[7m\e[2Kinverse-erased-line\e[m\r\n\e[44m\e[Kblue-EL\e[m\r\n\e[41m\e[3Xech\e[m\r\n'
p '\e[1m\e7\e[m\e[5;60Hplain\e8 restored-bold?\e[m\r\n'

part 06-malformed
p '\e[2J\e[H\e[?999h\e[?1000;1006h\e[?1000;1006lunknown-private\r\n'
p '\e[12;34;56;78;90;12;34;56;78;90;12;34;56;78;90;12;34;56;78;90;1;2;3;4;5;6;7;8;9;10;11;12;13zlong-unknown\r\n'
p '\e[1;2;3$pintermediates \e[>1;2mxtmodkeys \e[=5uother\r\n'
p '\e[2\r;5Hcr-mid-seq\r\n\e[1\b;3Hbs-mid\r\n'
p '\e[31\x18mcan-aborted \e[32\x1amsub-aborted\e[m\r\n'
p '\eQunknown-esc \e%%Gcharset \e(Kuk\e(B \e#3top-dh\r\n'
p '\e]0;Torture title\x07\e]2;second title\e\\\e]8;;http://example.com\e\\link\e]8;;\e\\ \e]52;c;aGk=\x07osc52\r\n'
p '\e]999;unknown osc\x07\e]0;unterminated-by-esc\e\\after-osc\r\n'
p '\ePq#0;2;0;0;0#0~~@@vv@@~~$-\e\\sixel \ePtmux;\e\e[1mpassthrough\e\e[m\e\\ \eP$qm\e\\decrqss\r\n'
p '\e_apc junk\e\\\e^pm junk\e\\\eXsos junk\e\\ strings\r\n'
p '\e[?25l\e[?25h\e[?12h\e[3 q\e[0 qcursor-style\r\n'
p '\e[1;1H\e[0;0;0;0H\e[-5Aneg?\e[5;5;5;5;5;5Hmany\e[999999999Gbig\r\n'
p '\e[8;1H\e[?5h\e[?5l\e[20h\e[20lmodes\e[99;99;99t\e[18t\r\n'

part 07-utf8
p '\e[2J\e[H'
p 'ascii \xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80 \xe2\x82\xac\r\n'
p 'invalid: [\xff] [\xfe] [\x80] [\xbf\xbf] [\xc3A] [\xe4\xb8Z] [\xc0\xaf] [\xed\xa0\x80] [\xf4\x90\x80\x80] [\xf8\x88\x80\x80\x80]\r\n'
p 'cut by escape: [\xe4\xb8\e[1mB\e[m] [\xf0\x9f\e[mC]\r\n'
p 'combining: e\xcc\x81 a\xcc\x8a\xcc\x81 \xcc\x81<-at-start x\xe2\x80\x8dy zwsp[\xe2\x80\x8b] bom[\xef\xbb\xbf]\r\n'
p '\xcc\x81first-col\r\n\e[999C\xcc\x88\e[1;1H\xcc\x83\e[5;1H'
p 'wide: \xef\xbc\xa1\xef\xbc\xa2 half: \xef\xbd\xb1 emoji: \xe2\x9d\xa4\xef\xb8\x8f \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\r\n'
p 'overwrite wide half: \xe4\xb8\xad\xe6\x96\x87\e[2D*\e[4G\e[1@\r\n'
p '\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\e[3G\e[1P|dch-in-wide\r\n'
p '\xe4\xb8\xad\xe6\x96\x87\e[2G\e[1Xech-half\r\n'
p 'c1 as utf8: [\xc2\x9b31m] [\xc2\x9d0;x\xc2\x9c] raw c1: [\x9b32m]\e[m\r\n'

part 08-bce-wide
p '\e[44m\e[2J\e[H\e[mBCE: blue clear\r\n\e[41m\e[3;1H\e[K\e[42m\e[5;1H\e[2L\e[43m\e[2S\e[45m\e[8;3H\e[4X\e[46m\e[9;1H\e[3@\e[m'
p '\e[12;1H\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\e[12;2Hx\e[13;1H\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\e[13;3H\e[1@'
p '\e[14;1H\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\e[14;4H\e[2P\e[15;1Ha\t\xe4\xb8\xad\tb\e[16;1H\e[4h\xe4\xb8\xad\xe6\x96\x87\e[16;1H\xe5\xad\x97\e[4l'
p '\e[17;1H\e(0\e7\e(B\e[18;1H\e8qqq\e(B graphics restored by DECRC\r\n'
p '\e[20;22r\e[20;1H\xe6\xbc\xa2\xe5\xad\x97 in region\r\n\xe6\xbc\xa2\xe5\xad\x97 two\r\n\xe6\xbc\xa2\xe5\xad\x97 three\r\n\xe6\xbc\xa2 four\e[r'
p '\e[1;20H\e[?1049h\e[?6h\e[5;10r\e[Halt-origin\e[?1049l\e[1;60Hback\e[r\e[?6l\r\n'
p '\e[23;1H\e[48;5;22m\e[0J\e[m\e[23;1Hbelow-erased-with-256-bg\e[48;2;80;0;80m\e[1K\e[m\r\n'

part 09-decstr-ris
p '\e[2J\e[H\e[1;4;31m\e[5;10r\e[?6h\e[4h\e[?7lbefore-decstr\e[!pafter-decstr (attrs and modes reset)\r\n'
p '\e[?6h\e[99;1Horigin-after-decstr\e[?6l\r\n'
p '\e[1;41mstill here\ecfresh after RIS\r\n\tRIS restores tabs\r\n'
p '\e[2;5H\e[1;38;5;202mfinal \e[3;48;2;20;40;60mstate\e[m\r\n\e]0;final title\x07done\r\n'
