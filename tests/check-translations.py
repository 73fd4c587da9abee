# check-translations.py: every catalogue in po/LINGUAS translates every string the sources mark, none fuzzy
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-translations.py SOURCE_ROOT

Extracts the strings of po/POTFILES.in afresh (as the backprop-pot target does, into a
temporary folder, never po/backprop.pot), merges each catalogue with them and asks msgfmt
for its statistics: a string added to the sources without its translation fails here,
rather than showing up in English in a German window. Skips (77) without gettext's tools.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
# The keywords and format flags of meson's 'glib' preset: the same strings, checked as C formats.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_print:1:c-format",
]


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def languages(root):
    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        return [word for line in f if not line.startswith("#") for word in line.split()]


def check_language(root, pot, language, folder):
    merged = os.path.join(folder, language + ".po")
    result = run("msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                 os.path.join(root, "po", language + ".po"), pot)
    if result.returncode != 0:
        print(f"FAIL: po/{language}.po does not merge: {result.stderr.strip()}")
        return False
    result = run("msgfmt", "--check", "--statistics", "-o", os.devnull, merged)
    statistics = result.stderr.strip()
    if result.returncode == 0 and not re.search(r"fuzzy|untranslated", statistics):
        print(f"ok: po/{language}.po: {statistics}")
        return True
    print(f"FAIL: po/{language}.po: {statistics}")
    for option in ("--untranslated", "--only-fuzzy"):
        listed = run("msgattrib", option, "--no-obsolete", "--no-wrap", merged).stdout
        for block in re.findall(r'^msgid ((?:".*"\n)+)', listed, re.M):
            msgid = "".join(re.findall(r'"(.*)"', block))
            if msgid:
                print(f"  {option[2:]}: {msgid}")
    print("  Run `meson compile -C _build backprop-pot`, then msgmerge --update "
          f"po/{language}.po po/backprop.pot, and translate what msgattrib lists.")
    return False


def main(root):
    missing = [tool for tool in ("xgettext", "msgmerge", "msgfmt", "msgattrib")
               if shutil.which(tool) is None]
    if missing:
        print(f"SKIP: {', '.join(missing)} not installed (Debian: gettext)")
        return SKIP

    with tempfile.TemporaryDirectory() as folder:
        pot = os.path.join(folder, "backprop.pot")
        result = run("xgettext", *XGETTEXT_ARGS, "--directory=" + root,
                     "--files-from=" + os.path.join(root, "po", "POTFILES.in"), "-o", pot)
        if result.returncode != 0:
            print(f"FAIL: xgettext: {result.stderr.strip()}")
            return 1
        results = [check_language(root, pot, language, folder) for language in languages(root)]

    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
