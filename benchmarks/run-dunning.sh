#!/usr/bin/env bash
# The reminders benchmark (docs/benchmarks.md, « Relances »), in one command:
#   benchmarks/run-dunning.sh [families]            (default 10000)
# Builds the jar, creates a fresh database, starts the jar production-like (no demo profile,
# -Xmx512m) with an SMTP sink on the loopback, seeds N families (benchmarks/seed-billing.sql) and
# bills their month as finances do through /engine-rest (monthlyBilling, « publier »): N invoices
# published, each followed by one unpaidInvoice process started in batches after the publication.
# Before the wave, as in a real month: 1 family in 100 pays at the desk (deskPayment started by
# finances through /engine-rest: the process is told and ends), 1 in 100 pays without the process
# being told (the payment written as billing writes it, as when a node stops right after the
# payment's commit: only the locked check at the reminder stops it), 1 in 100 has no e-mail address
# (a letter instead of a mail).
# Then the reminder wave: the day of the first reminder comes for every invoice at once — ONE SQL
# update moves the due date of every Timer_FirstReminder job to now (the engine's clock is the
# machine's, so this is what the passing of time does to ACT_RU_JOB) and the job executor sends the
# reminders. Prints the times (publication → every process started; due → first and last reminder
# recorded, → last reminder mail at the sink; the day's letters as one PDF), the peak memory and the
# checks of benchmarks/verify-dunning.sql.
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

# q <sql>: one value from the benchmark's database (a refused connection on a shared machine reads as empty)
q() { psql -tAq -d "$DB" -c "$1" 2>/dev/null || true; }

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
    [ "$(q "select count(*) from dunning_case where state = 'TO_START'")" = 0 ] && break
    sleep 0.5
done
read -r CASES T_FOLLOWED <<<"$(psql -tAq -d "$DB" -F ' ' -c "
    select count(*), coalesce(round(extract(epoch from max(c.started_at) - max(a.end_time_))::numeric, 3), 0)
    from dunning_case c, act_hi_actinst a where a.proc_inst_id_ = '$INSTANCE' and a.act_id_ = 'Task_PublishInvoices'")"
echo "$CASES invoices followed; publication → last unpaidInvoice process started: ${T_FOLLOWED} s"

echo "== before the wave: payments at the desk, payments the processes are not told of, families without e-mail"
# the families of the wave and what happens to each (read by verify-dunning.sql)
psql -q -d "$DB" -c "
    drop table if exists bench_wave_family;
    create table bench_wave_family as
    select c.family_file_id, c.invoice_id, i.number, f.number as file_number,
           (select lower(g.email) from guardian g where g.family_file_id = c.family_file_id and g.email is not null limit 1) as email,
           case substr(f.number, 2)::int % 100 when 25 then 'DESK' when 75 then 'UNTOLD' when 0 then 'LETTER' else 'MAIL' end as kind
    from dunning_case c join invoice i on i.id = c.invoice_id join family_file f on f.id = c.family_file_id"
# at the desk: « Enregistrer un paiement au guichet » started by finances through /engine-rest, what is due in cheque
DESK=0
while IFS='|' read -r FILE_NUMBER INVOICE_NUMBER AMOUNT; do
    [ -z "$FILE_NUMBER" ] && continue
    if rest "$STAFF" POST /engine-rest/process-definition/key/deskPayment/submit-form "{\"variables\":{
        \"fileNumber\":{\"value\":\"$FILE_NUMBER\",\"type\":\"String\"},\"paymentMode\":{\"value\":\"CHEQUE\",\"type\":\"String\"},
        \"amount\":{\"value\":\"$AMOUNT\",\"type\":\"String\"},\"invoiceNumbers\":{\"value\":\"$INVOICE_NUMBER\",\"type\":\"String\"}}}" \
        >/dev/null; then
        DESK=$((DESK + 1))
    else
        echo "desk payment of $INVOICE_NUMBER refused"
    fi
done < <(psql -tAq -d "$DB" -F '|' -c "
    select w.file_number, w.number, replace((i.total - i.paid_amount)::text, '.', ',') from bench_wave_family w
    join invoice i on i.id = w.invoice_id where w.kind = 'DESK' order by w.invoice_id")
# the desk's receipts are mailed by their own processes: all sent before the wave's mails are counted
for _ in $(seq 1 2400); do
    [ "$(q "select count(*) from act_hi_procinst where proc_def_key_ = 'deskPayment' and end_time_ is null")" = 0 ] && break
    sleep 0.5
done
# paid without the process being told: the payment as billing records it and the case marked paid, as the
# payment's own transaction does, but no message to the process (lost: the node stopped right after the commit)
UNTOLD=$(psql -tAq -d "$DB" -c "
    with paid as (
        update invoice i set paid_amount = i.total, state = 'PAID' from bench_wave_family w
        where w.invoice_id = i.id and w.kind = 'UNTOLD' and i.state = 'PENDING' returning i.id, i.total),
    payment as (insert into invoice_payment (invoice_id, mode, amount, paid_at) select id, 'CHEQUE', total, now() from paid),
    followed as (update dunning_case c set state = 'PAID', closed_at = now() from paid where c.invoice_id = paid.id)
    select id from paid" | wc -l)
LETTERS=$(psql -tAq -d "$DB" -c "
    update guardian g set email = null from bench_wave_family w where w.family_file_id = g.family_file_id and w.kind = 'LETTER'
    returning 1" | wc -l)
echo "$DESK paid at the desk (told), $UNTOLD paid untold, $LETTERS guardians without e-mail"
sleep 3  # the sink writes its recipients as they come: what is there now are the invoices' mails and the desk's receipts
BEFORE=$(wc -l <"$OUT/mails.count.rcpt")

echo "== the reminder wave: every Timer_FirstReminder due now, in one SQL update"
read -r TIMERS WAVE_START WAVE_EPOCH <<<"$(psql -tAq -d "$DB" -F ' ' -c "
    with due as (
        update act_ru_job j set duedate_ = clock_timestamp(), rev_ = j.rev_ + 1 from act_ru_jobdef d
        where d.id_ = j.job_def_id_ and d.act_id_ = 'Timer_FirstReminder' returning 1)
    select count(*), to_char(clock_timestamp(), 'YYYY-MM-DD\"T\"HH24:MI:SS.USTZH'), extract(epoch from clock_timestamp()) from due")"
echo "$TIMERS timer jobs made due at $WAVE_START"
WAVE_DONE=0
for _ in $(seq 1 14400); do
    LEFT=$(q "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'Timer_FirstReminder'")
    if [ "$LEFT" = 0 ]; then WAVE_DONE=1; break; fi
    INCIDENTS=$(q "select count(*) from act_ru_incident")
    if [ -n "$INCIDENTS" ] && [ "$INCIDENTS" != 0 ]; then
        echo "incidents during the wave: see $OUT/app.log"; break
    fi
    sleep 0.5
done
read -r T_FIRST T_LAST REMINDERS <<<"$(psql -tAq -d "$DB" -F ' ' -c "
    select round(extract(epoch from min(sent_at) - '$WAVE_START'::timestamptz)::numeric, 3),
           round(extract(epoch from max(sent_at) - '$WAVE_START'::timestamptz)::numeric, 3), count(*)
    from dunning_reminder where kind = 'FIRST'")"
T_STEPS=$(q "select round(extract(epoch from max(end_time_) - '$WAVE_START'::timestamptz)::numeric, 3) from act_hi_actinst
    where act_id_ = 'Task_SendFirstReminder'")
# the mails leave after each job's commit: wait until the sink has them all (or nothing came for 30 s)
EXPECTED=$((BEFORE + $(q "select count(*) from dunning_reminder where channel = 'MAIL'")))
LAST_SEEN=-1; STILL=0
for _ in $(seq 1 1200); do
    SEEN=$(wc -l <"$OUT/mails.count.rcpt")
    [ "$SEEN" -ge "$EXPECTED" ] && break
    if [ "$SEEN" = "$LAST_SEEN" ]; then STILL=$((STILL + 1)); [ "$STILL" -ge 60 ] && break; else STILL=0; fi
    LAST_SEEN=$SEEN
    sleep 0.5
done
sleep 2  # the sink writes its stats every second
T_MAILS=$(awk -v s="$WAVE_EPOCH" '/^last/ {printf "%.3f", $2 - s}' "$OUT/mails.count.stats")

echo "== the day's letters, as finances print them (/agent/relances/courriers.pdf)"
TODAY=$(TZ=Europe/Paris date +%F)
JAR_COOKIES="$OUT/finances.cookies"
CSRF=$(curl -fsS -c "$JAR_COOKIES" "$BASE/agent/connexion" | grep -o 'name="_csrf"[^>]*' | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "username=banc-finances" \
    --data-urlencode "password=Banc-Finances-2026" --data-urlencode "_csrf=$CSRF" "$BASE/agent/connexion"
T_PDF=$(curl -fsS -b "$JAR_COOKIES" -o "$OUT/courriers.pdf" -w '%{time_total}' "$BASE/agent/relances/courriers.pdf?jour=$TODAY")
PDF_PAGES=$(pdfinfo "$OUT/courriers.pdf" | awk '/^Pages:/ {print $2}')
pdftotext "$OUT/courriers.pdf" "$OUT/courriers.txt"

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
# the letters' PDF: its page count and the family files it names (one letter a page)
psql -q -d "$DB" -c "drop table if exists bench_letter_pdf; create table bench_letter_pdf (pages int not null, file_number text)"
psql -q -d "$DB" -c "insert into bench_letter_pdf (pages) values (${PDF_PAGES:-0})"
grep -o 'Dossier famille n° B[0-9]*' "$OUT/courriers.txt" | sed 's/.* //' >"$OUT/courriers.files" || true
if [ -s "$OUT/courriers.files" ]; then
    psql -q -d "$DB" -c "create temporary table f (n text)" -c "\copy f from '$OUT/courriers.files'" \
        -c "insert into bench_letter_pdf (pages, file_number) select 0, n from f"
fi
psql -d "$DB" -f benchmarks/verify-dunning.sql | tee "$OUT/verify.txt"

{
    echo "== reminders: $FAMILIES families, month $MONTH ($(date -u +%FT%TZ), load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "invoices followed by unpaidInvoice:                  $CASES (publication → last process started: ${T_FOLLOWED} s)"
    echo "before the wave: $DESK paid at the desk (process told), $UNTOLD paid untold, $LETTERS families without e-mail"
    echo "first reminders made due at once (one SQL update):   $TIMERS jobs$([ "$WAVE_DONE" = 1 ] || echo ' (WAVE NOT FINISHED)')"
    echo "due → first reminder recorded:                       ${T_FIRST} s (the job executor's next acquisition)"
    echo "due → last reminder recorded:                        ${T_LAST} s ($REMINDERS first reminders, $(echo "scale=1; $REMINDERS / ($T_LAST - $T_FIRST + 0.001)" | bc) per second after the first)"
    echo "due → last step « Envoyer la 1re relance » ended:    ${T_STEPS} s (the untold payments' checks included)"
    echo "due → last reminder mail at the sink:                ${T_MAILS} s ($(wc -l <"$OUT/reminders.rcpt") reminder mails)"
    echo "the day's letters as one PDF:                        $PDF_PAGES pages in ${T_PDF} s"
    echo "memory during the run: $MEMORY"
    echo "checks: $(grep -c ' ok$' "$OUT/verify.txt") ok, $(grep -c 'FAILED' "$OUT/verify.txt") failed (see verify.txt)"
} | tee "$OUT/figures.txt"
