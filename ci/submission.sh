#!/usr/bin/env bash
# The brief's hand-in ZIP, from a finished run:
#
#   ci/submission.sh --lake DIR --out FILE.zip    a lake on disk (ci/e2e.sh's, `hospital simulate`'s)
#   ci/submission.sh --compose --out FILE.zip     the Compose project's lake volume, through
#                                                 its scheduler container (docker compose cp)
#
# The ZIP holds, at the brief's paths: producer/, scheduler/, batch_ingestor/ and
# stream_processor/Dockerfile (from docker/<service>/Dockerfile), docker-compose.yml, the
# run's .setup_flags/ and scheduler_state.json, tree.txt, README.md, plus configs/ and db/.
# tree.txt shows the repository and the run's lake under shared_data/ (.setup_flags/,
# .daily_flags/ counted rather than listed, batch/, processed/, stream/,
# scheduler_state.json), every line a full path. A run that is not complete
# (scheduler_state.json not 2025-03-31 complete, or a setup flag missing) is refused with
# one line on stderr and exit 2; nothing is written then. ci/submission-check.sh tests it.
set -euo pipefail

usage() { echo "usage: ci/submission.sh (--lake DIR | --compose) --out FILE.zip" >&2; exit 2; }
lake="" compose=0 out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --lake) [ $# -ge 2 ] || usage; lake=$(realpath -m "$2"); shift ;;
        --compose) compose=1 ;;
        --out) [ $# -ge 2 ] || usage; out=$(realpath -m "$2"); shift ;;
        *) usage ;;
    esac
    shift
done
[ -n "$out" ] || usage
case "$compose:${lake:+lake}" in 1: | 0:lake) ;; *) usage ;; esac
cd "$(dirname "$0")/.."
say() { printf 'submission: %s\n' "$*" >&2; }

work=$(mktemp -d /tmp/hospital-submission-XXXXXX)
trap 'rm -rf "$work"' EXIT

# Every file and empty folder of the run's lake that tree.txt shows, relative to the lake.
list_lake='find scheduler_state.json .setup_flags .daily_flags batch processed stream \
    \( -type f -printf "%p\n" \) -o \( -type d -empty -printf "%p/\n" \)'
if [ "$compose" = 1 ]; then
    # The state and the setup flags are copied out of the volume; the rest is only listed.
    mkdir -p "$work/lake"
    for name in scheduler_state.json .setup_flags; do
        docker compose cp "scheduler:/app/shared_data/$name" "$work/lake/" >"$work/cp.log" 2>&1 ||
            { cat "$work/cp.log" >&2; say "cannot copy /app/shared_data/$name out of the scheduler container (is the stack up? docker compose ps)"; exit 1; }
    done
    python3 ci/submission.py --lake "$work/lake" --check
    docker compose exec -T scheduler sh -c "cd /app/shared_data && $list_lake" >"$work/listing"
    lake_label="the Compose volume" lake=$work/lake
else
    python3 ci/submission.py --lake "$lake" --check
    (cd "$lake" && sh -c "$list_lake") >"$work/listing"
    lake_label=$lake
fi

# The repository's files as ci/tree.sh lists them, and the lake under shared_data/.
git ls-files --cached --others --exclude-standard | grep -v '^tree.txt$' >"$work/repo-files"
daily_flags=$(grep -c '^\.daily_flags/' "$work/listing" || true)
{
    cat "$work/repo-files"
    grep -v '^\.daily_flags/' "$work/listing" | sed 's|^|shared_data/|'
    echo "shared_data/.daily_flags/[$daily_flags flag files, not listed one by one]"
} | LC_ALL=C sort | tree -a -f --fromfile --noreport . >"$work/tree.txt"

python3 ci/submission.py --lake "$lake" --root "$PWD" --repo-files "$work/repo-files" \
    --tree "$work/tree.txt" --out "$out"
say "wrote $out from $lake_label ($(python3 -c 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))' "$out") entries)"
