# test-summary.py: prints "N passed, N failed[, N skipped]" from meson's testlog.json
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the results of the last `meson test` run and exits 1 if any test failed."""

import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(log_path):
    passed = failed = skipped = 0
    try:
        with open(log_path, encoding="utf-8") as log:
            results = [json.loads(line)["result"] for line in log if line.strip()]
    except OSError as error:
        print(f"no test results: {error}", file=sys.stderr)
        results = []

    for result in results:
        if result in PASSED:
            passed += 1
        elif result in SKIPPED:
            skipped += 1
        else:
            failed += 1

    summary = f"{passed} passed, {failed} failed"
    if skipped:
        summary += f", {skipped} skipped"
    print(summary)
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
