#!/usr/bin/env bash
# The single-request cost of each web page of an offender manager's working day and of each call it
# makes (issue 20, item 2): one user, one request after another, warm. Each page is timed through the
# web app (signed in as a person is, through Keycloak's form), each of its calls through the gateway
# and straight to the service, with the same token. Prints the median and the 90th percentile of
# each, and the load average beside them (the machine is shared: compare figures of one run only).
#
#   load-tests/page-costs.sh [web URL] [gateway URL] [repeats]
#   # defaults: the web app, gateway and services of ./dapp up on the ports in the environment, 30 repeats
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
RISK_MATRIX_PORT=${RISK_MATRIX_PORT:-8081}
PARTNER_SUPPORT_PORT=${PARTNER_SUPPORT_PORT:-8083}
WEB_PORT=${WEB_PORT:-8090}
WEB=${1:-http://127.0.0.1:$WEB_PORT}
GATEWAY=${2:-http://127.0.0.1:$GATEWAY_PORT}
REPEATS=${3:-30}
WARM_UP=${WARM_UP:-10}
RISK_MATRIX=http://127.0.0.1:$RISK_MATRIX_PORT
PARTNER_SUPPORT=http://127.0.0.1:$PARTNER_SUPPORT_PORT
USER=demo-offender-manager
JAR=$(mktemp -d)
trap 'rm -rf "$JAR"' EXIT

TOKEN=$(scripts/keycloak.sh token "$KEYCLOAK_PORT" "$USER")
CASE_ID=${CASE_ID:-$(curl -fsS -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/risk-matrix/cohort?size=1" \
  | sed -n 's/.*"caseId":"\([^"]*\)".*/\1/p')}

# sign in to the web app as a browser does: the app's redirect to Keycloak's form, the form posted back
login_form=$(curl -fsS -L -c "$JAR/cookies" -b "$JAR/cookies" "$WEB/")
action=$(printf '%s' "$login_form" | sed -n 's/.*id="kc-form-login"[^>]*action="\([^"]*\)".*/\1/p' | head -1 | sed 's/&amp;/\&/g')
[ -z "$action" ] && action=$(printf '%s' "$login_form" | tr '\n' ' ' | sed -n 's/.*<form[^>]*id="kc-form-login"[^>]*action="\([^"]*\)".*/\1/p; s/.*<form[^>]*action="\([^"]*\)"[^>]*id="kc-form-login".*/\1/p' | head -1 | sed 's/&amp;/\&/g')
curl -fsS -L -c "$JAR/cookies" -b "$JAR/cookies" -o "$JAR/home.html" \
  --data-urlencode "username=$USER" --data-urlencode "password=${DEMO_PASSWORD:-demo}" --data-urlencode "credentialId=" "$action"
grep -q "Sign out" "$JAR/home.html" || { echo "could not sign in to $WEB" >&2; exit 1; }

# times one address REPEATS times after WARM_UP, prints "median p90" in ms
time_of() {
  local i
  for ((i = 0; i < WARM_UP; i++)); do curl -sS -o /dev/null "$@"; done
  for ((i = 0; i < REPEATS; i++)); do
    curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' "$@"
  done | sort -k2 -g | awk '$1 != 200 { bad++ } { t[NR] = $2 * 1000 } END {
      printf "%7.1f %7.1f%s", t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], bad ? "  (" bad " not 200)" : "" }'
}

page() { printf '%-44s %s\n' "page $1" "$(time_of -b "$JAR/cookies" -H 'Accept: text/html' "$WEB$2")"; }

# one call of a page: through the gateway, and straight to the service (null service: the gateway's own)
call() {
  local label=$1 path=$2 service=${3:-} direct=""
  if [ -n "$service" ]; then
    direct=$(time_of -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "$service${path#/api/*/}" )
  fi
  printf '%-44s %s   %s\n' "  $label" "$(time_of -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "$GATEWAY$path")" "$direct"
}

echo "== single-request cost, $USER, case $CASE_ID, $REPEATS after $WARM_UP warm-up, $(date -u +%FT%TZ)"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %15s   %15s\n' "" "median p90 ms" "direct to service"
page "start page (my work)" /
call "GET /api/notifications/unread-count" /api/notifications/unread-count
call "GET /api/risk-matrix/my-work?limit=1" "/api/risk-matrix/my-work?limit=1" "$RISK_MATRIX/"
page "cohort" /risk-matrix/cohort
call "GET /api/risk-matrix/cohort/harm" /api/risk-matrix/cohort/harm "$RISK_MATRIX/"
call "GET /api/risk-matrix/cohort?page=0&size=25" "/api/risk-matrix/cohort?page=0&size=25" "$RISK_MATRIX/"
page "case page" "/cases/$CASE_ID"
call "GET /api/cases/{caseId}" "/api/cases/$CASE_ID"
call "GET /api/risk-matrix/nominals/{caseId}/summary" "/api/risk-matrix/nominals/$CASE_ID/summary" "$RISK_MATRIX/"
page "nominal" "/risk-matrix/nominals/$CASE_ID"
call "GET /api/risk-matrix/nominals/{caseId}" "/api/risk-matrix/nominals/$CASE_ID" "$RISK_MATRIX/"
call "GET /api/risk-matrix/nominals/{caseId}/score" "/api/risk-matrix/nominals/$CASE_ID/score" "$RISK_MATRIX/"
call "GET /api/risk-matrix/nominals/{caseId}/incidents" "/api/risk-matrix/nominals/$CASE_ID/incidents" "$RISK_MATRIX/"
call "GET /api/risk-matrix/nominals/{caseId}/routing" "/api/risk-matrix/nominals/$CASE_ID/routing" "$RISK_MATRIX/"
call "GET /api/risk-matrix/nominals/{caseId}/onward-referrals" "/api/risk-matrix/nominals/$CASE_ID/onward-referrals" "$RISK_MATRIX/"
page "disruption tasks" /risk-matrix/disruption-tasks
call "GET /api/risk-matrix/disruption-tasks?page=0&size=25" "/api/risk-matrix/disruption-tasks?page=0&size=25" "$RISK_MATRIX/"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
