#!/usr/bin/env bash
# Rewrites the goldens after a deliberate change to the generator or the configs:
# Golden/golden (lake.tar.gz + MANIFEST.tsv) and Golden/tiny/MANIFEST.tsv through the test
# harness, then Golden/full/MANIFEST.tsv from a release build. Read `git diff Golden/` and
# say why in the commit message.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== recording golden and tiny (the recording run reports failures on purpose)"
GOLDEN_RECORD=1 swift test --filter GoldenTests >/dev/null 2>&1 || true
echo "== verifying them"
swift test --filter GoldenTests
if [ "${1:-}" != "--skip-full" ]; then
    ci/golden-full.sh --record
fi
git --no-pager diff --stat -- Golden/ || true
