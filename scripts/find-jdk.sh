# Sourced by ./ferry, ./test and bench/run. Sets FERRY_JAVA_HOME to a JDK 21 or newer:
# $FERRY_JAVA_HOME, then $JAVA_HOME, then the java on PATH, then the newest under /usr/lib/jvm.
# The machine's default java may well be older (17), so each candidate's version is checked.

ferry_java_major() { # prints the feature version of the JDK at $1, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  case "$v" in ''|*[!0-9.]*) echo 0 ;; 1.*) echo 8 ;; *) echo "${v%%.*}" ;; esac
}

ferry_find_jdk() {
  local c candidates=()
  [ -n "${FERRY_JAVA_HOME:-}" ] && candidates+=("$FERRY_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /opt/*jdk*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] && [ "$(ferry_java_major "$c")" -ge 21 ]; then
      FERRY_JAVA_HOME="$c"; export FERRY_JAVA_HOME; return 0
    fi
  done
  echo "ferry: no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk) or set FERRY_JAVA_HOME" >&2
  return 1
}
