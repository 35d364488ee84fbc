#!/usr/bin/env bash
# Renders a report.html (hospital report) to a PNG with headless Chromium, as a person
# would see it: the whole page, 1040 px wide by default.
#
#   ci/report-png.sh REPORT.html OUT.png [WIDTH]
#
# Installs Debian's chromium when it is missing. The page needs no network and no script,
# so Chromium runs with both off.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: ci/report-png.sh REPORT.html OUT.png [WIDTH]" >&2; exit 2; }
report=$(realpath "$1")
out=$(realpath -m "$2")
width=${3:-1040}
# Debian's Python with Pillow trims the shot to the page (Chromium has no full-page switch).
python=/usr/bin/python3
if ! command -v chromium >/dev/null 2>&1 || ! "$python" -c 'import PIL' 2>/dev/null; then
    echo "report-png: installing chromium and python3-pil"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium python3-pil >/dev/null
fi
profile=$(mktemp -d /tmp/hospital-report-png-XXXXXX)
trap 'rm -rf "$profile"' EXIT
height=${REPORT_PNG_HEIGHT:-9000}
echo "report-png: rendering $report at ${width}px into $out"
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --disable-javascript \
    --user-data-dir="$profile" --window-size="$width,$height" --default-background-color=ffffffff \
    --screenshot="$out" "file://$report" >/dev/null 2>&1
# The window is taller than any page; trim the white below the page's end.
"$python" "$(dirname "$0")/trim-png.py" "$out"
echo "report-png: wrote $out"
