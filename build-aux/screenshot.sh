#!/bin/sh
# screenshot.sh: takes a screenshot of the built app in its own X server, for the README and metainfo
# usage: screenshot.sh OUTPUT.png [light|dark] [QUESTION] [WIDTH] [HEIGHT]
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

output=$(realpath -m "$1")
scheme=${2:-light}
question=${3:-1}
width=${4:-1100}
height=${5:-720}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="${BUILD_DIR:-$source_dir/_build}"

# A fresh user (x-session.sh gives empty XDG dirs): nothing read, marked or noted.
export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export GSETTINGS_BACKEND=memory
export ADW_DEBUG_COLOR_SCHEME="prefer-$scheme"

"$source_dir/build-aux/x-session.sh" --screen "$((width + 40))x$((height + 40))x24" sh -c '
  "$1" --question "$2" >/dev/null 2>&1 &
  app=$!
  window=$(xdotool search --sync --onlyvisible --classname backprop | head -n 1)
  xdotool windowsize --sync "$window" "$3" "$4" windowmove --sync "$window" 0 0
  sleep 3
  xwd -root -silent | convert xwd:- -crop "$3x$4+0+0" +repage "$5"
  kill "$app"
' screenshot "$build_dir/src/backprop" "$question" "$width" "$height" "$output"
echo "$output"
