# report.py: collects the results of one install check and prints them as TAP
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the install checks: each check is a named yes/no with a reason.

Every check runs even after one fails, so a single run shows everything that
is wrong. The output is TAP, which meson reads: a failed check fails the
test, and a test that cannot run here reports itself skipped.
"""

import sys


class Report:
    def __init__(self):
        self.results = []

    def check(self, ok, name, detail=""):
        """Records one check; returns ok so callers can stop a dependent step."""
        self.results.append((bool(ok), name, detail))
        return ok

    def equal(self, name, got, expected):
        return self.check(got == expected, name, f"got {got!r}, expected {expected!r}")

    def finish(self):
        print(f"1..{len(self.results)}")
        for number, (ok, name, detail) in enumerate(self.results, start=1):
            print(f"{'ok' if ok else 'not ok'} {number} {name}")
            if not ok and detail:
                for line in str(detail).splitlines():
                    print(f"# {line}")
        failed = sum(1 for ok, _, _ in self.results if not ok)
        return 1 if failed or not self.results else 0


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)
