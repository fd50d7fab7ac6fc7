#!/usr/bin/env bash
# Writes UTF-8 text (CJK, emoji with ZWJ sequences and flags, combining marks, and lines built
# to wrap with a wide character or a combining mark at the last column of 80 and 120 columns)
# as two numbered parts into directory $1, for parts.sh in cooked mode (plain `cat`).
set -euo pipefail
out=${1:?usage: gen-unicode.sh DIR}
mkdir -p "$out"
rep() { local s=''; for ((i = 0; i < $2; i++)); do s+=$1; done; printf '%s' "$s"; }
{
  echo '中文：终端模拟器必须正确处理宽字符，包括标点符号。'
  echo '日本語：ひらがな、カタカナ、漢字、半角ｶﾀｶﾅ、全角ＡＢＣ１２３'
  echo '한국어: 터미널 에뮬레이터 테스트'
  echo 'emoji: 😀 🎉 👍🏽 ❤️ ✨ ☕ ⚡ 🚀 text after'
  echo 'ZWJ: 👨‍👩‍👧‍👦 family, 👩‍💻 coder, 🏳️‍🌈 flag, 🧑🏾‍🚀 astronaut |'
  echo 'flags: 🇯🇵 🇫🇷 🇺🇸 🇩🇪 🇧🇷 | lone regional: 🇦 |'
  echo 'combining: é (e+U+0301) ǻ ñ ü Tiếng Việt z̷̢a̴l̵g̶o |'
  echo 'symbols: → ← ↑ ↓ ┌─┬─┐ │ ├─┼─┤ └─┴─┘ ░▒▓█ ½ ™ ©'
  echo "$(rep a 79)中<-80"
  echo "$(rep b 119)文<-120"
  echo "$(rep c 78)😀x"
  echo "$(rep d 80)é<-comb-after-80"
  echo "$(rep e 120)ü<-comb-after-120"
  echo "$(rep 漢 45)|"
  echo "$(rep 字 65)|"
} >"$out/01-text"
{
  echo "$(rep 'ab中' 40)"
  echo "$(rep 'x👍🏽' 50)"
  echo 'mixed: Ελληνικά Русский עברית العربية ไทย'
  echo 'end of unicode'
} >"$out/02-more"
