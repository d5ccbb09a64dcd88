#!/usr/bin/env bash
# A real Keycloak for development and end-to-end tests, without Docker.
#
#   scripts/keycloak.sh fetch
#   scripts/keycloak.sh start <instance-dir> <http-port> <management-port>
#   scripts/keycloak.sh wait  <instance-dir> <http-port> <management-port> [timeout-seconds, default 180]
#   scripts/keycloak.sh stop  <instance-dir>
#   scripts/keycloak.sh token <http-port> <username> [password, default demo]
#
# fetch downloads org.keycloak:keycloak-quarkus-dist (version: <keycloak.version> in the root
# pom.xml) from Maven Central through the project's Maven wrapper, unpacks it under
# .keycloak/dist/ and primes it: one start in dev mode runs Keycloak's slow build step (with
# BUILD_OPTS below) and creates its database schema, master realm and the dapp realm from
# keycloak/dapp-realm.json, so copies skip all that (a changed realm file primes it again).
# start makes <instance-dir> a fresh copy of that dist (its own H2 database, so the developer's
# running system and a test run never share data; the primed database already holds the realm of
# today's keycloak/dapp-realm.json, so nothing is imported) and starts
# Keycloak in dev mode in the background: log in <instance-dir>/keycloak.log, PID of kc.sh in
# <instance-dir>/keycloak.pid. The issuer is fixed to http://127.0.0.1:<http-port>/realms/dapp.
# Dev only: the master-realm admin is admin/admin and the realm holds demo users and secrets.
# KEYCLOAK_JAVA_OPTS_APPEND overrides the extra JVM options (default: C1 JIT only, which halves
# the CPU time of a start; a dev Keycloak never needs the peak speed of C2). KEYCLOAK_VERSION
# overrides the version read from pom.xml.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
CACHE="$ROOT/.keycloak"
REALM_FILE="$ROOT/keycloak/dapp-realm.json"

# Build-time options: changing any of them re-runs Keycloak's slow build step, so every start
# (and the one-off priming run in fetch) passes exactly these.
BUILD_OPTS=(--db=dev-file --health-enabled=true)
# What a primed dist holds; a dist primed differently (older script) is primed again.
PRIME_ID="${BUILD_OPTS[*]}; schema and master realm with admin/admin; dapp realm $( (sha256sum "$REALM_FILE" 2>/dev/null || echo none) | cut -c1-64)"
JAVA_APPEND="${KEYCLOAK_JAVA_OPTS_APPEND:--XX:TieredStopAtLevel=1}"

die() { echo "keycloak.sh: $*" >&2; exit 1; }

usage() {
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

keycloak_version() {
  local v
  v="${KEYCLOAK_VERSION:-$(sed -n 's:.*<keycloak.version>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)}"
  [ -n "$v" ] || die "cannot read the <keycloak.version> property from $ROOT/pom.xml."
  echo "$v"
}

use_jdk() {
  # shellcheck source=lib/jdk.sh source-path=SCRIPTDIR
  source "$ROOT/scripts/lib/jdk.sh"
  find_jdk || die "Keycloak needs a JDK 21 or newer and none was found."
}

is_port() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {  # a port on 127.0.0.1 nobody listens on, from $1 upwards
  local p=$1
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

children_of() { ps -A -o pid=,ppid= 2>/dev/null | awk -v p="$1" '$2 == p {print $1}'; }

# Sends TERM to a kc.sh process (it forwards it to its java child), waits up to $2 seconds, then
# kills the process and its children. Returns 0 when it stopped, 2 when it had to be killed.
terminate() {
  local pid=$1 grace=$2 i
  local -a kids
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  read -r -d '' -a kids < <(children_of "$pid") || true
  kill -KILL "$pid" "${kids[@]}" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    alive "$pid" || return 2
    sleep 0.1
  done
  return 1
}

health_up() {
  local body
  body=$(curl -fsS -m 3 "http://127.0.0.1:$1/health/ready" 2>/dev/null) || return 1
  [[ "$body" =~ \"status\"[[:space:]]*:[[:space:]]*\"UP\" ]]
}

realm_up() { curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$1/realms/dapp/.well-known/openid-configuration" 2>/dev/null; }

dist_dir() { echo "$CACHE/dist/keycloak-$(keycloak_version)"; }

dist_ready() {  # unpacked and primed the way PRIME_ID says
  [ -x "$1/bin/kc.sh" ] && [ -f "$1/.dapp-primed" ] && [ "$(cat "$1/.dapp-primed")" = "$PRIME_ID" ]
}

STAGING=""
PRIME_PID=""
cleanup() {
  if [ -n "$PRIME_PID" ]; then terminate "$PRIME_PID" 10 || true; fi
  if [ -n "$STAGING" ]; then rm -rf "$STAGING" || true; fi
}
trap cleanup EXIT

# Starts the staged dist once in dev mode with BUILD_OPTS, then stops it. That runs Keycloak's
# build step (Quarkus augmentation, persisted in lib/quarkus/) and creates the H2 database with
# its schema, the master realm, the bootstrap admin and the dapp realm (data/h2/), so that copies
# start without any of it: about half the CPU time of a start, and the realm's import (a third of
# what is left) too. Starts do not ask for the import at all (reading the directory and checking the
# realm cost about 3 s of each start): PRIME_ID holds the realm file's checksum and start calls
# fetch first, so a changed realm file primes the dist again and a copy never holds an older realm.
# (Copies of one dist share the realm's signing keys: dev only, and each instance's tokens name its
# own issuer.) ('kc.sh build' cannot do the build step for dev mode: it builds for production mode,
# and start-dev then builds again; a primed dist's start-dev logs no build, so none is left to save.)
primed_up() {  # ready, and it is our process that listens on these ports
  grep -q "Listening on: http://127.0.0.1:$2" "$1" 2>/dev/null && health_up "$3"
}

prime() {
  local dir=$1 http mgmt i log="$1/prime.log"
  # random ports, so that two first starts at the same moment (each primes its own staging copy;
  # the first to finish wins) do not pick the same ones
  http=$(free_port $((20000 + RANDOM % 20000)))
  mgmt=$(free_port $((http + 1)))
  echo "Priming Keycloak in $dir (ports $http/$mgmt; one to three minutes, once per version)..." >&2
  mkdir -p "$dir/data/import"
  cp "$REALM_FILE" "$dir/data/import/" || die "cannot copy the realm file into $dir/data/import."
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_APPEND="$JAVA_APPEND" \
    "$dir/bin/kc.sh" start-dev "${BUILD_OPTS[@]}" --http-host=127.0.0.1 --http-port="$http" --http-management-port="$mgmt" \
    --import-realm >"$log" 2>&1 </dev/null &
  PRIME_PID=$!
  for ((i = 0; i < 600; i++)); do
    alive "$PRIME_PID" || { tail -n 40 "$log" >&2; die "the priming start of Keycloak failed (log above, full log in $log)."; }
    primed_up "$log" "$http" "$mgmt" && break
    sleep 1
  done
  primed_up "$log" "$http" "$mgmt" || { tail -n 40 "$log" >&2; die "the priming start of Keycloak was not ready within 600 seconds."; }
  terminate "$PRIME_PID" 20 || die "the priming Keycloak (PID $PRIME_PID) did not stop within 20 seconds of SIGTERM."
  PRIME_PID=""
  grep -q 'Keycloak stopped' "$log" || { tail -n 40 "$log" >&2; die "the priming Keycloak did not shut down cleanly (log above)."; }
  grep -q "Realm 'dapp' imported" "$log" || { tail -n 40 "$log" >&2; die "the priming Keycloak did not import the dapp realm (log above)."; }
  [ -f "$dir/data/h2/keycloakdb.mv.db" ] || die "the priming start left no database in $dir/data/h2."
  # keep only the database; H2's trace file holds nothing but Liquibase's probing
  rm -rf "$dir/data/transaction-logs" "$dir/data/tmp" "$dir/data/import" "$dir/data/h2/keycloakdb.trace.db" "$log"
  echo "$PRIME_ID" >"$dir/.dapp-primed"
}

cmd_fetch() {
  local version dist tgz
  version=$(keycloak_version)
  dist=$(dist_dir)
  dist_ready "$dist" && return 0
  use_jdk
  command -v curl >/dev/null || die "curl is needed and not installed."
  mkdir -p "$CACHE/dist"
  STAGING="$CACHE/dist/.staging-$$"
  rm -rf "$STAGING"
  mkdir -p "$STAGING/download"
  if [ -x "$dist/bin/kc.sh" ]; then
    # unpacked but primed differently (older script) or not at all (unpacked by hand)
    cp -a "$dist" "$STAGING/keycloak-$version"
    rm -rf "$STAGING/keycloak-$version/data"
  else
    echo "Downloading org.keycloak:keycloak-quarkus-dist:$version:tar.gz from Maven Central..." >&2
    # run from the empty staging folder: the goal needs no project, so the reactor is not read
    if ! (cd "$STAGING/download" && "$ROOT/mvnw" -q -B \
          org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
          -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:tar.gz" \
          -DoutputDirectory="$STAGING/download" -Dmdep.overWriteReleases=true) >"$STAGING/mvn.log" 2>&1; then
      tail -n 20 "$STAGING/mvn.log" >&2
      die "could not download keycloak-quarkus-dist $version from Maven Central (Maven output above)."
    fi
    tgz="$STAGING/download/keycloak-quarkus-dist-$version.tar.gz"
    [ -s "$tgz" ] || die "Maven reported success but $tgz is missing."
    tar -xzf "$tgz" --no-same-owner -C "$STAGING" || die "could not unpack $tgz."
    rm -rf "$STAGING/download"
    [ -x "$STAGING/keycloak-$version/bin/kc.sh" ] || die "the downloaded archive has no keycloak-$version/bin/kc.sh."
  fi
  prime "$STAGING/keycloak-$version"
  if dist_ready "$dist"; then
    return 0  # another run finished first
  fi
  rm -rf "$dist"
  mv "$STAGING/keycloak-$version" "$dist" || die "could not move the unpacked Keycloak to $dist."
  echo "Keycloak $version is ready in $dist" >&2
}

abs_dir() {  # absolute path of a folder that may not exist yet; with "create", its parent is made
  local d=$1 parent
  [ -n "$d" ] || die "the instance folder must not be empty."
  d=${d%/}; [ -n "$d" ] || d=/
  parent=$(dirname "$d")
  [ "${2:-}" = create ] && { mkdir -p "$parent" || die "cannot create the folder $parent."; }
  # a folder reached through a symbolic link gets one name however it is named, so that "stop"
  # finds the Keycloak that "start" ran there (it is known by the name in its command line)
  if [ -d "$d" ]; then
    (cd "$d" && pwd -P)
  elif [ -d "$parent" ]; then
    echo "$(cd "$parent" && pwd -P)/$(basename "$d")" | sed 's://*:/:g'
  else
    case "$d" in /*) echo "$d" ;; *) echo "$PWD/$d" ;; esac
  fi
}

read_pid() { if [ -f "$1/keycloak.pid" ]; then tr -dc '0-9' <"$1/keycloak.pid"; fi; }

# The pid file's process, if it is still this instance's Keycloak (guards against PID reuse).
running_pid() {
  local inst=$1 pid
  pid=$(read_pid "$inst")
  alive "$pid" || return 0
  case "$(ps -ww -o args= -p "$pid" 2>/dev/null)" in
    *"$inst/"*) echo "$pid" ;;
  esac
}

# A copy of the dist for one instance. Its dependency jars (lib/lib, 168 of its 190 MB) are hard
# links where the file system allows, not copies: Keycloak only reads them (its build step writes
# lib/quarkus/, which is copied like everything else), and copying them cost seconds of every start.
copy_dist() {
  local dist=$1 inst=$2 entry
  mkdir -p "$inst/lib" || return 1
  (
    shopt -s dotglob nullglob
    for entry in "$dist"/*; do
      [ "$entry" = "$dist/lib" ] || cp -a "$entry" "$inst/" || exit 1
    done
    for entry in "$dist"/lib/*; do
      if [ "$entry" = "$dist/lib/lib" ]; then
        cp -al "$entry" "$inst/lib/" 2>/dev/null || { rm -rf "$inst/lib/lib" && cp -a "$entry" "$inst/lib/"; } || exit 1
      else
        cp -a "$entry" "$inst/lib/" || exit 1
      fi
    done
  )
}

cmd_start() {
  [ $# -eq 3 ] || usage
  local inst http mgmt dist pid
  inst=$(abs_dir "$1" create); http=$2; mgmt=$3
  { is_port "$http" && is_port "$mgmt"; } || die "ports must be numbers between 1 and 65535 (got '$http' and '$mgmt')."
  [ "$http" != "$mgmt" ] || die "the HTTP port and the management port must differ."
  case "$inst" in
    / | "$ROOT" | "$ROOT/keycloak" | "$ROOT/scripts" | "$CACHE" | "$CACHE"/* | "$HOME" | "$(dirname "$ROOT")")
      die "refusing to use $inst as an instance folder: it is deleted and recreated on every start." ;;
  esac
  [ -f "$REALM_FILE" ] || die "the realm file $REALM_FILE is missing."
  pid=$(running_pid "$inst")
  [ -z "$pid" ] || die "a Keycloak is already running in $inst (PID $pid): stop it first with 'scripts/keycloak.sh stop $1'."
  if [ -e "$inst" ] && [ -n "$(ls -A "$inst" 2>/dev/null)" ] && [ ! -x "$inst/bin/kc.sh" ]; then
    die "$inst exists and is not a Keycloak instance folder: refusing to delete it."
  fi
  port_in_use "$http" && die "port $http on 127.0.0.1 is already in use."
  port_in_use "$mgmt" && die "management port $mgmt on 127.0.0.1 is already in use."
  cmd_fetch
  use_jdk
  dist=$(dist_dir)
  rm -rf "$inst" || die "cannot delete the old instance folder $inst."
  copy_dist "$dist" "$inst" || die "cannot copy Keycloak from $dist to $inst."
  (
    cd "$inst"
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_APPEND="$JAVA_APPEND"
    exec nohup "$inst/bin/kc.sh" start-dev "${BUILD_OPTS[@]}" \
      --http-host=127.0.0.1 --http-port="$http" --http-management-port="$mgmt" \
      --hostname="http://127.0.0.1:$http" \
      >"$inst/keycloak.log" 2>&1 </dev/null
  ) &
  echo $! >"$inst/keycloak.pid"
  echo "Keycloak starting in $inst (PID $!), issuer http://127.0.0.1:$http/realms/dapp, log $inst/keycloak.log" >&2
}

cmd_wait() {
  if [ $# -lt 3 ] || [ $# -gt 4 ]; then usage; fi
  local inst http=$2 mgmt=$3 timeout=${4:-180} pid start now
  inst=$(abs_dir "$1")
  { is_port "$http" && is_port "$mgmt"; } || die "ports must be numbers between 1 and 65535 (got '$http' and '$mgmt')."
  [[ "$timeout" =~ ^[0-9]+$ ]] || die "the timeout must be a whole number of seconds (got '$timeout')."
  pid=$(read_pid "$inst")
  [ -n "$pid" ] || die "no Keycloak was started in $inst (no keycloak.pid there)."
  start=$SECONDS
  while :; do
    if ! alive "$pid"; then
      tail -n 40 "$inst/keycloak.log" >&2 2>/dev/null || true
      die "Keycloak in $inst (PID $pid) exited before it was ready (last 40 log lines above)."
    fi
    if health_up "$mgmt" && realm_up "$http"; then
      echo "Keycloak in $inst is ready after $((SECONDS - start)) s of waiting: http://127.0.0.1:$http/realms/dapp" >&2
      return 0
    fi
    now=$SECONDS
    if [ $((now - start)) -ge "$timeout" ]; then
      tail -n 40 "$inst/keycloak.log" >&2 2>/dev/null || true
      die "Keycloak in $inst was not ready within $timeout seconds (last 40 log lines above)."
    fi
    sleep 1
  done
}

cmd_stop() {
  [ $# -eq 1 ] || usage
  local inst pid rc
  inst=$(abs_dir "$1")
  pid=$(running_pid "$inst")
  if [ -n "$pid" ]; then
    rc=0
    terminate "$pid" 20 || rc=$?
    case $rc in
      0) echo "Keycloak in $inst (PID $pid) stopped." >&2 ;;
      2) echo "Keycloak in $inst (PID $pid) did not stop within 20 seconds of SIGTERM and was killed." >&2 ;;
      *) die "Keycloak in $inst (PID $pid) did not stop, even after SIGKILL." ;;
    esac
  fi
  rm -f "$inst/keycloak.pid"
}

cmd_token() {
  if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
  local http=$1 user=$2 pass=${3:-demo} body token
  is_port "$http" || die "the port must be a number between 1 and 65535 (got '$http')."
  body=$(curl -sS -m 10 \
    --data-urlencode grant_type=password --data-urlencode client_id=dapp-cli \
    --data-urlencode "username=$user" --data-urlencode "password=$pass" \
    "http://127.0.0.1:$http/realms/dapp/protocol/openid-connect/token") \
    || die "Keycloak did not answer on http://127.0.0.1:$http."
  token=$(printf '%s' "$body" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || die "no token for $user: $(printf '%s' "$body" | sed -n 's/.*"error_description"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | grep . || printf '%s' "$body" | head -c 300)"
  printf '%s\n' "$token"
}

[ $# -ge 1 ] || usage
command=$1
shift
case "$command" in
  fetch) [ $# -eq 0 ] || usage; cmd_fetch ;;
  start) cmd_start "$@" ;;
  wait) cmd_wait "$@" ;;
  stop) cmd_stop "$@" ;;
  token) cmd_token "$@" ;;
  -h | --help | help) usage ;;
  *) echo "keycloak.sh: unknown command '$command'." >&2; usage ;;
esac
