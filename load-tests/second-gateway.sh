#!/usr/bin/env bash
# A second gateway beside a running ./dapp up, for the load tests: the same routes, services and
# issuer, with the per-user rate limit raised so one user's load is not refused after its burst
# (the limit is a guard against a runaway script, and the load tests are one on purpose). Started
# with the production image's JVM options unless DAPP_JAVA_OPTS says otherwise; stopped with
# "kill $(cat ".run/$NAME.pid")". GATEWAY_JAR runs another build of the gateway (a copy kept
# from before a change) and NAME keeps its pid and log apart (.run/$NAME.pid, .run/logs/$NAME.log).
#
#   load-tests/second-gateway.sh [port]      # default: the gateway's port + 4
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
find_jdk
source load-tests/lib/side-by-side.sh

GATEWAY_PORT=${GATEWAY_PORT:-8080}
RISK_MATRIX_PORT=${RISK_MATRIX_PORT:-8081}
PROGRAMME_PORT=${PROGRAMME_PORT:-8082}
PARTNER_SUPPORT_PORT=${PARTNER_SUPPORT_PORT:-8083}
PORT=${1:-$((GATEWAY_PORT + 4))}
GATEWAY_JAR=${GATEWAY_JAR:-gateway/target/gateway-0.1.0-SNAPSHOT.jar}
NAME=${NAME:-second-gateway}
mkdir -p .run/logs
require_free_port "$PORT"
# shellcheck disable=SC2086 # PRODUCTION_JAVA_OPTS is a list of options
nohup "$JAVA_HOME/bin/java" $PRODUCTION_JAVA_OPTS -jar "$GATEWAY_JAR" --server.port="$PORT" \
  --spring.security.oauth2.resourceserver.jwt.issuer-uri="http://127.0.0.1:$KEYCLOAK_PORT/realms/dapp" \
  --dapp.services.risk-matrix.url="http://127.0.0.1:$RISK_MATRIX_PORT" \
  --dapp.services.programme.url="http://127.0.0.1:$PROGRAMME_PORT" \
  --dapp.services.partner-support.url="http://127.0.0.1:$PARTNER_SUPPORT_PORT" \
  --dapp.gateway.rate-limit.capacity=1000000 --dapp.gateway.rate-limit.refill-per-second=1000000 \
  > ".run/logs/$NAME.log" 2>&1 &
echo $! > ".run/$NAME.pid"
wait_ready "$NAME" "$PORT"
echo "$NAME ($GATEWAY_JAR, rate limit raised) on http://127.0.0.1:$PORT, pid $(cat ".run/$NAME.pid")"
