#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""ctest i18n.complete: the SDK's .ts files are complete and current.

  check-translations.py LUPDATE TS_FILE... -- LUPDATE_ARGS...

Runs lupdate (with the same arguments as the concierge_update_translations target) into temporary
copies of the .ts files, so the sources are never touched, then fails when
  - lupdate would change a file: a string was added, changed or removed in the code and the .ts
    files were not updated (new strings arrive as unfinished, removed ones as vanished);
  - any entry is unfinished, vanished or obsolete, or has an empty translation;
  - a translation drops or adds a %1-style placeholder of its source;
  - the language tag entry ("en" in Concierge::LoopbackListener) does not name the file's language.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def placeholders(text):
    return sorted(set(re.findall(r'%(?:\d+|n)', text or '')))


def check_file(path, original_name, problems):
    root = ET.parse(path).getroot()
    language = root.get('language', '')
    count = 0
    for context in root.iter('context'):
        cname = context.findtext('name')
        for message in context.iter('message'):
            count += 1
            source = message.findtext('source') or ''
            translation = message.find('translation')
            where = f'{original_name}: [{cname}] "{source}"'
            if translation is None:
                problems.append(f'{where}: no translation element')
                continue
            kind = translation.get('type')
            if kind in ('unfinished', 'vanished', 'obsolete'):
                what = {'unfinished': 'unfinished (new or changed in the code: translate it)',
                        'vanished': 'vanished (no longer in the code: run concierge_update_translations)',
                        'obsolete': 'obsolete (no longer in the code: remove it)'}[kind]
                problems.append(f'{where}: {what}')
                continue
            text = translation.text or ''
            if message.get('numerus') == 'yes':
                forms = [f.text or '' for f in translation.iter('numerusform')]
                if not forms or any(not f.strip() for f in forms):
                    problems.append(f'{where}: a plural form is empty')
                continue
            if not text.strip():
                problems.append(f'{where}: empty translation')
                continue
            if placeholders(source) != placeholders(text):
                problems.append(f'{where}: placeholders {placeholders(source)} in the source but '
                                f'{placeholders(text)} in the translation')
            if cname == 'Concierge::LoopbackListener' and source == 'en' and text != language.split('_')[0]:
                problems.append(f'{where}: the language tag is "{text}" in a file for "{language}"')
    return count


def main():
    if '--' not in sys.argv:
        print(__doc__)
        return 2
    split = sys.argv.index('--')
    lupdate, ts_files, lupdate_args = sys.argv[1], sys.argv[2:split], sys.argv[split + 1:]
    problems = []
    with tempfile.TemporaryDirectory(prefix='concierge-i18n.') as tmp:
        copies = []
        for ts in ts_files:
            copy = os.path.join(tmp, os.path.basename(ts))
            shutil.copyfile(ts, copy)
            copies.append(copy)
        run = subprocess.run([lupdate, *lupdate_args, '-ts', *copies], capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout + run.stderr)
            print(f'i18n.complete: lupdate failed (exit {run.returncode})')
            return 1
        for ts, copy in zip(ts_files, copies):
            name = os.path.relpath(ts)
            with open(ts, encoding='utf-8') as a, open(copy, encoding='utf-8') as b:
                before, after = a.read().splitlines(), b.read().splitlines()
            if before != after:
                diff = list(difflib.unified_diff(before, after, name, name + ' (after lupdate)', lineterm='', n=1))
                problems.append(f'{name}: lupdate would change it (run `cmake --build build --target '
                                f'concierge_update_translations`, then translate):\n  ' + '\n  '.join(diff[:40]))
            count = check_file(copy, name, problems)
            print(f'i18n.complete: {name}: {count} entries')
    if problems:
        print(f'i18n.complete: {len(problems)} problem(s):')
        for p in problems:
            print('  - ' + p)
        return 1
    print('i18n.complete: every entry of every language is finished and current')
    return 0


if __name__ == '__main__':
    sys.exit(main())
