#!/usr/bin/env bash
# Watch a laptop's DAPP (./dapp up) as k8s/monitoring watches a cluster, with no cluster and no Docker:
#
#   k8s/observe-locally.sh up [--demo-data[=N]]   start Zipkin and Prometheus, then ./dapp up with every
#                                                 application sending its spans to Zipkin
#   k8s/observe-locally.sh journey                the whole journey in the web app (headless Chromium): an
#                                                 offender manager's ENGAGE decision, then the facilitator
#                                                 naming a partner on the programme referral it made
#   k8s/observe-locally.sh screenshots [DIR]      that journey's traces in Zipkin and the dashboard's panels
#                                                 in Prometheus, as PNGs (default k8s/docs/)
#   k8s/observe-locally.sh down                   stop Zipkin and Prometheus (./dapp down stops the rest)
#   k8s/observe-locally.sh fetch                  only fetch Zipkin and install Prometheus
#
# Zipkin: its server's executable jar from Maven Central (io.zipkin:zipkin-server, exec classifier),
# fetched once through the project's Maven wrapper into .observe/ and checked against the SHA-256
# below; spans in memory only. The applications send Zipkin's own format to it by configuration
# alone (MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED/ENDPOINT; off by default, ADR 0017).
# Prometheus: Debian's package (apt-get, as ./dapp test installs Chromium), scraping each
# application's /actuator/prometheus every 5 s, with k8s/monitoring/alert-rules.yaml's rules loaded.
# Grafana is not installable here (neither a Debian, Maven Central nor npm package): the dashboard
# k8s/monitoring/grafana-dashboard.json stays for real deployments, and "screenshots" draws each of its
# panels' PromQL as a Prometheus graph instead (Prometheus's own graph page, not Grafana).
#
# Ports: ZIPKIN_PORT (9411), PROMETHEUS_PORT (9090), CHROMEDRIVER_PORT (9515), and ./dapp's own
# (GATEWAY_PORT, WEB_PORT, ...), read from the environment like ./dapp does. Zipkin listens on every
# interface (its server has no setting for one): use it on a laptop, not a shared host.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh

ZIPKIN_VERSION=3.6.1
ZIPKIN_SHA256=d8326e0ed4f43855dba81228f688554706e52578a7c782d9a90b73f8680654a1
CACHE=.observe
RUN=.run/observe
ZIPKIN_PORT=${ZIPKIN_PORT:-9411}
PROMETHEUS_PORT=${PROMETHEUS_PORT:-9090}
CHROMEDRIVER_PORT=${CHROMEDRIVER_PORT:-9515}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
RISK_MATRIX_PORT=${RISK_MATRIX_PORT:-8081}
PROGRAMME_PORT=${PROGRAMME_PORT:-8082}
PARTNER_SUPPORT_PORT=${PARTNER_SUPPORT_PORT:-8083}
WEB_PORT=${WEB_PORT:-8090}
ZIPKIN="http://127.0.0.1:$ZIPKIN_PORT"
PROMETHEUS="http://127.0.0.1:$PROMETHEUS_PORT"
WEB="http://127.0.0.1:$WEB_PORT"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"

die() { echo "observe-locally: $*" >&2; exit 1; }

is_running() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

wait_http() {  # name url log
  local deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "$2" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "$1 did not answer at $2 within 120 s (log: $3)"
    sleep 0.5
  done
}

fetch_zipkin() {
  local jar="$CACHE/zipkin-server-$ZIPKIN_VERSION-exec.jar"
  if [ ! -f "$jar" ]; then
    mkdir -p "$CACHE" "$RUN"
    echo "Fetching Zipkin $ZIPKIN_VERSION from Maven Central (about 135 MB, once)..."
    # run outside the project, so that Maven copies one artifact rather than building every module
    (cd "$CACHE" && ../mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" -DoutputDirectory=. > ../"$RUN/zipkin-fetch.log" 2>&1) \
      || { tail -20 "$RUN/zipkin-fetch.log"; die "could not fetch Zipkin (log: $RUN/zipkin-fetch.log)"; }
  fi
  echo "$ZIPKIN_SHA256  $jar" | sha256sum -c --quiet - >/dev/null 2>&1 \
    || { rm -f "$jar"; die "$jar does not have the expected SHA-256; removed it, run again to fetch it anew"; }
  echo "$jar"
}

install_prometheus() {
  command -v prometheus >/dev/null 2>&1 && return 0
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo -n)
  command -v apt-get >/dev/null 2>&1 || die "install Prometheus (Debian/Ubuntu package prometheus) and run again"
  echo "Installing Prometheus (apt-get, Debian package prometheus)..."
  mkdir -p "$RUN"
  "${sudo[@]}" apt-get update -qq >"$RUN/apt.log" 2>&1 || { tail -20 "$RUN/apt.log"; die "apt-get update failed (log: $RUN/apt.log)"; }
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends prometheus >>"$RUN/apt.log" 2>&1 \
    || { tail -20 "$RUN/apt.log"; die "could not install prometheus (log: $RUN/apt.log)"; }
  # the package starts a system-wide Prometheus on :9090 where it can; ours runs apart, on PROMETHEUS_PORT
}

# The Prometheus configuration: every application scraped at its actuator, the alert rules of
# k8s/monitoring (the PrometheusRule's groups, as a plain rules file).
prometheus_config() {
  mkdir -p "$RUN/prometheus-data"
  sed -n '/^  groups:/,$p' k8s/monitoring/alert-rules.yaml | sed '1s/^  groups:/groups:/; 2,$s/^  //' > "$RUN/alert-rules.yml"
  cat > "$RUN/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files: [alert-rules.yml]
scrape_configs:
  - job_name: dapp
    metrics_path: /actuator/prometheus
    static_configs:
      - targets:
          - 127.0.0.1:$GATEWAY_PORT
          - 127.0.0.1:$WEB_PORT
          - 127.0.0.1:$RISK_MATRIX_PORT
          - 127.0.0.1:$PROGRAMME_PORT
          - 127.0.0.1:$PARTNER_SUPPORT_PORT
YAML
}

up() {
  find_jdk
  mkdir -p "$RUN"
  local jar
  jar=$(fetch_zipkin | tail -n 1)
  install_prometheus
  if is_running zipkin; then echo "Zipkin is already running"; else
    QUERY_PORT=$ZIPKIN_PORT nohup "$JAVA_HOME/bin/java" -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" \
      > "$RUN/zipkin.log" 2>&1 &
    echo $! > "$RUN/zipkin.pid"
  fi
  if is_running prometheus; then echo "Prometheus is already running"; else
    prometheus_config
    nohup prometheus --config.file="$RUN/prometheus.yml" --storage.tsdb.path="$RUN/prometheus-data" \
      --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --storage.tsdb.retention.time=2d \
      > "$RUN/prometheus.log" 2>&1 &
    echo $! > "$RUN/prometheus.pid"
  fi
  wait_http Zipkin "$ZIPKIN/health" "$RUN/zipkin.log"
  wait_http Prometheus "$PROMETHEUS/-/ready" "$RUN/prometheus.log"
  if [ -f .run/gateway.pid ] && kill -0 "$(cat .run/gateway.pid)" 2>/dev/null; then
    echo "observe-locally: DAPP is already running and sends no spans to Zipkin: ./dapp down first for traces" >&2
  fi
  # configuration only: the applications read these as Spring properties (relaxed binding). No trace IDs
  # as exemplars in the scrape: Prometheus before 2.43 (Debian's is 2.42) drops a whole scrape holding an
  # exemplar on a _count series, which Micrometer writes once tracing is on
  MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED=true \
  MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT="$ZIPKIN/api/v2/spans" \
  MANAGEMENT_TRACING_EXEMPLARS_INCLUDE=none \
    ./dapp up "$@"
  cat <<MSG
  Zipkin:      $ZIPKIN/zipkin/          (every application's spans)
  Prometheus:  $PROMETHEUS/classic/graph (every application scraped every 5 s; alerts: $PROMETHEUS/alerts)
Then: k8s/observe-locally.sh journey && k8s/observe-locally.sh screenshots
MSG
}

down() {
  local name pid
  for name in prometheus zipkin chromedriver; do
    [ -f "$RUN/$name.pid" ] || continue
    pid=$(cat "$RUN/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; echo "stopped $name"; fi
    rm -f "$RUN/$name.pid"
  done
}

# --- a headless Chromium driven through its chromedriver (the W3C WebDriver protocol over HTTP) ---

SESSION=""
wd() {  # METHOD PATH [JSON]
  local url="http://127.0.0.1:$CHROMEDRIVER_PORT$2"
  if [ -n "${3:-}" ]; then curl -sS -X "$1" -H 'Content-Type: application/json' -d "$3" "$url"
  else curl -sS -X "$1" "$url"; fi
}
browser_start() {
  if ! is_running chromedriver; then
    [ -x /usr/bin/chromedriver ] || die "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver; ./dapp test installs them)"
    nohup /usr/bin/chromedriver --port="$CHROMEDRIVER_PORT" > "$RUN/chromedriver.log" 2>&1 &
    echo $! > "$RUN/chromedriver.pid"
    wait_http chromedriver "http://127.0.0.1:$CHROMEDRIVER_PORT/status" "$RUN/chromedriver.log"
  fi
  SESSION=$(wd POST /session '{"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"binary":"/usr/bin/chromium","args":["--headless=new","--no-sandbox","--disable-dev-shm-usage","--window-size=1600,1000","--force-device-scale-factor=1"]}}}}' \
    | jq -r '.value.sessionId // empty')
  [ -n "$SESSION" ] || die "chromedriver started no browser (log: $RUN/chromedriver.log)"
}
browser_stop() { [ -z "$SESSION" ] || wd DELETE "/session/$SESSION" >/dev/null; SESSION=""; }
visit() { wd POST "/session/$SESSION/url" "$(jq -n --arg u "$1" '{url:$u}')" >/dev/null; }
element() {  # the first element matching a CSS selector, waiting up to 30 s
  local id deadline=$((SECONDS + 30))
  while :; do
    id=$(wd POST "/session/$SESSION/element" "$(jq -n --arg v "$1" '{using:"css selector",value:$v}')" \
      | jq -r '.value | objects | to_entries[] | select(.key | startswith("element")) | .value' 2>/dev/null | head -n 1)
    [ -n "$id" ] && { echo "$id"; return; }
    [ $SECONDS -lt $deadline ] || die "no element '$1' on $(wd GET "/session/$SESSION/url" | jq -r .value)"
    sleep 0.3
  done
}
type_into() { wd POST "/session/$SESSION/element/$(element "$1")/value" "$(jq -n --arg t "$2" '{text:$t}')" >/dev/null; }
click() { wd POST "/session/$SESSION/element/$(element "$1")/click" '{}' >/dev/null; }
run_js() { wd POST "/session/$SESSION/execute/sync" "$(jq -n --arg s "$1" '{script:$s,args:[]}')" | jq -r .value; }
screenshot() {  # FILE [WIDTH]: the whole page, however long
  local width=${2:-1600} height
  height=$(run_js 'return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);')
  wd POST "/session/$SESSION/window/rect" "{\"width\":$width,\"height\":$((height + 140))}" >/dev/null
  sleep 1
  wd GET "/session/$SESSION/screenshot" | jq -r .value | base64 -d > "$1"
  echo "wrote $1"
}
sign_in() {  # USERNAME: through the web app's Keycloak sign-in (demo password)
  visit "$WEB/"
  type_into '#username' "$1"
  type_into '#password' demo
  click '#kc-login'
  element 'main' >/dev/null
}

token() { scripts/keycloak.sh token "$KEYCLOAK_PORT" "$1"; }
api() { curl -fsS -H "Authorization: Bearer $1" "$GATEWAY$2"; }

# The offender manager's ENGAGE decision in the web app on a nominal awaiting one whose recommendation is
# to engage on a programme pathway; then the facilitator names a partner on the referral it made.
journey() {
  command -v jq >/dev/null 2>&1 || die "needs jq"
  mkdir -p "$RUN"
  local om facilitator case_id="" candidate referral_id="" deadline
  om=$(token demo-offender-manager)
  for candidate in $(api "$om" /api/risk-matrix/my-work | jq -r '.awaitingDecision.items[].caseId'); do
    if api "$om" "/api/risk-matrix/nominals/$candidate/routing" \
        | jq -e '.recommendation.route == "ENGAGE" and ((.recommendation.pathways // []) | any(. == "CHANGE_PROGRAMME" or . == "DRIVE"))' >/dev/null; then
      case_id=$candidate; break
    fi
  done
  [ -n "$case_id" ] || die "no nominal of demo-offender-manager awaits a decision recommended ENGAGE on a programme: load demo data (up --demo-data)"
  browser_start
  trap browser_stop EXIT
  sign_in demo-offender-manager
  visit "$WEB/risk-matrix/nominals/$case_id/decision"
  click 'input[name="route"][value="ENGAGE"]'
  click 'main form button[type="submit"]'
  element '.govuk-notification-banner' >/dev/null
  echo "ENGAGE decided in the web app on case $case_id"
  browser_stop
  facilitator=$(token demo-facilitator)
  deadline=$((SECONDS + 60))
  until [ -n "$referral_id" ]; do
    referral_id=$(api "$facilitator" "/api/programme/cases/$case_id/referrals" | jq -r '[.[] | select(.status == "REFERRED")] | .[0].referralId // empty' 2>/dev/null || true)
    [ -n "$referral_id" ] || { [ $SECONDS -lt $deadline ] || die "no programme referral for $case_id within 60 s"; sleep 1; }
  done
  echo "programme referral $referral_id received"
  browser_start
  sign_in demo-facilitator
  visit "$WEB/programme/referrals/$referral_id/partners"
  click 'input[name="partners[0].relationship"][value="CURRENT_PARTNER"]'
  type_into 'input[name="partners[0].name"]' "Fictional Tracepartner"
  click 'main form button[type="submit"]'
  element '.govuk-notification-banner' >/dev/null
  browser_stop
  echo "a partner named on referral $referral_id in the web app: partner support opens a track"
  echo "$case_id $referral_id" > "$RUN/journey"
}

# The newest trace in Zipkin holding a span of SERVICE whose name contains WORDS, and the web app's.
trace_with() {
  curl -fsS "$ZIPKIN/api/v2/traces?serviceName=$1&limit=50&lookback=3600000" \
    | jq -r --arg w "$2" '[.[] | select(any(.[]; (.name // "") | contains($w))) | select(any(.[]; .localEndpoint.serviceName == "web"))]
        | sort_by(-(map(.timestamp) | min)) | .[0][0].traceId // empty'
}

screenshots() {
  local dir=${1:-k8s/docs} decision partner panel=0 page=1 expr title query="" spans
  mkdir -p "$dir" "$RUN"
  command -v jq >/dev/null 2>&1 || die "needs jq"
  decision=$(trace_with partner-support-service "referral-holdings")
  partner=$(trace_with partner-support-service "partner-referrals")
  [ -n "$decision" ] || die "no trace from the web app reaching partner support's referral holding in Zipkin: run 'journey' first"
  browser_start
  trap browser_stop EXIT
  for trace in "$decision" ${partner:+"$partner"}; do
    # tall enough for every span row of the trace (Zipkin scrolls its span list inside the window)
    spans=$(curl -fsS "$ZIPKIN/api/v2/trace/$trace" | jq length)
    wd POST "/session/$SESSION/window/rect" "{\"width\":1600,\"height\":$((400 + 33 * spans))}" >/dev/null
    visit "$ZIPKIN/zipkin/traces/$trace"
    sleep 5
    if [ "$trace" = "$decision" ]; then name=trace-engage-decision; else name=trace-partner-named; fi
    wd GET "/session/$SESSION/screenshot" | jq -r .value | base64 -d > "$dir/$name.png"
    echo "wrote $dir/$name.png ($spans spans): $ZIPKIN/zipkin/traces/$trace"
  done
  # the dashboard's panels: each panel's PromQL (the Application variable at All) as a graph on Prometheus's
  # own graph page, five panels a page (its page reads at most ten in the right order)
  : > "$RUN/dashboard-urls"
  while IFS=$'\t' read -r title expr; do
    expr=${expr//\$application/.*}
    query+="&g$panel.expr=$(jq -rn --arg e "$expr" '$e|@uri')&g$panel.tab=0&g$panel.range_input=10m"
    panel=$((panel + 1))
    if [ "$panel" = 5 ]; then dashboard_page "$dir" "$page" "$query"; page=$((page + 1)); panel=0; query=""; fi
  done < <(jq -r '.panels[] | [.title, .targets[0].expr] | @tsv' k8s/monitoring/grafana-dashboard.json)
  [ -z "$query" ] || dashboard_page "$dir" "$page" "$query"
}

dashboard_page() {  # DIR PAGE QUERY
  local url="$PROMETHEUS/classic/graph?${3#&}"
  echo "$url" >> "$RUN/dashboard-urls"
  wd POST "/session/$SESSION/window/rect" '{"width":1400,"height":1000}' >/dev/null
  visit "$url"
  sleep 6
  screenshot "$1/dashboard-panels-$2.png" 1400
}

case "${1:-}" in
  up) shift; up "$@" ;;
  journey) journey ;;
  screenshots) shift; screenshots "$@" ;;
  down) down ;;
  fetch) find_jdk; fetch_zipkin; install_prometheus ;;
  *) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
