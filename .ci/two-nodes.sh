#!/usr/bin/env bash
# Two app nodes on one database: the packaged jar started twice, production-like,
# on two ports against ONE fresh PostgreSQL database, both job executors on. Checks:
#   (a) both started at the same instant on a fresh database: Flyway applied once, one deployment per
#       resource set, both ready;
#   (b) a family logged in on node A is logged in on node B (sessions in PostgreSQL);
#   (c) a 24 h activation timer, made due, fires exactly once across the cluster;
#   (d) capacity holds when saves for one day hit both nodes at once;
#   (f) the rate limits are shared: wrong passwords for one account spread over both nodes get the
#       allowance once (portal.login-throttle.max-failures-per-account), not once per node;
#   (g) the waiting room is one queue: families queued on node A (restarted past capacity) are let in
#       by node B in their order of arrival when they ask node B, and a newcomer on B queues behind them.
# Prints PASS/FAIL per check, exits non-zero on any failure; kills its JVMs and drops its database
# on every exit. Needs target/portail-famille-*.jar (mvn -B -DskipTests package). KEEP_LOGS=1 keeps
# the nodes' logs. TWO_NODES_ONLY_LIMITS=1 stops after (f), TWO_NODES_ONLY_ROOM=1 runs (g) right after (f). Ports: CLUSTER_PORT_A/B (19210, 19211); database: CLUSTER_DB (portail_cl_two).
source "$(dirname "$0")/cluster-lib.sh"

A=${CLUSTER_PORT_A:-19210}
B=${CLUSTER_PORT_B:-19211}
DB=${CLUSTER_DB:-portail_cl_two}
BOOKINGS=${CLUSTER_BOOKINGS:-40}
CAPACITY=${CLUSTER_CAPACITY:-10}
# the day booked in (d): CLUSTER_DAY, or the first day a family can book on the planning page today
DAY=${CLUSTER_DAY:-}
STARTED=$(date +%s)
# an idle job executor backs off up to max-wait (60 s by default) between acquisitions; 5 s here so
# the timer moved to "now" is picked up within seconds (production keeps the default)
FAST_ACQUISITION=(CAMUNDA_BPM_JOBEXECUTION_MAXWAIT=5000)

# what each node makes sure of at start (check, then create): made once however the nodes race
start_up_writes_once() {
    check "($1) staff groups created once" "$(sql "select count(*) - count(distinct id_) from act_id_group")" 0
    check "($1) the five staff groups exist" "$(sql "select count(*) from act_id_group")" 5
    # one « Tâches de mon service » per service (4, same name) and one « Mes tâches »
    check "($1) Tasklist filters created once" "$(sql "select count(*) from act_ru_filter")" 5
    check "($1) no authorization twice" "$(sql "select count(*) from (select 1 from act_ru_authorization
        group by type_, group_id_, user_id_, resource_type_, resource_id_ having count(*) > 1) d")" 0
}

# (f) FAMILY: wrong passwords alternately on node A and node B; prints how many were checked
# (« erreur ») and how many refused (« bloque »): the allowance is counted in PostgreSQL, once
shared_limits_across_nodes() {
    local user=$1 allowance=$2 attempts=$(( $2 * 2 )) jar="$WORK/limits" i base token answer erreur=0 bloque=0
    for ((i = 0; i < attempts; i++)); do
        if (( i % 2 == 0 )); then base="http://127.0.0.1:$A"; else base="http://127.0.0.1:$B"; fi
        rm -f "$jar"
        token=$(curl -s -c "$jar" -b "$jar" "$base/connexion" | csrf_of)
        answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$token" \
            --data-urlencode "username=$user" --data-urlencode "password=faux-$i" "$base/connexion")
        case "$answer" in
            *"?erreur"*) erreur=$((erreur + 1)) ;;
            *"?bloque"*) bloque=$((bloque + 1)) ;;
            *) echo "   attempt $i on $base answered '$answer'" ;;
        esac
    done
    check "(f) wrong passwords checked over both nodes" "$erreur" "$allowance"
    check "(f) the others refused, on either node" "$bloque" "$((attempts - allowance))"
    check "(f) the account's bucket is one row in PostgreSQL" \
        "$(sql "select count(*) from rate_limit_bucket where id = 'login-account:family:$user'")" 1
}

# (g) COUNT: node A restarted past capacity whatever its load (max-in-flight 0: every newcomer queues there
# and A lets nobody in), node B restarted letting in one family a second. A minute of queue is ahead of
# them (60 places taken by families who left: the queue moves past them at its pace), so that node B is
# still letting families in when the last arrive, on a loaded machine too. COUNT families arrive one after
# the other on node A and each gets the next ticket; a family reloads its page on both nodes and keeps
# it; a newcomer on node B queues behind them. Then all ask node B where they stand, in turns, each turn
# from the last arrived to the first (a family seen in means every family before it is in, the shared
# « served up to » only grows): the families in are always the first ones. Once in, a family logs in on
# node B.
waiting_room_across_nodes() {
    local count=$1 a="http://127.0.0.1:$A" b="http://127.0.0.1:$B" i jar ticket tickets="" expected="" first
    echo "== (g) one waiting room for both nodes: node A past capacity, node B letting in one family a second"
    stop_node "$A"; stop_node "$B"
    start_node "$A" PORTAL_WAITING_ROOM_MAX_IN_FLIGHT=0
    start_node "$B" PORTAL_WAITING_ROOM_ADMIT_PER_SECOND=1 PORTAL_WAITING_ROOM_MAX_ADMIT_PER_SECOND=1
    if ! wait_ready "$A" || ! wait_ready "$B"; then fail "(g) the nodes did not start again"; return; fi
    first=$(sql "select max(n) from (select nextval('waiting_room_ticket_seq') as n from generate_series(1, 60)) t")
    for ((i = 1; i <= count; i++)); do
        jar="$WORK/room-$i"
        rm -f "$jar"
        curl -s -c "$jar" -b "$jar" -L --max-time 30 -o "$WORK/room-$i.html" "$a/connexion" || true
        grep -q 'Vous êtes n° <strong data-place>[0-9]*</strong> dans la file' "$WORK/room-$i.html" \
            || fail "(g) family $i on node A: no place on the waiting page"
        ticket=$(curl -s -b "$jar" --max-time 30 "$a/salle-d-attente/etat" | grep -o '"ticket":[0-9]*' | cut -d: -f2 || true)
        tickets+="$ticket "
        expected+="$((first + i)) "
    done
    check "(g) families on node A numbered in their order of arrival" "$tickets" "$expected"
    curl -s -b "$WORK/room-1" -o /dev/null --max-time 30 "$a/connexion" || true
    curl -s -b "$WORK/room-1" -o /dev/null --max-time 30 "$b/salle-d-attente" || true
    curl -s -b "$WORK/room-1" -o /dev/null --max-time 30 "$b/planning" || true
    # node B learns of the queue at its next pulse (1 s): from then on nobody overtakes on B either
    sleep 2
    jar="$WORK/room-$((count + 1))"
    rm -f "$jar"
    curl -s -c "$jar" -b "$jar" -o /dev/null --max-time 30 "$b/connexion" || true
    ticket=$(curl -s -b "$jar" --max-time 30 "$b/salle-d-attente/etat" | grep -o '"ticket":[0-9]*' | cut -d: -f2 || true)
    check "(g) a newcomer on node B takes the next ticket, behind them" "$ticket" "$((first + count + 1))"
    check "(g) reloads and retries on either node took no ticket" \
        "$(sql "select case when is_called then last_value else 0 end from waiting_room_ticket_seq")" "$((first + count + 1))"
    local -a inside=()
    local turn seen order="in arrival order" entered=0
    for ((turn = 0; turn < 600 && entered <= count; turn++)); do
        seen=""
        for ((i = count + 1; i >= 1; i--)); do
            if [ "${inside[$i]:-0}" = 0 ] && curl -s -b "$WORK/room-$i" --max-time 10 "$b/salle-d-attente/etat" | grep -q '"entree":true'; then
                inside[$i]=1
                entered=$((entered + 1))
            fi
            seen="${inside[$i]:-0}$seen"
        done
        # « 01 »: a family still waiting while one that came after it is in
        if [[ $seen == *01* ]] && [ "$order" = "in arrival order" ]; then order="out of order at turn $turn: $seen"; fi
        sleep 0.2
    done
    check "(g) all $((count + 1)) families let in by node B" "$entered" "$((count + 1))"
    check "(g) let in by node B" "$order" "in arrival order"
    check "(g) once in, node B sends the first family where it was going" \
        "$(curl -s -b "$WORK/room-1" -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 30 "$b/salle-d-attente?retour=%2Fconnexion" || true)" \
        "303 $b/connexion"
    if login "$b" "$WORK/room-1" rush00001; then pass "(g) the first family logs in on node B"; else fail "(g) login on node B after the wait"; fi
}

echo "== (a) two nodes started at the same instant on a fresh database $DB"
fresh_db "$DB"
start_node "$A" "${FAST_ACQUISITION[@]}"
start_node "$B" "${FAST_ACQUISITION[@]}"
ready_a=no ready_b=no
wait_ready "$A" && ready_a=yes
wait_ready "$B" && ready_b=yes
check "node A ready" "$ready_a" yes
check "node B ready" "$ready_b" yes
if [ "$ready_a$ready_b" != yesyes ]; then finish; exit 1; fi
check "Flyway migrations each applied once" \
    "$(sql "select count(*) - count(distinct version) from flyway_schema_history where version is not null")" 0
check "Flyway migrations all successful" "$(sql "select count(*) from flyway_schema_history where not success")" 0
check "one Camunda deployment in the database" "$(sql "select count(*) from act_re_deployment")" 1
check "each process definition deployed once" \
    "$(sql "select count(*) from act_re_procdef group by key_ order by count(*) desc limit 1")" 1
check "each resource stored once" \
    "$(sql "select count(*) from act_ge_bytearray where deployment_id_ is not null group by name_ order by count(*) desc limit 1")" 1
start_up_writes_once "a"

echo "== (b) a session opened on node A is open on node B"
# one family more than the saves of (d): (f) blocks its account with wrong passwords, so it books nothing
seed_families $((BOOKINGS + 1))
ACTIVITY=$(sql "select id from activity where code = 'CENTRE_LOISIRS'")
LIMITS_USER=$(tail -1 "$WORK/families.csv" | cut -d, -f1)
if [ -z "$DAY" ]; then
    DAY=$(bookable_day "http://127.0.0.1:$A" rush00001 "$(sed -n 2p "$WORK/families.csv" | cut -d, -f2)" "$ACTIVITY")
fi
if [ -n "$DAY" ]; then pass "the day to book, offered by « Modifier le planning »: $DAY"; else fail "no bookable day offered"; finish; exit 1; fi
day_capacity "$DAY" "$CAPACITY"
JAR_AB="$WORK/session-ab"
if login "http://127.0.0.1:$A" "$JAR_AB" rush00001; then pass "family logged in on node A"; else fail "login on node A"; fi
if curl -s -b "$JAR_AB" "http://127.0.0.1:$B/" | grep -q 'action="/deconnexion"'; then
    pass "the same cookie on node B shows the logged-in home page"
else
    fail "node B does not know the session of node A"
fi
curl -s -b "$JAR_AB" -c "$JAR_AB" "http://127.0.0.1:$B/" | csrf_of >"$WORK/token"
curl -s -b "$JAR_AB" -c "$JAR_AB" -o /dev/null -d "_csrf=$(cat "$WORK/token")" "http://127.0.0.1:$B/deconnexion"
if curl -s -b "$JAR_AB" "http://127.0.0.1:$A/" | grep -q 'action="/deconnexion"'; then
    fail "logged out on node B but still logged in on node A"
else
    pass "logged out on node B: logged out on node A too"
fi

echo "== (f) rate limits shared by the nodes"
shared_limits_across_nodes "$LIMITS_USER" "${CLUSTER_LOGIN_ALLOWANCE:-5}"
if [ "${TWO_NODES_ONLY_LIMITS:-0}" = 1 ]; then finish; exit $((FAILURES > 0)); fi
if [ "${TWO_NODES_ONLY_ROOM:-0}" = 1 ]; then waiting_room_across_nodes "${CLUSTER_ROOM_FAMILIES:-6}"; finish; exit $((FAILURES > 0)); fi

echo "== (c) the 24 h activation timer fires once across the cluster"
SIGNUP="$WORK/signup"
base="http://127.0.0.1:$A"
post_step() { # path field=value…: one sign-up step with the token of the page before
    local path=$1; shift
    local token args=()
    token=$(curl -s -b "$SIGNUP" -c "$SIGNUP" "$base$path" | csrf_of)
    for f in "$@"; do args+=(--data-urlencode "$f"); done
    curl -s -b "$SIGNUP" -c "$SIGNUP" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$token" "${args[@]}" "$base${POST_TO:-$path}"
}
post_step /inscription civility=Mme lastName=GRAPPE firstName=Alice email=alice.grappe@banc-essai.example.org \
    phone=0102030405 username=grappe.alice password="$FAMILY_PASSWORD" passwordConfirmation="$FAMILY_PASSWORD" >/dev/null
post_step /inscription/dossier without=oui >/dev/null
post_step /inscription/conditions accept=oui >/dev/null
POST_TO=/inscription/valider post_step /inscription/recapitulatif >"$WORK/signup-end"
ACCOUNT=$(sql "select id from portal_account where username = 'grappe.alice' and status = 'PENDING'")
if [ -n "$ACCOUNT" ]; then pass "sign-up through the four steps: pending account $ACCOUNT"; else fail "sign-up left no pending account"; fi
PI=$(sql "select id_ from act_ru_execution where business_key_ = '$ACCOUNT' and parent_id_ is null")
for _ in $(seq 1 60); do  # the activation link is mailed first, by an asynchronous step
    TIMER=$(sql "select count(*) from act_ru_job where process_instance_id_ = '$PI' and type_ = 'timer'")
    [ "$TIMER" = 1 ] && break
    sleep 1
done
check "its activation process waits on one timer" "$TIMER" 1
sql "update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ = '$PI' and type_ = 'timer'"
for _ in $(seq 1 60); do
    [ "$(sql "select count(*) from act_hi_procinst where id_ = '$PI' and end_time_ is not null")" = 1 ] && break
    sleep 1
done
check "the process ended" "$(sql "select state_ from act_hi_procinst where id_ = '$PI'")" COMPLETED
check "the purge step ran once (history)" \
    "$(sql "select count(*) from act_hi_actinst where proc_inst_id_ = '$PI' and act_id_ = 'Task_PurgePendingAccount'")" 1
check "the timer fired once (history)" \
    "$(sql "select count(*) from act_hi_actinst where proc_inst_id_ = '$PI' and act_id_ = 'Timer_ActivationExpired' and end_time_ is not null")" 1
check "the pending account is gone" "$(sql "select count(*) from portal_account where username = 'grappe.alice'")" 0
check "no incident" "$(sql "select count(*) from act_ru_incident")" 0
check "no job left with an exception" "$(sql "select count(*) from act_ru_job where exception_msg_ is not null")" 0

echo "== (d) $BOOKINGS saves for $DAY (capacity $CAPACITY) split over both nodes at once"
RESULTS="$WORK/bookings"
: >"$RESULTS"
n=0
SAVES=()
while IFS=, read -r user child1 _ _; do
    [ "$user" = username ] || [ "$user" = "$LIMITS_USER" ] && continue
    if [ $((n % 2)) = 0 ]; then port=$A; else port=$B; fi
    family_books "http://127.0.0.1:$port" "$user" "$child1" "$ACTIVITY" "$DAY" "$RESULTS" &
    SAVES+=($!)
    n=$((n + 1))
done <"$WORK/families.csv"
wait "${SAVES[@]}"
echo "   login answers « Réessayez dans quelques secondes » (each family tried again): $(busy_logins)"
echo "   waits in the waiting room (each family kept its place and went on): $(room_waits)"
check "every save answered by its « Enregistré » report" "$(grep -c ' OK$' "$RESULTS")" "$n"
grep -v ' OK$' "$RESULTS" | sed 's/^/   not answered: /' || true
check "exactly the capacity booked" "$(sql "select count(*) from booking where day = date '$DAY' and state = 'BOOKED'")" "$CAPACITY"
check "the others on the waiting list" \
    "$(sql "select count(*) from booking where day = date '$DAY' and state = 'WAITING'")" $((n - CAPACITY))
check_day "$DAY" "$RESULTS" "two nodes"

echo "== both nodes still ready"
curl -fs "http://127.0.0.1:$A/actuator/health/readiness" >/dev/null && pass "node A ready" || fail "node A not ready"
curl -fs "http://127.0.0.1:$B/actuator/health/readiness" >/dev/null && pass "node B ready" || fail "node B not ready"

waiting_room_across_nodes "${CLUSTER_ROOM_FAMILIES:-6}"

if [ "${TWO_NODES_DEMO:-1}" = 1 ]; then
    echo "== (e) docker compose --scale app=2 with its default demo profile: two nodes at once on a fresh database"
    stop_node "$A"; stop_node "$B"
    DB="${DB}_demo"
    fresh_db "$DB"
    start_node "$A" SPRING_PROFILES_ACTIVE=demo
    start_node "$B" SPRING_PROFILES_ACTIVE=demo
    wait_ready "$A" && pass "(e) node A ready" || fail "(e) node A did not start"
    wait_ready "$B" && pass "(e) node B ready" || fail "(e) node B did not start"
    start_up_writes_once "e"
    check "(e) demo families loaded once" "$(sql "select count(*) from family_file")" 2
    check "(e) demo staff users loaded once" "$(sql "select count(*) from act_id_user")" 5
    check "(e) demo activities loaded once" "$(sql "select count(*) from activity")" 4
fi
echo "two-nodes.sh took $(($(date +%s) - STARTED)) s"
finish
