#!/usr/bin/env bash
# CPU per request of two builds of the programme service side by side (issue 20, item 6): the same
# small read (one case's referrals, GatewayCostSimulation) sent to each, at the same moment of the
# shared machine. Beside a running ./dapp up --demo-data, starts both builds with the production
# JVM options on PORT+2 and PORT+3, each over its own copy of the programme service's store (copied
# with the running service paused, as a crash would leave it, and the outbox relay off so that the
# copies send nothing on), and a raised-limit gateway (second-gateway.sh) in front of each on PORT
# and PORT+1. Runs the simulation once against each to warm it (not counted), then against one and
# the other in turn, ROUNDS times (the order swapped every other round). After each run: the
# simulation's figures, the CPU that programme service spent (utime + stime, /proc/<pid>/stat) per
# request it served (direct and through its gateway, warm-up included), and the load average
# before and after.
#
#   load-tests/programme-cpu.sh BEFORE.jar AFTER.jar [rounds (2)] [seconds per phase (30)] [port (gateway's + 6)]
#
# JFR_DIR=<folder> records a JFR profile of each build there (programme-before.jfr, programme-after.jfr).
# Everything it started is stopped at the end. Maven options (MAVEN_ARGS) are taken from the environment.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
find_jdk
source load-tests/lib/side-by-side.sh

BEFORE=${1:?the programme service jar from before the change}
AFTER=${2:?the programme service jar from after the change}
ROUNDS=${3:-2}
PHASE_SECONDS=${4:-30}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
RISK_MATRIX_PORT=${RISK_MATRIX_PORT:-8081}
PARTNER_SUPPORT_PORT=${PARTNER_SUPPORT_PORT:-8083}
PORT=${5:-$((GATEWAY_PORT + 6))}
PROGRAMME_PID=$(cat .run/programme-service.pid)
NAMES=(programme-before programme-after gateway-before gateway-after)

rm -f .run/{programme,gateway}-{before,after}.pid
trap 'kill -CONT "$PROGRAMME_PID" 2>/dev/null; stop_started "${NAMES[@]}"' EXIT
# one copy of the store, taken while the running service is paused, for both builds
snapshot=$(mktemp -d)
kill -STOP "$PROGRAMME_PID"
cp -r data/programme-service "$snapshot/store"
kill -CONT "$PROGRAMME_PID"

# start NAME JAR PORT: a programme service over its own copy of the store
start() {
  local name=$1 jar=$2 port=$3 record=()
  require_free_port "$port"
  rm -rf ".run/$name-store" && cp -r "$snapshot/store" ".run/$name-store"
  cp "$jar" ".run/$name.jar"
  [ -z "${JFR_DIR:-}" ] || record=("-XX:StartFlightRecording=filename=$JFR_DIR/$name.jfr,settings=profile")
  # shellcheck disable=SC2086 # PRODUCTION_JAVA_OPTS is a list of options
  nohup "$JAVA_HOME/bin/java" $PRODUCTION_JAVA_OPTS "${record[@]}" -jar ".run/$name.jar" --server.port="$port" \
    --spring.security.oauth2.resourceserver.jwt.issuer-uri="http://127.0.0.1:$KEYCLOAK_PORT/realms/dapp" \
    --dapp.services.risk-matrix.url="http://127.0.0.1:$RISK_MATRIX_PORT" \
    --dapp.services.programme.url="http://127.0.0.1:$port" \
    --dapp.services.partner-support.url="http://127.0.0.1:$PARTNER_SUPPORT_PORT" \
    --dapp.store.embedded.path=".run/$name-store" --dapp.outbox.relay.enabled=false \
    > ".run/logs/$name.log" 2>&1 &
  echo $! > ".run/$name.pid"
}
mkdir -p .run/logs
start programme-before "$BEFORE" "$((PORT + 2))"
start programme-after "$AFTER" "$((PORT + 3))"
wait_ready programme-before "$((PORT + 2))"
wait_ready programme-after "$((PORT + 3))"
rm -rf "$snapshot"
PROGRAMME_PORT=$((PORT + 2)) NAME=gateway-before load-tests/second-gateway.sh "$PORT"
PROGRAMME_PORT=$((PORT + 3)) NAME=gateway-after load-tests/second-gateway.sh "$((PORT + 1))"

run() {
  local name=$1 counted=$2 port=$PORT pid out load_before ticks_before
  [ "$name" = before ] || port=$((PORT + 1))
  pid=$(cat ".run/programme-$name.pid")
  out=$(mktemp)
  load_before=$(load)
  ticks_before=$(cpu_ticks "$pid")
  gateway_cost "$out" "http://127.0.0.1:$port" "http://127.0.0.1:$((port + 2))" "$PHASE_SECONDS" || exit 1
  local ticks=$(($(cpu_ticks "$pid") - ticks_before))
  [ "$counted" = 1 ] || { echo "== $name: warm-up run done (load average $load_before -> $(load))"; rm -f "$out"; return; }
  echo "== $name ($(date -u +%H:%M:%S), load average before $load_before, after $(load))"
  simulation_figures "$out"
  local direct through
  read -r direct through < <(requests_sent "$out")
  echo "== $name: programme service CPU per request $(per_request "$ticks" $((direct + through)))" \
    "(load average before $load_before)"
  rm -f "$out"
}

side_by_side "$ROUNDS" run
