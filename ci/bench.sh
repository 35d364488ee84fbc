#!/usr/bin/env bash
# Benchmarks (DESIGN §10), never tests; each table has a baseline measured in the same run.
#   ci/bench.sh [all|stream]
# all: `hospital simulate --profile full` (wall, CPU, peak RSS, MB written, rows/s; baseline
# `cp -r` of the finished lake), the warehouse load of that lake (ci/bench-warehouse.sh;
# baseline psql \copy of the same files), then the streaming section below.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product hospital
work=$(mktemp -d /tmp/hospital-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

measure() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/log"
    read -r wall user sys rss < "$work/time"
    echo "$name $wall $user $sys $rss"
}

section=${1:-all} # all, or `stream` for the streaming section alone

if [ "$section" = all ]; then
    gen=$(measure simulate .build/release/hospital simulate --profile full --lake "$work/lake" --quiet)
    bytes=$(du -sb "$work/lake" | cut -f1)
    rows=$(find "$work/lake" -name '*.csv' -exec cat {} + | wc -l)
    copy=$(measure "cp-baseline" cp -r "$work/lake" "$work/copy")

    printf '| run | wall s | CPU s | peak RSS MiB | MB written | rows/s |\n|---|---|---|---|---|---|\n'
    for line in "$gen" "$copy"; do
        read -r name wall user sys rss <<<"$line"
        awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v rows="$rows" \
            'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %.0f | %.0f |\n", n, w, u + s, r / 1024, b / 1e6, rows / w }'
    done
    echo "target: simulate ≤ 60 s wall, ≤ 2048 MiB peak RSS (2 cores)"
    rm -rf "$work/copy"
    ci/bench-warehouse.sh "$work/lake"
fi

# Streaming (DESIGN §10, issue 4): producer → embedded broker → stream processor on the full
# profile's first 30 days, pipelined as in a real run: the stream processor joins its group
# first, then `producer --drain` publishes the backlog while it lands.
# End to end is from the producer's launch (its process start, connection and producer id
# included) to the last landing: the newest chunk file's modification time, written just
# before its fsync and rename. The group join (~3 s in the mock) happens before and is
# excluded there; the "cold" row includes it (stream processor start → last landing).
# The last chunk of each partition waits for the idle cut, 0.2 s here (--idle-seconds;
# the service default is 1 s), and that wait is inside the end-to-end time.
# librdkafka's mock broker keeps only the newest 5 MiB of each
# partition (hard-coded), so the broker gets 12 partitions a topic: room for the whole
# 30 days, whatever the stream processor's lag.
# Baseline in the same run: `cat` of the same outbox files (merely reading those bytes).
echo "== streaming benchmark: simulate 30 days of the full profile"
lake="$work/stream-lake"
.build/release/hospital simulate --profile full --until 2022-12-19 --lake "$lake" --quiet 2>/dev/null
outbox=$(find "$lake/batch" -name 'hospital_emergency_transport_*.csv' -o -name 'hospital_transfers_*.csv' -o -name 'daily_summary_*.json')
csv_files=$(grep -c '\.csv$' <<<"$outbox")
# shellcheck disable=SC2086 # one word per file
events=$(( $(cat $outbox | wc -l) - csv_files )) # one header per CSV; a summary JSON is one line, one event
# shellcheck disable=SC2086
cat_base=$(measure "cat-baseline" cat $outbox)

partitions=12
.build/release/hospital broker --configs configs --partitions "$partitions" --bootstrap-file "$work/bootstrap" >/dev/null 2>"$work/broker.log" &
broker=$!
trap 'kill "$broker" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/bootstrap" ] && break; sleep 0.1; done
KAFKA_BOOTSTRAP_SERVERS=$(cat "$work/bootstrap")
export KAFKA_BOOTSTRAP_SERVERS CONFIG_DIR=configs

echo "== stream-processor --idle-exit 2 --idle-seconds 0.2, joining its group"
sp_started=$(date +%s.%N)
/usr/bin/time -f "%e %U %S %M" -o "$work/sp.time" .build/release/hospital stream-processor --lake "$lake" --idle-exit 2 \
    --idle-seconds 0.2 >/dev/null 2>"$work/sp.log" &
sp_pid=$!
until grep -q "partitions assigned" "$work/sp.log" 2>/dev/null || ! kill -0 "$sp_pid" 2>/dev/null; do sleep 0.02; done
echo "== producer --drain ($events events)"
started=$(date +%s.%N)
prod=$(measure producer .build/release/hospital producer --drain --lake "$lake")
wait "$sp_pid"
ended=$(find "$lake/stream" -name '*.json' -printf '%T@\n' | sort -n | tail -1)
read -r wall user sys rss < "$work/sp.time"
sp="stream-processor $wall $user $sys $rss"
landed=$(cat "$lake"/stream/*/*.json | wc -l)
[ "$landed" -eq "$events" ] || { echo "landed $landed events, expected $events" >&2; exit 1; }

e2e=$(awk -v s="$started" -v e="$ended" 'BEGIN { printf "%.3f", e - s }')
cold=$(awk -v s="$sp_started" -v e="$ended" 'BEGIN { printf "%.3f", e - s }')
read -r _ prod_wall _ <<<"$prod"
read -r _ cat_wall _ <<<"$cat_base"
printf '\n| stage | events | seconds | CPU s | events/s | peak RSS MiB |\n|---|---|---|---|---|---|\n'
row() { # name, seconds, "name wall user sys rss"
    read -r _ _ user sys rss <<<"$3"
    awk -v n="$1" -v b="$2" -v u="$user" -v s="$sys" -v r="$rss" -v e="$events" \
        'BEGIN { b = (b > 0.01 ? b : 0.01); printf "| %s | %d | %.2f | %.2f | %.0f | %.0f |\n", n, e, b, u + s, e / b, r / 1024 }'
}
row "producer --drain" "$prod_wall" "$prod"
row "stream-processor (producer launch → last landing)" "$e2e" "$sp"
awk -v e="$events" -v t="$e2e" 'BEGIN { printf "| **end to end** (producer launch → last landing) | %d | %.2f | | **%.0f** | |\n", e, t, e / t }'
awk -v e="$events" -v t="$cold" 'BEGIN { printf "| cold (stream processor start, group join included → last landing) | %d | %.2f | | %.0f | |\n", e, t, e / t }'
row "cat-baseline (read the outbox)" "$cat_wall" "$cat_base"
echo "target: producer → broker → stream processor ≥ 100000 events/s end to end"
