#!/usr/bin/env bash
# Start-up and memory of each service (issue 20, item 7), one at a time on this machine:
# starts the service as ./dapp up does (the demo's JVM options, DAPP_JAVA_OPTS, and its start-up cache when ready) on a
# spare port over a fresh embedded store, times it to readiness, warms it up with WARMUP
# requests (authorised reads when TOKEN holds a bearer token for them, otherwise requests the
# security filters refuse, which still run the web stack), then reads its resident memory
# (VmRSS) and stops it. Needs the jars (./dapp up builds them, or ./mvnw -DskipTests install).
#
#   load-tests/startup-memory.sh                 # every service, demo options
#   DAPP_JAVA_OPTS="-XX:+UseG1GC" load-tests/startup-memory.sh gateway
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
find_jdk

source scripts/lib/service-jvm.sh  # the demo's JVM options and start-up cache, as ./dapp up starts them
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}  # as ./dapp up starts them
BASE_PORT=${BASE_PORT:-65180}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
WARMUP=${WARMUP:-500}
SERVICES=("$@")
[ ${#SERVICES[@]} -gt 0 ] || SERVICES=(risk-matrix-service programme-service partner-support-service gateway)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

warm_path() {
  case "$1" in
    risk-matrix-service) echo "/cohort" ;;
    programme-service) echo "/caseload" ;;
    partner-support-service) echo "/overdue/first-contacts" ;;
    gateway) echo "/api/programme/caseload" ;;
  esac
}

printf '%-26s %-16s %10s %14s %14s\n' service "started from" "ready (s)" "RSS ready" "RSS warmed"
port=$BASE_PORT
for module in "${SERVICES[@]}"; do
  port=$((port + 1))
  jar=$(jar_of "$module")
  [ -f "$jar" ] || { echo "no $jar: build first (./mvnw -B -DskipTests install)" >&2; exit 1; }
  launch_args "$module"
  from="its jar"
  aot_ready "$module" && from="start-up cache"
  args=(--server.port="$port" --spring.security.oauth2.resourceserver.jwt.issuer-uri="http://127.0.0.1:$KEYCLOAK_PORT/realms/dapp")
  [ "$module" = gateway ] || args+=(--dapp.store.embedded.path="$WORK/$module" --dapp.outbox.relay.enabled=false)
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a list of options
  "$JAVA_HOME/bin/java" $SERVICE_JAVA_OPTS "${LAUNCH[@]}" "${args[@]}" > "$WORK/$module.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK/$module.log"; echo "$module stopped while starting" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(awk -v now="$(date +%s.%N)" -v start="$start" 'BEGIN { print now - start }')
  rss_ready=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  auth=()
  [ -z "${TOKEN:-}" ] || auth=(-H "Authorization: Bearer $TOKEN")
  for _ in $(seq "$WARMUP"); do
    curl -s -o /dev/null "${auth[@]}" "http://127.0.0.1:$port$(warm_path "$module")" || true
  done
  rss_warm=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf '%-26s %-16s %10.1f %11d MB %11d MB\n' "$module" "$from" "$ready" $((rss_ready / 1024)) $((rss_warm / 1024))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
echo "JVM options: $SERVICE_JAVA_OPTS; the start-up cache is the one ./dapp up makes once after a build (DAPP_AOT_CACHE=off: from the jars); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: read the times as upper bounds)"
