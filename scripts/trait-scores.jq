# The trait scores of one respondent row, computed as careerfit computes them, for
# comparing careerfit score with a jq script (scripts/bench-score.sh). The quiz comes
# as $quiz (the quiz file as JSON: `cargo bench --bench score -- quiz-json`).
#
# Rules (README, "Scoring"): a scale answer at position k of n labels is worth
# (k-1)/(n-1), yes 1 and no 0, reversed items 1 minus that; a choice is its option's
# score; a multi the sum of its options' scores, at most 1. A trait's score is
# 100 x sum(weight x value) / sum(weight) over its answered questions.

def scale_labels($q):
  $quiz.scales[$q.scale // ($quiz.scales | keys_unsorted[0])].labels;

def option_of($q; $a):
  first($q.options[] | select(.id == $a or (.label | ascii_downcase) == ($a | ascii_downcase)));

def value($q; $a):
  if $a == null then null
  elif ($q.type // "scale") == "scale" then
    scale_labels($q) as $labels
    | (if ($a | type) == "number" then $a
       else ($labels | map(ascii_downcase) | index($a | ascii_downcase)) + 1 end) as $k
    | (($k - 1) / (($labels | length) - 1)) as $v
    | if $q.reverse then 1 - $v else $v end
  elif $q.type == "yes_no" then
    (if ($a | type) == "boolean" then $a else ($a | ascii_downcase) == "yes" end) as $yes
    | (if $yes then 1 else 0 end) as $v
    | if $q.reverse then 1 - $v else $v end
  elif $q.type == "choice" then option_of($q; $a).score
  else [$a[] as $id | option_of($q; $id).score] | add // 0 | if . > 1 then 1 else . end
  end;

# A forced choice (no `trait`: each option has `scores: {trait: value}`) counts
# toward every trait its options name: an option is worth its value for that trait,
# 0 when it names another; ticked options are summed, at most 1.
def forced_values($q; $a):
  [$q.options[] | (.scores // {}) | keys_unsorted[]] | unique | map(
    . as $t
    | { key: $t,
        value: (if $q.type == "multi"
                then [$a[] as $id | (option_of($q; $id).scores // {})[$t] // 0] | add // 0
                     | if . > 1 then 1 else . end
                else (option_of($q; $a).scores // {})[$t] // 0 end) });

.answers as $answers
| {
    id,
    traits: (
      reduce $quiz.questions[] as $q ({};
        $answers[$q.id] as $a
        | ($q.weight // 1) as $w
        | if $a == null then .
          elif $q.trait == null then
            reduce forced_values($q; $a)[] as $tv (.;
              .[$tv.key].weights += $w | .[$tv.key].sum += $w * $tv.value)
          else value($q; $a) as $v
            | .[$q.trait].weights += $w
            | .[$q.trait].sum += $w * $v
          end)
      | with_entries(.value = 100 * .value.sum / .value.weights)
    )
  }
