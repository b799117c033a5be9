#!/usr/bin/env bash
# The opening second as the waiting room sees it (docs/benchmarks.md « Waiting room: the opening second »):
#   benchmarks/run-opening.sh [newcomers at once] [seconds]        (defaults 2000, 15)
# Starts the packaged jar production-like (no demo profile, the README's JVM settings, the room on with
# its production capacity) on a fresh database, then wrk keeps that many connections asking for the login
# page at the same time, each request a newcomer without the room's cookie: past the node's capacity each
# is given its number and sent to the waiting page. Prints the answers (with a number, without one yet,
# the page), their latency (every answer should come within 2 s), and the numbers given per second as
# PostgreSQL counted them. The client addresses' allowance is off (every request comes from 127.0.0.1).
# Options (environment): SKIP_BUILD=1, BENCH_JAR, BENCH_PORT (19440), BENCH_DB (portail_bn_opening), JFR=1 (a
# Flight Recording of the run in its directory).
# Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh

NEWCOMERS=${1:-2000}
SECONDS_RUN=${2:-15}
PORT=${BENCH_PORT:-19440}
DB=${BENCH_DB:-portail_bn_opening}
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

bench_out opening "$NEWCOMERS"
build_jar
fresh_db "$DB"
trap stop_app EXIT
APP_ENV=(PORTAL_WAITING_ROOM_TICKETS_PER_ADDRESS=0 PORTAL_WAITING_ROOM_ENABLED=true)
echo "== starting $JAR on 127.0.0.1:$PORT (no demo profile, $APP_JAVA_OPTS)"
# shellcheck disable=SC2046
start_app "$DB" "$PORT" "$OUT/app.log" $(jfr_opts opening)
wait_ready "$PORT"
echo "ready in $READY_SECONDS s"
# a few requests first: the page's code compiled as at an opening that follows the families' logins
wrk -t 2 -c 8 -d 5s "http://127.0.0.1:$PORT/connexion" >/dev/null

BEFORE=$(psql -At -d "$DB" -c "select case when is_called then last_value else 0 end from waiting_room_ticket_seq")
commits() { psql -At -d "$DB" -c "select xact_commit from pg_stat_database where datname = current_database()"; }
COMMITS_BEFORE=$(commits)
CPU_BEFORE=$(cpu_ticks "$APP_PID")
echo "== wrk: $NEWCOMERS newcomers at once for $SECONDS_RUN s ($(uptime))"
wrk -t 2 -c "$NEWCOMERS" -d "${SECONDS_RUN}s" --timeout 30s -s benchmarks/opening.lua "http://127.0.0.1:$PORT/connexion" \
    | tee "$OUT/wrk.txt"
CPU_AFTER=$(cpu_ticks "$APP_PID")
AFTER=$(psql -At -d "$DB" -c "select case when is_called then last_value else 0 end from waiting_room_ticket_seq")
COMMITS=$(($(commits) - COMMITS_BEFORE))
GIVEN=$((AFTER - BEFORE))
{
    echo "numbers given: $GIVEN in $SECONDS_RUN s = $(echo "scale=1; $GIVEN / $SECONDS_RUN" | bc)/s (PostgreSQL's sequence)"
    echo "PostgreSQL transactions committed meanwhile (every node's pulses and pools included): $COMMITS"
    grep -E '^answers|^latency|Requests/sec' "$OUT/wrk.txt"
    echo "the app's CPU: $(echo "scale=1; ($CPU_AFTER - $CPU_BEFORE) * 100 / $(getconf CLK_TCK) / $SECONDS_RUN / $(nproc)" | bc) % of the cores"
    echo "resident memory at the end: $(rss_mb "$APP_PID") MB"
} | tee "$OUT/figures.txt"
