#!/usr/bin/env bash
# Streaming benchmark (docs/performance.md §Stream): producer → embedded broker → stream processor,
# pipelined as in a real run: the stream processor joins its group first, then
# `producer --drain` publishes the backlog while it lands.
#   ci/bench-stream.sh [RUNS] [LAKE]     (default 9 runs of the full profile's first 30 days;
#                                         called by ci/bench.sh)
# With LAKE (a finished simulate lake), the whole of its outbox is streamed: the full
# profile's 1.3 M events, sustained, not a burst.
# Each run has its own broker, lake and consumer group; the table shows every run and the
# median, since one sub-second run on a shared 2-core machine is mostly noise.
# End to end is from the producer's launch (its process start, connection and producer id
# included) to the last landing: the newest chunk file's modification time, written just
# before its fsync and rename. The group join (~3 s in the mock) happens before and is
# excluded there; the "cold" column includes it (stream processor start → last landing).
# The last chunk of each partition waits for the idle cut, 0.2 s here (--idle-seconds; the
# service default is 1 s), and that wait is inside the end-to-end time.
# librdkafka's mock broker keeps only the newest 5 MiB of each partition (hard-coded), so
# the broker gets enough partitions to hold every event however far the consumer lags:
# 12 a topic for 30 days, 256 for the whole calendar (96 held 5.2 MB a partition of the
# full run's transports and lost the oldest when the consumer lagged).
# Baselines in the same run: `cat` of the same outbox files (merely reading those bytes),
# and Debian's `kcat -P` publishing the same JSON events, with the same keys, into a fresh
# broker of the same shape (librdkafka's defaults: acks=all, idempotence off).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
source_lake=${2:-}
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v kcat >/dev/null || { apt-get update -qq && apt-get install -y -qq kcat >/dev/null; }
swift build -c release --product hospital >/dev/null
hospital=$PWD/.build/release/hospital
work=$(mktemp -d /tmp/hospital-bench-stream-XXXXXX)
broker=
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; rm -rf "$work"' EXIT

if [ -n "$source_lake" ]; then
    source=$(realpath "$source_lake")
    partitions=256
else
    echo "== simulate 30 days of the full profile"
    source=$work/source
    "$hospital" simulate --profile full --until 2022-12-19 --lake "$source" --quiet 2>/dev/null
    partitions=12
fi
mapfile -t outbox < <("$hospital" files --lake "$source" --outbox --in batch | sed 's|.*/||')
csv_files=$(printf '%s\n' "${outbox[@]}" | grep -c '\.csv$')
events=$(( $(cd "$source/batch" && cat "${outbox[@]}" | wc -l) - csv_files )) # a header per CSV; a summary is one event
# shellcheck disable=SC2016 # the inner script expands its own arguments
/usr/bin/time -f "%e %U %S %M" -o "$work/cat.time" bash -c 'cd "$1" && shift && cat "$@" >/dev/null' _ "$source/batch" "${outbox[@]}"

# Starts a broker of `partitions` a topic in the background (its pid in `broker`) and
# waits until it has written its address to the file.
start_broker() { # bootstrap file, log file
    "$hospital" broker --configs configs --partitions "$partitions" --bootstrap-file "$1" >"$2" 2>&1 &
    broker=$!
    for _ in $(seq 100); do [ -s "$1" ] && break; sleep 0.1; done
}

# One run: prints "producer_wall producer_cpu producer_rss sp_cpu sp_rss broker_cpu broker_rss e2e cold".
run() {
    local dir=$work/run-$1 lake started sp_started sp_pid ended landed
    lake=$dir/lake
    mkdir -p "$lake/batch"
    (cd "$source/batch" && cp "${outbox[@]}" "$lake/batch/")
    start_broker "$dir/bootstrap" "$dir/broker.log"
    KAFKA_BOOTSTRAP_SERVERS=$(cat "$dir/bootstrap")
    export KAFKA_BOOTSTRAP_SERVERS CONFIG_DIR=configs
    sp_started=$(date +%s.%N)
    /usr/bin/time -f "%e %U %S %M" -o "$dir/sp.time" "$hospital" stream-processor --lake "$lake" --idle-exit 2 \
        --idle-seconds 0.2 >"$dir/sp.log" 2>&1 &
    sp_pid=$!
    until grep -q "partitions assigned" "$dir/sp.log" 2>/dev/null || ! kill -0 "$sp_pid" 2>/dev/null; do sleep 0.02; done
    started=$(date +%s.%N)
    /usr/bin/time -f "%e %U %S %M" -o "$dir/producer.time" "$hospital" producer --drain --lake "$lake" >"$dir/producer.log" 2>&1
    wait "$sp_pid"
    ended=$(find "$lake/stream" -name '*.json' -printf '%T@\n' | sort -n | tail -1)
    landed=$(cat "$lake"/stream/*/*.json | wc -l)
    [ "$landed" -eq "$events" ] || { echo "run $1 landed $landed events, expected $events" >&2; exit 1; }
    [ -d "$work/landed" ] || mv "$lake/stream" "$work/landed" # the kcat row's input
    local broker_ticks broker_rss
    broker_ticks=$(awk '{ print $14 + $15 }' "/proc/$broker/stat")
    broker_rss=$(awk '/VmHWM/ { print $2 }' "/proc/$broker/status")
    kill "$broker"
    wait "$broker" 2>/dev/null || true
    broker=
    local pw pu ps prss su ss srss
    read -r pw pu ps prss < "$dir/producer.time"
    read -r _ su ss srss < "$dir/sp.time"
    awk -v pw="$pw" -v pu="$pu" -v ps="$ps" -v prss="$prss" -v su="$su" -v ss="$ss" -v srss="$srss" \
        -v bt="$broker_ticks" -v brss="$broker_rss" -v s="$started" -v cs="$sp_started" -v e="$ended" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.2f %.2f %.0f %.2f %.0f %.2f %.0f %.3f %.3f\n", pw, pu + ps, prss / 1024, su + ss, srss / 1024, bt / hz, brss / 1024, e - s, e - cs }'
    rm -rf "$dir"
}

echo "== $runs runs of producer --drain ($events events, $partitions partitions a topic) into a stream processor with --idle-seconds 0.2"
for i in $(seq "$runs"); do run "$i"; done > "$work/runs"

# kcat's input: the events one run landed, a file per topic, each line "key<TAB>event" with
# the producer's key (a row's patient_id, a summary's sim_date). Prepared before the clock starts.
mkdir -p "$work/kcat"
for topic_dir in "$work"/landed/*/; do
    topic=$(basename "$topic_dir")
    cat "$topic_dir"*.json | sed -E 's/^(.*"patient_id":"([^"]*)".*)$/\2\t\1/; t; s/^(.*"sim_date":"([^"]*)".*)$/\2\t\1/' > "$work/kcat/$topic"
done
start_broker "$work/kcat.bootstrap" "$work/kcat-broker.log"
# shellcheck disable=SC2016 # the inner script expands its own arguments
/usr/bin/time -f "%e %U %S %M" -o "$work/kcat.time" bash -c 'for f in "$2"/*; do kcat -P -q -b "$1" -t "$(basename "$f")" -K "	" -l "$f" || exit 1; done' \
    _ "$(cat "$work/kcat.bootstrap")" "$work/kcat"
kill "$broker"; wait "$broker" 2>/dev/null || true; broker=

printf '\n| run | producer s | producer CPU s | producer RSS MiB | stream processor CPU s | stream processor RSS MiB | broker CPU s | broker RSS MiB | end to end s | **events/s end to end** | cold s |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
awk -v n="$events" '{ printf "| %d | %.2f | %.2f | %d | %.2f | %d | %.2f | %d | %.3f | %.0f | %.2f |\n", NR, $1, $2, $3, $4, $5, $6, $7, $8, n / $8, $9 }' "$work/runs"
sort -n -k8 "$work/runs" | awk -v n="$events" -v runs="$runs" 'NR == int((runs + 1) / 2) {
    printf "| **median** (by end to end) | %.2f | %.2f | %d | %.2f | %d | %.2f | %d | %.3f | **%.0f** | %.2f |\n", $1, $2, $3, $4, $5, $6, $7, $8, n / $8, $9 }'
read -r cat_wall cat_user cat_sys cat_rss < "$work/cat.time"
awk -v n="$events" -v w="$cat_wall" -v u="$cat_user" -v s="$cat_sys" -v r="$cat_rss" \
    'BEGIN { b = (w > 0.01 ? w : 0.01); printf "| cat of the outbox (baseline) | %.2f | %.2f | %d | | | | | | %.0f | |\n", w, u + s, r / 1024, n / b }'
read -r kcat_wall kcat_user kcat_sys kcat_rss < "$work/kcat.time"
awk -v n="$events" -v w="$kcat_wall" -v u="$kcat_user" -v s="$kcat_sys" -v r="$kcat_rss" \
    'BEGIN { printf "| kcat -P of the same events (baseline) | %.2f | %.2f | %d | | | | | | %.0f (publish only) | |\n", w, u + s, r / 1024, n / w }'
median_producer=$(sort -n -k8 "$work/runs" | awk -v runs="$runs" 'NR == int((runs + 1) / 2) { print $1 }')
awk -v p="$median_producer" -v k="$kcat_wall" 'BEGIN { printf "producer ÷ kcat -P throughput: %.2f (target ≥ 0.5)\n", k / p }'
echo "target: producer → broker → stream processor ≥ 200000 events/s end to end, sustained over ≥ 1 M events (docs/performance.md §Stream)"
