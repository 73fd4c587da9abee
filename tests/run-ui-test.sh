#!/bin/sh
# run-ui-test.sh: runs one UI test in its own X server and D-Bus session, with empty XDG dirs
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

# Tests see the app's own settings, never the desktop's, and no portal dialogs.
export GSETTINGS_BACKEND="${GSETTINGS_BACKEND:-memory}"
export GTK_A11Y="${GTK_A11Y:-none}"
exec "$(dirname "$0")/../build-aux/x-session.sh" --screen 1024x768x24 "$@"
