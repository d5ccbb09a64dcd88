#!/usr/bin/env bash
# Refreshes the bank holidays partner-support-service counts working days with: GOV.UK's data for
# England and Wales, Scotland and Northern Ireland, bundled as
# partner-support-service/src/main/resources/bank-holidays.json.
#
#   scripts/refresh-bank-holidays.sh                 download https://www.gov.uk/bank-holidays.json
#   scripts/refresh-bank-holidays.sh --from FILE     use a copy fetched elsewhere (a machine without
#                                                    access to gov.uk)
#
# The data is checked before it replaces the bundled copy (the three divisions, each with events
# and ISO dates, and no year lost from the copy it replaces), written pretty-printed so a review
# shows the added years, and the years each division covers are printed. Then run the module's
# tests (BankHolidaysTest) and commit. GOV.UK publishes about two years ahead; the service warns at
# start-up when the data it has ends within six months. Needs curl (for the download) and python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
TARGET="$ROOT/partner-support-service/src/main/resources/bank-holidays.json"
URL="https://www.gov.uk/bank-holidays.json"

die() { echo "refresh-bank-holidays: $*" >&2; exit 1; }
command -v python3 >/dev/null || die "python3 is needed to check the data"

source_file=""
case "${1:-}" in
  --from) [ -n "${2:-}" ] || die "--from needs a file"; source_file="$2" ;;
  "") ;;
  *) die "usage: $0 [--from FILE]" ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$source_file" ]; then
  command -v curl >/dev/null || die "curl is needed to download $URL (or use --from FILE)"
  curl -fsSL --max-time 60 --retry 2 -H 'Accept: application/json' -o "$work/download.json" "$URL" \
    || die "could not download $URL (no network to gov.uk here? fetch it elsewhere and use --from FILE)"
  source_file="$work/download.json"
fi
[ -f "$source_file" ] || die "$source_file does not exist"

python3 - "$source_file" "$TARGET" "$work/checked.json" <<'PY'
import datetime, json, sys
source, current, out = sys.argv[1:4]
divisions = ["england-and-wales", "scotland", "northern-ireland"]
def fail(message):
    sys.exit("refresh-bank-holidays: " + message)
try:
    data = json.load(open(source, encoding="utf-8"))
except ValueError as e:
    fail(f"{source} is not JSON: {e}")
def years(d):
    return sorted({datetime.date.fromisoformat(e["date"]).year for e in d["events"]})
for name in divisions:
    division = data.get(name)
    if not isinstance(division, dict) or division.get("division") != name or not division.get("events"):
        fail(f"{source} has no events for {name}")
    for event in division["events"]:
        try:
            datetime.date.fromisoformat(event["date"])
        except (KeyError, TypeError, ValueError):
            fail(f"{name}: an event without an ISO date: {event!r}")
        if not isinstance(event.get("title"), str):
            fail(f"{name}: an event without a title: {event!r}")
try:
    old = json.load(open(current, encoding="utf-8"))
    for name in divisions:
        lost = set(years(old[name])) - set(years(data[name]))
        # GOV.UK drops old years over time; the service only needs the years ahead
        lost = {y for y in lost if y >= datetime.date.today().year}
        if lost:
            fail(f"{name}: the new data no longer lists {sorted(lost)}, which the bundled copy has")
except FileNotFoundError:
    pass
ordered = {name: {"division": name, "events": sorted(
    ({"title": e["title"], "date": e["date"], "notes": e.get("notes", ""), "bunting": bool(e.get("bunting", False))}
     for e in data[name]["events"]), key=lambda e: e["date"])} for name in divisions}
with open(out, "w", encoding="utf-8") as f:
    json.dump(ordered, f, ensure_ascii=False, indent=2)
    f.write("\n")
for name in divisions:
    y = years(ordered[name])
    print(f"{name}: {len(ordered[name]['events'])} bank holidays, {y[0]} to {y[-1]}")
PY
mv "$work/checked.json" "$TARGET"
echo "written to ${TARGET#"$ROOT"/}: run ./mvnw -pl partner-support-service -am verify -Dtest=BankHolidaysTest -Dsurefire.failIfNoSpecifiedTests=false, then commit"
