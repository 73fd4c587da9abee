#!/bin/sh
# run-valgrind.sh: runs one core test program under valgrind memcheck: any error or definite leak fails it
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if ! command -v valgrind >/dev/null; then
  echo "valgrind is missing: run build-aux/install-deps.sh --test" >&2
  exit 1
fi

# GLib before 2.76 keeps its own slab of GSlice memory, which memcheck cannot follow;
# gc-friendly clears freed memory so stale pointers do not hide leaks.
export G_SLICE=always-malloc
export G_DEBUG="${G_DEBUG:+$G_DEBUG,}gc-friendly"

# Memcheck runs some 50 times slower: tests that generate large inputs to check the same
# code on many cases (test-search's 10,000-question deck) make them smaller here. The
# native run keeps the full size.
export BP_TEST_UNDER_MEMCHECK=1

# GLib's own file, where Debian installs it, goes before the test's command.
if [ -f /usr/share/glib-2.0/valgrind/glib.supp ]; then
  set -- --suppressions=/usr/share/glib-2.0/valgrind/glib.supp "$@"
fi

# Memcheck's report goes to stderr; the test's TAP on stdout still reaches meson.
exec valgrind --quiet --tool=memcheck --error-exitcode=1 \
  --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
  --track-origins=yes --num-callers=30 --suppressions="$(dirname "$0")/gio-modules.supp" "$@"
