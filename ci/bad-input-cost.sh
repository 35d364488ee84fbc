#!/usr/bin/env bash
# ci/bad-input-cost.sh: what one bad file costs in good rows (docs/warehouse.md §Stream chunks).
# Runs the golden profile through the scheduler, the embedded broker, the producer and the
# stream processor once, then for each scenario below and each given `hospital` binary:
# copies the landed lake, spoils one file, loads it into a fresh database with
# `batch-ingestor --drain`, and prints the rows of each table lost against a clean load by
# the same binary. Run it with an older build beside the current one to compare.
#
#   ci/bad-input-cost.sh [BIN ...]      (default: .build/debug/hospital)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=("$root/.build/debug/hospital")
work=$(mktemp -d /tmp/hospital-cost-XXXXXX)
chmod 755 "$work"  # the server runs as postgres when we are root
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    stop_warehouse
    rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=ci/lib.sh
source ci/lib.sh
start_warehouse_as_owner "$work/pg"
export CONFIG_DIR=$root/configs SIM_PROFILE=golden
admin_db=$DB_NAME
psql_() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=$DB_PASSWORD psql -X -q -At -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }

# One landed lake, made by the first binary.
lake=$work/landed
bin=${bins[0]}
"$bin" broker --bootstrap-file "$work/bootstrap" >"$work/broker.log" 2>&1 &
pids+=($!)
until [ -s "$work/bootstrap" ]; do sleep 0.1; done
export KAFKA_BOOTSTRAP_SERVERS
KAFKA_BOOTSTRAP_SERVERS=$(cat "$work/bootstrap")
LAKE_PATH=$lake "$bin" scheduler --exit-when-complete --no-wait-for-ingestor --no-wait-for-producer --poll-seconds 0.02 >"$work/scheduler.log" 2>&1
LAKE_PATH=$lake "$bin" producer --drain >"$work/producer.log" 2>&1
LAKE_PATH=$lake "$bin" stream-processor --idle-exit 3 >"$work/stream.log" 2>&1
kill -TERM "${pids[0]}"

day=2022-11-25
tables="hospital_operations.schedules hospital_admissions.visits hospital_admissions.admissions emergency_transport.transports patient_transfers.transfers daily_summary.daily_summaries"

spoil() { # scenario, lake
    local lake=$2
    case "$1" in
        clean) ;;
        visitors-header) sed -i '1s/Surname/Lastname/' "$("$bin" files --lake "$lake" --kind visitors --date "$day" --in batch)" ;;
        admissions-value) sed -i '3s/,Admitted,/,Admitted?,/' "$("$bin" files --lake "$lake" --kind admissions --date "$day" --in batch)" ;;
        stream-line) local chunk
            chunk=$(find "$lake/stream/hospital.transport" -name '*.json' | sort | sed -n 1p)
            sed -i '5s/.*/{"event_id": not json/' "$chunk" ;;
    esac
}

printf '%-18s %-12s' scenario binary
for table in $tables; do printf ' %16s' "${table#*.}"; done
printf '   exit\n'
for bin in "${bins[@]}"; do
    label=$(basename "$(dirname "$(dirname "$(dirname "$bin")")")")
    declare -A clean=()
    for scenario in clean visitors-header admissions-value stream-line; do
        copy=$work/lake-$scenario
        rm -rf "$copy"
        cp -r "$lake" "$copy"
        spoil "$scenario" "$copy"
        database=cost_${scenario//-/_}
        psql_ -d "$admin_db" -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
        status=0
        for _ in 1 2; do
            LAKE_PATH=$copy DB_NAME=$database DB_SCHEMA_SQL=$root/db/db_schema.sql \
                "$bin" batch-ingestor --drain >>"$work/ingest-$scenario.log" 2>&1 || status=$?
        done
        printf '%-18s %-12s' "$scenario" "$label"
        for table in $tables; do
            rows=$(psql_ -d "$database" -c "SELECT count(*) FROM $table" 2>/dev/null || echo 0)
            if [ "$scenario" = clean ]; then clean[$table]=$rows; printf ' %16s' "$rows"
            else printf ' %16s' "-$(( ${clean[$table]} - rows ))"; fi
        done
        printf '   %s\n' "$status"
    done
done
