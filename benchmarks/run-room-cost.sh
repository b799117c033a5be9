#!/usr/bin/env bash
# What each answer of the waiting room costs the app, side by side in one run (docs/benchmarks.md, « night of
# 4 December »): benchmarks/run-room-cost.sh [seconds per answer] (default 15)
# Starts the packaged jar production-like on a fresh database with the room always open and nobody let in
# (max-in-flight 0, admit-per-second 0), takes one ticket, then wrk (2 threads, 16 connections; a warm-up of
# 8 s each, not measured) asks in turn for: the login page without the room's cookie (every request a
# newcomer: its number and the redirection to the waiting page), the waiting page with the ticket, the page's
# poll (/salle-d-attente/etat), and the static style sheet. Prints each rate and the app's CPU per answer (all
# its threads, from /proc). Options (environment): SKIP_BUILD=1, BENCH_JAR, BENCH_PORT (19450), BENCH_DB
# (portail_bn_roomcost). Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh

SECONDS_EACH=${1:-15}
PORT=${BENCH_PORT:-19450}
DB=${BENCH_DB:-portail_bn_roomcost}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }

bench_out room-cost "$SECONDS_EACH"
build_jar
fresh_db "$DB"
trap stop_app EXIT
APP_ENV=(PORTAL_WAITING_ROOM_TICKETS_PER_ADDRESS=0 PORTAL_WAITING_ROOM_MAX_IN_FLIGHT=0 PORTAL_WAITING_ROOM_ADMIT_PER_SECOND=0)
echo "== starting $JAR on 127.0.0.1:$PORT (no demo profile, $APP_JAVA_OPTS), the room open, nobody let in"
start_app "$DB" "$PORT" "$OUT/app.log"
wait_ready "$PORT"

curl -s -c "$OUT/cookies" -o /dev/null "$BASE/connexion"
TICKET=$(awk '$6 == "PORTAIL_FILE" {print $6 "=" $7}' "$OUT/cookies")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $TICKET" "$BASE/salle-d-attente")" = 503 ] \
    || { echo "the waiting page did not answer 503 with the ticket"; exit 1; }

# measure <name> <url> [cookie]: the rate and the app's CPU per answer
measure() {
    local name=$1 url=$2 cookie=${3:-} before after out count rate
    local -a header=()
    [ -n "$cookie" ] && header=(-H "Cookie: $cookie")
    wrk -t 2 -c 16 -d 8s "${header[@]}" "$url" >/dev/null
    before=$(cpu_ticks "$APP_PID")
    out=$(wrk -t 2 -c 16 -d "${SECONDS_EACH}s" "${header[@]}" "$url")
    after=$(cpu_ticks "$APP_PID")
    count=$(echo "$out" | awk '/requests in/ {print $1}')
    rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    echo "$name: $rate answers/s, the app's CPU $(echo "scale=3; ($after - $before) * 1000 / $(getconf CLK_TCK) / $count" | bc) ms each"
}
{
    echo "($(uptime))"
    measure "a newcomer: its number and the redirection" "$BASE/connexion"
    measure "the waiting page (503)" "$BASE/salle-d-attente" "$TICKET"
    measure "the page's poll (/salle-d-attente/etat)" "$BASE/salle-d-attente/etat" "$TICKET"
    measure "the static style sheet" "$BASE/css/portail.css"
} | tee "$OUT/figures.txt"
