# generate.py: writes every figure of the deck into a folder (resources/figures by default)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: python3 build-aux/figures/generate.py [OUTPUT_DIR]"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import diagrams  # noqa: E402
import plots  # noqa: E402


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "resources", "figures")
    os.makedirs(out_dir, exist_ok=True)
    names = plots.generate(out_dir) + diagrams.generate(out_dir)
    for name in sorted(names):
        print(os.path.join(out_dir, name + ".svg"))


if __name__ == "__main__":
    main()
