# Sourced by ./mvnw and ./run-local. The machines' default `java` is 17 while the build needs 21 or newer
# (Temurin 25 sits beside it under /usr/lib/jvm), so when JAVA_HOME is unset or older we export the newest JDK >= 21 found.
skylink_jdk_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
skylink_select_jdk() {
  current="${JAVA_HOME-}"
  if [ -z "$current" ] && command -v java >/dev/null 2>&1; then
    current="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  major="$(skylink_jdk_major "$current")"
  if [ -n "$current" ] && [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$current"; return 0; fi
  best="" best_major=0
  for home in /usr/lib/jvm/* /opt/java/* /usr/local/jdk*; do
    [ -x "$home/bin/java" ] || continue
    m="$(skylink_jdk_major "$home")"
    if [ "${m:-0}" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$home" best_major="$m"; fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found (JAVA_HOME=${JAVA_HOME-unset}); install one or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
set +f
skylink_select_jdk || exit 1
