#!/usr/bin/env bash
# Gateway cost and CPU per request of two builds of the gateway side by side (issue 20, items 1 and 6).
# Beside a running ./dapp up --demo-data (production JVM options), starts both builds as raised-limit
# gateways (second-gateway.sh) on PORT and PORT+1, runs GatewayCostSimulation once against each to warm
# them (not counted), then against one and the other in turn, ROUNDS times (the order swapped every
# other round), so both meet the same moment of the shared machine. After each run: the simulation's
# figures, the CPU that gateway and the programme service spent (utime + stime, /proc/<pid>/stat)
# per request each served (the requests the simulation sent, warm-up included), and the load
# average before and after.
#
#   load-tests/gateway-cpu.sh BEFORE.jar AFTER.jar [rounds (2)] [seconds per phase (30)] [port (gateway's + 4)]
#
# The gateways are stopped at the end. Maven options (MAVEN_ARGS) are taken from the environment.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
find_jdk
source load-tests/lib/side-by-side.sh

BEFORE=${1:?the gateway jar from before the change}
AFTER=${2:?the gateway jar from after the change}
ROUNDS=${3:-2}
PHASE_SECONDS=${4:-30}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
PROGRAMME_PORT=${PROGRAMME_PORT:-8082}
PORT=${5:-$((GATEWAY_PORT + 4))}
PROGRAMME_PID=$(cat .run/programme-service.pid)

cp "$BEFORE" .run/gateway-before.jar
cp "$AFTER" .run/gateway-after.jar
rm -f .run/gateway-before.pid .run/gateway-after.pid
trap 'stop_started gateway-before gateway-after' EXIT
GATEWAY_JAR=.run/gateway-before.jar NAME=gateway-before load-tests/second-gateway.sh "$PORT"
GATEWAY_JAR=.run/gateway-after.jar NAME=gateway-after load-tests/second-gateway.sh "$((PORT + 1))"

run() {
  local name=$1 counted=$2 port=$PORT pid out load_before gateway_before programme_before
  [ "$name" = before ] || port=$((PORT + 1))
  pid=$(cat ".run/gateway-$name.pid")
  out=$(mktemp)
  load_before=$(load)
  gateway_before=$(cpu_ticks "$pid")
  programme_before=$(cpu_ticks "$PROGRAMME_PID")
  gateway_cost "$out" "http://127.0.0.1:$port" "http://127.0.0.1:$PROGRAMME_PORT" "$PHASE_SECONDS" || exit 1
  local gateway_ticks=$(($(cpu_ticks "$pid") - gateway_before))
  local programme_ticks=$(($(cpu_ticks "$PROGRAMME_PID") - programme_before))
  [ "$counted" = 1 ] || { echo "== $name: warm-up run done (load average $load_before -> $(load))"; rm -f "$out"; return; }
  echo "== $name ($(date -u +%H:%M:%S), load average before $load_before, after $(load))"
  simulation_figures "$out"
  local direct through
  read -r direct through < <(requests_sent "$out")
  echo "== $name: CPU per request: gateway $(per_request "$gateway_ticks" "$through"), programme service $(per_request "$programme_ticks" $((direct + through)))"
  rm -f "$out"
}

side_by_side "$ROUNDS" run
