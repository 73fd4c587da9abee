#!/bin/sh
# bench-session.sh: runs a command in one Xvfb screen and one D-Bus session, with empty XDG dirs,
# unless it already runs in one (build-aux/bench.sh starts a single session for every benchmark)
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if [ -n "${BACKPROP_BENCH_SESSION:-}" ]; then
  exec "$@"
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/backprop-bench.XXXXXX")
# WebKit's helper processes can still be writing their caches as the session ends.
cleanup() {
  rm -rf "$home" 2>/dev/null || { sleep 1; rm -rf "$home" 2>/dev/null; } || true
}
trap cleanup EXIT INT TERM

for dir in config data cache state runtime; do
  mkdir -p "$home/$dir"
done
chmod 700 "$home/runtime"

export XDG_CONFIG_HOME="$home/config"
export XDG_DATA_HOME="$home/data"
export XDG_CACHE_HOME="$home/cache"
export XDG_STATE_HOME="$home/state"
export XDG_RUNTIME_DIR="$home/runtime"
# The app's own default settings, never the desktop's; no accessibility bus, as in the tests.
export GSETTINGS_BACKEND=memory
export GTK_A11Y=none
export NO_AT_BRIDGE=1
export BACKPROP_BENCH_SESSION=1

# Services that D-Bus starts print to its stdout: only the command's own output reaches ours.
status=0
xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- sh -c '"$@" >&3' bench "$@" 3>&1 1>&2 || status=$?
exit "$status"
