#!/usr/bin/env bash
# Render a careerfit HTML report to PNG with headless Chromium, for a person to look at
# (the page as a browser shows it; print it from a browser for paper or PDF).
#
#   scripts/render-report.sh REPORT.html [OUT.png]     default OUT: REPORT.png
#
# Installs Debian's chromium with apt-get if it is missing.
set -euo pipefail

report=${1:?usage: scripts/render-report.sh REPORT.html [OUT.png]}
out=${2:-${report%.html}.png}
[ -f "$report" ] || { echo "no such file: $report" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
    echo "installing chromium with apt-get" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# 794 x 1123 CSS pixels is an A4 page at 96 dpi; the page is long, so give it room.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=794,2400 \
    --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" 2>/dev/null
echo "wrote $out" >&2
