# Checks that a Backprop deck shares no run of 8 consecutive words with the seed's answers.
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-deck-originality.py DECK.md SEED.txt

The seed is the unlicensed page the deck's facts come from. Its answer text is everything
after the line "Questions & Answers", minus the question-title lines ("Q<n>: ...").  The
deck's text is the whole markdown file minus its "### Q<n>: ..." heading lines.  Both are
normalized (Unicode compatibility folding, lowercase, every non-alphanumeric character turned
into a space, whitespace collapsed) and the script fails if any run of RUN consecutive seed
words also appears in the deck.

Exit status: 0 when no run is shared, 1 when at least one is, 2 on a usage or read error,
77 (meson's "skip") when the seed file does not exist.
"""

import os
import re
import sys
import unicodedata

RUN = 8

SEED_START = "Questions & Answers"
SEED_TITLE = re.compile(r"^\s*Q\d+\s*:")
DECK_TITLE = re.compile(r"^###\s+Q(\d+)\s*:")


def normalize(text):
    """Return the list of normalized words of text."""
    # NFKC folds the seed's "mathematical bold" letters (U+1D400...) to plain ones.
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(ch if ch.isalnum() else " " for ch in text)
    return text.split()


def seed_answers(path):
    """Return the seed's answer text as a list of (question label, words)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == SEED_START)
    except StopIteration:
        raise ValueError(f'{path}: no line "{SEED_START}"')
    answers = []
    label, body = "preamble", []
    for line in lines[start + 1:]:
        match = SEED_TITLE.match(unicodedata.normalize("NFKC", line))
        if match:
            answers.append((label, normalize("\n".join(body))))
            label, body = line.split(":", 1)[0].strip(), []
        else:
            body.append(line)
    answers.append((label, normalize("\n".join(body))))
    return [(label, words) for label, words in answers if words]


def deck_sections(path):
    """Return the deck's text as a list of (section label, words), titles left out."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    sections = []
    label, body = "intro", []
    for line in lines:
        match = DECK_TITLE.match(line)
        if match:
            sections.append((label, normalize("\n".join(body))))
            label, body = f"Q{match.group(1)}", []
        else:
            body.append(line)
    sections.append((label, normalize("\n".join(body))))
    return sections


def ngrams(words, n):
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def shared_runs(words, seed_grams, n):
    """Return the maximal runs of words in which every n-word window is a seed n-gram."""
    hits = [tuple(words[i:i + n]) in seed_grams for i in range(len(words) - n + 1)]
    runs = []
    i = 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and hits[j + 1]:
            j += 1
        runs.append(" ".join(words[i:j + n]))
        i = j + 1
    return runs


def main(argv):
    if len(argv) != 3:
        print(f"usage: {os.path.basename(argv[0])} DECK.md SEED.txt", file=sys.stderr)
        return 2
    deck_path, seed_path = argv[1], argv[2]
    if not os.path.exists(seed_path):
        print(f"{seed_path}: seed not found, skipping the originality check")
        return 77
    try:
        seed = seed_answers(seed_path)
        deck = deck_sections(deck_path)
    except (OSError, UnicodeDecodeError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2

    seed_grams = set()
    for _, words in seed:
        seed_grams |= ngrams(words, RUN)

    failures = 0
    for label, words in deck:
        for run in shared_runs(words, seed_grams, RUN):
            failures += 1
            print(f"{label}: shared run: {run}")

    deck_words = sum(len(words) for _, words in deck)
    questions = sum(1 for label, _ in deck if label != "intro")
    if failures:
        print(f"FAIL: {failures} run(s) of {RUN}+ words shared with the seed "
              f"({deck_path} vs {seed_path})")
        return 1
    print(f"OK: no run of {RUN} consecutive seed words in {deck_path} "
          f"({questions} questions, {deck_words} words checked against "
          f"{len(seed_grams)} seed {RUN}-grams from {len(seed)} seed sections)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
