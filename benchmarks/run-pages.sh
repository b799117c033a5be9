#!/usr/bin/env bash
# The families' pages against the server's own ceiling (docs/benchmarks.md), in one command:
#   benchmarks/run-pages.sh [seconds per page]        (default 20)
# Starts the packaged jar production-like (no demo profile, the README's JVM settings) on a fresh
# database, seeds families and the months before as the rush benchmark does (benchmarks/seed-rush.sql,
# benchmarks/seed-history.sql), logs PAGES_FAMILIES
# (64) of them in through the login form, then runs wrk (2 threads, PAGES_CONNECTIONS = 8 connections)
# against, one after the other in the same run: the static style sheet (no cookie: a first visit,
# through the security chain), « Accueil », « Planning », the month's edit page, « Facturation », and
# the booking save (POST /planning/modifier: one day booked then cancelled in turn, one family per
# request in flight; each save followed by the page it redirects to, as a browser does, so the saves
# per second are half the requests). Prints each rate and its ratio to the static file of the same
# run, checks that every answer was the page (or the save's redirection), and that the day's counter
# equals its bookings. Beside each rate, the app's CPU time per request (all its threads, from /proc),
# which compares builds even when other work shares the machine.
# Options (environment): SKIP_BUILD=1, BENCH_JAR, BENCH_PORT (19430), BENCH_DB (portail_bn_pages),
# PAGES_FAMILIES, PAGES_CONNECTIONS, PAGES_WARMUP_SECONDS (10 per page, not measured), PAGES_ONLY (a
# regular expression: only the pages whose name matches, besides the static file), JFR=1 (a Flight
# Recording of the whole run in the run's directory). Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh

SECONDS_PER_PAGE=${1:-20}
PORT=${BENCH_PORT:-19430}
DB=${BENCH_DB:-portail_bn_pages}
FAMILIES=${PAGES_FAMILIES:-64}
CONNECTIONS=${PAGES_CONNECTIONS:-8}
WARMUP=${PAGES_WARMUP_SECONDS:-10}
PASSWORD=Banc-Essai-2026
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }
read -r MONTH DAYS <<<"$(python3 benchmarks/dates.py open-month)"
DAY=${DAYS%%,*}

bench_out pages "$SECONDS_PER_PAGE"
build_jar
fresh_db "$DB"
trap stop_app EXIT
JFR_OPTS=()
[ "${JFR:-0}" = 1 ] && JFR_OPTS=("-XX:StartFlightRecording=filename=$OUT/pages.jfr,settings=profile,dumponexit=true")
APP_ENV=(PORTAL_LOGINTHROTTLE_MAXFAILURESPERADDRESS=1000000)
echo "== starting $JAR on $BASE ($APP_JAVA_OPTS)"
start_app "$DB" "$PORT" "$OUT/app.log" "${JFR_OPTS[@]}"
wait_ready "$PORT"
echo "ready after ${READY_SECONDS} s"

echo "== seeding $FAMILIES families (month $MONTH, days $DAYS)"
(cd benchmarks && mkdir -p target && psql -q -d "$DB" -v families="$FAMILIES" -v days="$DAYS" -v password="$PASSWORD" -f seed-rush.sql)
# the months before, as a town's database holds them (BENCH_HISTORY=0: the fresh database alone)
[ "${BENCH_HISTORY:-1}" = 1 ] && psql -q -d "$DB" -v month="$MONTH" -f benchmarks/seed-history.sql
python3 benchmarks/login_families.py "$BASE" benchmarks/target/rush-families.csv "$PASSWORD" "$FAMILIES" "$MONTH" "$OUT/families.tsv"

EDIT="/planning/modifier?enfant={enfant}&activite={activite}&mois=$MONTH"
# name|mode|target
PAGES=("fichier statique (/css/portail.css)|static|/css/portail.css"
       "Accueil (/)|get|/"
       "Planning (/planning)|get|/planning"
       "Modifier le planning (/planning/modifier)|get|$EDIT"
       "Facturation (/facturation)|get|/facturation"
       "Enregistrer une réservation (POST /planning/modifier)|post|$MONTH")

run_wrk() { # <seconds> <mode> <target> <output>
    wrk -t2 -c"$CONNECTIONS" -d"$1"s --latency -s benchmarks/pages.lua "$BASE" -- "$OUT/families.tsv" "$2" "$3" "$DAY" 2 >"$4" 2>&1
}
printf '%s\n' "page|requests/s|p50|p99|good|other|app CPU ms per request" >"$OUT/rates.txt"
for entry in "${PAGES[@]}"; do
    IFS='|' read -r name mode target <<<"$entry"
    if [ "$mode" != static ] && [ -n "${PAGES_ONLY:-}" ] && ! [[ $name =~ $PAGES_ONLY ]]; then continue; fi
    echo "== $name"
    run_wrk "$WARMUP" "$mode" "$target" "$OUT/warmup.txt"
    slug=$(echo "$name" | tr -c 'a-zA-Z0-9' '_' | cut -c1-30)
    ticks_before=$(cpu_ticks "$APP_PID")
    run_wrk "$SECONDS_PER_PAGE" "$mode" "$target" "$OUT/wrk-$slug.txt"
    ticks_after=$(cpu_ticks "$APP_PID")
    rate=$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-$slug.txt")
    # the app's CPU (user + system, all threads) per request: unlike the rate, it hardly depends on what
    # else the two cores run at the time
    cpu=$(awk -v a="$ticks_before" -v b="$ticks_after" -v r="$rate" -v s="$SECONDS_PER_PAGE" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.2f", (b - a) * 1000 / hz / (r * s) }')
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$slug.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$slug.txt")
    good=$(awk -F'[:,] *' '/^good answers/ {print $2}' "$OUT/wrk-$slug.txt")
    other=$(awk -F'[:,] *' '/^good answers/ {print $4}' "$OUT/wrk-$slug.txt")
    grep '^  other:' "$OUT/wrk-$slug.txt" | head -5 || true
    echo "$name|$rate|$p50|$p99|$good|$other|$cpu" | tee -a "$OUT/rates.txt"
done
RSS=$(rss_mb "$APP_PID")
stop_app

echo "== the day's counter against its bookings ($DAY)"
psql -At -d "$DB" -c "select 'counter ' || c.booked || ', bookings ' || (select count(*) from booking b where b.activity_id = c.activity_id and b.day = c.day and b.state = 'BOOKED')
    from day_capacity c join activity a on a.id = c.activity_id where a.code = 'CENTRE_LOISIRS' and c.day = date '$DAY'" | tee "$OUT/counter.txt"

python3 - "$OUT/rates.txt" <<'PY' | tee "$OUT/figures.txt"
import sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1])][1:]
static = float(rows[0][1])
print(f"{'page':<55} {'req/s':>9} {'ratio':>6} {'p50':>9} {'p99':>9} {'other':>6} {'CPU ms':>7}")
for name, rate, p50, p99, good, other, cpu in rows:
    if name.startswith("Enregistrer"):
        # half of the requests are saves, the other half the page each save redirects to (CPU: per request)
        name, rate = name + " : saves/s, each with its page", float(rate) / 2
    print(f"{name:<55} {float(rate):>9.1f} {float(rate) / static:>6.2f} {p50:>9} {p99:>9} {other:>6} {cpu:>7}")
PY
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); RSS of the app before stopping: $RSS MB" | tee -a "$OUT/figures.txt"
