#!/bin/sh
# x-session.sh: runs a command in a private X server and D-Bus session, with empty XDG dirs
# usage: x-session.sh [--screen WIDTHxHEIGHTxDEPTH] [--runtime-dir DIR] COMMAND [ARGUMENT...]
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Used by the UI tests, the benchmarks and the screenshots. Unlike `xvfb-run -a`, which
# picks a display number by looking for lock files and can race with a server that is
# starting or leaving, the X server here picks a free display itself (-displayfd) and is
# gone before this script returns, so sessions run one after another or side by side never
# meet. The server does not reset when its last client leaves (-noreset): a client that
# connects during a reset waits for it, which slows a test and tells it nothing.
#
# Only the command's own output reaches our stdout (meson reads it as TAP); the X server's
# log and what D-Bus services print go to stderr.
set -eu

#
# --runtime-dir gives the session that XDG_RUNTIME_DIR instead of an empty one of its own:
# the Flatpak tests need /run/user/UID (in a mount namespace of their own), since the
# desktop portal hands sandboxed apps document paths under it.
screen=1024x768x24
runtime_dir=
while :; do
  case "${1:-}" in
    --screen) screen=$2; shift 2 ;;
    --runtime-dir) runtime_dir=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ $# -eq 0 ]; then
  echo "usage: $0 [--screen WIDTHxHEIGHTxDEPTH] [--runtime-dir DIR] COMMAND [ARGUMENT...]" >&2
  exit 2
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/backprop-session.XXXXXX")
server=
session=
cleanup() {
  # Services D-Bus started can outlive the bus (the document portal with its FUSE mount
  # in $XDG_RUNTIME_DIR, AT-SPI's bus launcher): everything left in the session goes.
  if [ -n "$session" ]; then
    pkill -TERM -s "$session" 2>/dev/null || true
  fi
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  # WebKit's helper processes can still be writing their caches as the session ends:
  # the clean-up tries again, and never turns a command's result into a failure.
  rm -rf "$home" 2>/dev/null || { sleep 1; rm -rf "$home" 2>/dev/null; } || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for dir in config data cache state runtime; do
  mkdir -p "$home/$dir"
done
chmod 700 "$home/runtime"
export XDG_CONFIG_HOME="$home/config"
export XDG_DATA_HOME="$home/data"
export XDG_CACHE_HOME="$home/cache"
export XDG_STATE_HOME="$home/state"
export XDG_RUNTIME_DIR="${runtime_dir:-$home/runtime}"

# Only this session's clients may connect: one MIT cookie, valid for any display number
# (family "wild", no number), since the number is known only once the server runs.
export XAUTHORITY="$home/Xauthority"
: >"$XAUTHORITY"
printf 'ffff 0000  0000  0012 4d49542d4d414749432d434f4f4b49452d31 0010 %s\n' "$(mcookie)" |
  xauth -q -f "$XAUTHORITY" nmerge -

mkfifo "$home/display"
Xvfb -displayfd 5 -noreset -nolisten tcp -auth "$XAUTHORITY" -screen 0 "$screen" \
  5>"$home/display" >"$home/xvfb.log" 2>&1 &
server=$!
display=
read -r display <"$home/display" || true
if [ -z "$display" ]; then
  echo "$0: the X server did not start:" >&2
  cat "$home/xvfb.log" >&2
  exit 1
fi
export DISPLAY=":$display"

# The session is a process session of its own (setsid), for the clean-up above. A
# background job reads /dev/null, so stdin is passed on through fd 4.
status=0
exec 4<&0
setsid -w dbus-run-session -- sh -c '"$@" >&3' session "$@" 3>&1 1>&2 <&4 4<&- &
session=$!
wait "$session" || status=$?

if ! kill -0 "$server" 2>/dev/null; then
  echo "$0: the X server on $DISPLAY left during the session:" >&2
  cat "$home/xvfb.log" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
