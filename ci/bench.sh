#!/usr/bin/env bash
# Benchmarks (docs/performance.md §Targets), never tests; every row has a baseline measured in
# the same run, and its target beside it.
#   ci/bench.sh [--quick] [all|stream]
# all, in order:
# 1. `hospital simulate` of the profile (wall, CPU, peak RSS, MB written, rows/s), beside
#    `cp -r` of the lake it wrote;
# 2. scaling: simulate at a tenth, a third and all of the profile's people, and at 100, 400
#    and all 863 days, with the least-squares slope of each (docs/performance.md §Scaling);
# 3. the warehouse load of the lake of 1 (ci/bench-warehouse.sh: the keyed floor, the
#    staging baseline and the keyless floor beside the ingestor);
# 4. streaming (ci/bench-stream.sh): the whole outbox of that lake, `cat` and `kcat -P` beside;
# 5. ci/e2e.sh --local at the tiny profile and at the profile (services start → drained,
#    each service's peak RSS, the lake's peak size), against the keyed floor of 3.
# `stream` runs 4 alone, on 30 days of the full profile.
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
swift build -c release --product hospital
bin=$root/.build/release/hospital
work=$(mktemp -d /tmp/hospital-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

measure() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/log"
    read -r wall user sys rss < "$work/time"
    echo "$name $wall $user $sys $rss"
}

profile=full
stream_runs=3
if [ "${1:-}" = --quick ]; then profile=tiny; shift; fi
section=${1:-all} # all, or `stream` for the streaming section alone
out=${BENCH_OUT:-bench-results/bench-$([ "$profile" = full ] && echo full || echo quick).md}
mkdir -p "$(dirname "$out")"
exec > >(tee "$out") 2>&1
echo "# ci/bench.sh $section (profile $profile), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, $(date -u +%F)"

if [ "$section" = stream ]; then
    ci/bench-stream.sh 9
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
awk -v g="$gen_wall" -v c="$copy_wall" -v r="$gen_rss" \
    'BEGIN { printf "simulate ÷ cp -r: %.1f × (target ≤ 5 ×); wall target ≤ 25 s (full); peak RSS %.0f MiB (target ≤ 1024)\n", g / c, r / 1024 }'

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
    E2E_STATS=$work/e2e-$1 HOSPITAL_BIN=$bin E2E_TIMEOUT=3600 E2E_REPORT_DIR=$work/report ci/e2e.sh --local --profile "$1" \
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
awk -v d="$drained" -v f="$keyed_floor" -v p="$profile" \
    'BEGIN { printf "e2e %s ÷ keyed floor (%.1f s, section 3): %.2f × (target ≤ 1.25 ×); target ≤ 300 s (full), every service ≤ 512 MB RSS\n", p, f, d / f }'
echo "tables written to $out"
