#!/usr/bin/env bash
# Gateway cost and CPU per request of two builds of the gateway side by side (issue 20, items 1 and 6).
# Beside a running ./dapp up --demo-data (production JVM options), starts both builds as raised-limit
# gateways (second-gateway.sh) on PORT and PORT+1, runs GatewayCostSimulation once against each to warm
# them (not counted), then against one and the other in turn, ROUNDS times, so both meet the same
# moment of the shared machine. After each run: the simulation's figures, the CPU that gateway and the
# programme service spent (utime + stime, /proc/<pid>/stat) per request each served (the requests the
# simulation sent, warm-up included), and the load average before and after.
#
#   load-tests/gateway-cpu.sh BEFORE.jar AFTER.jar [rounds (2)] [seconds per phase (30)] [port (gateway's + 4)]
#
# The gateways are stopped at the end. Maven options (MAVEN_ARGS) are taken from the environment.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
find_jdk

BEFORE=${1:?the gateway jar from before the change}
AFTER=${2:?the gateway jar from after the change}
ROUNDS=${3:-2}
PHASE_SECONDS=${4:-30}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
PROGRAMME_PORT=${PROGRAMME_PORT:-8082}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
PORT=${5:-$((GATEWAY_PORT + 4))}
TICKS=$(getconf CLK_TCK)
PROGRAMME_PID=$(cat .run/programme-service.pid)

cp "$BEFORE" .run/gateway-before.jar
cp "$AFTER" .run/gateway-after.jar
rm -f .run/gateway-before.pid .run/gateway-after.pid
stop() { for name in before after; do [ -f ".run/gateway-$name.pid" ] && kill "$(cat ".run/gateway-$name.pid")" 2>/dev/null; done; true; }
trap stop EXIT
GATEWAY_JAR=.run/gateway-before.jar NAME=gateway-before load-tests/second-gateway.sh "$PORT"
GATEWAY_JAR=.run/gateway-after.jar NAME=gateway-after load-tests/second-gateway.sh "$((PORT + 1))"

# the process's user + system CPU in clock ticks (fields 14 and 15; the name in field 2 is "java", no spaces)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

run() {
  local name=$1 port=$2 counted=$3 pid out
  pid=$(cat ".run/gateway-$name.pid")
  out=$(mktemp)
  local load_before gateway_before programme_before
  load_before=$(load)
  gateway_before=$(cpu_ticks "$pid")
  programme_before=$(cpu_ticks "$PROGRAMME_PID")
  ./mvnw -B -q -Pload-tests -pl load-tests gatling:test -Dgatling.simulationClass=uk.dapp.load.GatewayCostSimulation \
    -Dgateway="http://127.0.0.1:$port" -Dprogramme="http://127.0.0.1:$PROGRAMME_PORT" \
    -Dkeycloak="http://127.0.0.1:$KEYCLOAK_PORT" -Dseconds="$PHASE_SECONDS" > "$out" 2>&1 || { tail -40 "$out"; exit 1; }
  local gateway_ticks=$(($(cpu_ticks "$pid") - gateway_before))
  local programme_ticks=$(($(cpu_ticks "$PROGRAMME_PID") - programme_before))
  [ "$counted" = 1 ] || { echo "== $name: warm-up run done (load average $load_before -> $(load))"; rm -f "$out"; return; }
  echo "== $name ($(date -u +%H:%M:%S), load average before $load_before, after $(load))"
  grep '^== ' "$out" | grep -v 'requests sent'
  local direct through
  direct=$(sed -n 's/^== requests sent.*direct \([0-9]*\), through the gateway \([0-9]*\)$/\1/p' "$out")
  through=$(sed -n 's/^== requests sent.*direct \([0-9]*\), through the gateway \([0-9]*\)$/\2/p' "$out")
  awk -v name="$name" -v g="$gateway_ticks" -v p="$programme_ticks" -v hz="$TICKS" -v d="$direct" -v t="$through" 'BEGIN {
    printf "== %s: CPU per request: gateway %.3f ms (%.1f s for %d requests), programme service %.3f ms (%.1f s for %d)\n",
      name, 1000 * g / hz / t, g / hz, t, 1000 * p / hz / (d + t), p / hz, d + t }'
  rm -f "$out"
}

run before "$PORT" 0
run after "$((PORT + 1))" 0
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS"
  run before "$PORT" 1
  run after "$((PORT + 1))" 1
done
