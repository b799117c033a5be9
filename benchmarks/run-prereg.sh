#!/usr/bin/env bash
# The process-start benchmark (docs/benchmarks.md, benchmark 4), in one command:
#   benchmarks/run-prereg.sh [families]            (default 2000)
# Builds the jar, creates a fresh database, starts the jar production-like (no demo profile,
# -Xmx512m, an SMTP sink on the loopback), seeds the families (benchmarks/seed-rush.sql) and the
# activity they ask for (benchmarks/seed-prereg.sql), then runs PreRegistrationSimulation: each
# family logs in and submits a pre-registration through the real form, which starts a
# preRegistration instance. Then the engine's job throughput: the « 5 working days without a
# decision » timer of every instance is brought forward to now (in the database: the benchmark's
# fast-forward) and the job executor runs them (timer, then the asyncBefore escalation, which
# raises the task's priority and mails the Guichet Unique); jobs/s from ACT_HI_JOB_LOG.
# The families log in BEFORE the measured phase: over PREREG_RAMP_SECONDS (default one second per 15
# families, at least 30 s: the password checks, bcrypt, admit about 30 logins/s on the quiet 2-core
# machine), then 20 s more for the last ones, and all submit at the same instant; the starts are
# reported on their own (first to last start, from the engine's history), the logins apart.
# Then the yardstick of the same run: one pending request per family for its second child
# (benchmarks/seed-prereg-engine.sql), each started straight on the engine by the benchmark-only
# endpoint of the profile bench (registration.EngineStarts: same process, variables and business key,
# one transaction per start, PREREG_ENGINE_THREADS threads), measured the same way; the ratio pages /
# engine is printed. The waiting room is off by default (PREREG_ROOM=1 keeps it): held at its
# admission pace, the families would measure the room, not the starts.
# Before all that, what a town's engine holds (benchmarks/seed-prereg-history.sql, PREREG_HISTORY=0 to skip):
# a request of the week before per family, started on the engine, then the tables' statistics.
# Options (environment): PREREG_RAMP_SECONDS (0 = all log in at once), BENCH_PORT (19410),
# SMTP_PORT (19411), BENCH_DB (portail_bn_prereg), PREREG_ENGINE_THREADS (24), PREREG_ROOM=1,
# SKIP_BUILD=1, SKIP_ENGINE=1, SKIP_JOBS=1, JFR=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh

FAMILIES=${1:-${PREREG_FAMILIES:-2000}}
RAMP=${PREREG_RAMP_SECONDS:-$(( FAMILIES / 15 > 30 ? FAMILIES / 15 : 30 ))}
PORT=${BENCH_PORT:-19410}
SMTP_PORT=${SMTP_PORT:-19411}
DB=${BENCH_DB:-portail_bn_prereg}
PASSWORD=Banc-Essai-2026
bench_out prereg "$FAMILIES"

trap stop_app_and_sink EXIT

build_jar
fresh_db "$DB"
start_sink "$SMTP_PORT"

ENGINE_THREADS=${PREREG_ENGINE_THREADS:-24}
APP_ENV=(SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" PORTAL_LOGINTHROTTLE_MAXFAILURESPERADDRESS=1000000
         PORTAL_WAITING_ROOM_TICKETS_PER_ADDRESS=0 SPRING_PROFILES_ACTIVE=bench)
if [ "${PREREG_ROOM:-0}" != 1 ]; then APP_ENV+=(PORTAL_WAITING_ROOM_ENABLED=false); fi
echo "== starting $JAR on 127.0.0.1:$PORT (profile bench, no demo data, $APP_JAVA_OPTS)"
# shellcheck disable=SC2046
start_app "$DB" "$PORT" "$OUT/app.log" $(jfr_opts prereg)
wait_ready "$PORT"
echo "ready in ${READY_SECONDS} s; resident memory $(rss_mb "$APP_PID") MB"

# the days of seed-rush.sql's « Centre de loisirs » counters, derived from today (benchmarks/dates.py)
read -r _ OPEN_DAYS <<<"$(python3 benchmarks/dates.py open-month)"
echo "== seeding $FAMILIES families and the activity they ask for"
(cd benchmarks && mkdir -p target && psql -q -d "$DB" -v families="$FAMILIES" -v password="$PASSWORD" \
    -v days="$OPEN_DAYS" -f seed-rush.sql)
cp benchmarks/target/rush-families.csv "$OUT/families.csv"
ACTIVITY=$(psql -tAq -d "$DB" -f benchmarks/seed-prereg.sql | awk '/^activity/ {print $2}')
echo "activity $ACTIVITY"
# what a town's engine holds before the morning (benchmarks/seed-prereg-history.sql): a request of the week
# before per family, its process waiting for the service; then the tables' statistics, as autovacuum keeps them
# (PREREG_HISTORY=0: the fresh database alone)
if [ "${PREREG_HISTORY:-1}" = 1 ]; then
    HISTORY_ACTIVITY=$(psql -tAq -d "$DB" -f benchmarks/seed-prereg-history.sql | awk '/^activity/ {print $2}')
    curl -fsS -m 1800 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X POST \
        -d "{\"activity\": \"$HISTORY_ACTIVITY\", \"threads\": \"$ENGINE_THREADS\"}" "http://127.0.0.1:$PORT/actuator/enginestarts" \
        >"$OUT/history.json" || echo "(the history's starts failed: see $OUT/app.log)"
    psql -q -d "$DB" -c "analyze"
    echo "history: $(psql -tAq -d "$DB" -c "select count(*) from act_ru_execution where parent_id_ is null") process instances waiting"
fi
# only what the measured phases start is counted
MEASURED_FROM=$(psql -tAq -d "$DB" -c "select now()")

sample_memory "$OUT/memory"
echo "== Gatling: $FAMILIES families log in over ${RAMP} s (+20 s), then all submit a pre-registration at once"
mvn -B -Pbenchmarks -DskipTests test-compile gatling:test \
    -Dgatling.simulationClass=fr.portailfamille.benchmarks.PreRegistrationSimulation \
    -Dbenchmarks.resultsFolder="$OUT/gatling" \
    -Dbench.baseUrl="http://127.0.0.1:$PORT" -Dbench.feeder="$OUT/families.csv" \
    -Dprereg.families="$FAMILIES" -Dprereg.rampSeconds="$RAMP" -Dprereg.activity="$ACTIVITY" -Dbench.loginTries=10 \
    -Drush.password="$PASSWORD" >"$OUT/gatling.log" 2>&1 || echo "(Gatling reported failures: see $OUT/gatling.log)"

STARTS=$(psql -tAq -d "$DB" -F ' ' -c "
    select count(*), round(extract(epoch from max(start_time_) - min(start_time_))::numeric, 3)
    from act_hi_procinst where proc_def_key_ = 'preRegistration' and start_time_ >= '$MEASURED_FROM'")
read -r INSTANCES WINDOW <<<"$STARTS"
rate() { python3 -c "import sys; n, w = int(sys.argv[1]), float(sys.argv[2] or 0); print(f'{n / w:.1f}' if w > 0 else 'n/a')" "$1" "${2:-0}"; }
PER_SECOND=$(rate "$INSTANCES" "$WINDOW")

ENGINE_LINE="engine alone: not measured (SKIP_ENGINE=1)"
RATIO_LINE="ratio pages / engine: n/a"
if [ "${SKIP_ENGINE:-0}" != 1 ]; then
    echo "== the engine alone: a pending request per family for its second child, started straight on the engine"
    psql -tAq -d "$DB" -v activity="$ACTIVITY" -f benchmarks/seed-prereg-engine.sql
    ENGINE_FROM=$(psql -tAq -d "$DB" -c "select now()")
    curl -fsS -m 1800 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X POST \
        -d "{\"activity\": \"$ACTIVITY\", \"threads\": \"$ENGINE_THREADS\"}" "http://127.0.0.1:$PORT/actuator/enginestarts" \
        >"$OUT/engine.json" || echo "(the engine's starts failed: see $OUT/app.log)"
    read -r EINSTANCES EWINDOW <<<"$(psql -tAq -d "$DB" -F ' ' -c "
        select count(*), round(extract(epoch from max(start_time_) - min(start_time_))::numeric, 3)
        from act_hi_procinst where proc_def_key_ = 'preRegistration' and start_time_ >= '$ENGINE_FROM'")"
    ENGINE_PER_SECOND=$(rate "$EINSTANCES" "$EWINDOW")
    ENGINE_LINE="engine alone (same process, $ENGINE_THREADS threads): $EINSTANCES instances in ${EWINDOW} s (first to last start, ACT_HI_PROCINST) = $ENGINE_PER_SECOND starts/s; endpoint: $(cat "$OUT/engine.json" 2>/dev/null)"
    RATIO_LINE="ratio pages / engine: $(python3 -c "import sys; a, b = sys.argv[1], sys.argv[2]; print(f'{float(a) / float(b):.2f}' if a != 'n/a' and b != 'n/a' else 'n/a')" "$PER_SECOND" "$ENGINE_PER_SECOND")"
fi

JOB_LINE="job throughput: not measured (SKIP_JOBS=1)"
if [ "${SKIP_JOBS:-0}" != 1 ]; then
    echo "== job executor: the first reminder of every instance brought forward to now"
    DUE=$(psql -tAq -d "$DB" -c "
        update act_ru_job j set duedate_ = now() from act_ru_jobdef d
        where d.id_ = j.job_def_id_ and d.act_id_ = 'Timer_FirstReminder' and j.process_def_key_ = 'preRegistration'
          and j.process_instance_id_ in (select id_ from act_hi_procinst where start_time_ >= '$MEASURED_FROM')
        returning j.id_" | grep -c . || true)
    JOBS_FROM=$(psql -tAq -d "$DB" -c "select now()")
    echo "$DUE timers due now; waiting for the job executor"
    for _ in $(seq 1 3600); do
        LEFT=$(psql -tAq -d "$DB" -c "select count(*) from act_ru_job where process_def_key_ = 'preRegistration'
                                      and (duedate_ is null or duedate_ <= now()) and retries_ > 0")
        [ "$LEFT" = 0 ] && break
        sleep 0.5
    done
    JOBS=$(psql -tAq -d "$DB" -F ' ' -c "
        select count(*), round(extract(epoch from max(timestamp_) - min(timestamp_))::numeric, 3),
               (select count(*) from act_hi_job_log where job_state_ = 1 and process_def_key_ = 'preRegistration'
                and timestamp_ >= '$JOBS_FROM')
        from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'preRegistration' and timestamp_ >= '$JOBS_FROM'")
    read -r EXECUTED JWINDOW FAILED <<<"$JOBS"
    JPS=$(python3 -c "import sys; n, w = int(sys.argv[1]), float(sys.argv[2] or 0); print(f'{n / w:.1f}' if w > 0 else 'n/a')" "$EXECUTED" "${JWINDOW:-0}")
    JOB_LINE="job throughput: $EXECUTED jobs executed in ${JWINDOW} s (first to last, ACT_HI_JOB_LOG) = $JPS jobs/s; $FAILED failures; mails to the Guichet Unique: $(cat "$OUT/mails.count" 2>/dev/null || echo 0)"
fi
stop_samplers
MEMORY=$(peak_memory "$OUT/memory")
stop_app

echo "== database checks"
psql -d "$DB" -v activity="$ACTIVITY" -f benchmarks/verify-prereg.sql | tee "$OUT/verify.txt"

{
    echo "== pre-registrations: $FAMILIES families, ramp ${RAMP} s ($(date -u +%FT%TZ), load average:$(uptime | sed 's/.*load average://'))"
    python3 benchmarks/gatling_stats.py "$OUT/gatling" | tee "$OUT/stats.txt"
    echo "logins (before the starts): $(awk '/^connexion \(envoi\)/' "$OUT/stats.txt" 2>/dev/null | head -1)"
    echo "process starts through the pages: $INSTANCES instances in ${WINDOW} s (first to last start, ACT_HI_PROCINST) = $PER_SECOND pre-registrations/s"
    echo "$ENGINE_LINE"
    echo "$RATIO_LINE"
    echo "$JOB_LINE"
    echo "memory during the run: $MEMORY"
    echo "checks: $(grep -c ' ok$' "$OUT/verify.txt") ok, $(grep -c 'FAILED' "$OUT/verify.txt") failed (see verify.txt)"
} | tee "$OUT/figures.txt"
