#!/usr/bin/python3
"""Check a quiz translation (quizzes/NAME.LANG.yaml) against its quiz, or print a skeleton.

The contract is /work/translation-format.md (the file `careerfit validate` will also
read): every English text of the quiz has an entry `{en: ENGLISH, text: TRANSLATION}`.

  /usr/bin/python3 scripts/translation-check.py [QUIZ] [TRANSLATION]
      exit 0 when the translation is complete; 1, with one line per problem naming
      its key path, when it is not (a YAML error or a duplicate key in it too); 2 when a
      file cannot be read, or the quiz is not valid YAML.
      Errors: an English text with no entry; an entry for nothing in the quiz (an
      unknown id, or a list longer than the quiz's); an `en` that is not the quiz's
      English today (compared with whitespace runs folded to one space, ends trimmed:
      the entry is stale); placeholders `{x}` that differ between `en` and `text`; an
      empty `text`; a duplicate key; `translation_of` not the quiz's id.
      Warnings (exit 0): `text` identical to `en`; the figures (digit runs: pay, years,
      codes) not the same in `text` as in `en`; `translated_version` not the quiz's.
  /usr/bin/python3 scripts/translation-check.py --skeleton [QUIZ] [--lang es --language Español]
      print a translation file with every `en` filled and every `text: ""`;
      with --keep TRANSLATION, the texts of TRANSLATION are kept (a stale entry keeps
      its old `en`, so the check still reports it): rerun it when the quiz changes.

Defaults: QUIZ quizzes/him-career-fit.yaml, TRANSLATION QUIZ with `.es.yaml`.
Needs PyYAML (Debian: apt-get install python3-yaml).
"""
import argparse
import os
import re
import sys

import yaml

ROOT = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_QUIZ = os.path.normpath(os.path.join(ROOT, "quizzes", "him-career-fit.yaml"))
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.-]*\}")
NUMBER = re.compile(r"\d+(?:[.,-]\d+)*")  # figures, codes, years: the same in every language
WRAP = 88  # columns for the skeleton's folded scalars


def fold(s):
    """The comparison the format prescribes: whitespace runs to one space, ends trimmed."""
    return " ".join(str(s).split())


class UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"duplicate key {key!r} (first at line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=UniqueKeyLoader)


# The quiz's English texts, as (path, english) in file order. A path is a tuple of keys
# (str) and list indexes (int); it says where the entry sits in the translation file.
def english_texts(quiz):
    out = []

    def add(path, value):
        if value is not None:
            out.append((path, str(value)))

    add(("title",), quiz.get("title"))
    add(("description",), quiz.get("description"))
    for name, scale in (quiz.get("scales") or {}).items():
        for i, label in enumerate(scale.get("labels") or []):
            add(("scales", name, i), label)
    for trait in quiz.get("traits") or []:
        add(("traits", trait["id"], "name"), trait.get("name"))
        add(("traits", trait["id"], "description"), trait.get("description"))
    for q in quiz.get("questions") or []:
        add(("questions", q["id"], "text"), q.get("text"))
        for opt in q.get("options") or []:
            add(("questions", q["id"], "options", opt["id"]), opt.get("label"))
        for i, label in enumerate(q.get("labels") or []):
            add(("questions", q["id"], "labels", i), label)
    for p in quiz.get("profiles") or []:
        pid = p["id"]
        for key in ("title", "summary", "education"):
            add(("profiles", pid, key), p.get(key))
        for i, title in enumerate(p.get("job_titles") or []):
            add(("profiles", pid, "job_titles", i), title)
        for i, occ in enumerate(p.get("occupations") or []):
            add(("profiles", pid, "occupations", i), occ.get("title"))
        for i, cert in enumerate(p.get("certifications") or []):
            add(("profiles", pid, "certifications", i, "name"), cert.get("name"))
            add(("profiles", pid, "certifications", i, "detail"), cert.get("detail"))
        for i, need in enumerate(p.get("needs") or []):
            add(("profiles", pid, "needs", i), need.get("what"))
        for i, step in enumerate(p.get("next_steps") or []):
            add(("profiles", pid, "next_steps", i), step)
    verdict = quiz.get("verdict") or {}
    add(("verdict", "elsewhere"), verdict.get("elsewhere"))
    add(("verdict", "still_offers"), verdict.get("still_offers"))
    for db in verdict.get("dealbreakers") or []:
        add(("verdict", "dealbreakers", db["trait"], "reason"), db.get("reason"))
        add(("verdict", "dealbreakers", db["trait"], "instead"), db.get("instead"))
    for i, band in enumerate(quiz.get("bands") or []):
        add(("bands", i, "label"), band.get("label"))
        add(("bands", i, "message"), band.get("message"))
    return out


def show(path):
    """questions.work-settings.options.hospital, profiles.x.job_titles[0], bands[1].label"""
    s = ""
    for part in path:
        s += f"[{part}]" if isinstance(part, int) else (f".{part}" if s else part)
    return s


HEADER_KEYS = ("translation_of", "lang", "language", "translated_version")


def entries(doc):
    """The translation's entries, as {path: mapping}, and the problems met reading it.

    An entry is a mapping with an `en` key, or a `text` key whose value is not a mapping
    (a question's `text` is itself an entry); everything else is structure."""
    found, problems = {}, []

    def walk(node, path):
        if isinstance(node, dict) and ("en" in node or (
                "text" in node and not isinstance(node["text"], dict))):
            found[path] = node
            extra = set(node) - {"en", "text"}
            if extra:
                problems.append(f"{show(path)}: unknown key(s) {sorted(extra)} in an entry")
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + (str(k),))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, path + (i,))
        else:
            problems.append(f"{show(path)}: expected an entry {{en, text}}, found {node!r}")

    for k, v in (doc or {}).items():
        if k not in HEADER_KEYS:
            walk(v, (str(k),))
    return found, problems


def check(quiz, doc):
    errors, warnings = [], []
    if not isinstance(doc, dict):
        return ["the translation is not a mapping"], warnings
    if doc.get("translation_of") != quiz.get("id"):
        errors.append(f"translation_of: {doc.get('translation_of')!r}, the quiz's id is "
                      f"{quiz.get('id')!r}")
    lang = doc.get("lang")
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", lang):
        errors.append(f"lang: {lang!r} is not a two-letter tag (optionally -XX)")
    if not isinstance(doc.get("language"), str) or not doc.get("language").strip():
        errors.append("language: missing (the language's own name)")
    if str(doc.get("translated_version")) != str(quiz.get("version")):
        warnings.append(f"translated_version: {doc.get('translated_version')!r}, the quiz is "
                        f"version {quiz.get('version')!r}")

    expected = dict(english_texts(quiz))
    found, problems = entries(doc)
    errors += problems
    for path, english in expected.items():
        entry = found.get(path)
        where = show(path)
        if entry is None:
            errors.append(f"{where}: missing: no entry for the English {fold(english)!r}")
            continue
        en, text = entry.get("en"), entry.get("text")
        if en is None:
            errors.append(f"{where}: the entry has no `en`")
        elif fold(en) != fold(english):
            errors.append(f"{where}: stale: en is {fold(en)!r}, the quiz says {fold(english)!r}")
        if text is None or not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
            continue
        want, got = set(PLACEHOLDER.findall(english)), set(PLACEHOLDER.findall(text))
        if want != got:
            errors.append(f"{where}: placeholders differ: English {sorted(want)}, "
                          f"translation {sorted(got)}")
        if fold(text) == fold(english):
            warnings.append(f"{where}: text is the same as the English")
        want_n, got_n = sorted(NUMBER.findall(english)), sorted(NUMBER.findall(text))
        if want_n != got_n:
            warnings.append(f"{where}: figures differ: English {want_n}, translation {got_n}")
    for path in found:
        if path not in expected:
            errors.append(f"{show(path)}: unknown: the quiz has no text here "
                          f"(an unknown id, or more items than the quiz's list)")
    return errors, warnings


# ---- skeleton -----------------------------------------------------------------------

def quoted(s):
    """A YAML double-quoted scalar (JSON's escapes are a subset of YAML's)."""
    import json
    return json.dumps(s, ensure_ascii=False)


def wrap(s, width):
    lines, line = [], ""
    for word in s.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def scalar_lines(key, value, indent):
    """`key: "value"` on one line when it fits in 100 columns, else a folded scalar."""
    pad = " " * indent
    one = f"{pad}{key} {quoted(value)}"
    if len(one) <= 100 or not value:
        return [one]
    return [f"{pad}{key} >-", *(" " * (indent + 2) + l for l in wrap(value, WRAP - indent))]


def entry_lines(lead, english, indent, text=""):
    """`lead` is "key:" or "-" (a list item); the entry at `indent` spaces."""
    pad = " " * indent
    en, text = fold(english), fold(text)
    one = f"{pad}{lead} {{en: {quoted(en)}, text: {quoted(text)}}}"
    if len(one) <= 100:
        return [one]
    if lead == "-":
        first = scalar_lines("en:", en, indent + 2)
        first[0] = pad + "- " + first[0][indent + 2:]
        return first + scalar_lines("text:", text, indent + 2)
    return [f"{pad}{lead}", *scalar_lines("en:", en, indent + 2),
            *scalar_lines("text:", text, indent + 2)]


def skeleton(quiz, lang, language, kept=None):
    """The translation file for `quiz`, every `en` filled. `kept` ({path: entry}, from an
    existing translation) keeps each entry's text, and its old `en` when that is stale
    (so that the check still reports it)."""
    kept = kept or {}
    texts = []
    for path, english in english_texts(quiz):
        old = kept.get(path) or {}
        en = old.get("en") if old.get("text") and old.get("en") else english
        texts.append((path, en, old.get("text") or ""))
    out = [
        f"translation_of: {quiz['id']}",
        f"lang: {lang}",
        f"language: {language}",
        f"translated_version: {quoted(str(quiz.get('version')))}",
    ]
    opened = set()  # structural prefixes already written

    def opener(prefix, indent):
        if prefix in opened:
            return
        opened.add(prefix)
        last = prefix[-1]
        if isinstance(last, int):
            return  # list items are opened by their entries ("- name: ...")
        out.append(" " * indent + f"{last}:")

    for path, english, text in texts:
        # Write the keys above the entry, then the entry itself.
        indent = 0
        for depth in range(1, len(path)):
            prefix = path[:depth]
            opener(prefix, indent)
            indent += 2
        last = path[-1]
        if isinstance(last, int):
            out += entry_lines("-", english, indent, text)
        elif len(path) >= 2 and isinstance(path[-2], int):
            # A key inside a list item (certifications[i].name, bands[i].label): the
            # first key of the item carries the dash.
            item = path[:-1]
            item_indent = indent - 2
            if ("item", item) not in opened:
                opened.add(("item", item))
                lines = entry_lines(f"{last}:", english, item_indent + 2, text)
                lines[0] = " " * item_indent + "- " + lines[0][item_indent + 2:]
                out += lines
            else:
                out += entry_lines(f"{last}:", english, item_indent + 2, text)
        else:
            out += entry_lines(f"{last}:", english, indent, text)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--skeleton", action="store_true", help="print a skeleton to fill in")
    ap.add_argument("--keep", metavar="TRANSLATION",
                    help="with --skeleton: keep the texts of this translation file")
    ap.add_argument("--lang", default="es")
    ap.add_argument("--language", default="Español")
    ap.add_argument("quiz", nargs="?", default=DEFAULT_QUIZ)
    ap.add_argument("translation", nargs="?")
    args = ap.parse_args()
    try:
        quiz = load(args.quiz)
    except (OSError, yaml.YAMLError) as e:
        print(f"{args.quiz}: cannot read: {e}", file=sys.stderr)
        return 2
    if args.skeleton:
        kept = {}
        if args.keep:
            try:
                kept, _ = entries(load(args.keep))
            except (OSError, yaml.YAMLError) as e:
                print(f"{args.keep}: cannot read: {e}", file=sys.stderr)
                return 2
        sys.stdout.write(skeleton(quiz, args.lang, args.language, kept))
        return 0
    path = args.translation or re.sub(r"\.yaml$", f".{args.lang}.yaml", args.quiz)
    try:
        doc = load(path)
    except OSError as e:
        print(f"{path}: cannot read: {e}", file=sys.stderr)
        return 2
    except yaml.YAMLError as e:  # a syntax error or a duplicate key: the file is wrong
        print(f"{path}: error: {e}")
        return 1
    errors, warnings = check(quiz, doc)
    for w in warnings:
        print(f"{path}: warning: {w}")
    for e in errors:
        print(f"{path}: error: {e}")
    n = len(english_texts(quiz))
    if errors:
        print(f"{path}: {len(errors)} error(s), {len(warnings)} warning(s); {n} English texts")
        return 1
    print(f"{path}: ok: {n} English texts, each with a current entry; "
          f"{len(warnings)} warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
