# shellcheck shell=bash
# Shared by the scripts that run the pipeline locally (ci/e2e.sh, ci/chaos.sh): a throwaway
# PostgreSQL, the embedded broker and the four services as processes, with the environment
# Compose gives them (docs/architecture.md §End-to-end checks); the scripts that need only
# the warehouse (ci/test.sh, ci/regen-goldens.sh, ci/bench-warehouse.sh,
# ci/bad-input-cost.sh) take its start from here too, and the benchmarks its lake and
# warehouse helpers. Source it; it defines functions and sets nothing until they are called.
#
# A caller sets `root` (the repository), `work` (a scratch folder it removes) and
# `deadline` (epoch seconds), and `trap lib_cleanup EXIT`. KEEP_WORK=1 keeps `work` (lakes,
# logs, digests) for a post-mortem.

declare -A service_pid=()
declare -A service_args=()

say() { printf '%s: %s\n' "${script_name:-ci}" "$*"; }

wait_until() { # description, command...
    local what=$1; shift
    until "$@"; do
        if [ "$(date +%s)" -ge "${deadline:?}" ]; then echo "FAIL ${script_name:-ci}: timed out waiting for $what"; exit 1; fi
        sleep 0.2
    done
}

# Builds hospital: debug for the small profiles (the tests' build), release for full, as
# deployed (docs/performance.md §End to end). Sets `bin`. HOSPITAL_BIN names a binary to use
# instead, so a long run is not disturbed by a rebuild.
build_hospital() { # profile
    if [ -n "${HOSPITAL_BIN:-}" ]; then bin=$HOSPITAL_BIN; say "using $bin (HOSPITAL_BIN)"; return; fi
    local configuration=debug
    [ "$1" = full ] && configuration=release
    say "building hospital ($configuration)"
    (cd "${root:?}" && swift build -c "$configuration" --product hospital >/dev/null)
    bin=$root/.build/$configuration/hospital
}

# Starts a throwaway PostgreSQL in `pg_dir` and exports what the services need: they log in
# as hospital_loader (docs/warehouse.md §Roles); `reader_env` is for verify.
start_warehouse() { # pg_dir
    pg_dir=$1
    # A previous warehouse's login must not become this one's owner.
    env -u DB_USER -u DB_PASSWORD -u DB_PASSWORD_FILE -u DB_NAME PG_DIR="$pg_dir" "$root/ci/pg.sh" start >/dev/null
    set -a
    unset DB_PASSWORD
    # shellcheck source=/dev/null # an env file ci/pg.sh writes: export KEY=value lines
    source "$pg_dir/loader.env"
    set +a
    reader_env=$pg_dir/reader.env
}

# Starts a throwaway PostgreSQL in `pg_dir` (PG_DIR, exported for ci/pg.sh) and exports
# the owner's login (DB_*), for scripts that apply the schema, test every role or load as
# the owner; `stop_warehouse` stops it.
start_warehouse_as_owner() { # pg_dir
    pg_dir=$1
    export PG_DIR=$pg_dir
    "$root/ci/pg.sh" start >/dev/null
    set -a
    # shellcheck source=/dev/null # an env file ci/pg.sh writes: export KEY=value lines
    source "$pg_dir/env"
    set +a
}

stop_warehouse() { [ -z "${pg_dir:-}" ] || PG_DIR=$pg_dir "$root/ci/pg.sh" stop >/dev/null 2>&1 || true; }

# The lake's files the batch ingestor owns, copied into a fresh lake at `dest`: batch/ less
# the outbox (which goes through Kafka), with the flags and the scheduler's state, which the
# ingestor checks each file against (docs/warehouse.md §Transactions) and whose reports it
# archives. Needs `bin`.
copy_ingestor_files() { # source lake, dest
    local f
    local -A outbox=()
    mkdir -p "$2/batch"
    cp -r "$1/.setup_flags" "$1/.daily_flags" "$1/scheduler_state.json" "$2/"
    while IFS= read -r f; do outbox[$f]=1; done < <("${bin:?}" files --lake "$1" --outbox --in batch)
    for f in "$1"/batch/*; do
        [ -n "${outbox[$f]:-}" ] || cp "$f" "$2/batch/"
    done
}

# The data rows of a lake's batch CSVs (a header each), for checking the ingestor's ledger.
batch_rows() { # lake
    local csvs=("$1"/batch/*.csv)
    echo $(( $(cat "${csvs[@]}" | wc -l) - ${#csvs[@]} ))
}

# The warehouse tables (not the ledger: its stream file names follow the chunks' cuts, which
# follow timing) as `schema.table<TAB>rows<TAB>md5 of the sorted row md5s`, so two loads
# compare whatever order they wrote in. psql logs in from the caller's PG* variables.
table_digests() { # database
    local tables table
    tables=$(psql -X -At -d "$1" -c "
        SELECT table_schema || '.' || table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE'
          AND table_schema IN ('hospital_operations','hospital_admissions','emergency_transport','patient_transfers','daily_summary')
        ORDER BY 1")
    for table in $tables; do
        psql -X -At -F $'\t' -d "$1" -c "
            SELECT '$table', count(*), md5(coalesce(string_agg(h, '' ORDER BY h), ''))
            FROM (SELECT md5(t::text) AS h FROM $table t) rows"
    done
}

# Points the services at a lake and a profile.
use_lake() { # lake, profile
    lake=$1
    export LAKE_PATH=$lake CONFIG_DIR=$root/configs SIM_PROFILE=$2
    mkdir -p "$lake"
}

# Starts a service in the background, its output appended to work/<name>.log; a later
# `start_service NAME` with no arguments starts it again as it was.
start_service() { # name, arguments...
    local name=$1; shift
    [ $# -gt 0 ] && service_args[$name]="$*"
    local -a args
    read -ra args <<<"${service_args[$name]}"
    "$bin" "${args[@]}" >>"${work:?}/$name.log" 2>&1 &
    service_pid[$name]=$!
}

# Starts the embedded broker (with any extra arguments) and exports its address.
start_broker() { # arguments...
    rm -f "$work/bootstrap"
    start_service broker broker --bootstrap-file "$work/bootstrap" "$@"
    wait_until "the broker" test -s "$work/bootstrap"
    KAFKA_BOOTSTRAP_SERVERS=$(cat "$work/bootstrap")
    export KAFKA_BOOTSTRAP_SERVERS
}

# The services as e2e runs them: short polls, so a tiny calendar runs in about two minutes.
start_services() {
    start_service producer producer --poll-seconds 0.02
    start_service stream-processor stream-processor
    start_service batch-ingestor batch-ingestor --poll-seconds 0.2
    start_service scheduler scheduler --exit-when-complete --poll-seconds 0.02
}

is_running() { kill -0 "${service_pid[$1]}" 2>/dev/null; }

days_completed() { grep -o '"days_completed" *: *[0-9]*' "$lake/scheduler_state.json" 2>/dev/null | grep -o '[0-9]*$' || echo 0; }

# Whether the producer has published the whole outbox. The lake's names are read by
# `hospital files` (the one grammar), never matched here; its whole output is captured
# before it is tested, so no pipe can cut it short.
no_outbox_left() {
    local waiting
    waiting=$("$bin" files --lake "$lake" --outbox --in batch)
    [ -z "$waiting" ]
}

# The events the outbox files imply: a row each, one a daily summary. Counted once, after
# the producer published the whole outbox (the files no longer change).
outbox_events() { "$bin" files --lake "$lake" --outbox --events; }

# Whether stream/ holds at least this many lines: every published event, each landing once.
stream_holds() { # events
    [ "$(find "$lake/stream" -name '*.json' -exec cat {} + 2>/dev/null | wc -l)" -ge "$1" ]
}

# After the scheduler completed: waits until the outbox is published, every published
# event is in stream/ (a stream processor restarted late may need its group's session
# timeout before it resumes) and batch/ is empty, stops the services with SIGTERM (each
# finishes the file in hand), and loads the last stream files with one drain run.
drain_pipeline() {
    wait_until "the producer to publish the outbox" no_outbox_left
    local events
    events=$(outbox_events)
    wait_until "all $events published events to land in stream/" stream_holds "$events"
    wait_until "the ingestor to empty batch/" sh -c "[ -z \"\$(ls '$lake/batch')\" ]"
    stop_services producer stream-processor batch-ingestor
    "$bin" batch-ingestor --drain >>"$work/batch-ingestor.log" 2>&1
}

stop_services() { # names...
    local name
    for name in "$@"; do kill -TERM "${service_pid[$name]}" 2>/dev/null || true; done
    for name in "$@"; do wait "${service_pid[$name]}" 2>/dev/null || true; unset "service_pid[$name]"; done
}

# Samples, once a second until stop_sampler, each running service's peak RSS (VmHWM, KiB)
# and the lake's size on disk (bytes), keeping the largest of each in work/peaks as
# "name value" lines: the figures ci/bench.sh reports for an e2e run. A service that exits
# keeps the last peak read, at most a second before its end.
start_sampler() {
    local names="${!service_pid[*]}" pids="${service_pid[*]}"
    (
        set +e
        declare -A peak=()
        read -ra name_list <<<"$names"
        read -ra pid_list <<<"$pids"
        while :; do
            for i in "${!name_list[@]}"; do
                hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/${pid_list[$i]}/status" 2>/dev/null || true)
                [ -n "$hwm" ] && [ "$hwm" -gt "${peak[${name_list[$i]}]:-0}" ] && peak[${name_list[$i]}]=$hwm
            done
            size=$(du -sB1 "$lake" 2>/dev/null | cut -f1 || true) # files move while du walks
            [ -n "$size" ] && [ "$size" -gt "${peak[lake]:-0}" ] && peak[lake]=$size
            for key in "${!peak[@]}"; do echo "$key ${peak[$key]}"; done | sort > "$work/peaks.tmp"
            mv "$work/peaks.tmp" "$work/peaks"
            sleep 1
        done
    ) &
    sampler_pid=$!
}

stop_sampler() { kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; }

# Runs a command logged in as hospital_reader.
as_reader() { # command...
    # shellcheck source=/dev/null # an env file ci/pg.sh writes: export KEY=value lines
    (set -a; unset DB_PASSWORD; source "$reader_env"; set +a; exec "$@")
}

# Runs verify as hospital_reader: one PASS/FAIL line per check of PipelineVerifier.
verify_pipeline() { as_reader "$bin" verify; }

# The EXIT trap: stops whatever is still running and the warehouse, on failure shows the
# logs' tails, and exits with the script's status.
lib_cleanup() {
    local status=$? pid
    for pid in "${service_pid[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${service_pid[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "${sampler_pid:-}" ] && stop_sampler
    stop_warehouse
    if [ "$status" -ne 0 ]; then
        for log in "$work"/*.log; do [ -f "$log" ] && { echo "---- last lines of $log"; tail -n 15 "$log"; }; done
    fi
    if [ -n "${KEEP_WORK:-}" ]; then say "kept $work (KEEP_WORK)"; else rm -rf "$work"; fi
    exit "$status"
}
