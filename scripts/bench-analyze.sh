#!/usr/bin/env bash
# What `careerfit analyze` costs beside `careerfit score` on the same rows, and
# whether its memory stays flat as the rows grow.
#
#   scripts/bench-analyze.sh [N]      N generated HIM respondents (default 40000)
#
# Each command runs RUNS times (default 5) and the fastest wall time counts. BIG rows
# (default 1000000; 0 skips it) are piped in for the memory check, so no large file
# is written. Installs bc and GNU time with apt-get if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-40000}
RUNS=${RUNS:-5}
BIG=${BIG:-1000000}

install() {
    echo "installing $1 with apt-get" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq "$1" >/dev/null
}
command -v bc >/dev/null || install bc
[ -x /usr/bin/time ] || install time

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building (release)..." >&2
cargo build --release --quiet
cargo bench --bench score --no-run --quiet 2>/dev/null
bench() { cargo bench --quiet --bench score -- "$@" 2>/dev/null; }
careerfit=target/release/careerfit
bench generate "$N" > "$work/rows.jsonl"

# The fastest of RUNS wall times of a command, in seconds, to the millisecond.
fastest() {
    local best="" start end t
    for _ in $(seq "$RUNS"); do
        start=$(date +%s%N)
        "$@" > /dev/null
        end=$(date +%s%N)
        t=$(echo "scale=3; ($end - $start) / 1000000000" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

score_all=$(fastest "$careerfit" score him-career-fit "$work/rows.jsonl")
score_one=$(fastest "$careerfit" score him-career-fit "$work/rows.jsonl" --jobs 1)
analyze=$(fastest "$careerfit" analyze him-career-fit "$work/rows.jsonl")

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "Input: $N generated HIM respondents, $(($(wc -c < "$work/rows.jsonl") / N)) bytes a row"
echo
printf '%-40s %10s\n' "what (fastest of $RUNS)" "seconds"
printf '%-40s %10s\n' "careerfit score (all $(nproc) cores)" "$score_all"
printf '%-40s %10s\n' "careerfit score --jobs 1" "$score_one"
printf '%-40s %10s\n' "careerfit analyze" "$analyze"
echo
echo "analyze / score (all cores): $(echo "scale=2; $analyze / $score_all" | bc)x  (target: at most 1.5x)"
echo "analyze / score --jobs 1:    $(echo "scale=2; $analyze / $score_one" | bc)x"

if [ "$BIG" -gt 0 ]; then
    peak() { bench generate "$1" | /usr/bin/time -f %M "$careerfit" analyze him-career-fit 2>&1 >/dev/null | tail -1; }
    small_kb=$(peak 1000)
    big_kb=$(peak "$BIG")
    echo
    echo "Peak memory (max RSS): 1000 rows ${small_kb} KB, $BIG rows ${big_kb} KB" \
         "($(echo "scale=2; $big_kb / $small_kb" | bc)x; target: at most 1.5x)"
fi
