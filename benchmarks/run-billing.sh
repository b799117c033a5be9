#!/usr/bin/env bash
# The billing-run benchmark (docs/benchmarks.md, benchmark 3), in one command:
#   benchmarks/run-billing.sh [families]            (default 10000)
# Builds the jar, creates a fresh database, starts the jar production-like (no demo profile,
# -Xmx512m) with an SMTP sink on the loopback, seeds N families (benchmarks/seed-billing.sql), then
# does what the finances service does through /engine-rest with a staff user of the group
# « finances »: starts monthlyBilling by its message (month chosen), waits for the review task,
# completes it with « publier », and waits until every invoice is published with its PDF, then
# until every family is told (the check counts the mails each family's address received: exactly
# one). Prints the times, invoices/s, the peak memory and the database checks.
# Options (environment): BILLING_MONTH (default the month just ended, from benchmarks/dates.py), BENCH_PORT (19400),
# SMTP_PORT (19401), BENCH_DB (portail_bn_billing), SKIP_BUILD=1, JFR=1, BATCH_SIZE (billing.batch-size),
# WAITING_DAYS (« jours de carence » of every activity: the batches then read the month before too).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh

FAMILIES=${1:-${BILLING_FAMILIES:-10000}}
MONTH=${BILLING_MONTH:-$(python3 benchmarks/dates.py ended-month)}
PORT=${BENCH_PORT:-19400}
SMTP_PORT=${SMTP_PORT:-19401}
DB=${BENCH_DB:-portail_bn_billing}
BASE="http://127.0.0.1:$PORT"
bench_out billing "$FAMILIES"

trap stop_app_and_sink EXIT
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

build_jar
fresh_db "$DB"

APP_ENV=()
if [ -n "${BATCH_SIZE:-}" ]; then APP_ENV+=(BILLING_BATCHSIZE="$BATCH_SIZE"); fi
start_mailing_app "$DB" "$PORT" "$SMTP_PORT" billing

echo "== seeding $FAMILIES families for $MONTH"
psql -q -d "$DB" -v families="$FAMILIES" -v month="$MONTH" -f benchmarks/seed-billing.sql | tee "$OUT/seed.txt"
if [ -n "${WAITING_DAYS:-}" ]; then
    # « jours de carence » on every activity: each batch then also reads the month before (bookings, sheets, absences)
    psql -q -d "$DB" -c "update activity set waiting_days = $WAITING_DAYS" | tee -a "$OUT/seed.txt"
    echo "waiting days (carence) of every activity: $WAITING_DAYS" | tee -a "$OUT/seed.txt"
fi

finances_user

sample_memory "$OUT/memory"

start_billing "$DB" "$MONTH"
rest "$STAFF" GET "/engine-rest/task?processInstanceId=$INSTANCE&candidateGroup=finances" >"$OUT/review-task.json"
grep -q "$TASK" "$OUT/review-task.json" || { echo "finances do not see the review task"; exit 1; }
rest "$STAFF" GET "/engine-rest/task/$TASK/variables" >"$OUT/review-variables.json"
echo "drafts ready for review: $(python3 -c "import json,sys; v=json.load(open(sys.argv[1])); print(v['runInvoices']['value'], 'drafts,', v['runAmount']['value'])" "$OUT/review-variables.json")"
publish_billing "$DB"
# the engine's own timestamps (ACT_HI_*): start, review task created and completed, publication
# step ended (its transaction wrote the numbers and the PDFs), process ended
read -r T_REVIEW T_PUBLISH_STEP T_ENDED T_WAITED <<<"$(psql -tAq -d "$DB" -F ' ' -c "
    select round(extract(epoch from t.start_time_ - p.start_time_)::numeric, 3),
           round(extract(epoch from a.end_time_ - t.end_time_)::numeric, 3),
           round(extract(epoch from p.end_time_ - p.start_time_)::numeric, 3),
           round(extract(epoch from t.end_time_ - t.start_time_)::numeric, 3)
    from act_hi_procinst p
    join act_hi_taskinst t on t.proc_inst_id_ = p.id_ and t.task_def_key_ = 'Task_ReviewBillingRun'
    join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ = 'Task_PublishInvoices'
    where p.id_ = '$INSTANCE'")"
T_PUBLISHED=$(echo "$T_REVIEW + $T_PUBLISH_STEP" | bc)
# the notification step (« Prévenir les familles », one job per batch): first batch started → last ended
read -r T_NOTIFY NOTIFY_BATCHES <<<"$(psql -tAq -d "$DB" -F ' ' -c "
    select round(extract(epoch from max(end_time_) - min(start_time_))::numeric, 3), count(*)
    from act_hi_actinst where proc_inst_id_ = '$INSTANCE' and act_id_ = 'Task_NotifyFamilies'")"
# the reminders: one unpaidInvoice process per invoice, started in batches after the publication
# (off the publication's transaction); wait until none is left to start, up to 20 minutes
for _ in $(seq 1 2400); do
    [ "$(psql -tAq -d "$DB" -c "select count(*) from dunning_case where state = 'TO_START'")" = 0 ] && break
    sleep 0.5
done
T_FOLLOWED=$(psql -tAq -d "$DB" -c "
    select coalesce(round(extract(epoch from max(c.started_at) - max(a.end_time_))::numeric, 3), 0)
    from dunning_case c, act_hi_actinst a where a.proc_inst_id_ = '$INSTANCE' and a.act_id_ = 'Task_PublishInvoices'")
echo "drafts computed in ${T_REVIEW} s; publication step ${T_PUBLISH_STEP} s; process ended after $(echo "$T_ENDED - $T_WAITED" | bc) s of engine time"
sleep 2  # the sink writes its counts every second
stop_samplers
MEMORY=$(peak_memory "$OUT/memory")
MAILS=$(cat "$OUT/mails.count" 2>/dev/null || echo 0)
read -r CONNECTIONS SINK_SPAN <<<"$(awk '/^connections/ {c = $2} /^first/ {f = $2} /^last/ {l = $2} END {printf "%d %.1f\n", c, l - f}' "$OUT/mails.count.stats" 2>/dev/null || echo "0 0")"
stop_app
kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=

echo "== database checks"
# the sink's recipients (one line per mail and address), for « each family mailed exactly once »
psql -q -d "$DB" -c "drop table if exists bench_mail_sent; create table bench_mail_sent (rcpt text not null)"
if [ -s "$OUT/mails.count.rcpt" ]; then
    psql -q -d "$DB" -c "\copy bench_mail_sent (rcpt) from '$OUT/mails.count.rcpt'"
fi
psql -d "$DB" -v month="$MONTH" -f benchmarks/verify-billing.sql | tee "$OUT/verify.txt"
INVOICES=$(psql -tAq -d "$DB" -c "select count(*) from invoice where month = '$MONTH' and state = 'PENDING'")
JOBS=$(psql -tAq -d "$DB" -c "select count(*) from act_hi_job_log where process_instance_id_ = '$INSTANCE' and job_state_ = 0")

{
    echo "== billing run: $FAMILIES families, month $MONTH ($(date -u +%FT%TZ), load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "(engine history timestamps; the review task's waiting time, ${T_WAITED} s here, is left out)"
    echo "drafts computed (start → review task):        ${T_REVIEW} s"
    echo "publication step (numbers + PDFs, committed):  ${T_PUBLISH_STEP} s"
    echo "start → all published with PDFs:              ${T_PUBLISHED} s"
    echo "start → process ended (every family mailed):  $(echo "$T_ENDED - $T_WAITED" | bc) s   (mails received by the sink: $MAILS)"
    echo "mails « Nouvelle facture disponible »: $MAILS in ${T_NOTIFY} s (notification step, $NOTIFY_BATCHES batches; first to last mail at the sink: ${SINK_SPAN} s), over $CONNECTIONS SMTP connection(s)"
    if [ "$(echo "${T_NOTIFY:-999} < 120" | bc)" = 1 ]; then echo "mails of every family in under 2 minutes: ok"; else echo "mails of every family in under 2 minutes: FAILED (${T_NOTIFY} s)"; fi
    echo "publication → last unpaidInvoice process started: ${T_FOLLOWED} s (one per invoice, in batches, off the publication)"
    echo "invoices published: $INVOICES = $(echo "scale=1; $INVOICES / $T_PUBLISHED" | bc) invoices/s start to published; jobs of the instance: $JOBS"
    echo "memory during the run: $MEMORY"
    echo "checks: $(grep -c ' ok$' "$OUT/verify.txt") ok, $(grep -c 'FAILED' "$OUT/verify.txt") failed (see verify.txt)"
    grep 'mailed exactly once' "$OUT/verify.txt" | sed 's/^ */exactly-one check: /'
} | tee "$OUT/figures.txt"
