#!/usr/bin/env bash
# Generates the full profile (3,000,000 people, 863 days) with a release build and checks
# it against Golden/full/MANIFEST.tsv; --record rewrites that manifest instead.
set -euo pipefail
cd "$(dirname "$0")/.."
lake=$(mktemp -d /tmp/hospital-full-XXXXXX)
trap 'rm -rf "$lake"' EXIT
echo "== release build"
swift build -c release --product hospital
echo "== simulate --profile full into $lake"
.build/release/hospital simulate --profile full --lake "$lake" --quiet
if [ "${1:-}" = "--record" ]; then
    .build/release/hospital golden record --profile full --lake "$lake"
else
    .build/release/hospital golden verify --profile full --lake "$lake"
fi
