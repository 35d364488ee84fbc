#!/usr/bin/env bash
# Writes tree.txt, the repository's layout; --check fails when it is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
render() { git ls-files --cached --others --exclude-standard | grep -v '^tree.txt$' | sort | tree -a --fromfile --noreport . ; }
if [ "${1:-}" = "--check" ]; then
    if ! diff -u tree.txt <(render); then
        echo "tree.txt is out of date: run ci/tree.sh" >&2
        exit 1
    fi
else
    render > tree.txt
    echo "wrote tree.txt"
fi
