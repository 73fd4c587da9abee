#!/bin/sh
# sandbox-session.sh: runs a command in x-session.sh with XDG_RUNTIME_DIR=/run/user/UID
# usage: sandbox-session.sh X_SESSION COMMAND [ARGUMENT...]
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The FileChooser portal answers a sandboxed app with a path in the document portal's
# mount, $XDG_RUNTIME_DIR/doc/…, which flatpak shows inside the sandbox at
# /run/user/UID/doc: the two agree only where XDG_RUNTIME_DIR is /run/user/UID, as on a
# desktop. A mount namespace of the session's own, with an empty tmpfs on /run/user,
# gives it that without touching the machine's /run/user or meeting another session.
set -eu
x_session=$1
shift

uid=$(id -u)
mkdir -p /run/user
exec unshare --mount --propagation private sh -c '
  mount -t tmpfs -o mode=0755 backprop-run-user /run/user
  mkdir -m 0700 "/run/user/$1"
  runtime_dir=/run/user/$1
  x_session=$2
  shift 2
  exec "$x_session" --runtime-dir "$runtime_dir" "$@"
' sandbox-session "$uid" "$x_session" "$@"
