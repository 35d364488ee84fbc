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
# hospital_reader (COMPOSE_FILE may add an override, as ci/rehearsal/run.sh does).
# E2E_TIMEOUT (seconds, default 900) bounds the run; reaching it fails loudly. Either run
# ends by writing the report (hospital report) and printing where it is. E2E_STATS names a
# file that gets, for ci/bench.sh, "drained <seconds>" and the run's peaks: each service's
# RSS (KiB) and the lake's size on disk (bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

script_name=e2e
# shellcheck source=ci/lib.sh
source ci/lib.sh

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
trap lib_cleanup EXIT
deadline=$(( $(date +%s) + timeout_seconds ))
# Both modes end by writing the report of the run (docs/warehouse.md §Analytics views) as
# hospital_reader into the lake's .reports/ and copying it to E2E_REPORT_DIR (default
# e2e-report/, git-ignored).
report_dir=${E2E_REPORT_DIR:-$root/e2e-report}

if [ "$mode" = compose ]; then
    say "docker compose up --build -d (SIM_PROFILE=$profile)"
    SIM_PROFILE=$profile docker compose up --build -d
    in_lake() { docker compose exec -T scheduler sh -c "cd /app/shared_data && $1" 2>/dev/null; }
    started=$(date +%s)
    wait_until "the scheduler to complete" sh -c \
        "docker compose exec -T scheduler grep -q '\"complete\"' /app/shared_data/scheduler_state.json 2>/dev/null"
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
        if [ "$(date +%s)" -ge "$deadline" ]; then echo "FAIL e2e: timed out waiting for the pipeline to drain ($now)"; exit 1; fi
        sleep 1
    done
    say "pipeline drained after $(( $(date +%s) - started ))s ($last)"
    # The checks run inside the Compose network, with the image's own binary, on the lake
    # volume, and read the warehouse as hospital_reader (docs/warehouse.md §Roles).
    reader_password=$(realpath "${DB_READER_PASSWORD_FILE:-docker/secrets/db_reader_password}")
    as_reader_in_compose() {
        docker compose run --rm --no-deps -T \
            -v "$root/Golden:/app/Golden:ro" -v "$reader_password:/run/secrets/db_reader_password:ro" \
            -e GOLDEN_DIR=/app/Golden -e DB_USER=hospital_reader -e DB_PASSWORD_FILE=/run/secrets/db_reader_password \
            batch_ingestor hospital "$@"
    }
    say "verify inside the Compose network (batch_ingestor's image, as hospital_reader)"
    verified=0
    as_reader_in_compose verify || verified=$?
    # The report lands in the lake volume's .reports/ and is read out through the scheduler.
    as_reader_in_compose report >/dev/null || { echo "FAIL e2e: hospital report inside the Compose network"; exit 1; }
    mkdir -p "$report_dir"
    in_lake 'cat .reports/report.html' >"$report_dir/report.html" ||
        { echo "FAIL e2e: no .reports/report.html in the lake volume"; exit 1; }
    say "report written: $report_dir/report.html (ci/report-png.sh renders it to PNG)"
    exit "$verified"
fi

build_hospital "$profile"
start_warehouse "/tmp/hospital-pg-e2e-$$"
use_lake "$lake" "$profile"
# shellcheck disable=SC2119 # the broker's extra arguments are optional (chaos.sh passes a fault file)
start_broker
say "broker at $KAFKA_BOOTSTRAP_SERVERS, PostgreSQL at $DB_HOST:$DB_PORT, lake $lake, profile $profile"

started=$(date +%s)
start_services
[ -n "${E2E_STATS:-}" ] && start_sampler
while is_running scheduler; do
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "FAIL e2e: timed out after ${timeout_seconds}s: $("$bin" status 2>&1 | tail -n 3 | tr '\n' ' ')"; exit 1; fi
    sleep 1
done
wait "${service_pid[scheduler]}" || { echo "FAIL e2e: the scheduler exited with an error"; exit 1; }
say "scheduler complete after $(( $(date +%s) - started ))s; draining"
drain_pipeline
drained=$(( $(date +%s) - started ))
say "pipeline drained after ${drained}s"
if [ -n "${E2E_STATS:-}" ]; then
    stop_sampler
    { echo "drained $drained"; cat "$work/peaks" 2>/dev/null; } > "$E2E_STATS"
fi

verified=0
verify_pipeline || verified=$?
# The brief's hand-in ZIP from this finished lake; the golden calendar ends before 2025-03-31.
[ "$profile" = golden ] || ci/submission-check.sh "$lake" || verified=1

# The report of the run, read as hospital_reader into the lake's .reports/, where
# `hospital status` names it; copied out to report_dir.
as_reader "$bin" report >/dev/null
"$bin" status | grep '^report' || { echo "FAIL e2e: hospital status does not name the report"; exit 1; }
mkdir -p "$report_dir"
cp "$lake/.reports/report.html" "$report_dir/report.html"
say "report written: $report_dir/report.html (ci/report-png.sh renders it to PNG)"
exit "$verified"
