#!/usr/bin/env bash
# The reminders benchmark (docs/benchmarks.md, « Relances »), in one command:
#   benchmarks/run-dunning.sh [families]            (default 10000)
# Builds the jar, creates a fresh database, starts the jar production-like (no demo profile,
# -Xmx512m) with an SMTP sink on the loopback, seeds N families (benchmarks/seed-billing.sql) and
# bills their month as finances do through /engine-rest (monthlyBilling, « publier »): N invoices
# published, each followed by one unpaidInvoice process started in batches after the publication.
# Then the reminder wave: the day of the first reminder comes for every invoice at once — each
# Timer_FirstReminder job is made due now through /engine-rest (benchmarks/due_now.py) and the job
# executor sends the reminders. Prints the times (publication → every process started; first job
# due → last reminder sent), the peak memory and the checks: one process per invoice, exactly one
# first reminder per invoice and none else, exactly one reminder mail per family address.
# Options (environment): BILLING_MONTH (default the month just ended), BENCH_PORT (19800),
# SMTP_PORT (19801), BENCH_DB (portail_bn_dunning), SKIP_BUILD=1, JFR=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh

FAMILIES=${1:-${DUNNING_FAMILIES:-10000}}
MONTH=${BILLING_MONTH:-$(python3 benchmarks/dates.py ended-month)}
PORT=${BENCH_PORT:-19800}
SMTP_PORT=${SMTP_PORT:-19801}
DB=${BENCH_DB:-portail_bn_dunning}
BASE="http://127.0.0.1:$PORT"
bench_out dunning "$FAMILIES"

trap stop_app_and_sink EXIT
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

build_jar
fresh_db "$DB"
APP_ENV=()
start_mailing_app "$DB" "$PORT" "$SMTP_PORT" dunning

echo "== seeding $FAMILIES families for $MONTH"
psql -q -d "$DB" -v families="$FAMILIES" -v month="$MONTH" -f benchmarks/seed-billing.sql | tee "$OUT/seed.txt"
finances_user
sample_memory "$OUT/memory"

start_billing "$DB" "$MONTH"
publish_billing "$DB"
# every invoice with an amount due followed by its process (started in batches after the publication)
for _ in $(seq 1 7200); do
    [ "$(psql -tAq -d "$DB" -c "select count(*) from dunning_case where state = 'TO_START'" 2>/dev/null)" = 0 ] && break
    sleep 0.5
done
read -r CASES T_FOLLOWED <<<"$(psql -tAq -d "$DB" -F ' ' -c "
    select count(*), coalesce(round(extract(epoch from max(c.started_at) - max(a.end_time_))::numeric, 3), 0)
    from dunning_case c, act_hi_actinst a where a.proc_inst_id_ = '$INSTANCE' and a.act_id_ = 'Task_PublishInvoices'")"
echo "$CASES invoices followed; publication → last unpaidInvoice process started: ${T_FOLLOWED} s"

sleep 2  # the sink writes its recipients as they come: what is there now are the invoices' mails
BEFORE=$(wc -l <"$OUT/mails.count.rcpt")

echo "== the reminder wave: every Timer_FirstReminder due now"
WAVE_START=$(psql -tAq -d "$DB" -c "select to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US TZH')")
read -r TIMERS T_SET <<<"$(python3 benchmarks/due_now.py "$BASE" "admin:$ADMIN_PASSWORD" Timer_FirstReminder)"
echo "$TIMERS timer jobs made due in ${T_SET} s"
for _ in $(seq 1 14400); do
    [ "$(psql -tAq -d "$DB" -c "select count(*) from dunning_reminder where kind = 'FIRST'" 2>/dev/null || echo 0)" -ge "$TIMERS" ] && break
    if [ "$(psql -tAq -d "$DB" -c "select count(*) from act_ru_incident" 2>/dev/null || echo 0)" != 0 ]; then
        echo "incidents during the wave: see $OUT/app.log"; break
    fi
    sleep 0.5
done
T_WAVE=$(psql -tAq -d "$DB" -c "select round(extract(epoch from max(sent_at) - '$WAVE_START'::timestamptz)::numeric, 3) from dunning_reminder where kind = 'FIRST'")
sleep 3  # the mails leave after each job's commit
stop_samplers
MEMORY=$(peak_memory "$OUT/memory")
stop_app
kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=

echo "== database checks"
psql -q -d "$DB" -c "drop table if exists bench_mail_sent; create table bench_mail_sent (rcpt text not null)"
tail -n +"$((BEFORE + 1))" "$OUT/mails.count.rcpt" >"$OUT/reminders.rcpt"
if [ -s "$OUT/reminders.rcpt" ]; then
    psql -q -d "$DB" -c "\copy bench_mail_sent (rcpt) from '$OUT/reminders.rcpt'"
fi
psql -d "$DB" -f benchmarks/verify-dunning.sql | tee "$OUT/verify.txt"

{
    echo "== reminders: $FAMILIES families, month $MONTH ($(date -u +%FT%TZ), load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "invoices followed by unpaidInvoice:                 $CASES"
    echo "publication → last unpaidInvoice process started:   ${T_FOLLOWED} s"
    echo "first reminders due at once (jobs made due via REST): $TIMERS in ${T_SET} s"
    echo "first job made due → last first reminder sent:      ${T_WAVE} s ($(wc -l <"$OUT/reminders.rcpt") reminder mails at the sink)"
    echo "memory during the run: $MEMORY"
    echo "checks: $(grep -c ' ok$' "$OUT/verify.txt") ok, $(grep -c 'FAILED' "$OUT/verify.txt") failed (see verify.txt)"
} | tee "$OUT/figures.txt"
