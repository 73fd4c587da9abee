#!/bin/sh
# run-ui-test.sh: runs one UI test in its own Xvfb screen and D-Bus session, with empty XDG dirs
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

home=$(mktemp -d "${TMPDIR:-/tmp}/backprop-test.XXXXXX")
# WebKit's helper processes can still be writing their caches as the session ends:
# the clean-up tries again, and never turns a test's result into a failure.
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
# Tests see the app's own settings, never the desktop's, and no portal dialogs.
export GSETTINGS_BACKEND="${GSETTINGS_BACKEND:-memory}"
export GTK_A11Y="${GTK_A11Y:-none}"

# Services that D-Bus starts print to its stdout; only the test's own output may reach
# ours, which meson reads as TAP. So the session gets stderr and the test gets fd 3.
status=0
xvfb-run -a -s "-screen 0 1024x768x24" \
  dbus-run-session -- sh -c '"$@" >&3' test "$@" 3>&1 1>&2 || status=$?
exit "$status"
