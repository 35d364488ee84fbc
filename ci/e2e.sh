#!/usr/bin/env bash
# End to end (docs/architecture.md §End-to-end checks): runs the whole calendar of a profile through every service, then
# prints one PASS/FAIL line per check and exits non-zero on any failure.
#
#   ci/e2e.sh [--compose|--local] [--profile tiny|golden|full]
#
# --local (the default where no Docker engine answers) starts a throwaway PostgreSQL 15
# (ci/pg.sh), the embedded broker (hospital broker) and the four services as processes with
# the environment Compose gives them. --compose runs `docker compose up --build -d`, waits
# until the pipeline has drained, and runs the same checks inside the Compose network: a
# one-off container of the ingestor's image on the lake volume, reading the warehouse as
# hospital_reader (COMPOSE_FILE may add an override, as ci/compose-rehearsal.sh does). E2E_TIMEOUT (seconds, default 900) bounds
# the run; reaching it fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

mode=""
profile=tiny
while [ $# -gt 0 ]; do
    case "$1" in
        --local) mode=local ;;
        --compose) mode=compose ;;
        --profile) profile=$2; shift ;;
        *) echo "usage: ci/e2e.sh [--compose|--local] [--profile tiny|golden|full]" >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$mode" ]; then
    if docker info >/dev/null 2>&1; then mode=compose; else mode=local; fi
fi
timeout_seconds=${E2E_TIMEOUT:-900}
work=$(mktemp -d /tmp/hospital-e2e-XXXXXX)
lake=$work/lake
pids=()
say() { printf 'e2e: %s\n' "$*"; }

cleanup() {
    status=$?
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ "$mode" = local ]; then PG_DIR=$pg_dir ci/pg.sh stop >/dev/null 2>&1 || true; fi
    if [ "$status" -ne 0 ]; then
        for log in "$work"/*.log; do [ -f "$log" ] && { echo "---- last lines of $log"; tail -n 15 "$log"; }; done
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

deadline=$(( $(date +%s) + timeout_seconds ))
wait_until() { # description, command...
    local what=$1; shift
    until "$@"; do
        if [ "$(date +%s)" -ge "$deadline" ]; then say "FAIL: timed out after ${timeout_seconds}s waiting for $what"; exit 1; fi
        sleep 0.2
    done
}
no_outbox_left() { ! ls "$lake/batch" 2>/dev/null | grep -qE '^(hospital_emergency_transport_|hospital_transfers_).*\.csv$|^daily_summary_.*\.json$'; }

if [ "$mode" = compose ]; then
    say "docker compose up --build -d (SIM_PROFILE=$profile)"
    SIM_PROFILE=$profile docker compose up --build -d
    pids=()
    in_lake() { docker compose exec -T scheduler sh -c "cd /app/shared_data && $1" 2>/dev/null; }
    started=$(date +%s)
    wait_until "the scheduler to complete" sh -c \
        "docker compose exec -T scheduler cat /app/shared_data/scheduler_state.json 2>/dev/null | grep -q '\"complete\"'"
    say "scheduler complete after $(( $(date +%s) - started ))s; draining"
    # Drained: batch/ empty (the outbox published, every batch file loaded), and for 8 s
    # nothing new in stream/ and no change in the ingestor's counts (it polls every 0.5 s,
    # the stream processor cuts an idle partition's chunk after 1 s), none waiting.
    # shellcheck disable=SC2016 # runs in the container
    snapshot() { in_lake 'echo "$(ls batch | wc -l) $(find stream -type f | wc -l) $(tr -d " \n" < .health/batch-ingestor.json | grep -o "\"counts\":{[^}]*}")"'; }
    last="" stable_since=$(date +%s)
    while :; do
        now=$(snapshot || true)
        if [ "$now" != "$last" ]; then last=$now; stable_since=$(date +%s); fi
        if [ "${now%% *}" = 0 ] && [[ $now == *'"files_waiting":0'* ]] && [ "$(( $(date +%s) - stable_since ))" -ge 8 ]; then break; fi
        if [ "$(date +%s)" -ge "$deadline" ]; then say "FAIL: timed out waiting for the pipeline to drain ($now)"; exit 1; fi
        sleep 1
    done
    say "pipeline drained after $(( $(date +%s) - started ))s ($last)"
    # The checks run inside the Compose network, with the image's own binary, on the lake
    # volume, and read the warehouse as hospital_reader (docs/warehouse.md §Roles).
    reader_password=$(realpath "${DB_READER_PASSWORD_FILE:-docker/secrets/db_reader_password}")
    say "verify inside the Compose network (batch_ingestor's image, as hospital_reader)"
    docker compose run --rm --no-deps -T \
        -v "$root/Golden:/app/Golden:ro" -v "$reader_password:/run/secrets/db_reader_password:ro" \
        -e GOLDEN_DIR=/app/Golden -e DB_USER=hospital_reader -e DB_PASSWORD_FILE=/run/secrets/db_reader_password \
        batch_ingestor hospital verify
    exit $?
fi

# The tiny and golden profiles reuse the debug build the tests made; the full profile is a
# benchmark (docs/performance.md §End to end) and runs the release build, as deployed.
configuration=debug
[ "$profile" = full ] && configuration=release
say "building hospital ($configuration)"
swift build -c "$configuration" --product hospital >/dev/null
bin=$root/.build/$configuration/hospital

pg_dir=/tmp/hospital-pg-e2e-$$
export PG_DIR=$pg_dir
ci/pg.sh start >/dev/null
set -a
# The services log in as hospital_loader (ci/pg.sh applied the schema as its owner);
# verify reads as hospital_reader (docs/warehouse.md §Roles).
unset DB_PASSWORD
# shellcheck disable=SC1091
source "$pg_dir/loader.env"
LAKE_PATH=$lake
CONFIG_DIR=$root/configs
SIM_PROFILE=$profile
set +a
mkdir -p "$lake"

start() { # name, arguments...
    local name=$1; shift
    "$bin" "$@" >"$work/$name.log" 2>&1 &
    pids+=($!)
}

start broker broker --bootstrap-file "$work/bootstrap"
wait_until "the broker" test -s "$work/bootstrap"
KAFKA_BOOTSTRAP_SERVERS=$(cat "$work/bootstrap")
export KAFKA_BOOTSTRAP_SERVERS
say "broker at $KAFKA_BOOTSTRAP_SERVERS, PostgreSQL at $DB_HOST:$DB_PORT, lake $lake, profile $profile"

started=$(date +%s)
start producer producer --poll-seconds 0.02
start stream-processor stream-processor
start batch-ingestor batch-ingestor --poll-seconds 0.2
"$bin" scheduler --exit-when-complete --poll-seconds 0.02 >"$work/scheduler.log" 2>&1 &
scheduler=$!
pids+=("$scheduler")
while kill -0 "$scheduler" 2>/dev/null; do
    if [ "$(date +%s)" -ge "$deadline" ]; then say "FAIL: timed out after ${timeout_seconds}s: $("$bin" status 2>&1 | tail -n 3 | tr '\n' ' ')"; exit 1; fi
    sleep 1
done
wait "$scheduler" || { say "FAIL: the scheduler exited with an error"; exit 1; }
say "scheduler complete after $(( $(date +%s) - started ))s; draining"

wait_until "the producer to publish the outbox" no_outbox_left
# The stream processor lands the tail of a burst within its idle timer (1 s): once nothing
# new has landed for 3 s, every published event is in stream/.
landed=-1
stable_since=$(date +%s)
until [ "$(( $(date +%s) - stable_since ))" -ge 3 ]; do
    now=$(find "$lake/stream" -name '*.json' -exec cat {} + 2>/dev/null | wc -l)
    if [ "$now" != "$landed" ]; then landed=$now; stable_since=$(date +%s); fi
    if [ "$(date +%s)" -ge "$deadline" ]; then say "FAIL: timed out waiting for stream/ to settle"; exit 1; fi
    sleep 0.5
done
wait_until "the ingestor to empty batch/" sh -c "[ -z \"\$(ls '$lake/batch')\" ]"
# SIGTERM finishes the file in hand; one drain run then loads the last stream files.
for pid in "${pids[@]:1}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
"$bin" batch-ingestor --drain >>"$work/batch-ingestor.log" 2>&1
say "pipeline drained after $(( $(date +%s) - started ))s"

(set -a; source "$pg_dir/reader.env"; exec "$bin" verify)
