# check-potfiles.py: po/POTFILES.in lists every file with translatable strings, and only files that exist
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-potfiles.py SOURCE_ROOT"""

import os
import re
import sys

MARKERS = {
    ".c": re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\('),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r'^(?:Name|GenericName|Comment|Keywords)=|<(?:name|summary|p|li|caption)\b', re.M),
    ".xml": re.compile(r'<(?:summary|description)>'),
}
SEARCHED = ("src", "resources", "data")


def translatable_files(root):
    for top in SEARCHED:
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(folder, name)
                marker = MARKERS.get(os.path.splitext(name)[1])
                if marker is None or (name.endswith(".xml") and ".gschema." not in name):
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    if marker.search(f.read()):
                        yield os.path.relpath(path, root)


def main(root):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

    problems = 0
    for path in sorted(set(translatable_files(root)) - listed):
        print(f"FAIL: {path} has translatable strings but is not in po/POTFILES.in")
        problems += 1
    for path in sorted(listed):
        if not os.path.exists(os.path.join(root, path)):
            print(f"FAIL: po/POTFILES.in lists {path}, which does not exist")
            problems += 1

    print(f"{len(listed)} files listed, {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
