#!/usr/bin/env bash
# Healthcheck of the bitnamilegacy/kafka:3.5.1 STAND-IN (ci/rehearsal/kafka/Dockerfile): the
# real script sends ApiVersions to every broker; this one asks the broker for its metadata
# with kcat (librdkafka), which also negotiates API versions, and fails when none answers.
#   kafka-broker-api-versions.sh --bootstrap-server HOST:PORT
set -euo pipefail
server=localhost:9092
while [ $# -gt 0 ]; do
    case "$1" in
        --bootstrap-server) server=$2; shift ;;
    esac
    shift
done
exec kcat -b "$server" -L -m 5 -q
