# check-inspect.py: "backprop --inspect FILE" as a deck author runs it: no window, a report, exit codes
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-inspect.py BACKPROP

Writes synthetic decks to a temporary folder, runs the real binary on each without a
display, and checks what it prints and how it exits.
"""

import os
import subprocess
import sys
import tempfile

DECK = """# Probability

<details>
<summary>What is a p-value?</summary>

The chance of data at least this extreme.

</details>

<details>
<summary>What is Bayes' rule?</summary>

</details>
"""


def run(backprop, path):
    env = dict(os.environ)
    # No display at all: --inspect must never need one.
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LC_ALL"] = "C.UTF-8"
    return subprocess.run([backprop, "--inspect", path], capture_output=True, text=True,
                          env=env, timeout=60)


def main(backprop):
    failures = []

    def check(condition, what, detail=""):
        print(("ok - " if condition else "not ok - ") + what)
        if not condition:
            failures.append(what)
            print("# " + detail.replace("\n", "\n# "))

    with tempfile.TemporaryDirectory() as folder:
        deck = os.path.join(folder, "probability.md")
        with open(deck, "w", encoding="utf-8") as f:
            f.write(DECK)
        result = run(backprop, deck)
        lines = result.stdout.splitlines()
        check(result.returncode == 0, "a deck exits 0", result.stderr)
        check(lines[:2] == ["Deck: Probability",
                            "Rule: <details> whose summary is the question"],
              "the title and the rule come first", result.stdout)
        check(any(line.startswith("Q2 ") and line.endswith("empty-answer") for line in lines),
              "a question without an answer is flagged", result.stdout)
        check(any(line.startswith("  line 10: ") for line in lines),
              "the warning names the line of the empty question", result.stdout)
        check(lines[-1:] == ["2 questions, 1 without an answer"], "the last line counts",
              result.stdout)
        # The flags are codes; what they mean is said on stderr, the report left as it is.
        check(result.stderr.splitlines() == ["Flags (codes for scripts, never translated):",
                                             "  empty-answer  the question has no answer"],
              "the legend of the flags used comes on stderr", result.stderr)

        not_decks = {
            "empty.md": (b"", "empty"),
            "image.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
            "latin1.md": (b"## Q1: caf\xe9\n\nx\n", "UTF-8"),
            "prose.md": (b"Only a paragraph.\n", "no questions"),
        }
        for name, (content, reason) in not_decks.items():
            path = os.path.join(folder, name)
            with open(path, "wb") as f:
                f.write(content)
            result = run(backprop, path)
            check(result.returncode == 1 and result.stdout == "" and path in result.stderr
                  and reason in result.stderr,
                  f"{name} exits 1 and says why ({reason})", result.stderr)

        missing = os.path.join(folder, "missing.md")
        result = run(backprop, missing)
        check(result.returncode == 1 and missing in result.stderr, "a missing file exits 1",
              result.stderr)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
