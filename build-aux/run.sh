#!/bin/sh
# run.sh: installs what is missing, builds Backprop in _build and starts it from there
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$source_dir/_build"

"$source_dir/build-aux/install-deps.sh"

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" "$source_dir"
fi
meson compile -C "$build_dir"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Backprop is built, but there is no display to show it on: run this from a desktop session." >&2
  exit 1
fi

# Not installed: the settings schema comes from the build directory.
GSETTINGS_SCHEMA_DIR="$build_dir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
  exec "$build_dir/src/backprop" "$@"
