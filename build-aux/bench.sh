#!/bin/sh
# bench.sh: installs what is missing, builds Backprop in _build and runs its benchmarks in one
# Xvfb screen and D-Bus session, ending with a table of the figures against their targets
# usage: bench.sh [--markdown] [MESON TEST OPTIONS…], e.g. bench.sh --suite core
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="${BACKPROP_BUILD_DIR:-$source_dir/_build}"

report_options=""
if [ "${1:-}" = "--markdown" ]; then
  report_options="--markdown"
  shift
fi

"$source_dir/build-aux/install-deps.sh" --test

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
