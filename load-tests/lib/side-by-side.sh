# Pieces shared by the scripts that measure two builds side by side (gateway-cpu.sh,
# programme-cpu.sh) and start extra processes beside a running ./dapp up (second-gateway.sh):
# sourced from the repository's root, never run.

# the production image's JVM options (full JIT, its 384 MB heap, the serial collector), unless DAPP_JAVA_OPTS says otherwise
PRODUCTION_JAVA_OPTS=${DAPP_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
CLOCK_TICKS=$(getconf CLK_TCK)

# a process's user + system CPU in clock ticks (fields 14 and 15 of /proc/<pid>/stat; field 2 is "java", no spaces)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# the load average over 1, 5 and 15 minutes
load() { cut -d' ' -f1-3 /proc/loadavg; }

# require_free_port PORT: stops the script when something already listens there (a process left by
# an earlier run would otherwise answer the readiness check, and be measured, in place of the new one)
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is already taken (a process left from an earlier run? ss -ltnp | grep :$1)" >&2
    return 1
  fi
}

# wait_ready NAME PORT: until the process whose pid is in .run/NAME.pid is ready on PORT; its log's tail if it stops
wait_ready() {
  until curl -fsS "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$(cat ".run/$1.pid")" 2>/dev/null || { tail -20 ".run/logs/$1.log"; echo "$1 stopped while starting" >&2; return 1; }
    sleep 1
  done
}

# stop_started NAME...: stops the processes whose pids are in .run/NAME.pid, those still running
stop_started() {
  local name
  for name in "$@"; do [ -f ".run/$name.pid" ] && kill "$(cat ".run/$name.pid")" 2>/dev/null; done
  true
}

# gateway_cost OUT GATEWAY_URL PROGRAMME_URL SECONDS: one run of GatewayCostSimulation (the same read
# direct to the programme service and through the gateway), its output kept in OUT
gateway_cost() {
  ./mvnw -B -q -Pload-tests -pl load-tests gatling:test -Dgatling.simulationClass=uk.dapp.load.GatewayCostSimulation \
    -Dgateway="$2" -Dprogramme="$3" -Dkeycloak="http://127.0.0.1:$KEYCLOAK_PORT" -Dseconds="$4" > "$1" 2>&1 \
    || { tail -40 "$1"; return 1; }
}

# requests_sent OUT: "DIRECT THROUGH", the requests each path of the run sent, warm-up included
requests_sent() { sed -n 's/^== requests sent.*direct \([0-9]*\), through the gateway \([0-9]*\)$/\1 \2/p' "$1"; }

# simulation_figures OUT: the run's own figure lines
simulation_figures() { grep '^== ' "$1" | grep -v 'requests sent'; }

# per_request TICKS REQUESTS: "X.XXX ms (Y.Y s for N)", CPU time per request
per_request() {
  awk -v t="$1" -v n="$2" -v hz="$CLOCK_TICKS" 'BEGIN { printf "%.3f ms (%.1f s for %d)", 1000 * t / hz / n, t / hz, n }'
}

# side_by_side ROUNDS RUN: "RUN before 0" and "RUN after 0" to warm both builds (not counted), then
# ROUNDS rounds of "RUN before 1" and "RUN after 1", the order swapped every other round so that
# neither build always meets the later moment of the shared machine
side_by_side() {
  local rounds=$1 run=$2 round
  "$run" before 0
  "$run" after 0
  for round in $(seq 1 "$rounds"); do
    echo "== round $round of $rounds"
    if [ $((round % 2)) = 1 ]; then "$run" before 1; "$run" after 1; else "$run" after 1; "$run" before 1; fi
  done
}
