#!/usr/bin/env bash
# Check `careerfit serve` in headless Chromium: two students (a desktop window and a
# phone, 390x844) click through the whole quiz with JavaScript off, the advisor opens
# the class page, and axe-core checks every page type (start, questions, questions
# with a problem, review, result, advisor, 401, 404) against WCAG 2.1 A and AA and
# that nothing is wider than the window. Screenshots of the phone's questions and
# result pages (and the desktop's) go to target/serve-shots/.
#
#   scripts/check-serve.sh          exits non-zero on any violation or failed step
#
# Installs Debian's chromium with apt-get, and axe-core and puppeteer-core with npm
# into target/a11y-tools, if they are missing (as scripts/check-a11y.sh does). CI
# does not run this; run it after changing a served page.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/a11y-tools.sh
source scripts/a11y-tools.sh

cargo build --release --quiet
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
: >"$work/out"
target/release/careerfit serve --port 0 --db "$work/class.sqlite3" >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 100); do
    [ "$(wc -l <"$work/out")" -ge 2 ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
    sleep 0.1
done
students=$(sed -n 's/^students: //p' "$work/out")
advisor=$(sed -n 's/^advisor: //p' "$work/out")
[ -n "$students" ] && [ -n "$advisor" ] || { echo "serve printed no addresses" >&2; exit 1; }

shots=target/serve-shots
node scripts/check-serve.mjs "$tools" "$students" "$advisor" "$shots"

# The class survives a stop and a start, as an advisor would do it: Ctrl-C, then
# `serve` again on the same file, then the same finished students and answers, and
# the spreadsheet saved for a look.
export_of() {  # ADVISOR-URL STUDENTS-URL: the export, logged in with a jar of its own
    rm -f "$work/jar"
    curl -sf -o /dev/null -c "$work/jar" -b "$work/jar" "$1"
    curl -sf -b "$work/jar" "${2}advisor/export.jsonl"
    curl -sf -b "$work/jar" -o "$shots/results.csv" "${2}advisor/results.csv"
}
# The printed sign-in link works once, and the browser above used it: each export
# signs in with the link of a fresh start.
restart() {
    kill -INT "$server"
    status=0
    wait "$server" || status=$?
    server=""
    [ "$status" -eq 0 ] || { echo "FAIL serve exited $status on Ctrl-C" >&2; exit 1; }
    : >"$work/out"
    target/release/careerfit serve --port 0 --db "$work/class.sqlite3" >"$work/out" 2>>"$work/log" &
    server=$!
    for _ in $(seq 100); do
        [ "$(wc -l <"$work/out")" -ge 2 ] && break
        sleep 0.1
    done
}
export_now() {
    export_of "$(sed -n 's/^advisor: //p' "$work/out")" "$(sed -n 's/^students: //p' "$work/out")"
}
restart
before=$(export_now)
restart
after=$(export_now)
finished=$(printf '%s\n' "$before" | grep -c '"answers"' || true)
if [ "$before" != "$after" ] || [ "$finished" -lt 2 ]; then
    echo "FAIL after a restart the export differs, or has $finished finished students" >&2
    exit 1
fi
echo "restart: stopped with Ctrl-C (exit 0), started again: the same $finished finished students and answers"
echo "the spreadsheet: $shots/results.csv"
