#!/usr/bin/env bash
# Benchmarks (docs/performance.md §Targets), never tests; each table has a baseline measured in the same run.
#   ci/bench.sh [--quick] [all|stream]
# all: `hospital simulate --profile full` (wall, CPU, peak RSS, MB written, rows/s; baseline
# `cp -r` of the finished lake), the warehouse load of that lake (ci/bench-warehouse.sh;
# baseline psql \copy of the same files), then streaming (ci/bench-stream.sh; baseline cat
# of the outbox). `stream` runs the streaming benchmark alone.
# --quick runs every row reduced, in a few minutes: the tiny profile (the full calendar, a
# thousand people) for simulate and the warehouse load, and three streaming runs. The tables
# go to the screen and to BENCH_OUT (default bench-results/bench-<full|quick>.md, git-ignored),
# so runs can be compared.
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

profile=full
stream_runs=9
if [ "${1:-}" = --quick ]; then profile=tiny; stream_runs=3; shift; fi
section=${1:-all} # all, or `stream` for the streaming section alone
out=${BENCH_OUT:-bench-results/bench-$([ "$profile" = full ] && echo full || echo quick).md}
mkdir -p "$(dirname "$out")"
exec > >(tee "$out") 2>&1
echo "# ci/bench.sh ${*:-all} (profile $profile), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores"

if [ "$section" = all ]; then
    gen=$(measure simulate .build/release/hospital simulate --profile "$profile" --lake "$work/lake" --quiet)
    bytes=$(du -sb "$work/lake" | cut -f1)
    rows=$(find "$work/lake" -name '*.csv' -exec cat {} + | wc -l)
    copy=$(measure "cp-baseline" cp -r "$work/lake" "$work/copy")

    printf '| run | wall s | CPU s | peak RSS MiB | MB written | rows/s |\n|---|---|---|---|---|---|\n'
    for line in "$gen" "$copy"; do
        read -r name wall user sys rss <<<"$line"
        awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v rows="$rows" \
            'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %.0f | %.0f |\n", n, w, u + s, r / 1024, b / 1e6, rows / w }'
    done
    echo "target (full): simulate ≤ 25 s wall and ≤ 5 × cp -r, ≤ 1024 MiB peak RSS (2 cores)"
    rm -rf "$work/copy"
    ci/bench-warehouse.sh "$work/lake"
fi

ci/bench-stream.sh "$stream_runs"
echo "tables written to $out"
