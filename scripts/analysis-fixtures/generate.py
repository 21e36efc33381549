#!/usr/bin/env python3
"""Made-up respondents for tests/fixtures/analysis/quiz.yaml, the same every run.

Writes, into the folder given (tests/fixtures/analysis):
  rows.jsonl   the respondents as `careerfit analyze` reads them
  items.csv    each answer's value in [0, 1] after reverse-keying, worked out here by
               the scoring rules in the README (not by careerfit), NA when skipped
  meta.csv     each question's trait and the lowest and highest value it allows
Each trait has a latent score per respondent; items load on it, except `o-noise`,
which is pure noise. Reversed items are answered the other way round, as a person
would. About 6% of answers are skipped; a few respondents straight-line.
"""
import json
import random
import sys
from pathlib import Path

out = Path(sys.argv[1])
rng = random.Random(20261125)
N = 400
FIVE = ["Strongly disagree", "Disagree", "Not sure", "Agree", "Strongly agree"]

# (id, trait, kind, reverse, loading); kinds: five, seven, yesno, choice4, choice3
ITEMS = [
    ("o1", "order", "five", False, 0.8),
    ("o2", "order", "five", False, 0.7),
    ("o3", "order", "five", True, 0.6),
    ("o4", "order", "five", False, 0.75),
    ("o5", "order", "five", True, 0.5),
    ("o-noise", "order", "five", False, 0.0),
    ("p1", "people", "seven", False, 0.8),
    ("p2", "people", "seven", False, 0.75),
    ("p3", "people", "seven", True, 0.6),
    ("p4", "people", "seven", False, 0.7),
    ("p5", "people", "seven", True, 0.65),
    ("m1", "mixed", "yesno", False, 0.7),
    ("m2", "mixed", "yesno", True, 0.6),
    ("m3", "mixed", "choice4", False, 0.75),
    ("m4", "mixed", "choice3", False, 0.7),
    ("m5", "mixed", "five", False, 0.65),
]
CHOICE4 = [("never", 0.0), ("monthly", 0.25), ("weekly", 0.75), ("daily", 1.0)]
CHOICE3 = [("novice", 0.0), ("user", 0.5), ("expert", 1.0)]


def bucket(z, n):
    """A standard-normal-ish z cut into n ordered positions, 1..n."""
    cuts = [-1.6 + 3.2 * (i + 1) / n for i in range(n - 1)]
    return 1 + sum(z > c for c in cuts)


rows, values = [], []
for r in range(1, N + 1):
    theta = {t: rng.gauss(0, 1) for t in ("order", "people", "mixed")}
    straight = r % 80 == 0  # five straight-liners
    answers, keyed = {}, {}
    for qid, trait, kind, reverse, loading in ITEMS:
        if not straight and rng.random() < 0.06:
            keyed[qid] = None
            continue
        z = loading * theta[trait] + (1 - loading**2) ** 0.5 * rng.gauss(0, 1)
        if reverse:
            z = -z  # the person answers a reversed statement the other way
        if kind in ("five", "seven"):
            n = 5 if kind == "five" else 7
            k = 4 if straight and n == 5 else (6 if straight else bucket(z, n))
            answers[qid] = FIVE[k - 1] if n == 5 else k
            v = (k - 1) / (n - 1)
            keyed[qid] = 1 - v if reverse else v
        elif kind == "yesno":
            yes = True if straight else z > 0
            answers[qid] = yes
            keyed[qid] = float(yes != reverse)
        else:
            options = CHOICE4 if kind == "choice4" else CHOICE3
            i = len(options) - 1 if straight else bucket(z, len(options)) - 1
            answers[qid] = options[i][0]
            keyed[qid] = options[i][1]
    rows.append({"id": f"r{r}", "answers": answers})
    values.append(keyed)

with open(out / "rows.jsonl", "w") as f:
    for row in rows:
        f.write(json.dumps(row) + "\n")
with open(out / "items.csv", "w") as f:
    f.write(",".join(q[0] for q in ITEMS) + "\n")
    for keyed in values:
        f.write(",".join("NA" if keyed[q[0]] is None else repr(keyed[q[0]]) for q in ITEMS) + "\n")
with open(out / "meta.csv", "w") as f:
    f.write("question,trait,low,high\n")
    for qid, trait, kind, _, _ in ITEMS:
        low, high = ("NA", "NA") if kind == "yesno" else (0, 1)
        f.write(f"{qid},{trait},{low},{high}\n")
