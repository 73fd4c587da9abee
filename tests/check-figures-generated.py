# check-figures-generated.py: the committed figures are exactly what build-aux/figures draws
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-figures-generated.py SOURCE_ROOT

Runs the figure generators into a temporary folder and compares every file with
resources/figures, so a figure is never edited by hand away from its computation."""

import filecmp
import os
import subprocess
import sys
import tempfile


def main(source_root):
    committed = os.path.join(source_root, "resources", "figures")
    generator = os.path.join(source_root, "build-aux", "figures", "generate.py")
    with tempfile.TemporaryDirectory() as fresh:
        subprocess.run([sys.executable, generator, fresh], check=True, stdout=subprocess.DEVNULL)
        names = sorted(set(os.listdir(fresh)) | set(os.listdir(committed)))
        problems = 0
        for name in names:
            ours, theirs = os.path.join(committed, name), os.path.join(fresh, name)
            if not os.path.exists(theirs):
                print(f"FAIL: {name} is committed but no generator draws it")
            elif not os.path.exists(ours):
                print(f"FAIL: {name} is drawn but not committed: run build-aux/figures/generate.py")
            elif not filecmp.cmp(ours, theirs, shallow=False):
                print(f"FAIL: {name} differs from what its generator draws now")
            else:
                print(f"ok: {name}")
                continue
            problems += 1
    print(f"{len(names)} figures compared, {problems} problem(s)")
    return 1 if problems or not names else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
