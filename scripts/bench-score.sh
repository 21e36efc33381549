#!/usr/bin/env bash
# What a user's run of `careerfit score` costs, beside (a) the parse-only floor, a
# program that only deserialises the same lines into serde's IgnoredAny, and (b) jq
# computing the same trait scores (scripts/trait-scores.jq); and whether its memory
# stays flat.
#
#   scripts/bench-score.sh [N]      N generated HIM respondents (default 100000)
#
# Every timing is of a whole process, as a user runs it: the floor and
# `careerfit score him-career-fit -` each read the same N-row file on stdin, and
# score writes its rows to a file. The floor and the default run are timed in
# turns (floor, score, floor, score, ...), and the median of the pairs' ratios is
# the figure (benches/README.md says why). Environment: RUNS pairs (default 7),
# JQ_N rows for jq (default 20000: jq is slow), BIG rows for the memory check
# (default 1000000; 0 skips it), CAREERFIT a careerfit binary to time instead of
# this tree's release build (another build, for a before and after), LOAD=1 to
# also time --jobs 1 and the default with one and with two cores kept busy by
# another program. Installs jq, bc and GNU time with apt-get if missing.
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
bench_bin=$(cargo bench --bench score --no-run --message-format=json 2>/dev/null \
    | jq -r 'select(.executable != null and .target.name == "score") | .executable' | tail -n 1)
bench() { "$bench_bin" "$@"; }
careerfit=${CAREERFIT:-target/release/careerfit}

bench generate "$N" > "$work/rows.jsonl"
bench quiz-json > "$work/quiz.json"
head -n "$JQ_N" "$work/rows.jsonl" > "$work/jq-rows.jsonl"

# Seconds a command takes, whole process, to the millisecond.
elapsed() {
    local start end
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc
}
rate() { echo "scale=0; $1 / $2" | bc; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

# jq must compute what careerfit computes, or the comparison means nothing.
head -n 200 "$work/rows.jsonl" > "$work/check.jsonl"
jq -c --argjson quiz "$(cat "$work/quiz.json")" -f scripts/trait-scores.jq \
    "$work/check.jsonl" > "$work/check-jq.jsonl"
"$careerfit" score him-career-fit "$work/check.jsonl" --full \
    | jq -c '{id, traits: (.traits | map(select(.score != null) | {(.id): .score}) | add)}' \
    > "$work/check-careerfit.jsonl"
jq -n -e --slurpfile a "$work/check-jq.jsonl" --slurpfile b "$work/check-careerfit.jsonl" \
    '[range($a | length) as $i | $a[$i].traits | to_entries[]
      | (.value - $b[$i].traits[.key]) | fabs] | max < 1e-9' > /dev/null \
    || { echo "jq and careerfit disagree on the trait scores" >&2; exit 1; }

# As a user runs them: the rows on stdin, score's rows to a file (the floor writes
# nothing). Each is a whole process, start, quiz and all.
floor_run() { bench floor - < "$work/rows.jsonl" > /dev/null; }
score_run() { "$careerfit" score him-career-fit - "$@" < "$work/rows.jsonl" > "$work/out.jsonl"; }

# The floor and the default run are timed in turns, and each pair gives a ratio: the
# machine is shared and its speed drifts from minute to minute, which a floor timed
# in one minute and score in another would take for a change in careerfit.
RUNS=${RUNS:-7}
floors=() alls=() pair_ratios=()
for _ in $(seq "$RUNS"); do
    f=$(elapsed floor_run)
    a=$(elapsed score_run)
    floors+=("$f") alls+=("$a")
    pair_ratios+=("$(echo "scale=3; $f / $a" | bc)")
done
floor_seconds=$(printf '%s\n' "${floors[@]}" | median)
all=$(printf '%s\n' "${alls[@]}" | median)
pair_median=$(printf '%s\n' "${pair_ratios[@]}" | median)
pair_range="$(printf '%s\n' "${pair_ratios[@]}" | sort -n | head -n 1) to $(printf '%s\n' "${pair_ratios[@]}" | sort -n | tail -n 1)"
# The other outputs: the median of 3 runs each.
median_of_3() { for _ in 1 2 3; do elapsed "$@"; done | median; }
one=$(median_of_3 score_run --jobs 1)
full=$(median_of_3 score_run --full)
csv=$(median_of_3 score_run --format csv)
jq_run() {
    jq -c --argjson quiz "$(cat "$work/quiz.json")" -f scripts/trait-scores.jq \
        "$work/jq-rows.jsonl" > /dev/null
}
jq_seconds=$(elapsed jq_run)
score_run
row_bytes=$(($(wc -c < "$work/out.jsonl") / N))

floor_rate=$(rate "$N" "$floor_seconds")
one_rate=$(rate "$N" "$one")
all_rate=$(rate "$N" "$all")
full_rate=$(rate "$N" "$full")
csv_rate=$(rate "$N" "$csv")
jq_rate=$(rate "$JQ_N" "$jq_seconds")

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "Input: $N generated HIM respondents, $(($(wc -c < "$work/rows.jsonl") / N)) bytes a row," \
     "on stdin; whole processes; medians (score's rows written to a file)"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared)"
echo
printf '%-46s %12s\n' "what" "rows/s"
printf '%-46s %12s\n' "parse-only floor (serde_json -> IgnoredAny)" "$floor_rate"
printf '%-46s %12s\n' "careerfit score (all $(nproc) cores, default)" "$all_rate"
printf '%-46s %12s\n' "careerfit score --jobs 1" "$one_rate"
printf '%-46s %12s\n' "careerfit score --full (all cores)" "$full_rate"
printf '%-46s %12s\n' "careerfit score --format csv (all cores)" "$csv_rate"
printf '%-46s %12s\n' "jq, same trait scores only ($JQ_N rows)" "$jq_rate"
echo
echo "score (default) / floor:  median $pair_median of $RUNS pairs timed in turns ($pair_range)  (target: at least 0.75)"
echo "  pairs: ${pair_ratios[*]}"
echo "score (default) / jq:     $(echo "scale=0; $all_rate / $jq_rate" | bc)x  (target: at least 50x)"
echo "default / --jobs 1:       $(echo "scale=2; $all_rate / $one_rate" | bc)  (target: at least 1)"
echo "result row:               $row_bytes bytes on average  (target: at most 1.5 KB)"

if [ "${LOAD:-0}" = 1 ]; then
    echo
    echo "Under load (another program keeping cores busy), median of 3:"
    for busy in 0 1 2; do
        hogs=()
        for _ in $(seq "$busy"); do yes > /dev/null & hogs+=($!); done
        one=$(median_of_3 score_run --jobs 1)
        all=$(median_of_3 score_run)
        [ ${#hogs[@]} -eq 0 ] || kill "${hogs[@]}"
        echo "  $busy busy: --jobs 1 ${one} s, default ${all} s"
    done
fi

if [ "$BIG" -gt 0 ]; then
    bench generate 1000 > "$work/small.jsonl"
    bench generate "$BIG" > "$work/big.jsonl"
    rm -f "$work/rows.jsonl"
    peak() { /usr/bin/time -f %M "$careerfit" score him-career-fit "$1" "${@:2}" 2>&1 >/dev/null | tail -1; }
    small_kb=$(peak "$work/small.jsonl")
    big_kb=$(peak "$work/big.jsonl")
    small_one_kb=$(peak "$work/small.jsonl" --jobs 1)
    big_one_kb=$(peak "$work/big.jsonl" --jobs 1)
    echo
    echo "Peak memory (max RSS), default: 1000 rows ${small_kb} KB, $BIG rows ${big_kb} KB" \
         "($(echo "scale=2; $big_kb / $small_kb" | bc)x; target: at most 1.5x)"
    echo "Peak memory, --jobs 1: 1000 rows ${small_one_kb} KB, $BIG rows ${big_one_kb} KB" \
         "($(echo "scale=2; $big_one_kb / $small_one_kb" | bc)x)"
fi

