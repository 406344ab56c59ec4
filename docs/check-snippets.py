#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""ctest docs.snippets: the code in the guides is the code that compiles.

  check-snippets.py REPOSITORY_ROOT            check (ctest)
  check-snippets.py REPOSITORY_ROOT --update   rewrite every marked block from its snippet

In docs/**/*.md, a fenced code block directly preceded by a marker line

    <!-- snippet: kiosk.cpp#kiosk -->

must equal the region between the `//! [kiosk]` lines of docs/snippets/kiosk.cpp (which the build
compiles and links: target concierge_doc_snippets), after removing the common indentation of both.
Every `//! [name]` line in a snippet file must be paired, and every region must be shown somewhere
(in a guide or, through Doxygen's \\snippet, in docs/reference.md), so no example rots unseen.
A guide that starts with `<!-- snippets: strict -->` may not contain any ```cpp or ```qml block
without a marker.
"""
import pathlib
import re
import sys
import textwrap

MARKER = re.compile(r'^<!--\s*snippet:\s*([\w./-]+)#([\w-]+)\s*-->\s*$')
FENCE = re.compile(r'^(\s*)```(\w*)\s*$')
REGION = re.compile(r'^\s*//!\s*\[([\w-]+)\]\s*$')
DOXYGEN_SNIPPET = re.compile(r'\\snippet\s+([\w./-]+)\s+([\w-]+)')


def regions(path, problems):
    found, open_at, lines = {}, {}, path.read_text(encoding='utf-8').splitlines()
    for number, line in enumerate(lines, 1):
        m = REGION.match(line)
        if not m:
            continue
        name = m.group(1)
        if name in open_at:
            found[name] = lines[open_at.pop(name):number - 1]
        elif name in found:
            problems.append(f'{path}: region [{name}] appears twice')
        else:
            open_at[name] = number
    for name, number in open_at.items():
        problems.append(f'{path}:{number}: region [{name}] is never closed')
    return found


def normalise(lines):
    return textwrap.dedent('\n'.join(line.rstrip() for line in lines)).strip('\n')


def main():
    args = [a for a in sys.argv[1:] if a != '--update']
    update = '--update' in sys.argv[1:]
    root = pathlib.Path(args[0] if args else '.').resolve()
    snippets_dir = root / 'docs' / 'snippets'
    problems = []
    available = {}
    for path in sorted(list(snippets_dir.glob('*.cpp')) + list(snippets_dir.glob('*.qml'))):
        for name, body in regions(path, problems).items():
            available[(path.name, name)] = body
    used = set()
    checked = 0
    for md in sorted((root / 'docs').rglob('*.md')):
        lines = md.read_text(encoding='utf-8').splitlines()
        rewritten = False
        strict = bool(lines) and lines[0].strip() == '<!-- snippets: strict -->'
        rel = md.relative_to(root)
        for found in DOXYGEN_SNIPPET.finditer('\n'.join(lines)):
            key = (found.group(1), found.group(2))
            if key not in available:
                problems.append(f'{rel}: \\snippet {key[0]} {key[1]}: no such region')
            used.add(key)
        i = 0
        while i < len(lines):
            fence = FENCE.match(lines[i])
            if not fence or not fence.group(2):
                i += 1
                continue
            language = fence.group(2)
            end = i + 1
            while end < len(lines) and not re.match(r'^\s*```\s*$', lines[end]):
                end += 1
            block = lines[i + 1:end]
            previous = lines[i - 1] if i > 0 else ''
            marker = MARKER.match(previous.strip())
            if marker:
                key = (marker.group(1), marker.group(2))
                used.add(key)
                checked += 1
                if key not in available:
                    problems.append(f'{rel}:{i + 1}: snippet {key[0]}#{key[1]} does not exist in docs/snippets/')
                elif normalise(block) != normalise(available[key]) and update:
                    indent = fence.group(1)
                    fresh = [indent + l if l else '' for l in normalise(available[key]).splitlines()]
                    lines[i + 1:end] = fresh
                    end = i + 1 + len(fresh)
                    rewritten = True
                elif normalise(block) != normalise(available[key]):
                    import difflib
                    diff = difflib.unified_diff(normalise(available[key]).splitlines(), normalise(block).splitlines(),
                                                f'docs/snippets/{key[0]} [{key[1]}]', f'{rel}:{i + 1}', lineterm='', n=1)
                    problems.append(f'{rel}:{i + 1}: differs from the compiled snippet {key[0]}#{key[1]}:\n    '
                                    + '\n    '.join(list(diff)[:30]))
            elif strict and language in ('cpp', 'qml'):
                problems.append(f'{rel}:{i + 1}: a ```{language} block without a <!-- snippet: file#name --> marker '
                                '(this guide is strict: its code must be compiled)')
            i = end + 1
        if rewritten:
            md.write_text('\n'.join(lines) + '\n', encoding='utf-8')
            print(f'docs.snippets: rewrote the marked blocks of {rel}')
    for key in sorted(set(available) - used):
        problems.append(f'docs/snippets/{key[0]}: region [{key[1]}] is not shown in any guide')
    if problems:
        print(f'docs.snippets: {len(problems)} problem(s):')
        for p in problems:
            print('  - ' + p)
        return 1
    print(f'docs.snippets: {checked} marked blocks equal their compiled snippets; '
          f'{len(available)} regions, all shown')
    return 0


if __name__ == '__main__':
    sys.exit(main())
