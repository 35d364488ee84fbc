#!/usr/bin/env bash
# Benchmark (docs/performance.md §Warehouse load), not a test: the batch ingestor loading a full-profile lake's batch
# files into a fresh PostgreSQL 15, beside three loads of the same run:
# - the keyed floor (the target's baseline): the rows the ingestor wrote, dumped per table
#   and put back with one psql \copy per table into an empty copy of the same schema (keys,
#   checks and foreign keys in place, parents first, no staging);
# - ci/copy-baseline.sh: psql \copy of the lake's files into staging tables, then
#   INSERT ... ON CONFLICT into the same tables;
# - the keyless floor: raw \copy of each file into an unlogged table of its own text columns.
# The ingestor loads twice: with its default workers (one per core) and with one worker,
# each into a database and a copy of the lake of its own.
#
#   ci/bench-warehouse.sh [LAKE]     (default: generates the full profile into a temp lake)
# BENCH_WAREHOUSE_OUT, when set, names a file that gets "ingest_s keyed_floor_s" for ci/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
# shellcheck source=ci/lib.sh
source ci/lib.sh
script_name=bench-warehouse
build_hospital full
work=$(mktemp -d /tmp/hospital-bench-wh-XXXXXX)
trap 'stop_warehouse; rm -rf "$work"' EXIT

lake=${1:-}
if [ -z "$lake" ]; then
    lake=$work/lake
    echo "== simulate --profile full"
    "$bin" simulate --profile full --lake "$lake" --quiet
fi
# Only the ingestor's batch files: setup 1-2 live in processed/ and the outbox goes through Kafka.
copy=$work/copy
copy_ingestor_files "$lake" "$copy"
csvs=("$copy"/batch/*.csv)
rows=$(batch_rows "$copy")
bytes=$(cat "${csvs[@]}" | wc -c)

start_warehouse_as_owner "/tmp/hospital-pg-bench-$$"
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
psql -X -q -d "$DB_NAME" -c "CREATE DATABASE baseline" -c "CREATE DATABASE floor" -c "CREATE DATABASE keyed" \
    -c "CREATE DATABASE oneworker" >/dev/null
cp -r "$copy" "$copy-one"

echo "== hospital batch-ingestor --drain ($rows rows, $((bytes / 1000000)) MB)"
# Each load runs under ci/cpu-breakdown.py, which also counts the cluster's processes.
postmaster=$(head -n 1 "$pg_dir/data/postmaster.pid")
ci/cpu-breakdown.py --table "$work/cpu-ingest.md" --root "$postmaster" -- \
    /usr/bin/time -f "%e %M" -o "$work/ingest.time" env LAKE_PATH="$copy" CONFIG_DIR="$root/configs" \
    DB_SCHEMA_SQL="$root/db/db_schema.sql" "$bin" batch-ingestor --drain >"$work/ingest.log" 2>&1
read -r ingest_wall ingest_rss < "$work/ingest.time"

echo "== hospital batch-ingestor --drain --workers 1"
ci/cpu-breakdown.py --table "$work/cpu-ingest-one.md" --root "$postmaster" -- \
    /usr/bin/time -f "%e %M" -o "$work/ingest-one.time" env LAKE_PATH="$copy-one" CONFIG_DIR="$root/configs" DB_NAME=oneworker \
    DB_SCHEMA_SQL="$root/db/db_schema.sql" "$bin" batch-ingestor --drain --workers 1 >"$work/ingest-one.log" 2>&1
read -r one_wall one_rss < "$work/ingest-one.time"
loaded=$(psql -X -At -d "$DB_NAME" -c "SELECT sum(rows) FROM ingest.files")
failed=$(find "$copy/failed" -mindepth 1 -maxdepth 1 ! -name '.*' 2>/dev/null | wc -l)

echo "== psql \\copy of the ingestor's rows into the same keyed tables, a table at a time (keyed floor)"
# The tables in the schema's order (parents before children); generated columns are left
# for PostgreSQL to compute, as on the ingestor's insert.
# Every table but the warehouse's identity, which the schema script writes in each database itself.
mapfile -t tables < <(sed -n 's/^CREATE TABLE IF NOT EXISTS \([a-z_]*\.[a-z_]*\) (.*/\1/p' db/db_schema.sql | grep -vx 'ingest.warehouse')
psql -X -q -v ON_ERROR_STOP=1 -d keyed -f db/db_schema.sql >/dev/null
declare -A table_columns=()
for table in "${tables[@]}"; do
    columns=$(psql -X -At -d "$DB_NAME" -c "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
        FROM information_schema.columns WHERE table_schema || '.' || table_name = '$table' AND is_generated = 'NEVER'")
    psql -X -q -d "$DB_NAME" -c "\\copy (SELECT $columns FROM $table) TO '$work/dump-$table.csv' WITH (FORMAT csv)"
    table_columns[$table]=$columns
done
start=$(date +%s.%N)
for table in "${tables[@]}"; do
    psql -X -q -v ON_ERROR_STOP=1 -d keyed -c "\\copy $table (${table_columns[$table]}) FROM '$work/dump-$table.csv' WITH (FORMAT csv)"
done
keyed_wall=$(echo "$(date +%s.%N) - $start" | bc)
keyed_rows=$(for table in "${tables[@]}"; do psql -X -At -d keyed -c "SELECT count(*) FROM $table"; done | paste -sd+ | bc)
rm -f "$work"/dump-*.csv

echo "== psql \\copy into the same tables (ci/copy-baseline.sh)"
start=$(date +%s.%N)
DB_NAME=baseline HOSPITAL_BIN="$bin" ci/copy-baseline.sh "$copy" >/dev/null
same_wall=$(echo "$(date +%s.%N) - $start" | bc)
same_rows=$(psql -X -At -d baseline -c "SELECT sum(rows) FROM ingest.files")

echo "== psql \\copy into keyless staging tables (floor)"
# One session; a table per kind of file (its name without the date), of the header's columns
# as text, created before the clock starts.
for f in "$copy"/processed/*.csv; do
    table="s_$(basename "$f" .csv | sed -E 's/_[0-9]{4}-[0-9]{2}-[0-9]{2}.*//' | tr -c 'a-z0-9\n' '_')"
    if ! grep -q "^CREATE UNLOGGED TABLE $table " "$work/floor-tables.sql" 2>/dev/null; then
        columns=$(head -n 1 "$f" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
        echo "CREATE UNLOGGED TABLE $table ($columns);" >> "$work/floor-tables.sql"
    fi
    echo "\\copy $table FROM '$f' WITH (FORMAT csv, HEADER true)" >> "$work/floor-copy.sql"
done
psql -X -q -v ON_ERROR_STOP=1 -d floor -f "$work/floor-tables.sql"
start=$(date +%s.%N)
psql -X -q -v ON_ERROR_STOP=1 -d floor -f "$work/floor-copy.sql"
copy_wall=$(echo "$(date +%s.%N) - $start" | bc)

printf '| load | rows | MB | wall s | rows/s | MB/s | peak RSS MiB | throughput ÷ keyed floor |\n|---|---|---|---|---|---|---|---|\n'
row() { # name, wall, rss
    awk -v n="$1" -v r="$rows" -v b="$bytes" -v w="$2" -v m="$3" -v f="$keyed_wall" \
        'BEGIN { printf "| %s | %d | %.0f | %.1f | %.0f | %.1f | %s | %.2f |\n", n, r, b/1e6, w, r/w, b/1e6/w, m, f/w }'
}
row "hospital batch-ingestor --drain (default workers: $(nproc))" "$ingest_wall" "$(awk -v m="$ingest_rss" 'BEGIN { printf "%.0f", m/1024 }')"
row "hospital batch-ingestor --drain --workers 1" "$one_wall" "$(awk -v m="$one_rss" 'BEGIN { printf "%.0f", m/1024 }')"
row "keyed floor: psql \\copy of the same rows into the same keyed tables ($keyed_rows rows with the ledger)" "$keyed_wall" -
row "ci/copy-baseline.sh: psql \\copy into staging + INSERT ... ON CONFLICT" "$same_wall" -
row "keyless floor: psql \\copy of each file into an unlogged text table" "$copy_wall" -
awk -v d="$ingest_wall" -v o="$one_wall" -v f="$keyed_wall" 'BEGIN {
    printf "target: the ingestor ≥ 1.0 × the keyed floor'"'"'s throughput with its default workers: %.2f ×, %s\n", f / d, (f / d >= 1.0 ? "MET" : "MISSED")
    printf "target: ≥ 0.8 × with --workers 1: %.2f ×, %s (docs/performance.md §Warehouse load)\n", f / o, (f / o >= 0.8 ? "MET" : "MISSED") }'
echo "rows in the ledger: ingestor $loaded, copy-baseline $same_rows; files in failed/: $failed"
printf '\nCPU while the ingestor loaded, default workers:\n\n'
cat "$work/cpu-ingest.md"
printf '\nCPU while the ingestor loaded, --workers 1:\n\n'
cat "$work/cpu-ingest-one.md"
if [ -n "${BENCH_WAREHOUSE_OUT:-}" ]; then echo "$ingest_wall $keyed_wall" > "$BENCH_WAREHOUSE_OUT"; fi
