#!/usr/bin/env bash
# The test command: installs what the build needs when it is missing, lints ci/, builds
# warning-free, and runs every test (unit, property, golden).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for package in zlib1g-dev libpq-dev librdkafka-dev tree postgresql-15 shellcheck; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "== installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== tree.txt is current"
ci/tree.sh --check

echo "== lint ci/ (shellcheck, ruff)"
ci/lint.sh

echo "== the service Dockerfiles are what their template gives"
ci/dockerfiles.sh --check

echo "== swift format lint --strict"
swift format lint --strict -r Sources Tests Package.swift

echo "== build (warnings are errors)"
swift build --build-tests -Xswiftc -warnings-as-errors

echo "== throwaway PostgreSQL 15 for the warehouse tests"
root=$PWD
# shellcheck source=ci/lib.sh
source ci/lib.sh
trap stop_warehouse EXIT
start_warehouse_as_owner "${PG_DIR:-/tmp/hospital-pg-test}"

echo "== swift test"
# Every suite runs here: one that needs a service fails when it is missing, never skips.
HOSPITAL_REQUIRE_SERVICES=1 swift test --skip-build
