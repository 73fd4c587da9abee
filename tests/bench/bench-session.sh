#!/bin/sh
# bench-session.sh: runs a command in one X server and one D-Bus session, with empty XDG dirs,
# unless it already runs in one (build-aux/bench.sh starts a single session for every benchmark)
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if [ -n "${BACKPROP_BENCH_SESSION:-}" ]; then
  exec "$@"
fi

# The app's own default settings, never the desktop's; no accessibility bus, as in the tests.
export GSETTINGS_BACKEND=memory
export GTK_A11Y=none
export NO_AT_BRIDGE=1
export BACKPROP_BENCH_SESSION=1
exec "$(dirname "$0")/../../build-aux/x-session.sh" --screen 1280x1024x24 "$@"
