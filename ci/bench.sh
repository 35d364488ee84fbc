#!/usr/bin/env bash
# Benchmarks (docs/performance.md §Targets), never tests; every row has a baseline measured in
# the same run, and its target beside it.
#   ci/bench.sh [--quick] [all|stream|scale]
# all, in order:
# 1. `hospital simulate` of the profile (wall, CPU, peak RSS, MB written, rows/s), beside
#    `cp -r` of the lake it wrote;
# 2. scaling: simulate at a tenth, a third and all of the profile's people, and at 100, 400
#    and all 863 days, with the least-squares slope of each (docs/performance.md §Scaling);
# 3. the warehouse load of the lake of 1 (ci/bench-warehouse.sh: the keyed floor, the
#    staging baseline and the keyless floor beside the ingestor), with the CPU of each
#    process of each ingestor run, PostgreSQL's backends included (ci/cpu-breakdown.py);
# 4. streaming (ci/bench-stream.sh): the whole outbox of that lake, `cat` and `kcat -P` beside;
# 5. ci/e2e.sh --local at the tiny profile and at the profile (services start → drained,
#    each service's peak RSS, the lake's peak size, CPU per process), against the keyed floor of 3;
# 6. scale-out, on a lake of its own (full profile at BENCH_SCALE_POPULATION people, default
#    300000): ingest workers 1/2/4, ingestor processes 1/2, producers 1/2, stream processors
#    1/2/3, each row checked against the lake and the first row.
# `stream` runs 4 alone, on 30 days of the full profile; `scale` runs 6 alone.
# Each target line says MET or MISSED; the targets are the full profile's, so a --quick run
# reads them as a smoke test. HOSPITAL_BIN names a binary to use (and pass down) instead of
# building one.
# --quick runs every row reduced, in a few minutes: the tiny profile (the full calendar, a
# thousand people) throughout, three streaming runs of 30 days. The tables go to the screen
# and to BENCH_OUT (default bench-results/bench-<full|quick>.md, git-ignored), so runs can
# be compared.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
for tool in /usr/bin/time:time bc:bc kcat:kcat; do
    command -v "${tool%%:*}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${tool#*:}" >/dev/null; }
done
# shellcheck source=ci/lib.sh
source ci/lib.sh
script_name=bench
build_hospital full
export HOSPITAL_BIN=$bin # the sub-scripts use it rather than build again
work=$(mktemp -d /tmp/hospital-bench-XXXXXX)
trap 'stop_warehouse; rm -rf "$work"' EXIT

measure() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/log"
    read -r wall user sys rss < "$work/time"
    echo "$name $wall $user $sys $rss"
}

profile=full
stream_runs=3
if [ "${1:-}" = --quick ]; then profile=tiny; shift; fi
section=${1:-all} # all, or `stream` or `scale` for that section alone
out=${BENCH_OUT:-bench-results/bench-$([ "$profile" = full ] && echo full || echo quick).md}
mkdir -p "$(dirname "$out")"
exec > >(tee "$out") 2>&1
echo "# ci/bench.sh $section (profile $profile), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, $(date -u +%F)"

if [ "$section" = stream ]; then
    ci/bench-stream.sh 9
    echo "tables written to $out"
    exit 0
fi

# One ingest row of section 6: `processes` batch-ingestor --drain --workers `workers` at
# once on a fresh copy of the scale-out lake's batch files and a fresh database, checked
# against the lake (the ledger's rows, failed/) and the first row's table digests.
scale_ingest_row() { # label, N, processes, workers
    local name=scale_$3_$4 copy=$work/scale-copy start wall checks="" pid status=0
    local -a pids=()
    rm -rf "$copy"; cp -r "$scale_batch" "$copy"
    psql -X -q -d "$DB_NAME" -c "CREATE DATABASE $name"
    # The schema before the clock, so several processes do not apply it at once.
    psql -X -q -v ON_ERROR_STOP=1 -d "$name" -f db/db_schema.sql >/dev/null
    start=$(date +%s.%N)
    for ((i = 1; i <= $3; i++)); do
        env LAKE_PATH="$copy" CONFIG_DIR="$root/configs" DB_NAME="$name" "$bin" batch-ingestor --drain --workers "$4" \
            >"$work/scale-ingest-$name-$i.log" 2>&1 &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    [ "$status" -eq 0 ] || checks+=" exit $status;"
    local ledger failed
    ledger=$(psql -X -At -d "$name" -c "SELECT coalesce(sum(rows), 0) FROM ingest.files")
    [ "$ledger" -eq "$scale_rows" ] || checks+=" ledger $ledger rows of $scale_rows;"
    failed=$(find "$copy/failed" -mindepth 1 -maxdepth 1 ! -name '.*' 2>/dev/null | wc -l)
    [ "$failed" -eq 0 ] || checks+=" $failed in failed/;"
    table_digests "$name" > "$work/scale-$name.digests"
    [ -f "$work/scale-reference.digests" ] || cp "$work/scale-$name.digests" "$work/scale-reference.digests"
    cmp -s "$work/scale-$name.digests" "$work/scale-reference.digests" || checks+=" tables differ from workers 1;"
    psql -X -q -d "$DB_NAME" -c "DROP DATABASE $name"
    rm -rf "$copy"
    awk -v l="$1" -v n="$2" -v w="$wall" -v r="$scale_rows" -v c="${checks:- PASS}" \
        'BEGIN { printf "| %s | %d | %.1f | %.0f rows/s | %s |\n", l, n, w, r / w, (c == " PASS" ? "PASS" : "FAIL:" c) }'
}

# One streaming row of section 6: ci/bench-stream.sh's pipeline over the scale-out lake's
# whole outbox, once, with `producers` producers and `processors` stream processors.
scale_stream_row() { # label, N, producers, processors
    local checks="" e2e events landed distinct failed
    if ! BENCH_STREAM_ROW=$work/scale-stream.row BENCH_STREAM_PRODUCERS=$3 BENCH_STREAM_PROCESSORS=$4 \
        ci/bench-stream.sh 1 "$scale_lake" >"$work/scale-stream-$3-$4.log" 2>&1; then
        echo "| $1 | $2 | | | FAIL: ci/bench-stream.sh: $(tail -n 1 "$work/scale-stream-$3-$4.log" | tr '|' ' ') |"
        return
    fi
    read -r e2e events landed distinct failed < "$work/scale-stream.row"
    [ "$landed" -eq "$events" ] || checks+=" landed $landed of $events;"
    [ "$distinct" -eq "$events" ] || checks+=" $distinct distinct event ids of $events;"
    [ "$failed" -eq 0 ] || checks+=" $failed in failed/;"
    awk -v l="$1" -v n="$2" -v w="$e2e" -v e="$events" -v c="${checks:- PASS}" \
        'BEGIN { printf "| %s | %d | %.1f | %.0f events/s | %s |\n", l, n, w, e / w, (c == " PASS" ? "PASS" : "FAIL:" c) }'
}

scale_out() {
    echo; echo "## 6. scale-out"
    scale_lake=$work/scale-lake
    if [ "$profile" = full ]; then
        "$bin" simulate --profile full --population "${BENCH_SCALE_POPULATION:-300000}" --lake "$scale_lake" --quiet >/dev/null
    else
        "$bin" simulate --profile "$profile" --lake "$scale_lake" --quiet >/dev/null
    fi
    scale_batch=$work/scale-batch
    copy_ingestor_files "$scale_lake" "$scale_batch"
    scale_rows=$(batch_rows "$scale_batch")
    start_warehouse_as_owner "/tmp/hospital-pg-bench-scale-$$"
    export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
    echo "lake: $([ "$profile" = full ] && echo "full profile, ${BENCH_SCALE_POPULATION:-300000} people" || echo "profile $profile"); $scale_rows rows for the ingestor, $("$bin" files --lake "$scale_lake" --outbox --events) outbox events"
    printf '| scale-out | N | wall s | rows/s or events/s | checks |\n|---|---|---|---|---|\n'
    for n in 1 2 4; do scale_ingest_row "ingest workers (one process)" "$n" 1 "$n"; done
    for n in 1 2; do scale_ingest_row "ingestor processes (--workers 1 each)" "$n" "$n" 1; done
    stop_warehouse
    for n in 1 2; do scale_stream_row "producers (one stream processor)" "$n" "$n" 1; done
    for n in 1 2 3; do scale_stream_row "stream processors (one producer)" "$n" 1 "$n"; done
    echo "ingest: wall from the first process's start to the last's exit, rows checked against the lake's batch CSVs,"
    echo "tables against the first row's digests; stream: end to end as in section 4, one run each, landed lines and"
    echo "distinct event ids checked against the outbox's events"
    rm -rf "$scale_lake" "$scale_batch"
}

if [ "$section" = scale ]; then
    scale_out
    echo "tables written to $out"
    exit 0
fi

echo; echo "## 1. simulate --profile $profile"
lake=$work/lake
gen=$(measure simulate "$bin" simulate --profile "$profile" --lake "$lake" --quiet)
bytes=$(du -sb "$lake" | cut -f1)
rows=$(find "$lake" -name '*.csv' -exec cat {} + | wc -l)
copy=$(measure "cp -r of the same lake (baseline)" cp -r "$lake" "$work/copy")
rm -rf "$work/copy"
printf '| run | wall s | CPU s | peak RSS MiB | MB written | rows/s |\n|---|---|---|---|---|---|\n'
for line in "$gen" "$copy"; do
    name=${line% * * * *}
    read -r wall user sys rss <<<"${line##"$name" }"
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v rows="$rows" \
        'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %.0f | %.0f |\n", n, w, u + s, r / 1024, b / 1e6, rows / w }'
done
read -r _ gen_wall _ _ gen_rss <<<"$gen"
copy_wall=$(awk '{ print $(NF - 3) }' <<<"$copy")
awk -v g="$gen_wall" -v c="$copy_wall" -v r="$gen_rss" 'BEGIN {
    printf "target: simulate ≤ 3 × cp -r: %.1f ×, %s\n", g / c, (g / c <= 3 ? "MET" : "MISSED")
    printf "target: simulate full ≤ 25 s: %.1f s, %s\n", g, (g <= 25 ? "MET" : "MISSED")
    printf "peak RSS %.0f MiB (docs/performance.md: ≤ 1024): %s\n", r / 1024, (r / 1024 <= 1024 ? "MET" : "MISSED") }'

echo; echo "## 2. scaling of simulate (profile $profile)"
# People: the issue's 0.3 M / 1 M / 3 M at full; a thousand to ten thousand for --quick.
case $profile in full) people=(300000 1000000 3000000) ;; *) people=(1000 3000 10000) ;; esac
base=${people[0]}; [ "$profile" = full ] && base=${people[2]}
# One row: "axis x people days wall cpu rss_kib bytes"; the profile's own run is reused.
scale_row() { # axis, people, days
    if [ "$2" = "$base" ] && [ "$3" = 863 ]; then
        read -r _ wall user sys rss <<<"$gen"
        echo "$1 $([ "$1" = people ] && echo "$2" || echo "$3") $2 $3 $wall $(echo "$user + $sys" | bc) $rss $bytes"
        return
    fi
    local args=(simulate --profile "$profile" --lake "$work/scale" --quiet --until "$(date -u -d "2022-11-20 + $(( $3 - 1 )) days" +%F)")
    [ "$2" != "$base" ] && args+=(--population "$2")
    read -r _ wall user sys rss <<<"$(measure run "$bin" "${args[@]}")"
    echo "$1 $([ "$1" = people ] && echo "$2" || echo "$3") $2 $3 $wall $(echo "$user + $sys" | bc) $rss $(du -sb "$work/scale" | cut -f1)"
    rm -rf "$work/scale"
}
{
    for n in "${people[@]}"; do scale_row people "$n" 863; done
    for d in 100 400 863; do scale_row days "$base" "$d"; done
} > "$work/scaling"
printf '| grows with | people | days | wall s | CPU s | peak RSS MiB | MB written |\n|---|---|---|---|---|---|---|\n'
awk '{ printf "| %s | %d | %d | %.1f | %.1f | %.0f | %.0f |\n", $1, $3, $4, $5, $6, $7 / 1024, $8 / 1e6 }' "$work/scaling"
# Least squares of wall and peak RSS on x, per axis; r² near 1 is linear growth.
for axis in people days; do
    awk -v a="$axis" '$1 == a { n++; sx += $2; sy += $5; sxx += $2 * $2; sxy += $2 * $5; syy += $5 * $5; sm += $7; sxm += $2 * $7 }
        END { d = n * sxx - sx * sx; b = (n * sxy - sx * sy) / d; bm = (n * sxm - sx * sm) / d
              r = (n * sxy - sx * sy) / sqrt(d * (n * syy - sy * sy))
              unit = (a == "people" ? 1e6 : 100); label = (a == "people" ? "million people" : "100 days")
              printf "slope over %s: %.2f s wall and %.0f MiB peak RSS per %s; wall r² = %.3f (1 = linear)\n", a, b * unit, bm * unit / 1024, label, r * r }' "$work/scaling"
done

echo; echo "## 3. warehouse load of that lake"
BENCH_WAREHOUSE_OUT=$work/warehouse ci/bench-warehouse.sh "$lake"
read -r _ keyed_floor < "$work/warehouse"

echo; echo "## 4. stream: the whole outbox of that lake"
ci/bench-stream.sh "$stream_runs" "$lake" || echo "stream section FAILED (see above); the run goes on"
rm -rf "$lake"

echo; echo "## 5. end to end (ci/e2e.sh --local)"
e2e_row() { # profile
    E2E_STATS=$work/e2e-$1 E2E_TIMEOUT=3600 E2E_REPORT_DIR=$work/report \
        ci/cpu-breakdown.py --table "$work/cpu-e2e-$1.md" -- ci/e2e.sh --local --profile "$1" \
        > "$work/e2e-$1.log" 2>&1 || { tail -n 30 "$work/e2e-$1.log"; echo "e2e $1 failed"; exit 1; }
    local checks
    checks=$(grep -c '^PASS' "$work/e2e-$1.log" || true)
    awk -v p="$1" -v c="$checks" '
        $1 == "drained" { d = $2 } $1 == "lake" { l = $2 } $1 != "drained" && $1 != "lake" { r[$1] = $2 }
        END { printf "| %s | %d | %d | %d | %d | %d | %d | %d | %s |\n", p, d, r["scheduler"] / 1024, r["producer"] / 1024,
              r["stream-processor"] / 1024, r["batch-ingestor"] / 1024, r["broker"] / 1024, l / 1e6, c }' "$work/e2e-$1"
}
printf '| profile | services start → drained s | scheduler MiB | producer MiB | stream processor MiB | batch ingestor MiB | broker MiB | lake peak MB | PASS checks |\n|---|---|---|---|---|---|---|---|---|\n'
[ "$profile" = full ] && e2e_row tiny
e2e_row "$profile"
drained=$(awk '$1 == "drained" { print $2 }' "$work/e2e-$profile")
failed_checks=$(grep -c '^FAIL' "$work/e2e-$profile.log" || true)
awk -v p="$profile" -v d="$drained" -v f="$failed_checks" 'BEGIN {
    printf "target: e2e %s drained ≤ 300 s with every check passing: %d s, %d checks failed, %s\n", p, d, f,
        (d <= 300 && f == 0 ? "MET" : "MISSED") }'
# The services' peaks only; the lake's size is not a service.
awk '$1 != "drained" && $1 != "lake" { if ($2 > m) { m = $2; n = $1 } }
    END { printf "target: every service ≤ 512 MiB RSS: largest %s, %.0f MiB, %s\n", n, m / 1024, (m / 1024 <= 512 ? "MET" : "MISSED") }' \
    "$work/e2e-$profile"
awk -v d="$drained" -v f="$keyed_floor" 'BEGIN { printf "for reading: drained ÷ keyed floor (%.1f s, section 3): %.2f × (docs/performance.md: ≤ 1.25 ×)\n", f, d / f }'
for p in $([ "$profile" = full ] && echo tiny) "$profile"; do
    printf '\nCPU during ci/e2e.sh --profile %s (simulation, services, drain, verify and report):\n\n' "$p"
    cat "$work/cpu-e2e-$p.md"
done
scale_out
echo "tables written to $out"
