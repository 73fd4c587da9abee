#!/bin/sh
# install-deps.sh: installs, on Debian 12, the packages Backprop needs to build (and, with --test, to test)
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

# The build pre-renders icons: gtk4-encode-symbolic-svg (libgtk-4-bin) through the SVG loader
# (librsvg2-common), some read from the Adwaita theme; the app icon's PNGs with rsvg-convert.
build_packages="
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libgtk-4-bin libepoxy-dev libadwaita-1-dev libwebkitgtk-6.0-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev
  libgtksourceview-5-dev libjavascriptcoregtk-6.0-dev libjs-katex
  desktop-file-utils appstream libxml2-utils librsvg2-bin librsvg2-common libgl1-mesa-dri
  adwaita-icon-theme
"

# A real X server, a D-Bus session and key presses for the window tests (Xlib, XShm and XTest for
# the benchmarks that read the screen and press keys); the
# accessibility stack for the end-to-end test that drives the app as a user would.
# flatpak-builder reads the Flatpak manifest for the install tests (no runtime needed).
# The flatpak suite makes a runtime with debootstrap, builds the app with flatpak-builder
# and runs it in bubblewrap's sandbox, with the desktop portals (and FUSE for the document
# portal); python3-dbus serves a stand-in RealtimeKit, python3-fonttools reads font tables.
# The hardening tests build the core with clang's sanitizers and libFuzzer (its runtimes
# are in libclang-rt-14-dev; llvm-14 symbolizes their reports) and run it under valgrind.
test_packages="
  xvfb xauth util-linux procps dbus-daemon dbus-x11 xdotool libx11-dev libxext-dev libxtst-dev
  at-spi2-core python3 python3-pyatspi python3-gi
  flatpak flatpak-builder debootstrap bubblewrap ostree fuse3
  xdg-desktop-portal xdg-desktop-portal-gtk python3-dbus python3-fonttools
  clang libclang-rt-14-dev llvm-14 valgrind
"

packages=$build_packages
if [ "${1:-}" = "--test" ]; then
  packages="$packages $test_packages"
fi

missing=""
for package in $packages; do
  if ! dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Backprop needs these packages:$missing" >&2
  echo "Run this script as root (or with sudo) to install them." >&2
  exit 1
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# Recommends too: the SVG icon loader and Mesa (software GL for WebKit) come that way.
# shellcheck disable=SC2086 # one word per package
apt-get install -y -q $missing
