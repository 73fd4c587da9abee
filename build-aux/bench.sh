#!/bin/sh
# bench.sh: installs what is missing, builds Backprop in _build and runs its benchmarks in one
# Xvfb screen and D-Bus session, ending with a table of the figures against their targets
# usage: bench.sh [--markdown] [--peers] [MESON TEST OPTIONS…], e.g. bench.sh --suite core
# --peers installs Yelp, Foliate and pandoc (apt) and has the screen benchmark read them too,
# each showing the first question as the app does: Foliate an EPUB of the deck (a question a
# section, opening at the first: no title page), Yelp the first question as an HTML page.
# Without it they are skipped, with a line saying so.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="${BACKPROP_BUILD_DIR:-$source_dir/_build}"

report_options=""
peers=""
while [ $# -gt 0 ]; do
  case "$1" in
    --markdown) report_options="--markdown" ;;
    --peers) peers=1 ;;
    *) break ;;
  esac
  shift
done

"$source_dir/build-aux/install-deps.sh" --test

# The peers read comparable content: the deck as a book, its first question as a page.
if [ -n "$peers" ]; then
  apt-get install -y yelp foliate pandoc
  peer_dir=$(mktemp -d)
  trap 'rm -rf "$peer_dir"' EXIT
  # The app's own figures, as files the peers can read; the questions without the deck's preface.
  sed "s|(figure:\([a-z0-9-]*\)|($source_dir/resources/figures/\1.svg|g" \
    "$source_dir/resources/deck/deep-learning.md" | awk '/^### Q1:/ { questions = 1 } questions' > "$peer_dir/deck.md"
  pandoc "$peer_dir/deck.md" --shift-heading-level-by=-2 --epub-chapter-level=1 \
    --metadata title="Deep Learning" -o "$peer_dir/titled.epub"
  # pandoc always starts a book with a title page, which Foliate would open at.
  python3 - "$peer_dir/titled.epub" "$peer_dir/deck.epub" <<'END'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as book, zipfile.ZipFile(sys.argv[2], "w") as out:
    for item in book.infolist():
        data = book.read(item.filename)
        if item.filename.endswith(".opf"):
            data = data.replace(b'<itemref idref="title_page_xhtml" linear="yes" />', b"")
        out.writestr(item, data, zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED)
END
  awk '/^### Q2:/ { exit } { print }' "$peer_dir/deck.md" | pandoc -s -t html --metadata title="Deep Learning" \
    -o "$peer_dir/question.html"
  BACKPROP_BENCH_PEERS="foliate=foliate $peer_dir/deck.epub
yelp=yelp $peer_dir/question.html"
  export BACKPROP_BENCH_PEERS
fi

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" "$source_dir"
fi
meson compile -C "$build_dir"

# One session for all: the start-up benchmark launches the app and the floor in turns in it.
status=0
"$source_dir/tests/bench/bench-session.sh" \
  meson test -C "$build_dir" --benchmark --verbose "$@" || status=$?

# shellcheck disable=SC2086 # an option or nothing
python3 "$source_dir/build-aux/bench-report.py" $report_options \
  "$build_dir/meson-logs/testlog.json" || status=$?
exit "$status"
