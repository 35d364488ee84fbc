#!/usr/bin/env bash
# Tests ci/submission.sh on a finished lake (ci/e2e.sh --local runs it on its own):
#
#   ci/submission-check.sh LAKE
#
# Packs LAKE and checks the ZIP's entries against the brief's list (the four
# <service>/Dockerfile, docker-compose.yml, .setup_flags/ with the five flags,
# scheduler_state.json, tree.txt, README.md, configs/, db/), each file's bytes against its
# source, the state's date, what tree.txt shows and that a second pack gives the same bytes;
# then that a run not complete (another date, a missing setup flag) is refused with one
# line and exit 2, writing nothing. One PASS/FAIL line per check; exit 1 on any failure.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: ci/submission-check.sh LAKE" >&2; exit 2; }
lake=$(realpath "$1")
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/hospital-submission-check-XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0
result() { # status, name[, why]
    if [ "$1" -eq 0 ]; then echo "PASS submission: $2"; else echo "FAIL submission: $2${3:+: $3}"; failed=$((failed + 1)); fi
}
zip_names() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
zip_cat() { python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' "$1" "$2"; }

zip=$work/submission.zip
status=0
ci/submission.sh --lake "$lake" --out "$zip" 2>"$work/stderr" || status=$?
result "$status" "ci/submission.sh --lake packs the finished lake" "$(cat "$work/stderr")"
[ "$status" -eq 0 ] || exit 1

# Each entry and the file it must hold.
declare -A source=()
for service in producer scheduler batch_ingestor stream_processor; do source[$service/Dockerfile]=docker/$service/Dockerfile; done
for name in docker-compose.yml README.md; do source[$name]=$name; done
for name in $(git ls-files configs db); do source[$name]=$name; done
for flag in people_generated illnesses_assigned staff_generated workforce_simulated schedules_generated; do
    source[.setup_flags/$flag.flag]=$lake/.setup_flags/$flag.flag
done
source[scheduler_state.json]=$lake/scheduler_state.json
expected=$( (printf '%s\n' "${!source[@]}"; echo tree.txt) | LC_ALL=C sort)
listed=$(zip_names "$zip" | LC_ALL=C sort)
result "$([ "$expected" = "$listed" ]; echo $?)" "the ZIP lists exactly the brief's entries ($(echo "$listed" | wc -l))" \
    "$(diff <(echo "$expected") <(echo "$listed") | grep '^[<>]' | tr '\n' ' ')"

differ=()
for name in "${!source[@]}"; do
    cmp -s <(zip_cat "$zip" "$name") "${source[$name]}" || differ+=("$name")
done
result "${#differ[@]}" "every entry but tree.txt holds its source's bytes" "${differ[*]:-}"

state=$(zip_cat "$zip" scheduler_state.json)
result "$([[ $state == *'"current_sim_date":"2025-03-31"'* && $state == *'"status":"complete"'* ]]; echo $?)" \
    "scheduler_state.json says 2025-03-31 complete" "$state"

tree="$(zip_cat "$zip" tree.txt)"$'\n' # each line ends in a newline, the last too
missing=()
for line in ./docker/producer/Dockerfile ./shared_data/scheduler_state.json ./shared_data/batch \
    ./shared_data/processed ./shared_data/stream \
    "./shared_data/.daily_flags/[$(find "$lake/.daily_flags" -type f | wc -l) flag files, not listed one by one]"; do
    [[ $tree == *"── $line"$'\n'* ]] || missing+=("$line")
done
for name in "${!source[@]}"; do
    [[ $name != .setup_flags/* ]] || [[ $tree == *"── ./shared_data/$name"$'\n'* ]] || missing+=("./shared_data/$name")
done
grep -q '── ./shared_data/.daily_flags/.*\.flag$' <<<"$tree" && missing+=("daily flags listed one by one")
result "${#missing[@]}" "tree.txt shows the repository and the lake with full paths, daily flags counted" "${missing[*]:-}"

ci/submission.sh --lake "$lake" --out "$work/again.zip" 2>/dev/null
result "$(cmp -s "$zip" "$work/again.zip"; echo $?)" "a second pack of the same run gives the same bytes"

# A run that is not complete: one line on stderr, exit 2, no ZIP.
refused() { # name, lake
    local status=0
    ci/submission.sh --lake "$2" --out "$work/refused.zip" 2>"$work/stderr" || status=$?
    result "$([ "$status" -eq 2 ] && [ "$(wc -l <"$work/stderr")" -eq 1 ] && [ ! -e "$work/refused.zip" ]; echo $?)" \
        "refused with one line and exit 2: $1" "exit $status, stderr: $(cat "$work/stderr")"
}
mkdir -p "$work/unfinished" "$work/flagless"
sed 's/"2025-03-31"/"2024-06-30"/; s/"complete"/"running"/' "$lake/scheduler_state.json" >"$work/unfinished/scheduler_state.json"
cp -r "$lake/.setup_flags" "$work/unfinished/"
refused "a run stopped on 2024-06-30" "$work/unfinished"
cp "$lake/scheduler_state.json" "$work/flagless/"
cp -r "$lake/.setup_flags" "$work/flagless/"
rm "$work/flagless/.setup_flags/staff_generated.flag"
refused "a setup flag missing" "$work/flagless"

[ "$failed" -eq 0 ]
