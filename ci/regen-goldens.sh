#!/usr/bin/env bash
# Rewrites the goldens after a deliberate change to the generator, the configs or the
# schema: Golden/golden (lake.tar.gz + MANIFEST.tsv), Golden/tiny/MANIFEST.tsv,
# Golden/schema (catalog.tsv from a throwaway PostgreSQL 15, transform.tsv) through the
# test harness, then Golden/full/MANIFEST.tsv from a release build. Read `git diff Golden/`
# and say why in the commit message.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=ci/lib.sh
source ci/lib.sh
trap stop_warehouse EXIT
start_warehouse_as_owner "${PG_DIR:-/tmp/hospital-pg-regen}"
echo "== recording (the recording run reports failures on purpose)"
GOLDEN_RECORD=1 swift test --filter Golden >/dev/null 2>&1 || true
echo "== verifying"
swift test --filter Golden
if [ "${1:-}" != "--skip-full" ]; then
    ci/golden-full.sh --record
fi
git --no-pager diff --stat -- Golden/ || true
