#!/usr/bin/env bash
# Crash and restart: the packaged jar, production-like, on a fresh database; the
# JVM is killed with SIGKILL (no shutdown hook, no rollback but PostgreSQL's own) and started again:
#   (c) during a booking burst: every save answered « Enregistré » is in the database, no child
#       twice on a day, the day's counter equals its bookings and holds the capacity;
#   (a) during the monthly billing run, twice: while the drafts are computed (batches), and while
#       the invoices are numbered and their PDFs stored (one transaction): after restart the run
#       completes, every family billed once, invoice numbers 1..N without gap or duplicate;
#   (b) between receiving payment notifications (IPN) and settling them: (b1) the exact state a
#       crash leaves after the notification is stored and before it is applied (stored row, not
#       applied — built in SQL: the window is a few milliseconds inside one request and no test hook
#       exists in the code), then SIGKILL; (b2) SIGKILL during a burst of real notifications; after
#       restart and the gateway's retries, each payment settled exactly once;
#   (d) a paid notification after a refused one (another attempt at the bank), a SIGKILL between the
#       two: the invoice ends settled once, or the money in a finances task;
#   and after each restart: no incident left, or incidents visible and retried through /engine-rest.
# Prints PASS/FAIL per check, exits non-zero on any failure; kills its JVM and drops its database on
# every exit. Needs target/portail-famille-*.jar. KEEP_LOGS=1 keeps the logs. Options (environment):
# KILL_PORT (19220), KILL_DB (portail_cl_kill), KILL_FAMILIES (150), KILL_BATCH (25 families per draft
# transaction: the run is drafted in several batches, so the kill lands between two), KILL_BURST (120
# saves), KILL_LOCK_MS (60000).
source "$(dirname "$0")/cluster-lib.sh"

PORT=${KILL_PORT:-19220}
DB=${KILL_DB:-portail_cl_kill}
FAMILIES=${KILL_FAMILIES:-150}
BURST=${KILL_BURST:-120}
# the day of the burst: the first one a family can book today (bookable_day); the month billed: the
# last one that has ended, its first four Wednesdays booked by every child
BURST_DAY=
BILLED_MONTH=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
BASE="http://127.0.0.1:$PORT"
SHOP_KEY=cle-de-test-du-script-de-crash
STARTED=$(date +%s)
# A job locked by a killed node is taken again once its lock expires (lock-time-in-millis, 5 min
# by default: longer than any job); KILL_LOCK_MS (60 s) here so the script does not wait 5 minutes.
# It must stay longer than the publication of the run (one transaction): with 20 s on a loaded
# machine the publication (about 45 s) was taken again before it ended and every attempt rolled
# back (OptimisticLockingException) — the same would happen in production with a run whose
# publication outlasts the 5 minutes. An idle job executor backs off up to max-wait (60 s by
# default): 5 s here.
NODE_ENV=(CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS=${KILL_LOCK_MS:-60000} CAMUNDA_BPM_JOBEXECUTION_MAXWAIT=5000
          BILLING_BATCHSIZE=${KILL_BATCH:-25}
          SYSTEMPAY_SITE_ID=12345678 SYSTEMPAY_CTX_MODE=TEST SYSTEMPAY_TEST_KEY=$SHOP_KEY)

start() { start_node "$PORT" "${NODE_ENV[@]}"; if wait_ready "$PORT"; then pass "node ready ($1)"; else fail "node not ready ($1)"; finish; exit 1; fi; }
restart() { crash_node "$PORT"; echo "   SIGKILL sent ($1); restarting"; start "after SIGKILL $1"; }

# wait_for "SQL returning t/f" SECONDS: 0 as soon as the query answers t
wait_for() {
    local i
    for ((i = 0; i < $2; i++)); do [ "$(sql "$1")" = t ] && return 0; sleep 1; done
    return 1
}

# incidents: none expected; any that exists must be visible through /engine-rest and is retried there
incidents() {
    local count ids id
    count=$(sql "select count(*) from act_ru_incident")
    if [ "$count" = 0 ]; then pass "$1: no incident"; return; fi
    ids=$(rest "$BASE/engine-rest/incident" | python3 -c 'import json,sys; print(" ".join(i["configuration"] for i in json.load(sys.stdin) if i["incidentType"]=="failedJob"))')
    if [ -n "$ids" ]; then pass "$1: $count incident(s) visible through /engine-rest"; else fail "$1: $count incident(s) not visible through /engine-rest"; fi
    for id in $ids; do rest -X PUT -d '{"retries":1}' -o /dev/null "$BASE/engine-rest/job/$id/retries"; done
    wait_for "select count(*) = 0 from act_ru_incident" 90 && pass "$1: incidents retried, none left" \
        || fail "$1: incidents left after retry: $(sql "select string_agg(incident_msg_, ' | ') from act_ru_incident")"
}

echo "== fresh database $DB, node on $BASE"
fresh_db "$DB"
start "fresh database"
seed_families "$FAMILIES"
ACTIVITY=$(sql "select id from activity where code = 'CENTRE_LOISIRS'")
BURST_DAY=$(bookable_day "$BASE" rush00001 "$(sed -n 2p "$WORK/families.csv" | cut -d, -f2)" "$ACTIVITY")
if [ -n "$BURST_DAY" ]; then pass "the day to book, offered by « Modifier le planning »: $BURST_DAY"; else fail "no bookable day offered"; finish; exit 1; fi
day_capacity "$BURST_DAY" $((BURST / 2))
# what the month to bill holds: a tariff, and four Wednesdays booked by every seeded child
sql "insert into activity_tariff (activity_id, valid_from, qf_min, qf_max, sibling_rank, unit_price)
     select $ACTIVITY, date '2025-09-01', 0, null, r, 12.50 - r from generate_series(1, 3) r"
sql "insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
     select c.family_file_id, c.id, $ACTIVITY, d, 'BOOKED', now(), 'PLANNING', 'script', now()
     from child c, (select d::date from generate_series(date '$BILLED_MONTH-01', date '$BILLED_MONTH-01' + 27, interval '1 day') d
                    where extract(isodow from d) = 3) w(d)"

echo "== (c) SIGKILL during a burst of $BURST saves for $BURST_DAY (capacity $((BURST / 2)))"
RESULTS="$WORK/burst"
: >"$RESULTS"
SAVES=()
n=0
while IFS=, read -r user child1 _ _; do
    [ "$user" = username ] && continue
    [ "$n" -ge "$BURST" ] && break
    family_books "$BASE" "$user" "$child1" "$ACTIVITY" "$BURST_DAY" "$RESULTS" &
    SAVES+=($!)
    n=$((n + 1))
done <"$WORK/families.csv"
wait_for "select count(*) >= $((BURST / 4)) from booking where day = date '$BURST_DAY'" 300 || true
restart "with $(sql "select count(*) from booking where day = date '$BURST_DAY'") of $BURST saves in the database"
wait "${SAVES[@]}" 2>/dev/null || true
echo "   answers before the kill: $(grep -c ' OK$' "$RESULTS") saved and reported, $(grep -c ' OK-' "$RESULTS") saved (redirect) with the report unread, $(grep -vc ' OK' "$RESULTS") without answer or refused"
check_day "$BURST_DAY" "$RESULTS" "after the crash"
check "audit lines = bookings" "$(sql "select count(*) from booking_audit a join booking b on b.id = a.booking_id where b.day = date '$BURST_DAY'")" \
    "$(sql "select count(*) from booking where day = date '$BURST_DAY'")"
# the families without an answer save again, as they would: everybody ends up booked or waiting, once
RETRY="$WORK/burst-retry"
: >"$RETRY"
SAVES=()
while read -r user child result; do
    if [ "${result:0:2}" != OK ]; then family_books "$BASE" "$user" "$child" "$ACTIVITY" "$BURST_DAY" "$RETRY" & SAVES+=($!); fi
done <"$RESULTS"
[ "${#SAVES[@]}" -gt 0 ] && wait "${SAVES[@]}"
echo "   login answers « Réessayez dans quelques secondes » in the burst and the saves again (each family tried again): $(busy_logins)"
echo "   waits in the waiting room (each family kept its place and went on): $(room_waits)"
check "saves again after restart answered « Enregistré »" "$(grep -c ' OK$' "$RETRY")" "${#SAVES[@]}"
grep -v ' OK$' "$RETRY" | sed 's/^/   not answered: /' || true
check "every child of the burst booked or waiting exactly once" \
    "$(sql "select count(*) from booking where day = date '$BURST_DAY' and state in ('BOOKED', 'WAITING')")" "$n"
cat "$RESULTS" "$RETRY" >"$WORK/burst-all"
check_day "$BURST_DAY" "$WORK/burst-all" "after the saves again"
incidents "booking burst"

echo "== (a1) SIGKILL while the drafts of $BILLED_MONTH are computed ($FAMILIES families)"
rest -X POST -o /dev/null -w '   billMonth message: HTTP %{http_code}\n' "$BASE/engine-rest/message" \
    -d "{\"messageName\":\"billMonth\",\"processVariables\":{\"month\":{\"value\":\"$BILLED_MONTH\",\"type\":\"String\"}}}"
if wait_for "select coalesce(bool_or(families_done > 0), false) from billing_run" 300; then
    restart "at $(sql "select families_done || '/' || families_total || ' families drafted' from billing_run")"
else
    fail "the drafting never started"
fi
if wait_for "select bool_and(state = 'REVIEW') from billing_run" 600; then pass "the run resumed after restart and awaits review"; else fail "run state: $(sql "select state || ' ' || families_done || '/' || families_total from billing_run")"; fi
check "one billing run" "$(sql "select count(*) from billing_run")" 1
check "one draft per family" "$(sql "select count(*) from invoice where state = 'DRAFT'")" "$FAMILIES"
check "no family drafted twice" "$(sql "select count(*) from (select family_file_id from invoice group by family_file_id, month having count(*) > 1) d")" 0
check "each draft bills the eight booked days once (two children, four Wednesdays)" \
    "$(sql "select count(*) from invoice i where state = 'DRAFT'
            and (select coalesce(sum(quantity), 0) from invoice_line l where l.invoice_id = i.id) <> 8")" 0
incidents "drafting"

echo "== (a2) SIGKILL while the invoices are numbered and their PDFs stored"
PI=$(sql "select process_instance_id from billing_run")
TASK=$(sql "select id_ from act_ru_task where proc_inst_id_ = '$PI'")
rest -X POST -o /dev/null -w '   review task completed (publish): HTTP %{http_code}\n' "$BASE/engine-rest/task/$TASK/complete" \
    -d '{"variables":{"publish":{"value":true,"type":"Boolean"}}}'
if wait_for "select count(*) > 0 from act_ru_job where process_instance_id_ = '$PI' and lock_owner_ is not null" 120; then
    sleep 2
    restart "publication in progress, $(sql "select count(*) from invoice where number is not null") numbered in the database"
else
    fail "the publication job was never taken"
fi
if wait_for "select bool_and(state = 'PUBLISHED') from billing_run" 600; then pass "the publication completed after restart"; else fail "run state: $(sql "select state from billing_run")"; fi
check "every draft published" "$(sql "select count(*) from invoice where state = 'PENDING'")" "$FAMILIES"
check "invoice numbers without duplicate" "$(sql "select count(*) - count(distinct number) from invoice where number is not null")" 0
check "invoice numbers without gap (1..N)" \
    "$(sql "select coalesce(max(substr(number, 9)::int), 0) = count(*) and min(substr(number, 9)::int) = 1 from invoice where number is not null")" t
check "the year's counter = the last number" \
    "$(sql "select last_number from invoice_counter")" "$(sql "select count(*) from invoice where number is not null")"
if wait_for "select count(*) = 0 from act_ru_execution where proc_inst_id_ = '$PI'" 300; then pass "the billing process ended (families told)"; else fail "the billing process did not end"; fi
check "every invoice notified once" "$(sql "select count(*) from invoice where notified_at is null")" 0
incidents "publication"

echo "== (b) payments: SIGKILL between the notification and its settlement"
PAYERS=${KILL_PAYERS:-8}
: >"$WORK/payments"
for user in $(sql "select a.username from portal_account a where a.username like 'rush%' order by a.username limit $PAYERS"); do
    jar="$WORK/pay-$user"
    login "$BASE" "$jar" "$user" || { fail "login of $user"; continue; }
    invoice=$(sql "select i.id from invoice i join family_file f on f.id = i.family_file_id join portal_account a on a.id = f.account_id
                   where a.username = '$user' and i.state = 'PENDING'")
    token=$(curl -s -b "$jar" -c "$jar" "$BASE/facturation/paiement" | csrf_of)
    curl -s -b "$jar" -c "$jar" -o /dev/null -d "_csrf=$token" -d "facture=$invoice" "$BASE/facturation/paiement"
done
check "payments started through « Payer en ligne »" "$(sql "select count(*) from payment where status = 'PENDING'")" "$PAYERS"
# the bank's notification of a payment (signed like SystemPay: HMAC-SHA-256 of the sorted vads_* values);
# ipn_body <payment id> [trans status (AUTHORISED)] [trans uuid (uuid<order>)]
ipn_body() {
    sql "select order_id, trans_date, trans_id, amount_cents from payment where id = $1" | python3 -c '
import base64, hashlib, hmac, sys, urllib.parse
order, date, trans, amount = sys.stdin.read().strip().split("|")
f = {"vads_site_id": "12345678", "vads_ctx_mode": "TEST", "vads_order_id": order, "vads_trans_date": date,
     "vads_trans_id": trans, "vads_amount": amount, "vads_effective_amount": amount, "vads_currency": "978",
     "vads_trans_status": sys.argv[2], "vads_result": "00" if sys.argv[2] == "AUTHORISED" else "05",
     "vads_trans_uuid": sys.argv[3] or "uuid" + order, "vads_url_check_src": "PAY"}
key = sys.argv[1]
signed = "+".join(f[k] for k in sorted(f)) + "+" + key
f["signature"] = base64.b64encode(hmac.new(key.encode(), signed.encode(), hashlib.sha256).digest()).decode()
print(urllib.parse.urlencode(f))' "$SHOP_KEY" "${2:-AUTHORISED}" "${3:-}"
}
ipn() { curl -s --max-time 120 -o /dev/null -w '%{http_code}' -d "$(ipn_body "$@")" "$BASE/paiement/systempay/ipn" || true; }
FIRST=$(sql "select min(id) from payment")
echo "   (b1) payment $FIRST: its notification stored, not applied, then SIGKILL"
python3 - "$(ipn_body "$FIRST")" >"$WORK/raw" <<'EOF'
import sys, urllib.parse
pairs = urllib.parse.parse_qsl(sys.argv[1], keep_blank_values=True)
print("&".join(urllib.parse.quote_plus(k) + "=" + urllib.parse.quote_plus(v) for k, v in pairs))
EOF
# the row as the portal stores a received notification (its columns read from the fields, the
# transaction's uuid among them: a retry of the same transaction is then known as the same one)
sql "insert into payment_notification (order_id, trans_id, trans_date, trans_uuid, trans_status, url_check_src, raw_fields)
     select order_id, trans_id, trans_date, 'uuid' || order_id, 'AUTHORISED', 'PAY', '$(cat "$WORK/raw")' from payment where id = $FIRST"
restart "with a stored notification not applied"
# replayed once the node is ready, on a thread of its own (the start does not wait for it)
if wait_for "select coalesce(bool_and(outcome = 'SETTLED'), false) from payment_notification where order_id = (select order_id from payment where id = $FIRST)" 60; then
    pass "(b1) the stored notification applied at restart"
else
    fail "(b1) the stored notification not applied after restart: $(sql "select coalesce(outcome, 'not applied') from payment_notification where order_id = (select order_id from payment where id = $FIRST)")"
fi
check "(b1) the gateway's retry is answered 200" "$(ipn "$FIRST")" 200
echo "   (b2) SIGKILL during a burst of notifications for the other payments"
CALLS=()
for id in $(sql "select id from payment where id <> $FIRST order by id"); do ipn "$id" >"$WORK/ipn-$id" & CALLS+=($!); done
sleep 0.3
restart "during $((PAYERS - 1)) notifications"
wait "${CALLS[@]}" 2>/dev/null || true
echo "   answered before the kill: $(cat "$WORK"/ipn-* | grep -o 200 | wc -l) of $((PAYERS - 1))"
retried=0
for id in $(sql "select id from payment where id <> $FIRST order by id"); do
    [ "$(ipn "$id")" = 200 ] && retried=$((retried + 1))
done
check "(b2) every retry of the gateway answered 200" "$retried" $((PAYERS - 1))
check "every payment PAID" "$(sql "select count(*) from payment where status = 'PAID'")" "$PAYERS"
check "every paid invoice settled exactly once" \
    "$(sql "select count(*) from invoice i join payment_invoice pi on pi.invoice_id = i.id
            where i.state <> 'PAID' or i.paid_amount <> i.total or (select count(*) from invoice_payment p where p.invoice_id = i.id) <> 1")" 0
check "one SETTLED notification per payment" \
    "$(sql "select count(distinct order_id) from payment_notification where outcome = 'SETTLED'")/$(sql "select count(*) from payment_notification where outcome = 'SETTLED'")" \
    "$PAYERS/$PAYERS"
check "no refund owed" "$(sql "select count(*) from payment_refund")" 0
if wait_for "select count(*) = 0 from payment_notification where correlated_at is null" 60; then pass "every notification told to its process"; else fail "notifications never told"; fi
if wait_for "select count(*) = 0 from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ = 'invoicePayment'" 120; then
    pass "every payment process ended"
else
    fail "payment processes still running: $(sql "select count(distinct e.proc_inst_id_) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ = 'invoicePayment'")"
fi
incidents "payments"

# « a paid notification after a refused one »: the family's card is refused, it tries again at the
# bank and the second attempt (another vads_trans_uuid) is paid; a SIGKILL between the two. The money
# must end settled (invoice PAID once, receipt) or in a finances task (« Rembourser un paiement » /
# « Vérifier un paiement »), never only as a stored notification.
paid_after_refused() {
    echo "== (d) a paid notification after a refused one"
    local user jar invoice token payment
    user=$(sql "select a.username from portal_account a join family_file f on f.account_id = a.id
                join invoice i on i.family_file_id = f.id and i.state = 'PENDING'
                where a.username like 'rush%' and not exists (select 1 from payment p where p.family_file_id = f.id)
                order by a.username limit 1")
    jar="$WORK/pay-again-$user"
    login "$BASE" "$jar" "$user" || { fail "(d) login of $user"; return; }
    invoice=$(sql "select i.id from invoice i join family_file f on f.id = i.family_file_id join portal_account a on a.id = f.account_id
                   where a.username = '$user' and i.state = 'PENDING'")
    token=$(curl -s -b "$jar" -c "$jar" "$BASE/facturation/paiement" | csrf_of)
    curl -s -b "$jar" -c "$jar" -o /dev/null -d "_csrf=$token" -d "facture=$invoice" "$BASE/facturation/paiement"
    payment=$(sql "select p.id from payment p join payment_invoice pi on pi.payment_id = p.id where pi.invoice_id = $invoice")
    [ -n "$payment" ] || { fail "(d) payment started through « Payer en ligne »"; return; }
    check "(d) the refused notification answered 200" "$(ipn "$payment" REFUSED "uuid-refused-$payment")" 200
    check "(d) payment refused, invoice still to pay" "$(sql "select p.status || '/' || i.state from payment p, invoice i
        where p.id = $payment and i.id = $invoice")" "REFUSED/PENDING"
    restart "between a refused and a paid notification"
    check "(d) the paid notification (another transaction) answered 200" "$(ipn "$payment" AUTHORISED "uuid-paid-$payment")" 200
    check "(d) its retry answered 200" "$(ipn "$payment" AUTHORISED "uuid-paid-$payment")" 200
    local settled tasks
    settled=$(sql "select count(*) from invoice i where i.id = $invoice and i.state = 'PAID'
                   and (select count(*) from invoice_payment p where p.invoice_id = i.id) = 1")
    tasks=$(sql "select count(*) from act_ru_task where name_ in ('Rembourser un paiement', 'Vérifier un paiement')")
    if [ "$settled" = 1 ] || [ "$tasks" -ge 1 ]; then
        pass "(d) the money ended settled (invoice PAID once: $settled) or in a finances task ($tasks)"
    else
        fail "(d) the paid notification after a refused one settled nothing and left no finances task"
    fi
    if wait_for "select count(*) = 0 from payment_notification where correlated_at is null" 60; then
        pass "(d) every notification told to its process"
    else
        fail "(d) notifications never told"
    fi
    if wait_for "select count(*) = 0 from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                 where d.key_ = 'latePayment' and e.business_key_ = '$payment'" 120; then
        pass "(d) the receipt step ended"
    else
        fail "(d) latePayment still running for payment $payment"
    fi
    incidents "paid after refused"
}
paid_after_refused

echo "kill-restart.sh took $(($(date +%s) - STARTED)) s"
finish
