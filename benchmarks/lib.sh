# Shared pieces of the billing, pre-registration and startup benchmarks (sourced, not run):
# the jar, a fresh database, the app started production-like, its readiness and its memory.
# Everything stays on 127.0.0.1; PostgreSQL on 127.0.0.1:5432, user postgres, trust auth.

export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
ADMIN_PASSWORD=banc-essai-admin
APP_PID=
SAMPLER_PIDS=()

# bench_out <name> <size>: the run's results folder, benchmarks/target/<name>-<UTC time>-<size>
bench_out() {
    OUT="$PWD/benchmarks/target/$1-$(date -u +%Y%m%dT%H%M%SZ)-$2"
    mkdir -p "$OUT"
    echo "== results in $OUT"
}

build_jar() {
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        echo "== building the jar"
        mvn -q -B -DskipTests package
    fi
    JAR=${BENCH_JAR:-$(ls target/portail-famille-*.jar | grep -v original | head -1)}
}

fresh_db() {
    echo "== fresh database $1"
    dropdb --if-exists "$1"
    createdb "$1"
}

# The production JVM settings of the README (the same as run-rush.sh): heap capped at 512 MB, a
# smaller code cache, and two malloc arenas (glibc's default of 8 per core inflates the resident memory)
APP_JAVA_OPTS=${APP_JAVA_OPTS:-"-Xmx512m -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=256m"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# start_app <db> <port> <log> [java options…]: the jar production-like (no demo profile, APP_JAVA_OPTS);
# extra environment comes from the caller's APP_ENV array. Sets APP_PID and APP_STARTED (epoch s).
start_app() {
    local db=$1 port=$2 log=$3
    shift 3
    APP_STARTED=$(date +%s.%N)
    env SPRING_PROFILES_ACTIVE= \
        SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
        SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
        PORTAL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        PORTAL_BASE_URL="http://127.0.0.1:$port" \
        SERVER_ADDRESS=127.0.0.1 PORT="$port" \
        "${APP_ENV[@]}" \
        java $APP_JAVA_OPTS "$@" -jar "$JAR" >"$log" 2>&1 &
    APP_PID=$!
}

# wait_ready <port>: polls /actuator/health/readiness every 0.1 s, up to BENCH_READY_SECONDS (180; more
# on a loaded machine); sets READY_SECONDS (since start_app)
wait_ready() {
    local limit=${BENCH_READY_SECONDS:-180}
    for _ in $(seq 1 $((limit * 10))); do
        if curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; then
            READY_SECONDS=$(echo "$(date +%s.%N) - $APP_STARTED" | bc)
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app stopped, see its log"; return 1; fi
        sleep 0.1
    done
    echo "the app was not ready after $limit s"
    return 1
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# cpu_ticks <pid>: CPU time of the process so far (user + system, all threads), in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# sample_memory <file>: RSS (MB) of the app every 0.5 s, and its heap with jstat (G1, every 0.5 s)
sample_memory() {
    (while kill -0 "$APP_PID" 2>/dev/null; do echo "$(date +%s.%N) $(rss_mb "$APP_PID")"; sleep 0.5; done) >"$1.rss" 2>/dev/null &
    SAMPLER_PIDS+=($!)
    jstat -gc "$APP_PID" 500 >"$1.heap" 2>/dev/null &
    SAMPLER_PIDS+=($!)
}

# peak_memory <file>: prints "peak RSS <n> MB, peak heap used <n> MB" from the samples
peak_memory() {
    local rss heap
    rss=$(awk '$2 > m {m = $2} END {print m + 0}' "$1.rss")
    # jstat -gc columns: S0U (3), S1U (4), EU (6), OU (8), in KB
    heap=$(awk '$1 ~ /^[0-9.]+$/ {u = ($3 + $4 + $6 + $8) / 1024; if (u > m) m = u} END {printf "%.0f", m}' "$1.heap")
    echo "peak RSS ${rss} MB, peak heap used ${heap} MB (of 512)"
}

stop_samplers() {
    for p in "${SAMPLER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    SAMPLER_PIDS=()
}

stop_app() {
    stop_samplers
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}

# jfr_opts <name>: with JFR=1, a recording of the whole run (profile settings), stacks up to 256 frames
# deep so that a sample taken under the security filters still shows the controller that called it
jfr_opts() {
    if [ "${JFR:-0}" = 1 ]; then
        echo "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile,dumponexit=true"
    fi
}

# rest <user:password> <method> <path> [json]: /engine-rest with HTTP Basic, prints the body
rest() {
    local auth=$1 method=$2 path=$3 body=${4:-}
    if [ -n "$body" ]; then
        curl -fsS -u "$auth" -X "$method" -H 'Content-Type: application/json' -d "$body" "$BASE$path"
    else
        curl -fsS -u "$auth" -X "$method" "$BASE$path"
    fi
}

# start_sink <port>: a counting SMTP sink on the loopback (mails go nowhere), counted in $OUT/mails.count;
# stopped with the app by stop_app_and_sink (the EXIT trap of the scripts that mail)
SINK_PID=
start_sink() {
    python3 benchmarks/smtp_sink.py "$1" "$OUT/mails.count" &
    SINK_PID=$!
}

stop_app_and_sink() {
    stop_app
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; fi
}

# finances_user: a staff user of « finances » (banc-finances), created by the admin through /engine-rest;
# sets STAFF (its user:password)
finances_user() {
    echo "== a staff user of « finances » (created by the admin through /engine-rest)"
    rest "admin:$ADMIN_PASSWORD" POST /engine-rest/user/create \
        '{"profile":{"id":"banc-finances","firstName":"Banc","lastName":"Finances","email":"finances@banc-essai.example.org"},"credentials":{"password":"Banc-Finances-2026"}}' >/dev/null
    rest "admin:$ADMIN_PASSWORD" PUT /engine-rest/group/finances/members/banc-finances >/dev/null
    STAFF="banc-finances:Banc-Finances-2026"
}

# fail_on_incident <db> <process instance>: stops the script when the instance has an incident (a poll
# that fails, e.g. the database's connections all taken on a shared machine, is only tried again)
fail_on_incident() {
    local incidents
    incidents=$(psql -tAq -d "$1" -c "select count(*) from act_ru_incident where proc_inst_id_ = '$2'" 2>/dev/null || echo 0)
    if [ "${incidents:-0}" != 0 ]; then
        echo "incident on the run: see $OUT/app.log"; exit 1
    fi
}

# start_billing <db> <month>: monthlyBilling started by its message as finances do, then its review task
# « Contrôler la facturation » awaited (polled in the database); sets INSTANCE and TASK
start_billing() {
    local db=$1 month=$2
    echo "== monthlyBilling started by its message, month $month"
    rest "$STAFF" POST /engine-rest/message \
        "{\"messageName\":\"billMonth\",\"processVariables\":{\"month\":{\"value\":\"$month\",\"type\":\"String\"}},\"resultEnabled\":true}" \
        >"$OUT/start.json"
    INSTANCE=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0]['processInstance']['id'])" "$OUT/start.json")
    echo "process instance $INSTANCE"
    TASK=
    for _ in $(seq 1 36000); do
        TASK=$(psql -tAq -d "$db" -c "select id_ from act_ru_task where proc_inst_id_ = '$INSTANCE' and task_def_key_ = 'Task_ReviewBillingRun'" 2>/dev/null || true)
        [ -n "$TASK" ] && break
        fail_on_incident "$db" "$INSTANCE"
        sleep 0.2
    done
}

# publish_billing <db>: completes the review task with « publier » and waits until the process ends
publish_billing() {
    rest "$STAFF" POST "/engine-rest/task/$TASK/complete" '{"variables":{"publish":{"value":true,"type":"Boolean"}}}' >/dev/null
    for _ in $(seq 1 72000); do
        [ "$(psql -tAq -d "$1" -c "select count(*) from act_hi_procinst where id_ = '$INSTANCE' and end_time_ is not null" 2>/dev/null)" = 1 ] && break
        fail_on_incident "$1" "$INSTANCE"
        sleep 0.5
    done
}

# start_mailing_app <db> <port> <smtp port> <JFR name>: the counting SMTP sink, then the app mailing to it
# (the caller's APP_ENV array adds settings), awaited until ready
start_mailing_app() {
    start_sink "$3"
    APP_ENV+=(SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$3")
    echo "== starting $JAR on http://127.0.0.1:$2 (no demo profile, $APP_JAVA_OPTS)"
    # shellcheck disable=SC2046
    start_app "$1" "$2" "$OUT/app.log" $(jfr_opts "$4")
    wait_ready "$2"
    echo "ready in ${READY_SECONDS} s; resident memory $(rss_mb "$APP_PID") MB"
}
