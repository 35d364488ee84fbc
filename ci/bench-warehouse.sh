#!/usr/bin/env bash
# Benchmark (docs/performance.md §Warehouse load), not a test: the batch ingestor loading a full-profile lake's batch
# files into a fresh PostgreSQL 15, beside the same run's baselines: psql \copy of the same
# files into the same tables (ci/copy-baseline.sh: staging + INSERT ... ON CONFLICT, the
# target's baseline), and the floor: raw \copy into keyless staging tables of their own columns.
#
#   ci/bench-warehouse.sh [LAKE]     (default: generates the full profile into a temp lake)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product hospital >/dev/null
bin=$root/.build/release/hospital
work=$(mktemp -d /tmp/hospital-bench-wh-XXXXXX)
export PG_DIR=/tmp/hospital-pg-bench-$$
trap 'ci/pg.sh stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

lake=${1:-}
if [ -z "$lake" ]; then
    lake=$work/lake
    echo "== simulate --profile full"
    "$bin" simulate --profile full --lake "$lake" --quiet
fi
# Only the ingestor's batch files: setup 1-2 live in processed/ and the outbox goes through
# Kafka. The flags and the state come along: the ingestor checks each file against its flag
# (docs/warehouse.md §Transactions) and archives the reports the flags list.
copy=$work/copy
mkdir -p "$copy/batch"
cp -r "$lake/.setup_flags" "$lake/.daily_flags" "$lake/scheduler_state.json" "$copy/"
for f in "$lake"/batch/*; do
    case "$(basename "$f")" in hospital_emergency_transport_*.csv|hospital_transfers_*.csv|daily_summary_*.json) ;; *) cp "$f" "$copy/batch/" ;; esac
done
rows=$(( $(cat "$copy"/batch/*.csv | wc -l) - $(ls "$copy"/batch/*.csv | wc -l) ))
bytes=$(cat "$copy"/batch/*.csv | wc -c)

ci/pg.sh start >/dev/null
set -a
# shellcheck disable=SC1091
source "$PG_DIR/env"
set +a
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
psql -X -q -d "$DB_NAME" -c "CREATE DATABASE baseline" -c "CREATE DATABASE floor" >/dev/null

echo "== hospital batch-ingestor --drain ($rows rows, $((bytes / 1000000)) MB)"
/usr/bin/time -f "%e %M" -o "$work/ingest.time" env LAKE_PATH="$copy" CONFIG_DIR="$root/configs" \
    DB_SCHEMA_SQL="$root/db/db_schema.sql" "$bin" batch-ingestor --drain >/dev/null 2>"$work/ingest.log"
read -r ingest_wall ingest_rss < "$work/ingest.time"
loaded=$(psql -X -At -d "$DB_NAME" -c "SELECT sum(rows) FROM ingest.files")
failed=$(ls "$copy/failed" 2>/dev/null | wc -l)

echo "== psql \\copy into the same tables (ci/copy-baseline.sh)"
start=$(date +%s.%N)
DB_NAME=baseline ci/copy-baseline.sh "$copy" >/dev/null
same_wall=$(echo "$(date +%s.%N) - $start" | bc)
same_rows=$(psql -X -At -d baseline -c "SELECT sum(rows) FROM ingest.files")

echo "== psql \\copy into keyless staging tables (floor)"
start=$(date +%s.%N)
for f in "$copy"/processed/*.csv; do
    header=$(head -n 1 "$f")
    table="s_$(basename "$f" .csv | tr -c 'a-z0-9\n' '_')"
    columns=$(echo "$header" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
    psql -X -q -d floor -c "CREATE UNLOGGED TABLE $table ($columns)" \
        -c "\\copy $table FROM '$f' WITH (FORMAT csv, HEADER true)"
done
copy_wall=$(echo "$(date +%s.%N) - $start" | bc)

printf '| load | rows | MB | wall s | rows/s | MB/s | peak RSS MiB |\n|---|---|---|---|---|---|---|\n'
awk -v r="$rows" -v b="$bytes" -v w="$ingest_wall" -v m="$ingest_rss" \
    'BEGIN { printf "| hospital batch-ingestor | %d | %.0f | %.1f | %.0f | %.1f | %.0f |\n", r, b/1e6, w, r/w, b/1e6/w, m/1024 }'
awk -v r="$rows" -v b="$bytes" -v w="$same_wall" \
    'BEGIN { printf "| psql \\copy into the same tables (baseline) | %d | %.0f | %.1f | %.0f | %.1f | - |\n", r, b/1e6, w, r/w, b/1e6/w }'
awk -v r="$rows" -v b="$bytes" -v w="$copy_wall" \
    'BEGIN { printf "| psql \\copy into keyless staging (floor) | %d | %.0f | %.1f | %.0f | %.1f | - |\n", r, b/1e6, w, r/w, b/1e6/w }'
awk -v a="$ingest_wall" -v c="$same_wall" 'BEGIN { printf "ratio (ingestor throughput / \\copy into the same tables): %.2f (docs/performance.md §Warehouse load)\n", c/a }'
echo "rows in the ledger: ingestor $loaded, baseline $same_rows; files in failed/: $failed"
