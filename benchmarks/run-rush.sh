#!/usr/bin/env bash
# The opening-rush benchmark (docs/benchmarks.md), in one command:
#   benchmarks/run-rush.sh [families]            (default 2500)
# Builds the jar, creates a fresh database on the local PostgreSQL (127.0.0.1:5432, trust auth, user
# postgres), starts the jar production-like (no demo profile, -Xmx512m), seeds the families, runs the
# Gatling simulation, checks the bookings in the database, prints the figures (with who used the cores
# during the booking phase: benchmarks/cpu_shares.py), then runs pgbench as the machine's ceiling. Everything stays on 127.0.0.1. Options (environment):
#   RUSH_RAMP_SECONDS (1; 0 = all families at the same instant), RUSH_LOGIN_LEAD_SECONDS (0: the families
#   log in at the opening second; N: they log in over the N seconds before and all book at the opening),
#   WARM_UP (1: 20 families browse every page for a while first, so the rush meets a warm JVM; 0: cold),
#   APP_JAVA_OPTS (the app's JVM options, default the production ones of the README), RUSH_MONTH, RUSH_DAYS (five open days
#   of that month, after the cut-off of today; by default derived from today by benchmarks/dates.py), BENCH_PORT (18080), BENCH_DB (portail_bench),
#   RUSH_GENERATOR=wrk (the same rush with wrk instead of Gatling, RUSH_WRK_CONNECTIONS families at a time, 24),
#   BENCH_HISTORY=0 (no months before: the fresh database alone; by default benchmarks/seed-history.sql gives it a town's past
#   bookings and statistics, and the checks count the five days of the opening only),
#   SKIP_BUILD=1, BENCH_JAR (the jar to run, default target/), SKIP_PGBENCH=1, JFR=1 (a Flight Recording of the app in the run's directory),
#   EVERYDAY=1 (then the everyday-load simulation on the same app: EVERYDAY_USERS, EVERYDAY_SECONDS,
#   EVERYDAY_THINK_MILLIS); SKIP_RUSH=1 with EVERYDAY=1 measures the everyday load alone.
set -euo pipefail
cd "$(dirname "$0")/.."

FAMILIES=${1:-${RUSH_FAMILIES:-2500}}
RAMP=${RUSH_RAMP_SECONDS:-1}
LEAD=${RUSH_LOGIN_LEAD_SECONDS:-0}
GENERATOR=${RUSH_GENERATOR:-gatling}
# with wrk, the generator itself keeps RUSH_WRK_CONNECTIONS families in at a time: no waiting room
ROOM=$([ "$GENERATOR" = wrk ] && echo false || echo true)
# the production JVM settings of the README: heap capped at 512 MB, a smaller code
# cache, and two malloc arenas (glibc's default of 8 per core inflates the resident memory)
APP_JAVA_OPTS=${APP_JAVA_OPTS:-"-Xmx512m -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=256m"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# the month the families book at the opening, derived from today (benchmarks/dates.py): the next month
# with five days « Centre de loisirs » runs whose cut-off is still ahead
read -r OPEN_MONTH OPEN_DAYS <<<"$(python3 benchmarks/dates.py open-month)"
MONTH=${RUSH_MONTH:-$OPEN_MONTH}
DAYS=${RUSH_DAYS:-$OPEN_DAYS}
PORT=${BENCH_PORT:-18080}
DB=${BENCH_DB:-portail_bench}
PASSWORD=Banc-Essai-2026
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
OUT="$PWD/benchmarks/target/rush-$(date -u +%Y%m%dT%H%M%SZ)-$FAMILIES"
mkdir -p "$OUT"
echo "== results in $OUT"

APP_PID=
stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}
trap stop_app EXIT

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building the jar"
    mvn -q -B -DskipTests package
fi
# BENCH_JAR: another build of the portal (e.g. an older commit, for a before/after)
JAR=${BENCH_JAR:-$(ls target/portail-famille-*.jar | grep -v original | head -1)}

echo "== fresh database $DB"
dropdb --if-exists "$DB"
createdb "$DB"

JFR_OPTS=()
if [ "${JFR:-0}" = 1 ]; then
    JFR_OPTS=("-XX:StartFlightRecording=filename=$OUT/rush.jfr,settings=profile,dumponexit=true")
fi

echo "== starting $JAR on 127.0.0.1:$PORT (no demo profile, $APP_JAVA_OPTS)"
START=$(date +%s.%N)
# The per-address limit of FAILED logins is raised for the benchmark only: every virtual family
# comes from 127.0.0.1 (successful logins are never throttled; this only keeps a stray failure
# from locking out the whole run). Production keeps its default of 20. For the same reason the waiting
# room's places per client address (50 waiting at once in production) are not counted here.
env SPRING_PROFILES_ACTIVE= \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    PORTAL_ADMIN_PASSWORD=banc-essai-admin \
    PORTAL_LOGINTHROTTLE_MAXFAILURESPERADDRESS=1000000 PORTAL_WAITING_ROOM_TICKETS_PER_ADDRESS=0 \
    PORTAL_BASE_URL="http://127.0.0.1:$PORT" PORTAL_WAITING_ROOM_ENABLED="$ROOM" \
    SERVER_ADDRESS=127.0.0.1 PORT="$PORT" \
    java $APP_JAVA_OPTS "${JFR_OPTS[@]}" -jar "$JAR" >"$OUT/app.log" 2>&1 &
APP_PID=$!

# BENCH_READY_SECONDS (120): how long the start may take (minutes on a loaded machine)
for _ in $(seq 1 $((${BENCH_READY_SECONDS:-120} * 2))); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app stopped, see $OUT/app.log"; exit 1; fi
    sleep 0.5
done
READY=$(date +%s.%N)
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null
STARTUP=$(echo "$READY - $START" | bc)
RSS_IDLE=$(rss_mb "$APP_PID")
echo "startup to ready: ${STARTUP} s (polled every 0.5 s); resident memory when ready: ${RSS_IDLE} MB"

echo "== seeding $FAMILIES families"
(cd benchmarks && mkdir -p target && psql -q -d "$DB" -v families="$FAMILIES" -v days="$DAYS" -v password="$PASSWORD" -f seed-rush.sql)
cp benchmarks/target/rush-families.csv "$OUT/"
# what a town's database holds before the opening (benchmarks/seed-history.sql): the months before booked,
# the tables' statistics; BENCH_HISTORY=0 measures the fresh database alone
if [ "${BENCH_HISTORY:-1}" = 1 ]; then
    echo "== the months before (benchmarks/seed-history.sql)"
    psql -q -d "$DB" -v month="$MONTH" -f benchmarks/seed-history.sql
fi
# the rush's own bookings: the five days of the opening
RUSH_BOOKINGS="booking where day = any (string_to_array('$DAYS', ',')::date[])"

# simulate <simulation class> <name> [-Dkey=value…]: a Gatling run against the app, results and log
# in $OUT/<name>, the seeded families as feeder; failures are reported, never fatal
simulate() {
    local class=$1 name=$2
    shift 2
    mvn -B -Pbenchmarks -DskipTests test-compile gatling:test \
        -Dgatling.simulationClass="fr.portailfamille.benchmarks.$class" \
        -Dbenchmarks.resultsFolder="$OUT/$name" \
        -Dbench.baseUrl="http://127.0.0.1:$PORT" -Dbench.feeder="$OUT/rush-families.csv" \
        -Drush.password="$PASSWORD" "$@" >"$OUT/$name.log" 2>&1 || echo "($name reported failures: see $OUT/$name.log)"
}

# The same rush with a light load generator (RUSH_GENERATOR=wrk): the families log in first
# (benchmarks/login_families.py, two at a time), then wrk (benchmarks/rush.lua) sends each family's seven
# requests, RUSH_WRK_CONNECTIONS families at a time (one connection each), and is stopped once every
# requested day is in the database
rush_with_wrk() {
    local connections=${RUSH_WRK_CONNECTIONS:-24} expected=$((FAMILIES * 10)) wrk_pid
    echo "== logging $FAMILIES families in (before the opening)"
    python3 benchmarks/login_families.py "http://127.0.0.1:$PORT" "$OUT/rush-families.csv" "$PASSWORD" "$FAMILIES" \
        "$MONTH" "$OUT/sessions.tsv"
    # the families' sessions counted in the statistics, as autovacuum does within its minute in a town's database
    psql -q -d "$DB" -c "analyze spring_session, spring_session_attributes"
    echo "== wrk: the opening, $connections families at a time ($(uptime))"
    wrk -t "$connections" -c "$connections" -d 900s --timeout 60s --latency -s benchmarks/rush.lua \
        "http://127.0.0.1:$PORT" -- "$OUT/sessions.tsv" "$MONTH" "$DAYS" "$connections" >"$OUT/wrk.txt" 2>&1 &
    wrk_pid=$!
    while kill -0 "$wrk_pid" 2>/dev/null \
            && [ "$(psql -At -d "$DB" -c "select count(*) from $RUSH_BOOKINGS")" -lt "$expected" ]; do
        sleep 1
    done
    sleep 2   # the last reports
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" || true
    cat "$OUT/wrk.txt"
}

if [ "${WARM_UP:-1}" = 1 ]; then
    echo "== warm-up: 20 families browse home, planning, invoices and messages (no booking)"
    simulate EverydaySimulation gatling-warmup \
        -Deveryday.users=20 -Deveryday.loginSeconds=5 -Deveryday.seconds=30 -Deveryday.thinkMillis=0
    echo "resident memory after the warm-up: $(rss_mb "$APP_PID") MB"
fi

if [ "${SKIP_RUSH:-0}" != 1 ]; then
    echo "== the opening rush ($GENERATOR; login lead ${LEAD} s)"
    # who uses the two cores (benchmarks/cpu_shares.py): summed over the booking phase once the rush is over
    python3 benchmarks/cpu_shares.py sample "$APP_PID" "$OUT/cpu.txt" &
    CPU_SAMPLER=$!
    if [ "$GENERATOR" = wrk ]; then
        rush_with_wrk
    else
        simulate OpeningRushSimulation gatling \
            -Drush.families="$FAMILIES" -Drush.rampSeconds="$RAMP" -Drush.loginLeadSeconds="$LEAD" \
            -Drush.month="$MONTH" -Drush.days="$DAYS" -Dbench.roomLog="$OUT/room-waits.txt"
    fi
fi
RSS_END=$(rss_mb "$APP_PID")
echo "resident memory of the app at the end of the rush: ${RSS_END} MB"
[ -n "${CPU_SAMPLER:-}" ] && { kill "$CPU_SAMPLER" 2>/dev/null || true; }

if [ "${EVERYDAY:-0}" = 1 ]; then
    echo "== Gatling: everyday load (${EVERYDAY_USERS:-200} families browsing, ${EVERYDAY_SECONDS:-60} s, think time ${EVERYDAY_THINK_MILLIS:-2000} ms), after the rush"
    simulate EverydaySimulation gatling-everyday \
        -Deveryday.users="${EVERYDAY_USERS:-200}" -Deveryday.seconds="${EVERYDAY_SECONDS:-60}" \
        -Deveryday.thinkMillis="${EVERYDAY_THINK_MILLIS:-2000}"
    python3 benchmarks/gatling_stats.py "$OUT/gatling-everyday" | tee "$OUT/figures-everyday.txt"
fi
stop_app

if [ "${SKIP_RUSH:-0}" != 1 ]; then
    echo "== database checks"
    psql -d "$DB" -v days="$DAYS" -f benchmarks/verify-rush.sql | tee "$OUT/verify.txt"

    if [ "$GENERATOR" = wrk ]; then
        echo "== figures (wrk)"
        {
            grep -E '^saves answered|unexpected' "$OUT/wrk.txt" || true
            grep '^booked=' "$OUT/verify.txt" | sed 's/^/database: /'
            psql -At -d "$DB" -c "select 'day bookings written: ' || count(*) || ' in '
                || round(extract(epoch from max(requested_at) - min(requested_at))::numeric, 3)
                || ' s (first to last requested_at) = '
                || round(count(*) / extract(epoch from max(requested_at) - min(requested_at))::numeric, 1)
                || ' day bookings/s' from $RUSH_BOOKINGS"
        } | tee "$OUT/figures.txt"
    else
        echo "== Gatling figures"
        python3 benchmarks/gatling_stats.py "$OUT/gatling" "$OUT/verify.txt" | tee "$OUT/figures.txt"
    fi
    # the booking phase: from the first day requested to the last, as the database recorded them
    read -r FIRST_BOOKING LAST_BOOKING <<<"$(psql -At -F ' ' -d "$DB" -c \
        "select extract(epoch from min(requested_at)), extract(epoch from max(requested_at)) from $RUSH_BOOKINGS")"
    python3 benchmarks/cpu_shares.py report "$OUT/cpu.txt" "$FIRST_BOOKING" "$LAST_BOOKING" | tee -a "$OUT/figures.txt" || true
    # the queue as PostgreSQL kept it: tickets given (one per family that arrived past capacity), how far
    # families were let in, and forms kept but never replayed (families that never came back)
    psql -At -d "$DB" -c "select 'waiting room (database): ' || (select case when is_called then last_value else 0 end
        from waiting_room_ticket_seq) || ' tickets given, let in up to n° ' || served_up_to || ', '
        || (select count(*) from waiting_room_form) || ' kept forms not replayed' from waiting_room" | tee -a "$OUT/figures.txt"
    # what the families saw: did the room let them in by their tickets' order (room_order.py)
    if [ -f "$OUT/room-waits.txt" ]; then
        python3 benchmarks/room_order.py "$OUT/room-waits.txt" "$FAMILIES" | tee -a "$OUT/figures.txt"
    fi
fi

if [ "${SKIP_PGBENCH:-0}" != 1 ] && [ "${SKIP_RUSH:-0}" != 1 ] && [ "$GENERATOR" != wrk ]; then
    echo "== pgbench (TPC-B-like, scale 10, 16 clients, 30 s): the machine's ceiling"
    dropdb --if-exists pgbench_bench
    createdb pgbench_bench
    pgbench -q -i -s 10 pgbench_bench >"$OUT/pgbench-init.log" 2>&1
    pgbench -c 16 -j 2 -T 30 pgbench_bench | tee "$OUT/pgbench.txt"
    dropdb pgbench_bench
    TPS=$(awk '/^tps/ {print $3; exit}' "$OUT/pgbench.txt")
    python3 benchmarks/gatling_stats.py "$OUT/gatling" "$OUT/verify.txt" --pgbench-tps "$TPS" | tail -3 | tee -a "$OUT/figures.txt"
fi
echo "startup to ready: ${STARTUP} s; RSS ready: ${RSS_IDLE} MB; RSS end of rush: ${RSS_END} MB" | tee -a "$OUT/figures.txt"
