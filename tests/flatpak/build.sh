#!/bin/sh
# build.sh: the flatpak suite's first test: the runtime, the SDK, the app and its bundle
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Exits 77 (skipped) only where the machine cannot run a Flatpak at all: no bubblewrap, or
# no user namespaces for it. Anything else that stops the build is a failure.
set -eu
source_dir=$1

if ! command -v bwrap >/dev/null || ! bwrap --unshare-all --ro-bind / / true 2>/dev/null; then
  echo "skipped: bubblewrap cannot make a sandbox here (no bwrap, or no user namespaces)"
  exit 77
fi
exec "$source_dir/build-aux/flatpak/make-runtime.sh"
