# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at JAVA_HOME first, then java on the PATH, then the usual install folders.

java_major() {  # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      v=$(java_major "$c/bin/java")
      if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$c"
        export PATH="$JAVA_HOME/bin:$PATH"
        return 0
      fi
    fi
  done
  echo "No JDK 21 or newer found: install one (for example apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  return 1
}
