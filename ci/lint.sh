#!/usr/bin/env bash
# Lints ci/ itself: shellcheck over every shell script under ci/ (sources followed), ruff over
# every Python file (rules in ci/ruff.toml). Any finding fails it. ci/test.sh runs it.
#
# Tools: Debian's shellcheck (ci/test.sh installs it) and PyPI's ruff, pinned, installed
# into .build-ci/ruff-venv when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

RUFF_VERSION=0.17.6
VENV=.build-ci/ruff-venv
ruff=$VENV/bin/ruff

command -v shellcheck >/dev/null || { echo "lint: no shellcheck (apt-get install shellcheck)" >&2; exit 2; }
if [ "$("$ruff" --version 2>/dev/null)" != "ruff $RUFF_VERSION" ]; then
    echo "== installing ruff==$RUFF_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "ruff==$RUFF_VERSION"
fi

mapfile -t scripts < <(find ci -name '*.sh' -type f | LC_ALL=C sort)
echo "== $(shellcheck --version | sed -n 's/^version: /shellcheck /p') -x, ${#scripts[@]} scripts under ci/"
shellcheck -x "${scripts[@]}"
echo "== $("$ruff" --version) check ci/"
"$ruff" check --no-cache ci
