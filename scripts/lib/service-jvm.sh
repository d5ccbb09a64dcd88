# How ./dapp starts a service's JVM, shared with the load tests that measure it (load-tests/startup-memory.sh).
# Needs ROOT (the project's folder, the working directory) and JAVA_HOME (scripts/lib/jdk.sh).

VERSION=0.1.0-SNAPSHOT
jar_of() { echo "$1/target/$1-$VERSION.jar"; }

# A laptop default that starts fast on few cores and stays small; production images set their own
# JVM options. After the 300-person demo a service's live data is 43 to 52 MB, so a 128 MB heap is
# room enough. The serial collector kept the whole 128 MB once a burst of work had taken it, since
# nothing collects an idle service; G1 here collects a service that has had no collection for 15 s
# (G1PeriodicGCInterval, a full collection that compacts) and gives back what is more than 40% free,
# so an idle service holds about 75 MB of heap, not 125 (and malloc's freed memory is handed back
# every 15 s, TrimNativeHeapInterval). Compact object headers (JDK 25) shrink objects.
JAVA_OPTS=${DAPP_JAVA_OPTS:--Xms64m -Xmx128m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -XX:+UseG1GC -XX:G1PeriodicGCInterval=15000 -XX:-G1PeriodicGCInvokesConcurrent -XX:TrimNativeHeapInterval=15000}
# Whatever else is chosen, a service out of memory ends rather than lingering half-alive (restart it with ./dapp up)
SERVICE_JAVA_OPTS="$JAVA_OPTS -XX:+ExitOnOutOfMemoryError"

# The JVM's ahead-of-time cache of a service (JDK 25, JEP 483 and 514): its classes read, verified
# and linked once, in a training run that ends when the application context has refreshed
# (Spring's spring.context.exit=onRefresh), so that every later start maps them instead: a service's
# start took 3.6 to 5.1 s of CPU instead of 10 to 12 s, and a start is CPU-bound on a laptop's cores. The cache needs
# the jar in extracted form (Spring Boot's jarmode tools) and is made again when the jar, the JDK or
# the JVM options change. It lives beside the jar (<module>/target/aot): a clean build drops it,
# rm -rf data keeps it. DAPP_AOT_CACHE=off starts every service from its jar as built.
aot_dir() { echo "$ROOT/$1/target/aot"; }

aot_stamp() {  # what a cache was made from
  echo "$(stat -c '%s %Y' "$(jar_of "$1")") $(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$JAVA_HOME/release") $SERVICE_JAVA_OPTS"
}

aot_ready() {
  local dir
  dir=$(aot_dir "$1")
  [ "${DAPP_AOT_CACHE:-on}" != off ] && [ -s "$dir/app.aot" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$(aot_stamp "$1")" ]
}

# The java arguments that start a service as ./dapp up does: from its start-up cache when one is
# ready for this jar, JDK and options, otherwise from the jar. Sets the array LAUNCH.
launch_args() {
  local dir
  LAUNCH=(-jar "$(jar_of "$1")")
  if aot_ready "$1"; then
    dir=$(aot_dir "$1")
    LAUNCH=(-XX:AOTCache="$dir/app.aot" -jar "$dir/app/$(basename "$(jar_of "$1")")")
  fi
}
