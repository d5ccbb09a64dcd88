#!/usr/bin/env bash
# A second web app beside a running ./dapp up, for the web pages' load test: the same Keycloak
# realm and client, calling the second gateway (load-tests/second-gateway.sh, the per-user rate
# limit raised) so that 50 virtual practitioners signed in as one demo user are not refused after
# that user's burst. Started with the production image's JVM options unless DAPP_JAVA_OPTS says
# otherwise; stopped with "kill $(cat .run/second-web.pid)".
#
#   load-tests/second-web.sh [port] [gateway URL]   # defaults: the web app's port + 4, the gateway's port + 4
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
find_jdk

KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
WEB_PORT=${WEB_PORT:-8090}
PORT=${1:-$((WEB_PORT + 4))}
GATEWAY=${2:-http://127.0.0.1:$((GATEWAY_PORT + 4))}
JAVA_OPTS=${DAPP_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
mkdir -p .run/logs
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
nohup "$JAVA_HOME/bin/java" $JAVA_OPTS -jar web/target/web-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
  --dapp.web.gateway-url="$GATEWAY" --dapp.web.keycloak.issuer="http://127.0.0.1:$KEYCLOAK_PORT/realms/dapp" \
  --dapp.web.secure-cookies=false \
  > .run/logs/second-web.log 2>&1 &
echo $! > .run/second-web.pid
until curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$(cat .run/second-web.pid)" 2>/dev/null || { tail -20 .run/logs/second-web.log; exit 1; }
  sleep 1
done
echo "second web app (calling $GATEWAY) on http://127.0.0.1:$PORT, pid $(cat .run/second-web.pid)"
