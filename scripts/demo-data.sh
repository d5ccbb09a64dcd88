#!/usr/bin/env bash
# Loads a small, entirely synthetic demo population through the gateway, as the demo users would.
# Safe to run again: a nominal already loaded is recognised by its police identifier (409) and reused.
# Usage: scripts/demo-data.sh <gateway-url> <keycloak-port>
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GATEWAY=${1:?gateway URL}
KEYCLOAK_PORT=${2:?keycloak port}

token() { "$ROOT/scripts/keycloak.sh" token "$KEYCLOAK_PORT" "$1"; }
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

OM=$(token demo-offender-manager)
FAC=$(token demo-facilitator)
PSW=$(token demo-partner-support-worker)

post() {  # token path body -> prints "status body"
  curl -sS -o /tmp/dapp-demo.$$ -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -d "$3" "$GATEWAY$2"
  echo " $(cat /tmp/dapp-demo.$$)"; rm -f /tmp/dapp-demo.$$
}

loaded=0
# invented people only: names, dates and identifiers are made up and obviously so
while IFS='|' read -r given family dob police area programme partner; do
  answer=$(post "$OM" /api/risk-matrix/nominals \
    "{\"givenName\":\"$given\",\"familyName\":\"$family\",\"dateOfBirth\":\"$dob\",\"policeId\":\"$police\",\"area\":\"$area\"}")
  case "${answer%% *}" in
    201) case_id=$(echo "$answer" | json_field caseId) ;;
    409) case_id=$(echo "$answer" | json_field existingCaseId); echo "  $given $family already loaded ($case_id)"; continue ;;
    *) echo "demo data: could not register $given $family: $answer" >&2; exit 1 ;;
  esac
  post "$FAC" /api/programme/referrals \
    "{\"caseId\":\"$case_id\",\"programmeCode\":\"$programme\",\"source\":\"POLICE\",\"mandated\":false,\"riskLevel\":\"HIGH\"}" >/dev/null
  post "$PSW" "/api/partner-support/cases/$case_id/partner-tracks" \
    "{\"relationship\":\"EX_PARTNER\",\"partnerName\":\"$partner\"}" >/dev/null
  loaded=$((loaded + 1))
  echo "  $given $family: case $case_id, referred to $programme, partner track opened"
done <<'PEOPLE'
Testy|McExample|1985-03-14|99/0000001D|Northshire|CHANGE-GROUP|Sample Partner-One
Fictional|Fakeington|1979-11-02|99/0000002D|Northshire|DRIVE-1TO1|Invented Partner-Two
Placeholder|Personson|1992-07-21|99/0000003D|Southvale|CHANGE-GROUP|Madeup Partner-Three
Notreal|Demoman|1988-01-30|99/0000004D|Southvale|DRIVE-1TO1|Synthetic Partner-Four
PEOPLE
echo "Demo data: $loaded new case(s) loaded."
