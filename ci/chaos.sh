#!/usr/bin/env bash
# Chaos run (docs/architecture.md §Chaos runs): the whole calendar of a profile through
# every service, once undisturbed and once under faults, then the checks of ci/e2e.sh on the
# faulted run and a comparison of the two: row count and order-independent digest of every
# warehouse table, and the set of events in stream/.
#
#   ci/chaos.sh [--rounds N] [--seed S] [--profile tiny|golden] [--ingestors N] [--producers N]
#
# --ingestors N runs N batch-ingestor processes on the one lake and warehouse, as
# `docker compose up --scale batch_ingestor=N` does; the kill:batch-ingestor faults strike
# the first of them while the others go on (docs/warehouse.md §Several ingestors on one lake).
# --producers N does the same for the producer (`--scale producer=N`): the kill:producer
# faults strike the first, whose claims the others take over (docs/lake.md §In-flight files).
# A round is one fault at a seeded moment of the calendar (the scheduler's day count):
# kill -9 of the scheduler, the producer, the stream processor or the batch ingestor, each
# started again as Compose's restart policy would; an immediate (crash) restart of
# PostgreSQL; the broker down for 1-3 s; or a burst of retriable errors on produce, fetch or
# offset-commit requests, injected through the embedded broker's mock-cluster API. Kinds
# are dealt from a seeded shuffle, so every kind comes up once N reaches their number.
# Same seed, same faults at the same days. Local mode only (no Docker engine runs here).
# CHAOS_TIMEOUT (seconds a run, default 900) bounds each run; reaching it fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
script_name=chaos
# shellcheck source=ci/lib.sh
source ci/lib.sh

rounds=12
seed=1
profile=tiny
ingestors=1
producers=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift ;;
        --seed) seed=$2; shift ;;
        --profile) profile=$2; shift ;;
        --ingestors) ingestors=$2; shift ;;
        --producers) producers=$2; shift ;;
        *) echo "usage: ci/chaos.sh [--rounds N] [--seed S] [--profile tiny|golden] [--ingestors N] [--producers N]" >&2; exit 2 ;;
    esac
    shift
done
[[ $rounds =~ ^[0-9]+$ && $seed =~ ^[0-9]+$ ]] || { echo "chaos: --rounds and --seed take whole numbers" >&2; exit 2; }
[[ $ingestors =~ ^[1-9][0-9]*$ ]] || { echo "chaos: --ingestors takes a whole number from 1" >&2; exit 2; }
[[ $producers =~ ^[1-9][0-9]*$ ]] || { echo "chaos: --producers takes a whole number from 1" >&2; exit 2; }
# The services a fault may stop and that must be running: the first ingestor and producer
# are the ones lib.sh starts, the others (`extra`, with their arguments) join them.
watched=(producer stream-processor batch-ingestor)
declare -A extra=()
for ((i = 2; i <= ingestors; i++)); do extra[batch-ingestor-$i]="batch-ingestor --poll-seconds 0.2"; done
for ((i = 2; i <= producers; i++)); do extra[producer-$i]="producer --poll-seconds 0.02"; done
extras=()
[ ${#extra[@]} -eq 0 ] || mapfile -t extras < <(printf '%s\n' "${!extra[@]}" | LC_ALL=C sort)
watched+=("${extras[@]}")
[ "$profile" = full ] && { echo "chaos: the full profile is a benchmark, not a chaos run" >&2; exit 2; }

work=$(mktemp -d /tmp/hospital-chaos-XXXXXX)
chmod 755 "$work"  # the cluster runs as postgres under root (ci/pg.sh)
trap lib_cleanup EXIT
kinds=(kill:scheduler kill:producer kill:stream-processor kill:batch-ingestor postgres:crash
    broker:down broker:produce-errors broker:fetch-errors broker:commit-errors)
declare -A faults_by_kind=()
unplanned=()

build_hospital "$profile"

# ci/lib.sh's table_digests, read as hospital_reader.
table_digests_as_reader() {
    # shellcheck source=/dev/null # an env file ci/pg.sh writes: export KEY=value lines
    (set -a; unset DB_PASSWORD; source "$reader_env"; set +a
     PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGPASSWORD=$(cat "$DB_PASSWORD_FILE")
     export PGHOST PGPORT PGUSER PGPASSWORD
     table_digests "$DB_NAME")
}

# stream/ as `lines<TAB>distinct lines<TAB>md5 of the sorted distinct lines`.
stream_digest() {
    find "$lake/stream" -name '*.json' -exec cat {} + | LC_ALL=C sort >"$work/stream.sorted"
    printf '%s\t%s\t%s\n' "$(wc -l <"$work/stream.sorted")" "$(uniq "$work/stream.sorted" | wc -l)" \
        "$(uniq "$work/stream.sorted" | md5sum | cut -d' ' -f1)"
}

# The days at which the rounds strike, into `days`: spread over the calendar, each moved by a
# seeded jitter; and the kinds, into `deck`: shuffled decks of every kind, dealt in turn.
# Both in this shell (bash reseeds RANDOM in subshells), so the same seed deals the same.
deal() { # rounds, days in the calendar
    local strikes=$1 total=$2 i j swap
    local -a pack
    days=() deck=()
    for ((i = 1; i <= strikes; i++)); do
        days+=($(( i * total / (strikes + 1) + RANDOM % (total / (strikes + 1) / 2 + 1) )))
    done
    while [ ${#deck[@]} -lt "$strikes" ]; do
        pack=("${kinds[@]}")
        for ((i = ${#pack[@]} - 1; i > 0; i--)); do
            j=$(( RANDOM % (i + 1) ))
            swap=${pack[i]}; pack[i]=${pack[j]}; pack[j]=$swap
        done
        deck+=("${pack[@]}")
    done
}

inject() { # kind
    local kind=$1 name
    faults_by_kind[$kind]=$(( ${faults_by_kind[$kind]:-0} + 1 ))
    case "$kind" in
        kill:*)
            name=${kind#kill:}
            if is_running "$name"; then
                kill -KILL "${service_pid[$name]}" 2>/dev/null || true
                wait "${service_pid[$name]}" 2>/dev/null || true
                sleep "0.$(( RANDOM % 10 ))"
                start_service "$name"
            else
                say "  ($name had already exited; started again)"
                start_service "$name"
            fi ;;
        postgres:crash) PG_DIR=$pg_dir "$root/ci/pg.sh" crash ;;
        broker:down)
            echo down >>"$work/faults"
            sleep "$(( 1 + RANDOM % 3 ))"
            echo up >>"$work/faults" ;;
        broker:*) echo "${kind#broker:} $(( 10 + RANDOM % 30 ))" >>"$work/faults" ;;
    esac
}

# One run of the whole calendar in its own lake and warehouse; with rounds > 0, under faults.
# Leaves the digests in work/<label>.tables and work/<label>.stream and verify's output in
# work/<label>.verify.
run() { # label, rounds
    local label=$1 strikes=$2 started
    deadline=$(( $(date +%s) + ${CHAOS_TIMEOUT:-900} ))
    start_warehouse "$work/pg-$label"
    use_lake "$work/$label/lake" "$profile"
    : >"$work/faults"
    start_broker --fault-file "$work/faults"
    started=$(date +%s)
    start_services
    for name in "${extras[@]}"; do
        read -ra arguments <<<"${extra[$name]}"
        start_service "$name" "${arguments[@]}"
    done
    local next=0 total
    days=() deck=()
    if [ "$strikes" -gt 0 ]; then
        RANDOM=$seed
        wait_until "the scheduler's first state" test -s "$lake/scheduler_state.json"
        total=$(grep -o '"days_total" *: *[0-9]*' "$lake/scheduler_state.json" | grep -o '[0-9]*$')
        deal "$strikes" "$total"
    fi
    while true; do
        if [ "$next" -lt "$strikes" ] && [ "$(days_completed)" -ge "${days[$next]}" ]; then
            say "round $((next + 1)): day $(days_completed): ${deck[$next]}"
            inject "${deck[$next]}"
            next=$((next + 1))
        fi
        for name in "${watched[@]}"; do
            if ! is_running "$name"; then
                # A fault must never stop a service by itself; Compose would start it again.
                unplanned+=("$name (round $next)")
                say "  $name exited by itself; started again"
                start_service "$name"
            fi
        done
        if ! is_running scheduler; then
            if wait "${service_pid[scheduler]}"; then
                [ "$next" -ge "$strikes" ] && break
                say "  (the calendar ended before round $((next + 1)); the rest strike while draining)"
                while [ "$next" -lt "$strikes" ]; do
                    say "round $((next + 1)): draining: ${deck[$next]}"
                    [ "${deck[$next]}" = kill:scheduler ] || inject "${deck[$next]}"
                    next=$((next + 1))
                done
                break
            fi
            unplanned+=("scheduler (round $next)")
            say "  the scheduler failed; started again"
            start_service scheduler
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then echo "FAIL chaos: $label timed out: $("$bin" status 2>&1 | tail -n 3 | tr '\n' ' ')"; exit 1; fi
        sleep 0.2
    done
    say "$label: scheduler complete after $(( $(date +%s) - started ))s; draining"
    echo up >>"$work/faults"
    stop_services "${extras[@]}"
    drain_pipeline
    say "$label: drained after $(( $(date +%s) - started ))s"
    verify_pipeline >"$work/$label.verify" 2>&1 || true
    table_digests_as_reader >"$work/$label.tables"
    stream_digest >"$work/$label.stream"
    ls -A "$lake/failed" >"$work/$label.failed"
    stop_services broker
    PG_DIR=$pg_dir "$root/ci/pg.sh" stop >/dev/null
    pg_dir=
}

say "clean run (profile $profile)"
run clean 0
say "chaos run: $rounds rounds, seed $seed"
run chaos "$rounds"

say "faults by kind"
for kind in "${kinds[@]}"; do printf '  %-24s %s\n' "$kind" "${faults_by_kind[$kind]:-0}"; done

failures=0
check() { # passed?, name, detail
    if [ "$1" = 0 ]; then echo "PASS chaos: $2"; else echo "FAIL chaos: $2${3:+ — $3}"; failures=$((failures + 1)); fi
}
! grep -q '^FAIL' "$work/clean.verify" && grep -q '^PASS' "$work/clean.verify"
check $? "hospital verify passes on the clean run" "$(grep '^FAIL' "$work/clean.verify" | head -n 3 | tr '\n' ' ')"
sed 's/^/  verify: /' "$work/chaos.verify"
! grep -q '^FAIL' "$work/chaos.verify" && grep -q '^PASS' "$work/chaos.verify"
check $? "hospital verify passes on the chaos run" "$(grep '^FAIL' "$work/chaos.verify" | head -n 3 | tr '\n' ' ')"
while IFS=$'\t' read -r table rows digest; do
    read -r _ chaos_rows chaos_digest < <(awk -F '\t' -v t="$table" '$1 == t' "$work/chaos.tables"; echo "- - -")
    [ "$rows" = "$chaos_rows" ] && [ "$digest" = "$chaos_digest" ]
    check $? "$table: $rows rows, digest equal to the clean run" "chaos run: $chaos_rows rows, digest $chaos_digest"
done <"$work/clean.tables"
read -r _ distinct digest <"$work/clean.stream"
read -r chaos_lines chaos_distinct chaos_digest <"$work/chaos.stream"
[ "$chaos_lines" = "$chaos_distinct" ]
check $? "stream/: each event once ($chaos_lines lines)" "$((chaos_lines - chaos_distinct)) lines repeated"
[ "$chaos_distinct" = "$distinct" ] && [ "$chaos_digest" = "$digest" ]
check $? "stream/: the clean run's $distinct events, byte for byte" "chaos run: $chaos_distinct distinct events"
[ ${#unplanned[@]} -eq 0 ]
check $? "no service exited by itself" "${unplanned[*]}"
[ ! -s "$work/chaos.failed" ]
check $? "failed/ is empty" "$(head -n 3 "$work/chaos.failed" | tr '\n' ' ')"
echo "chaos: $rounds rounds, seed $seed, $failures failed checks"
[ "$failures" -eq 0 ]
