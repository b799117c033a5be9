# Shared by .ci/kill-restart.sh and .ci/two-nodes.sh (sourced, not run): the packaged jar started
# production-like (no demo profile, as benchmarks/run-rush.sh does) against the machine's PostgreSQL
# (127.0.0.1:5432, user postgres, trust auth), fresh databases, curl sessions through the real forms,
# and PASS/FAIL bookkeeping. Every JVM and database a script creates is removed by `cleanup` (trap).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
ADMIN_PASSWORD=${CLUSTER_ADMIN_PASSWORD:-grappe-essai-admin}
FAMILY_PASSWORD=Banc-Essai-2026
JAR=${PORTAIL_JAR:-$(ls target/portail-famille-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
    echo "no target/portail-famille-*.jar: run mvn -B -DskipTests package first" >&2
    exit 2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portail-cluster.XXXXXX")
FAILURES=0
declare -A NODE_PIDS=()
CREATED_DBS=()

pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILURES=$((FAILURES + 1)); }
# check "label" actual expected
check() { if [ "$2" = "$3" ]; then pass "$1 ($2)"; else fail "$1: got '$2', expected '$3'"; fi; }

cleanup() {
    local port
    for port in "${!NODE_PIDS[@]}"; do
        kill -9 "${NODE_PIDS[$port]}" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    local db
    for db in "${CREATED_DBS[@]}"; do
        dropdb --if-exists --force "$db" 2>/dev/null || true
    done
    if [ "${KEEP_LOGS:-0}" = 1 ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fresh_db() {
    dropdb --if-exists --force "$1"
    createdb "$1"
    CREATED_DBS+=("$1")
}

sql() { psql -d "$DB" -v ON_ERROR_STOP=1 -qAtX -c "$1"; }

# start_node PORT [extra VAR=value…]: the jar as in production, its mails to a catcher in the JVM
# (PORT+50), its log in $WORK/node-PORT.log (appended across restarts); every family of the scripts
# comes from 127.0.0.1, so the per-address limits (failed logins, waiting-room places) are lifted
start_node() {
    local port=$1; shift
    env SPRING_PROFILES_ACTIVE= \
        SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
        SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
        PORTAL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        PORTAL_LOGINTHROTTLE_MAXFAILURESPERADDRESS=1000000 PORTAL_WAITING_ROOM_TICKETS_PER_ADDRESS=0 \
        PORTAL_BASE_URL="http://127.0.0.1:$port" \
        PORTAL_MAIL_CATCHER_ENABLED=true PORTAL_MAIL_CATCHER_PORT=$((port + 50)) \
        SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$((port + 50)) \
        SERVER_ADDRESS=127.0.0.1 PORT="$port" "$@" \
        java -Xmx512m -jar "$JAR" >>"$WORK/node-$port.log" 2>&1 &
    NODE_PIDS[$port]=$!
}

# wait_ready PORT [seconds]: 0 when /actuator/health/readiness answers UP (within NODE_READY_SECONDS,
# 600 by default: a start takes 20-30 s on a quiet machine, minutes on a loaded one)
wait_ready() {
    local port=$1 limit=${2:-${NODE_READY_SECONDS:-600}} i
    for ((i = 0; i < limit * 2; i++)); do
        if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
        if ! kill -0 "${NODE_PIDS[$port]}" 2>/dev/null; then
            echo "node $port stopped; its log ends with:"; tail -20 "$WORK/node-$port.log"; return 1
        fi
        sleep 0.5
    done
    return 1
}

crash_node() { kill -9 "${NODE_PIDS[$1]}" 2>/dev/null || true; wait "${NODE_PIDS[$1]}" 2>/dev/null || true; unset "NODE_PIDS[$1]"; }
stop_node() { kill "${NODE_PIDS[$1]}" 2>/dev/null || true; wait "${NODE_PIDS[$1]}" 2>/dev/null || true; unset "NODE_PIDS[$1]"; }

# seed_families COUNT: benchmarks/seed-rush.sql (families rush00001…, two children each, validated
# for « Centre de loisirs »: Wednesdays and school holidays, booking closed 2 working days before at
# noon); writes $WORK/families.csv. The day to book is chosen afterwards (bookable_day).
seed_families() {
    (cd benchmarks && mkdir -p target && psql -q -d "$DB" -v ON_ERROR_STOP=1 -v families="$1" -v days= \
        -v password="$FAMILY_PASSWORD" -f seed-rush.sql >/dev/null)
    cp benchmarks/target/rush-families.csv "$WORK/families.csv"
}

# bookable_day BASE USER CHILD ACTIVITY: the first day that USER's « Modifier le planning » offers
# (a free box to tick) for CHILD, this month or one of the next three: the town's calendar, the
# activity's days and its cut-off decide, as for a family, so the scripts keep working whatever the
# date. Prints the ISO day, nothing when none is offered.
bookable_day() {
    local base=$1 user=$2 child=$3 activity=$4 jar="$WORK/day-$2" month i day
    login "$base" "$jar" "$user" || return 0
    month=$(date +%Y-%m-01)
    for i in 0 1 2 3; do
        day=$(curl -s -b "$jar" -c "$jar" --max-time 300 \
                "$base/planning/modifier?enfant=$child&activite=$activity&mois=$(date -d "$month +$i month" +%Y-%m)" \
            | grep -o '<input type="checkbox" name="jours"[^>]*>' | grep -v 'checked' \
            | grep -o 'value="[0-9-]*"' | head -1 | sed 's/value="\(.*\)"/\1/')
        if [ -n "$day" ]; then echo "$day"; return 0; fi
    done
}

# day_capacity DAY CAPACITY: « Centre de loisirs » takes CAPACITY children on DAY
day_capacity() {
    sql "insert into day_capacity (activity_id, day, capacity, booked)
         select id, date '$1', $2, 0 from activity where code = 'CENTRE_LOISIRS'
         on conflict (activity_id, day) do update set capacity = excluded.capacity"
}

csrf_of() { grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }

# login BASE COOKIEJAR USER: the real login form, as a family uses it; 0 when the page after it offers
# « Se déconnecter ». When many families log in at once the login admission (a few password checks at a
# time, at most PORTAL_LOGIN_MAX_WAITING waiting) answers « Réessayez dans quelques secondes »: the
# family waits and tries again, a little longer each time (2 to 5 s times the attempt's number, about
# 3 minutes over the 10 tries), up to LOGIN_TRIES times (10); each such answer is counted in
# $WORK/login-busy. Any other answer (wrong password, blocked) fails at once.
LOGIN_TRIES=${LOGIN_TRIES:-10}
login() {
    local base=$1 jar=$2 user=$3 token page try held=0
    for ((try = 1; try <= LOGIN_TRIES; try++)); do
        token=$(curl -s -c "$jar" -b "$jar" -L --max-time 120 "$base/connexion" | csrf_of)
        # no login form: the page was the waiting room's; the family waits for its number, then goes on
        if [ -z "$token" ] && ((held++ < 30)); then wait_room "$base" "$jar"; ((try--)); continue; fi
        page=$(curl -s -c "$jar" -b "$jar" -L --max-time 120 --data-urlencode "_csrf=$token" --data-urlencode "username=$user" \
            --data-urlencode "password=$FAMILY_PASSWORD" "$base/connexion" || true)
        if grep -q 'action="/deconnexion"' <<<"$page"; then return 0; fi
        # held in the waiting room (a login is never kept: the family types its password again once in)
        if grep -q 'id="salle-attente"' <<<"$page" && ((held++ < 30)); then
            wait_room "$base" "$jar"; ((try--)); continue
        fi
        grep -q 'Réessayez dans quelques secondes' <<<"$page" || return 1
        echo "$user" >>"$WORK/login-busy"
        sleep "$(((2 + RANDOM % 4) * try)).$((RANDOM % 10))"
    done
    return 1
}

# wait_room BASE COOKIEJAR: a family holding a place in the waiting room (« Vous êtes n° … dans la
# file ») waits as its page does, asking /salle-d-attente/etat every 1 to 3 s until its number comes up
# (at most 10 minutes; at once when it is in already); each wait is counted in $WORK/room-held
wait_room() {
    local base=$1 jar=$2 i
    for ((i = 0; i < 300; i++)); do
        curl -s -c "$jar" -b "$jar" --max-time 30 "$base/salle-d-attente/etat" | grep -q '"entree":true' && return 0
        [ "$i" = 0 ] && echo held >>"$WORK/room-held"
        sleep "$((1 + RANDOM % 3))"
    done
    return 1
}

# how many times a family waited in the waiting room so far
room_waits() { if [ -f "$WORK/room-held" ]; then wc -l <"$WORK/room-held"; else echo 0; fi; }

# how many login answers were « Réessayez dans quelques secondes » so far
busy_logins() { if [ -f "$WORK/login-busy" ]; then wc -l <"$WORK/login-busy"; else echo 0; fi; }

# hidden_fields FORM_ID: the hidden fields of that form of the page on stdin, URL-encoded as a browser
# sends them (the CSRF token, the form's one-time token « _formulaire », …)
hidden_fields() {
    python3 -c '
import html.parser, sys, urllib.parse
class Form(html.parser.HTMLParser):
    inside, fields = False, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == sys.argv[1]
        elif tag == "input" and self.inside and a.get("type") == "hidden" and a.get("name"):
            self.fields.append((a["name"], a.get("value") or ""))
    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
form = Form()
form.feed(sys.stdin.read())
print(urllib.parse.urlencode(form.fields))' "$1"
}

# book BASE COOKIEJAR CHILD ACTIVITY DAY: « Modifier » then save that day with the form's own fields,
# as a browser does (OpeningRushSimulation too); prints OK when the save is answered by the redirect
# to its « Enregistré » report and that report is read; OK-report-unread when the redirect came but
# the page after it had no report (kept in COOKIEJAR.report.html); else KO-<HTTP status>
book() {
    local base=$1 jar=$2 child=$3 activity=$4 day=$5 fields answer
    local month=${day:0:7}
    local edit="$base/planning/modifier?enfant=$child&activite=$activity&mois=$month"
    fields=$(curl -s -c "$jar" -b "$jar" -L --max-time 300 "$edit" | hidden_fields planning-form)
    if [ -z "$fields" ]; then
        # no planning form: the page was the waiting room's; the family waits for its number, then goes on
        wait_room "$base" "$jar"
        fields=$(curl -s -c "$jar" -b "$jar" -L --max-time 300 "$edit" | hidden_fields planning-form)
    fi
    answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null --max-time 300 -w '%{http_code} %{redirect_url}' -d "$fields" \
        -d "jours=$day" "$base/planning/modifier" || true)
    case "$answer" in
        "30"[23]" $base/salle-d-attente"*)
            # the save is kept by the waiting room and made once when the family's number comes up: the
            # family waits, then opens the room's page, which answers as the save would have
            wait_room "$base" "$jar"
            answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null --max-time 300 -w '%{http_code} %{redirect_url}' \
                "${answer#30? }" || true) ;;
    esac
    case "$answer" in
        "302 $base/planning/modifier?"*)
            curl -s -c "$jar" -b "$jar" --max-time 300 -D "$jar.report.headers" "${answer#302 }" >"$jar.report.html" || true
            grep -q 'Enregistré' "$jar.report.html" && echo OK || echo OK-report-unread ;;
        *) echo "KO-${answer%% *}" ;;
    esac
}

# family_books BASE USER CHILD ACTIVITY DAY OUTFILE: one family logs in and books; its result line
# "USER CHILD OK|KO|NOLOGIN" goes to OUTFILE
family_books() {
    local jar="$WORK/jar-$2-$RANDOM"
    if login "$1" "$jar" "$2"; then
        echo "$2 $3 $(book "$1" "$jar" "$3" "$4" "$5")" >>"$6"
    else
        echo "$2 $3 NOLOGIN" >>"$6"
    fi
}

# the booking invariants of DAY (capacity from day_capacity): no child twice, booked <= capacity,
# the counter equal to the BOOKED rows, every save answered « Enregistré » present in the database
check_day() {
    local day=$1 results=$2 label=$3
    local capacity booked counter dupes lost
    capacity=$(sql "select capacity from day_capacity where day = date '$day'")
    booked=$(sql "select count(*) from booking where day = date '$day' and state = 'BOOKED'")
    counter=$(sql "select booked from day_capacity where day = date '$day'")
    dupes=$(sql "select count(*) from (select child_id from booking where day = date '$day' and state in ('BOOKED','WAITING')
                 group by child_id, activity_id having count(*) > 1) d")
    check "$label: booked rows = day counter" "$booked" "$counter"
    if [ "$booked" -le "$capacity" ]; then pass "$label: capacity held ($booked booked <= $capacity)"; else fail "$label: $booked booked > capacity $capacity"; fi
    check "$label: no child twice on the day" "$dupes" 0
    # the waiting list's places, kept with the bookings, are 1, 2, 3… in the order the requests came
    check "$label: waiting places in the order of the requests" "$(sql "select count(*) from (
        select waiting_position, row_number() over (partition by activity_id order by requested_at, id) as arrival
        from booking where day = date '$day' and state = 'WAITING') w where waiting_position is distinct from arrival")" 0
    lost=0
    local user child result
    while read -r user child result; do
        if [ "${result:0:2}" = OK ] && [ "$(sql "select count(*) from booking where child_id = $child and day = date '$day'
                and state in ('BOOKED','WAITING')")" != 1 ]; then
            lost=$((lost + 1))
        fi
    done <"$results"
    check "$label: saves answered « Enregistré » missing from the database" "$lost" 0
}

# staff REST calls (HTTP Basic) on /engine-rest as admin
rest() { curl -s -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }

finish() {
    if [ "$FAILURES" -eq 0 ]; then echo "ALL PASS"; else echo "$FAILURES check(s) FAILED"; fi
    [ "$FAILURES" -eq 0 ]
}
