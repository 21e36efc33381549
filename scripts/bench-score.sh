#!/usr/bin/env bash
# How fast `careerfit score` is, beside (a) the parse-only floor, a program that only
# deserialises the same lines into serde's IgnoredAny, and (b) jq computing the same
# trait scores (scripts/trait-scores.jq); and whether its memory stays flat.
#
#   scripts/bench-score.sh [N]      N generated HIM respondents (default 100000)
#
# Environment: JQ_N rows for jq (default 20000: jq is slow), BIG rows for the memory
# check (default 1000000; 0 skips it). Installs jq and GNU time with apt-get if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
JQ_N=${JQ_N:-20000}
BIG=${BIG:-1000000}
if [ "$JQ_N" -gt "$N" ]; then JQ_N=$N; fi

install() {
    echo "installing $1 with apt-get" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq "$1" >/dev/null
}
command -v jq >/dev/null || install jq
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
bench quiz-json > "$work/quiz.json"
head -n "$JQ_N" "$work/rows.jsonl" > "$work/jq-rows.jsonl"

# Seconds a command takes, to the millisecond.
elapsed() {
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc
}
rate() { echo "scale=0; $1 / $2" | bc; }

# jq must compute what careerfit computes, or the comparison means nothing.
head -n 200 "$work/rows.jsonl" > "$work/check.jsonl"
jq -c --argjson quiz "$(cat "$work/quiz.json")" -f scripts/trait-scores.jq \
    "$work/check.jsonl" > "$work/check-jq.jsonl"
"$careerfit" score him-career-fit "$work/check.jsonl" \
    | jq -c '{id, traits: (.traits | map(select(.score != null) | {(.id): .score}) | add)}' \
    > "$work/check-careerfit.jsonl"
jq -n -e --slurpfile a "$work/check-jq.jsonl" --slurpfile b "$work/check-careerfit.jsonl" \
    '[range($a | length) as $i | $a[$i].traits | to_entries[]
      | (.value - $b[$i].traits[.key]) | fabs] | max < 1e-9' > /dev/null \
    || { echo "jq and careerfit disagree on the trait scores" >&2; exit 1; }

read -r floor_rows floor_seconds < <(bench floor "$work/rows.jsonl")
one=$(elapsed "$careerfit" score him-career-fit "$work/rows.jsonl" --jobs 1)
all=$(elapsed "$careerfit" score him-career-fit "$work/rows.jsonl")
jq_seconds=$(elapsed jq -c --argjson quiz "$(cat "$work/quiz.json")" \
    -f scripts/trait-scores.jq "$work/jq-rows.jsonl")

floor_rate=$(rate "$floor_rows" "$floor_seconds")
one_rate=$(rate "$N" "$one")
all_rate=$(rate "$N" "$all")
jq_rate=$(rate "$JQ_N" "$jq_seconds")

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "Input: $N generated HIM respondents, $(($(wc -c < "$work/rows.jsonl") / N)) bytes a row"
echo
printf '%-46s %12s\n' "what" "rows/s"
printf '%-46s %12s\n' "parse-only floor (serde_json -> IgnoredAny)" "$floor_rate"
printf '%-46s %12s\n' "careerfit score --jobs 1" "$one_rate"
printf '%-46s %12s\n' "careerfit score (all $(nproc) cores)" "$all_rate"
printf '%-46s %12s\n' "jq, same trait scores only ($JQ_N rows)" "$jq_rate"
echo
echo "careerfit --jobs 1 / floor: $(echo "scale=1; 100 * $one_rate / $floor_rate" | bc)%  (target: at least 40%)"
echo "careerfit --jobs 1 / jq:    $(echo "scale=1; $one_rate / $jq_rate" | bc)x  (target: at least 20x)"

if [ "$BIG" -gt 0 ]; then
    bench generate 1000 > "$work/small.jsonl"
    bench generate "$BIG" > "$work/big.jsonl"
    rm -f "$work/rows.jsonl"
    peak() { /usr/bin/time -f %M "$careerfit" score him-career-fit "$1" "${@:2}" 2>&1 >/dev/null | tail -1; }
    small_kb=$(peak "$work/small.jsonl" --jobs 1)
    big_kb=$(peak "$work/big.jsonl" --jobs 1)
    big_all_kb=$(peak "$work/big.jsonl")
    echo
    echo "Peak memory (max RSS), --jobs 1: 1000 rows ${small_kb} KB, $BIG rows ${big_kb} KB" \
         "($(echo "scale=2; $big_kb / $small_kb" | bc)x; target: at most 1.5x)"
    echo "Peak memory, all cores, $BIG rows: ${big_all_kb} KB"
fi
