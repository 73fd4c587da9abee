#!/bin/sh
# test.sh: installs what is missing, builds Backprop in _build and runs every test,
# ending with the line "N passed, N failed"
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$source_dir/_build"

"$source_dir/build-aux/install-deps.sh" --test

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" "$source_dir"
fi
meson compile -C "$build_dir"

status=0
meson test -C "$build_dir" --print-errorlogs "$@" || status=$?

python3 "$source_dir/build-aux/test-summary.py" "$build_dir/meson-logs/testlog.json" || status=$?
exit "$status"
