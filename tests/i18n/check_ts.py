#!/usr/bin/env python3
"""Checks Qt Linguist translation files: every message of every language is finished.

  check_ts.py [--lupdate PATH --sources DIR] TS_FILE...

For each .ts file: no translation is unfinished, empty or obsolete; plural (numerus) messages have a
form for each plural form of the language; every placeholder of the source (%1, %2, %n) appears in
the translation. With --lupdate, lupdate is run on DIR into a temporary file and every source text
it finds must be in each .ts file (a qsTr() added without `update_translations` fails here).
Exit status 1 and one line per problem on failure."""
import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLURAL_FORMS = {"ja": 1, "en": 2}
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def messages(path):
    root = ET.parse(path).getroot()
    lang = (root.get("language") or "").split("_")[0]
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield lang, name, message


def check(path, problems):
    found = 0
    for lang, context, message in messages(path):
        found += 1
        source = message.findtext("source") or ""
        where = f"{path.name}: {context}: {source[:60]!r}"
        translation = message.find("translation")
        if translation is None:
            problems.append(f"{where}: no translation")
            continue
        kind = translation.get("type")
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where}: {kind}")
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            want = PLURAL_FORMS.get(lang, 2)
            if len(forms) != want or not all(forms):
                problems.append(f"{where}: {len(forms)} plural forms, {lang} has {want}")
            texts = forms
        else:
            texts = [translation.text or ""]
            if not texts[0].strip():
                problems.append(f"{where}: empty translation")
        for text in texts:
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
            if missing:
                problems.append(f"{where}: translation lacks {', '.join(sorted(missing))}")
    if lang_of(path) not in PLURAL_FORMS:
        problems.append(f"{path.name}: language attribute missing or unknown")
    if found == 0:
        problems.append(f"{path.name}: no messages")
    return {(c, m.findtext('source')) for _, c, m in messages(path)}


def lang_of(path):
    return (ET.parse(path).getroot().get("language") or "").split("_")[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate")
    parser.add_argument("--sources")
    parser.add_argument("ts", nargs="+", type=Path)
    args = parser.parse_args()
    problems = []
    sets = {path: check(path, problems) for path in args.ts}
    if args.lupdate and args.sources:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.ts"
            subprocess.run([args.lupdate, "-silent", "-recursive", args.sources, "-ts", str(fresh)],
                           check=True, stdout=subprocess.DEVNULL)
            wanted = {(c, m.findtext("source")) for _, c, m in messages(fresh)}
        for path, have in sets.items():
            for context, source in sorted(wanted - have):
                problems.append(f"{path.name}: {context}: {source[:60]!r} is in the sources but not here "
                                "(cmake --build build --target update_translations)")
    for problem in problems:
        print(f"FAIL {problem}")
    print(f"{'FAIL' if problems else 'ok'}: {len(args.ts)} translation files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
