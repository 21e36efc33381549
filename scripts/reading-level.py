#!/usr/bin/python3
"""Fernández Huerta readability of a Spanish quiz translation (quizzes/NAME.es.yaml).

  /usr/bin/python3 scripts/reading-level.py [TRANSLATION] [--each] [--self-test]

    L = 206.84 - 0.60 P - 1.02 F
    P = syllables per 100 words, F = sentences per 100 words

(Fernández Huerta 1959, Spanish adaptation of Flesch's reading ease: about 90-100 very
easy, 80-90 easy, 70-80 fairly easy, 60-70 standard, 50-60 fairly difficult, 30-50
difficult, below 30 very difficult.) As usually quoted, and as here, F counts sentences
per 100 words, so more (shorter) sentences lower L, against the formula's intent; Gwillim
Law (LINGUIST List 22.2332, 2011) argues F should be words per sentence, as in Flesch.
The column "L(W/S)" gives that variant, 206.84 - 0.60 P - 1.02 (words / sentences), for
comparison; "L" is the formula as specified. Each group is scored on its pooled counts (all its
words, syllables and sentences together), not as a mean of per-text scores. Groups:
  questions          the question texts (stems) only
  answering          stems, their options and the scale labels: all a respondent reads
                     while answering
  pathways           the five pathways' texts (titles, summaries, education, job titles,
                     occupations, credentials, needs, next steps)
  all                every `text` of the file (adds trait names and descriptions, the
                     pathways, verdict and bands)
--each lists every question stem's own score, lowest first.

This is an approximation, on purpose simple:
- A word is a run of letters (apostrophes and hyphens inside it allowed). Tokens with no
  letter ("$50,250", "2024-34", "55%") are left out of words and syllables alike, though
  read aloud they are long; so figures make a text look slightly easier than it is.
- Syllables are counted by vowel groups. a, e, o (accented or not) are strong vowels; i,
  u, ü weak; í and ú accented weak vowels, which break a diphthong. Within a run of
  vowels, two neighbours share a syllable (a diphthong, or with a third vowel a
  triphthong) unless both are strong (hiatus: "le-er", "o-es-te") or either is an
  accented weak vowel (hiatus: "dí-a", "re-ú-ne"). "y" is a vowel when no vowel
  follows it ("hoy", "muy", the word "y"), otherwise a consonant ("ayuda"). "h" counts
  as a consonant, so "prohíbe" splits as written; the silent u of que/qui/gue/gui needs
  no rule, as it sits in one group with the next vowel. Every word has at least one
  syllable. Synalepha across words is not counted (written syllables, as the formula's
  authors did). English names and acronyms (RHIT, AHIMA, "Medical Records
  Specialists") are counted by these Spanish rules too, which undercounts spelled-out
  acronyms.
- A sentence ends at ".", "!", "?" or "…" at the end of the text, or followed by a space
  and a capital letter, a digit, "$" or an opening "¿", "¡", quote or parenthesis (so
  "cahiim.org" and "$50,250" do not end one); inside "EE. UU." only the last stop may.
  A text with no such ending (an option, a label) is one sentence.
"""
import argparse
import os
import re
import sys

import yaml

ROOT = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT = os.path.normpath(os.path.join(ROOT, "quizzes", "him-career-fit.es.yaml"))

STRONG = set("aeoáéó")
WEAK = set("iuü")
ACCENTED_WEAK = set("íú")
VOWELS = STRONG | WEAK | ACCENTED_WEAK
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
ABBREVIATIONS = ("EE. UU.",)


def syllables(word):
    """Spanish syllables of one word, by vowel groups (see the module's notes)."""
    w = word.lower()
    # y is a vowel (weak, like i) only when no vowel follows it.
    letters = []
    for i, c in enumerate(w):
        if c == "y" and not (i + 1 < len(w) and w[i + 1] in VOWELS):
            letters.append("i")
        else:
            letters.append(c)
    count, prev = 0, None  # prev: the previous letter if it was a vowel
    for c in letters:
        if c in VOWELS:
            if prev is None:
                count += 1
            elif (prev in STRONG and c in STRONG) or prev in ACCENTED_WEAK \
                    or c in ACCENTED_WEAK:
                count += 1  # hiatus: a new syllable
            prev = c
        else:
            prev = None
    return max(count, 1)


def sentences(text):
    t = " ".join(text.split())
    for abbr in ABBREVIATIONS:  # "EE. UU.": only its last stop may end a sentence
        t = t.replace(abbr, abbr.replace(". ", "").rstrip(".") + ".")
    ends = re.findall(r"[.!?…]+(?=$|\s+[¿¡\"«(]?[A-ZÁÉÍÓÚÑÜ0-9$])", t)
    return max(len(ends), 1)


def counts(text):
    words = WORD.findall(text)
    return len(words), sum(syllables(w) for w in words), sentences(text)


def score(texts):
    w = s = n = 0
    for t in texts:
        a, b, c = counts(t)
        w, s, n = w + a, s + b, n + c
    if w == 0:
        return None
    p, f = 100 * s / w, 100 * n / w
    return {"texts": len(texts), "words": w, "syllables": s, "sentences": n,
            "P": p, "F": f, "L": 206.84 - 0.60 * p - 1.02 * f,
            "LW": 206.84 - 0.60 * p - 1.02 * (w / n)}


def texts_of(doc):
    """(group, key path, text) for every entry's text in the translation file."""
    out = []

    def walk(node, path):
        if isinstance(node, dict) and ("en" in node or (
                "text" in node and not isinstance(node["text"], dict))):
            out.append((path, str(node.get("text") or "")))
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + [str(k)])
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, path + [i])

    for k, v in doc.items():
        if k not in ("translation_of", "lang", "language", "translated_version"):
            walk(v, [k])
    return out


def show(path):
    s = ""
    for part in path:
        s += f"[{part}]" if isinstance(part, int) else (f".{part}" if s else part)
    return s


SELF_TEST = {
    # word: syllables (diphthongs, hiatus, triphthongs, y, silent u, h)
    "casa": 2, "cuidado": 3, "salud": 2, "día": 2, "leer": 2, "oeste": 3, "país": 2,
    "reúne": 3, "ciudad": 2, "buey": 1, "Uruguay": 3, "hoy": 1, "muy": 1, "y": 1,
    "ayuda": 3, "quiero": 2, "guerra": 2, "pingüino": 3, "información": 4,
    "expediente": 4, "aéreo": 4, "poeta": 3, "aire": 2, "auxiliar": 3, "reír": 2,
    "prohíbe": 3, "estadística": 5, "codificación": 5, "licenciatura": 5,
    "continua": 3, "acreditado": 5, "biología": 4, "cuestionario": 4, "HIM": 1,
}


def self_test():
    bad = [(w, n, syllables(w)) for w, n in SELF_TEST.items() if syllables(w) != n]
    for w, want, got in bad:
        print(f"self-test: {w!r}: {got} syllables, expected {want}")
    checks = [("Hola. ¿Qué tal? Bien.", 3), ("Visita cahiim.org hoy", 1),
              ("Cinco rutas en EE. UU. Sirve para algo.", 2), ("$50,250 y 55%", 1),
              ("Rutas de EE. UU. en total.", 1), ("Ver la CPC. La \"A\" se quita.", 2)]
    for text, want in checks:
        if sentences(text) != want:
            bad.append(text)
            print(f"self-test: {text!r}: {sentences(text)} sentences, expected {want}")
    print(f"self-test: {len(SELF_TEST) + len(checks) - len(bad)} of "
          f"{len(SELF_TEST) + len(checks)} cases right")
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("translation", nargs="?", default=DEFAULT)
    ap.add_argument("--each", action="store_true", help="every question stem's own score")
    ap.add_argument("--self-test", action="store_true", help="check the syllable counter")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    with open(args.translation, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    items = texts_of(doc)
    stems = [(p, t) for p, t in items if p[0] == "questions" and p[2:] == ["text"]]
    answering = [(p, t) for p, t in items
                 if p[0] == "scales" or (p[0] == "questions" and p[2] in ("text", "options",
                                                                         "labels"))]
    pathways = [(p, t) for p, t in items if p[0] == "profiles"]
    groups = [("questions", stems), ("answering", answering), ("pathways", pathways),
              ("all", items)]
    print(f"Fernández Huerta readability of {args.translation}")
    print(f"{'group':<10} {'texts':>5} {'words':>6} {'syll.':>6} {'sent.':>5} "
          f"{'P':>6} {'F':>6} {'L':>6} {'L(W/S)':>7}")
    for name, group in groups:
        r = score([t for _, t in group])
        print(f"{name:<10} {r['texts']:>5} {r['words']:>6} {r['syllables']:>6} "
              f"{r['sentences']:>5} {r['P']:>6.1f} {r['F']:>6.1f} {r['L']:>6.1f} "
              f"{r['LW']:>7.1f}")
    if args.each:
        rows = sorted((score([t])["L"], score([t])["LW"], show(p), t) for p, t in stems)
        print("\nEach question stem, lowest L first (L, L(W/S), key, text):")
        for l, lw, p, t in rows:
            print(f"{l:6.1f} {lw:6.1f}  {p}: {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
