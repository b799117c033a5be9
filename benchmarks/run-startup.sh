#!/usr/bin/env bash
# The startup and footprint benchmark (docs/benchmarks.md, benchmark 5), in one command:
#   benchmarks/run-startup.sh [starts]            (default 3 of each kind)
# Builds the jar, then times `java -jar` to a ready /actuator/health/readiness (polled every 0.1 s):
#   - on a FRESH database (dropped and created before each start: Flyway and the Camunda schema
#     are created, the processes deployed), [starts] times;
#   - on a WARM database (already migrated by the previous start, nothing to deploy), [starts] times.
# After each warm start: resident memory idle once ready (after 5 s), then after a short warm-up
# (WARMUP_SECONDS of requests on the login page, the home page and /engine-rest as the admin).
# Prints each start and the medians. The app runs production-like (no demo profile, -Xmx512m).
# Options (environment): BENCH_PORT (19420), BENCH_DB (portail_bn_startup), SKIP_BUILD=1,
# WARMUP_SECONDS (20), JFR=1 (a recording of the last warm start), JAVA_OPTS (extra JVM options),
# CDS=0 (the starts without the Class Data Sharing archive trained on this jar, which the Dockerfile now
# builds into the image and this script uses by default).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh

STARTS=${1:-3}
PORT=${BENCH_PORT:-19420}
DB=${BENCH_DB:-portail_bn_startup}
WARMUP=${WARMUP_SECONDS:-20}
BASE="http://127.0.0.1:$PORT"
bench_out startup "$STARTS"
trap stop_app EXIT
build_jar
APP_ENV=()
# shellcheck disable=SC2206
EXTRA=(${JAVA_OPTS:-})

# CDS=1: Spring Boot's Class Data Sharing — the jar extracted (java -Djarmode=tools … extract), one
# training start that stops once the context is refreshed and dumps the classes it loaded into an
# archive, then every measured start maps that archive instead of loading and verifying the classes.
if [ "${CDS:-1}" = 1 ]; then
    echo "== Class Data Sharing: extracting the jar and training the archive"
    rm -rf "$OUT/cds"
    java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/cds" >/dev/null
    JAR=$(ls "$OUT"/cds/*.jar | head -1)
    fresh_db "$DB" >/dev/null
    start_app "$DB" "$PORT" "$OUT/app-cds-training.log" -XX:ArchiveClassesAtExit="$OUT/cds/app.jsa" -Dspring.context.exit=onRefresh
    wait "$APP_PID" || true
    APP_PID=
    ls -la "$OUT/cds/app.jsa"
    EXTRA+=(-XX:SharedArchiveFile="$OUT/cds/app.jsa")
fi

median() { sort -n | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

warm_up() {
    local until=$(( $(date +%s) + WARMUP ))
    local n=0
    while [ "$(date +%s)" -lt "$until" ]; do
        curl -fs -o /dev/null "$BASE/connexion" || true
        curl -fs -o /dev/null "$BASE/" || true
        curl -fs -o /dev/null -u "admin:$ADMIN_PASSWORD" "$BASE/engine-rest/process-definition?latestVersion=true" || true
        curl -fs -o /dev/null -u "admin:$ADMIN_PASSWORD" "$BASE/engine-rest/task?maxResults=50" || true
        n=$((n + 4))
    done
    echo "$n"
}

: >"$OUT/fresh.txt"
: >"$OUT/warm.txt"
for i in $(seq 1 "$STARTS"); do
    fresh_db "$DB" >/dev/null
    start_app "$DB" "$PORT" "$OUT/app-fresh-$i.log" "${EXTRA[@]}"
    wait_ready "$PORT"
    echo "fresh database, start $i: ready in ${READY_SECONDS} s, RSS $(rss_mb "$APP_PID") MB" | tee -a "$OUT/starts.txt"
    echo "$READY_SECONDS" >>"$OUT/fresh.txt"
    stop_app
done
for i in $(seq 1 "$STARTS"); do
    OPTS=("${EXTRA[@]}")
    if [ "$i" = "$STARTS" ] && [ "${JFR:-0}" = 1 ]; then read -r -a JFR_OPTS <<<"$(jfr_opts startup-warm)"; OPTS+=("${JFR_OPTS[@]}"); fi
    start_app "$DB" "$PORT" "$OUT/app-warm-$i.log" "${OPTS[@]}"
    wait_ready "$PORT"
    sleep 5
    IDLE=$(rss_mb "$APP_PID")
    REQUESTS=$(warm_up)
    AFTER=$(rss_mb "$APP_PID")
    echo "warm database, start $i: ready in ${READY_SECONDS} s, RSS idle ${IDLE} MB, after warm-up ($REQUESTS requests in ${WARMUP} s) ${AFTER} MB" | tee -a "$OUT/starts.txt"
    echo "$READY_SECONDS $IDLE $AFTER" >>"$OUT/warm.txt"
    stop_app
done

{
    echo "== startup: $STARTS starts of each kind ($(date -u +%FT%TZ), load average:$(uptime | sed 's/.*load average://'))"
    cat "$OUT/starts.txt"
    echo "median time to ready, fresh database: $(median <"$OUT/fresh.txt") s"
    echo "median time to ready, warm database:  $(cut -d' ' -f1 "$OUT/warm.txt" | median) s"
    echo "median RSS idle after ready: $(cut -d' ' -f2 "$OUT/warm.txt" | median) MB; after the warm-up: $(cut -d' ' -f3 "$OUT/warm.txt" | median) MB"
    grep -h "Started PortalApplication" "$OUT"/app-*.log | sed 's/.*Started/Spring: Started/'
} | tee "$OUT/figures.txt"
