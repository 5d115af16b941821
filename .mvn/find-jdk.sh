# Sourced by ./mvnw: make sure Maven runs on a JDK 25 or newer.
# Order: $JAVA_HOME if it is 25+, then `java` on the PATH, then well-known install folders.
# Fails with a message that says exactly what to set when none is found.

pstngw_java_major() {
  # prints the feature version of the java binary $1 (17, 21, 25, ...), or nothing
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

pstngw_required=25
pstngw_found=""
if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  v=$(pstngw_java_major "$JAVA_HOME/bin/java")
  [ -n "$v" ] && [ "$v" -ge "$pstngw_required" ] && pstngw_found="$JAVA_HOME"
fi
if [ -z "$pstngw_found" ] && command -v java >/dev/null 2>&1; then
  j=$(command -v java)
  v=$(pstngw_java_major "$j")
  if [ -n "$v" ] && [ "$v" -ge "$pstngw_required" ]; then
    j=$(readlink -f "$j" 2>/dev/null || printf %s "$j")
    pstngw_found=$(dirname "$(dirname "$j")")
  fi
fi
if [ -z "$pstngw_found" ]; then
  set +f # the wrapper runs with globbing off
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v=$(pstngw_java_major "$d/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$pstngw_required" ]; then pstngw_found="$d"; break; fi
  done
  set -f
fi
if [ -z "$pstngw_found" ]; then
  echo "pstngw: no JDK $pstngw_required or newer found (JAVA_HOME='${JAVA_HOME-}')." >&2
  echo "pstngw: install one (Debian/Ubuntu: a temurin-25-jdk or openjdk-25-jdk package) and run" >&2
  echo "pstngw:   export JAVA_HOME=/path/to/jdk-25" >&2
  exit 1
fi
JAVA_HOME="$pstngw_found"
export JAVA_HOME
