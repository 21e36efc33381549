#!/usr/bin/python3
"""Make the form-export fixtures in tests/fixtures/forms/ for ten made-up people:

  people.json     each person's answers as careerfit reads them (the truth the tests
                  score with `take --answers`)
  google.csv      as Google Forms downloads responses: Timestamp, Email Address,
                  Score (quiz mode), then the questions' texts; ticked boxes joined
                  with ", "; yes/no as Yes/No; skipped questions as empty cells
  microsoft.xlsx  as Microsoft Forms downloads them: ID, Start time, Completion time,
                  Email (some "anonymous"), Name, then the questions; ticked boxes as
                  "A;B;"
  semicolon.csv   the Microsoft export saved as CSV by a spreadsheet set to a
                  European locale: ";" between cells

Run with Debian's python3 (apt-get install python3-yaml python3-openpyxl):
  /usr/bin/python3 scripts/forms-fixtures.py
"""
import csv
import datetime
import json
import os
import random

import openpyxl
import yaml

ROOT = os.path.join(os.path.dirname(__file__), "..")
OUT = os.path.join(ROOT, "tests", "fixtures", "forms")

quiz = yaml.safe_load(open(os.path.join(ROOT, "quizzes", "him-career-fit.yaml")))
scales = {name: s["labels"] for name, s in quiz["scales"].items()}
rng = random.Random(14)

NAMES = ["Ana Diaz", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eve Li",
         "Finn O'Neill", "Grace Kim", "Hugo Rossi", "Ivy Nguyen", "Jon Berg"]


def answer(question, leaning):
    """One made-up answer: (careerfit's value, the label a form shows), or None."""
    kind = question.get("type", "scale")
    if rng.random() < 0.06:
        return None  # skipped: an empty cell
    if kind == "scale":
        labels = scales[question.get("scale", "agreement")]
        position = max(1, min(len(labels), round(leaning + rng.gauss(0, 1))))
        return labels[position - 1]
    if kind == "yes_no":
        return "Yes" if rng.random() < 0.5 else "No"
    options = question["options"]
    if kind == "choice":
        return rng.choice(options)["label"]
    # multi: tick some, always including the label with a comma for a few people
    ticked = [o["label"] for o in options if rng.random() < 0.4]
    return ticked or None


people = []
for n, name in enumerate(NAMES):
    leaning = rng.uniform(1.5, 4.5)
    answers = {}
    for q in quiz["questions"]:
        value = answer(q, leaning)
        if value is not None:
            answers[q["id"]] = value
        elif q.get("type") == "multi":
            # No box ticked: the export's cell is empty, and that means none ticked.
            answers[q["id"]] = []
    # Make sure the awkward cases occur: a label holding a comma, ticked with others.
    if n in (1, 4, 7):
        answers["subjects"] = ["Biology", "Art, music or drama", "Chemistry"]
    if n == 2:
        answers["subjects"] = ["Art, music or drama"]
    email = "anonymous" if n in (3, 8) else f"{name.split()[0].lower()}@example.org"
    people.append({"n": n + 1, "name": name, "email": email, "answers": answers})

texts = [q["text"] for q in quiz["questions"]]


def cells(person, join):
    row = []
    for q in quiz["questions"]:
        value = person["answers"].get(q["id"])
        if value is None or value == []:
            row.append("")
        elif isinstance(value, list):
            row.append(join(value))
        else:
            row.append(value)
    return row


start = datetime.datetime(2026, 11, 2, 9, 0, 0)
with open(os.path.join(OUT, "google.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Timestamp", "Email Address", "Score"] + texts)
    for p in people:
        when = start + datetime.timedelta(minutes=17 * p["n"])
        email = "" if p["email"] == "anonymous" else p["email"]
        w.writerow([when.strftime("%Y/%m/%d %-I:%M:%S %p GMT"), email, "0 / 0"]
                   + cells(p, ", ".join))

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Sheet1"
header = ["ID", "Start time", "Completion time", "Email", "Name"] + texts
sheet.append(header)
ms_rows = []
for p in people:
    began = start + datetime.timedelta(minutes=17 * p["n"])
    row = [p["n"], began, began + datetime.timedelta(minutes=9), p["email"],
           "" if p["email"] == "anonymous" else p["name"]]
    row += cells(p, lambda ticks: "".join(t + ";" for t in ticks))
    sheet.append(row)
    ms_rows.append(row)
book.save(os.path.join(OUT, "microsoft.xlsx"))

with open(os.path.join(OUT, "semicolon.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(header)
    for row in ms_rows:
        w.writerow([c.strftime("%d/%m/%Y %H:%M") if isinstance(c, datetime.datetime) else c
                    for c in row])

with open(os.path.join(OUT, "people.json"), "w", encoding="utf-8") as f:
    json.dump(people, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {len(people)} people to {OUT}")
