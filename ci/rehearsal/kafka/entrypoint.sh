#!/usr/bin/env bash
# Entrypoint of the bitnamilegacy/kafka:3.5.1 STAND-IN (ci/rehearsal/kafka/Dockerfile, used
# only by ci/rehearsal/run.sh): starts `hospital broker` (librdkafka's mock cluster on
# 127.0.0.1, the topics of configs/kafka_config.json), then forwards :9092 on every address
# to it with socat, so that a client's first contact with kafka:9092 reaches the mock. The
# mock's metadata names 127.0.0.1:<port>, which is right only inside this container's
# network namespace: the rehearsal's override runs the Kafka clients there.
set -euo pipefail
bootstrap=/tmp/bootstrap
rm -f "$bootstrap"
hospital broker --bootstrap-file "$bootstrap" &
broker=$!
trap 'kill -TERM "$broker" "${socat:-}" 2>/dev/null || true' TERM INT
for _ in $(seq 1 100); do
    [ -s "$bootstrap" ] && break
    kill -0 "$broker" 2>/dev/null || { echo "kafka-standin.sh: hospital broker exited" >&2; exit 1; }
    sleep 0.1
done
address=$(head -n 1 "$bootstrap")
echo "kafka-standin.sh: mock cluster at $address, forwarded from :9092"
socat TCP-LISTEN:9092,fork,reuseaddr "TCP:$address" &
socat=$!
wait -n "$broker" "$socat" || true
kill -TERM "$broker" "$socat" 2>/dev/null || true
wait || true
