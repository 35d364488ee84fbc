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
# Scale-out (ci/bench.sh scale): BENCH_STREAM_PRODUCERS producers (default 1) publish at once,
# sharing the lake (each claims a file by renaming it), into BENCH_STREAM_PROCESSORS stream
# processors (default 1) of one group, all joined before the producers start. With
# BENCH_STREAM_ROW=FILE the baselines are skipped and FILE gets the last run's
# "end_to_end_s events landed distinct_event_ids failed_files"; a count that differs is then
# recorded there for the caller to judge instead of failing the run. HOSPITAL_BIN names a
# binary to use instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
source_lake=${2:-}
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v kcat >/dev/null || { apt-get update -qq && apt-get install -y -qq kcat >/dev/null; }
producers=${BENCH_STREAM_PRODUCERS:-1}
processors=${BENCH_STREAM_PROCESSORS:-1}
row_out=${BENCH_STREAM_ROW:-}
root=$PWD
# shellcheck source=ci/lib.sh
source ci/lib.sh
script_name=bench-stream
build_hospital full
hospital=$bin
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

# The stream processors' assignments and revocations so far, for telling when the group has
# settled: every member's latest is an assignment, or it has exited.
group_state() { # dir
    local i
    for ((i = 1; i <= processors; i++)); do
        echo "$(grep -c "partitions \(assigned\|revoked\)" "$1/sp-$i.log" 2>/dev/null) $(grep -o "partitions \(assigned\|revoked\)" "$1/sp-$i.log" 2>/dev/null | tail -n 1)"
    done
}

# One run: prints "producer_wall producer_cpu producer_rss sp_cpu sp_rss broker_cpu broker_rss e2e cold
# landed distinct failed"; with several producers or stream processors, the longest wall,
# the CPU summed and the largest RSS.
run() {
    local dir=$work/run-$1 lake started sp_started ended landed distinct failed i
    local -a sp_pids=() producer_pids=()
    lake=$dir/lake
    mkdir -p "$lake/batch"
    (cd "$source/batch" && cp "${outbox[@]}" "$lake/batch/")
    start_broker "$dir/bootstrap" "$dir/broker.log"
    KAFKA_BOOTSTRAP_SERVERS=$(cat "$dir/bootstrap")
    export KAFKA_BOOTSTRAP_SERVERS CONFIG_DIR=configs
    # The producer checks each outbox file against its day's flag.
    cp -r "$source/.setup_flags" "$source/.daily_flags" "$source/scheduler_state.json" "$lake/"
    sp_started=$(date +%s.%N)
    # --idle-exit counts from the start: a group of several takes some seconds of rebalancing
    # before the producers start, and a member must not give up meanwhile. A scale-out row
    # waits longer too: on a busy machine a producer can fall silent for 2 s mid-outbox, and
    # the wait after the last landing is outside the end-to-end time anyway.
    for ((i = 1; i <= processors; i++)); do
        /usr/bin/time -f "%e %U %S %M" -o "$dir/sp-$i.time" "$hospital" stream-processor --lake "$lake" \
            --idle-exit "$([ "$processors" -gt 1 ] || [ -n "$row_out" ] && echo 15 || echo 2)" --idle-seconds 0.2 \
            >"$dir/sp-$i.log" 2>&1 &
        sp_pids+=($!)
    done
    # Settled: every member's latest event an assignment, and nothing new for half a second.
    local state=
    until [ -n "$state" ] && ! grep -qv "partitions assigned" <<<"$state" && sleep 0.5 && [ "$(group_state "$dir")" = "$state" ]; do
        sleep 0.05
        state=$(group_state "$dir")
    done
    started=$(date +%s.%N)
    for ((i = 1; i <= producers; i++)); do
        /usr/bin/time -f "%e %U %S %M" -o "$dir/producer-$i.time" "$hospital" producer --drain --lake "$lake" \
            >"$dir/producer-$i.log" 2>&1 &
        producer_pids+=($!)
    done
    for i in "${producer_pids[@]}" "${sp_pids[@]}"; do wait "$i"; done
    ended=$(find "$lake/stream" -name '*.json' -printf '%T@\n' | sort -n | tail -1)
    landed=$(cat "$lake"/stream/*/*.json | wc -l)
    distinct=$(cat "$lake"/stream/*/*.json | grep -o '"event_id":"[^"]*"' | sort -u | wc -l)
    failed=$(find "$lake/failed" -mindepth 1 -maxdepth 1 ! -name '.*' 2>/dev/null | wc -l)
    if [ -z "$row_out" ] && { [ "$landed" -ne "$events" ] || [ "$distinct" -ne "$events" ]; }; then
        echo "run $1 landed $landed events ($distinct distinct), expected $events" >&2; exit 1
    fi
    [ -n "$row_out" ] || [ -d "$work/landed" ] || mv "$lake/stream" "$work/landed" # the kcat row's input
    local broker_ticks broker_rss
    broker_ticks=$(awk '{ print $14 + $15 }' "/proc/$broker/stat")
    broker_rss=$(awk '/VmHWM/ { print $2 }' "/proc/$broker/status")
    kill "$broker"
    wait "$broker" 2>/dev/null || true
    broker=
    local producer sp
    # "longest wall, CPU, largest RSS" over the time files of one kind
    producer=$(cat "$dir"/producer-*.time | awk '{ if ($1 > w) w = $1; c += $2 + $3; if ($4 > r) r = $4 } END { print w, c, r }')
    sp=$(cat "$dir"/sp-*.time | awk '{ if ($1 > w) w = $1; c += $2 + $3; if ($4 > r) r = $4 } END { print w, c, r }')
    awk -v p="$producer" -v sp="$sp" -v bt="$broker_ticks" -v brss="$broker_rss" -v s="$started" -v cs="$sp_started" -v e="$ended" \
        -v hz="$(getconf CLK_TCK)" -v checks="$landed $distinct $failed" 'BEGIN { split(p, pa, " "); split(sp, sa, " ")
        printf "%.2f %.2f %.0f %.2f %.0f %.2f %.0f %.3f %.3f %s\n", pa[1], pa[2], pa[3] / 1024, sa[2], sa[3] / 1024, bt / hz, brss / 1024, e - s, e - cs, checks }'
    rm -rf "$dir"
}

echo "== $runs runs of $producers producer --drain ($events events, $partitions partitions a topic) into $processors stream processor(s) with --idle-seconds 0.2"
for i in $(seq "$runs"); do run "$i"; done > "$work/runs"
if [ -n "$row_out" ]; then
    awk -v n="$events" 'END { print $8, n, $10, $11, $12 }' "$work/runs" > "$row_out"
    awk -v n="$events" '{ printf "run %d: end to end %.3f s, %.0f events/s; landed %d, distinct %d, failed files %d\n", NR, $8, n / $8, $10, $11, $12 }' "$work/runs"
    exit 0
fi

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
read -r median_producer median_e2e < <(sort -n -k8 "$work/runs" | awk -v runs="$runs" 'NR == int((runs + 1) / 2) { print $1, $8 }')
awk -v p="$median_producer" -v k="$kcat_wall" -v e="$median_e2e" -v n="$events" 'BEGIN {
    printf "target: producer ≥ 0.5 × kcat -P throughput: %.2f ×, %s\n", k / p, (k / p >= 0.5 ? "MET" : "MISSED")
    printf "target: ≥ 200000 events/s end to end over the full outbox (docs/performance.md §Stream): %.0f (median), %s%s\n", n / e,
        (n / e >= 200000 ? "MET" : "MISSED"), (n >= 1000000 ? "" : sprintf(" (but only %d events here)", n)) }'

