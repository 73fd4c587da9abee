#!/bin/sh
# install-app-icons.sh: installs PNG sizes of the app icon beside its SVG, rendered with rsvg-convert
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: install-app-icons.sh RSVG_CONVERT ICON.svg ICONS_DIR APP_ID   (a meson install script)
#
# GTK on X11 gives the window manager the app icon at every size the theme has it when the
# first window is realized: with the SVG alone that loads librsvg into the app to draw it.
# Meson cannot install one generated file name into several directories, so the sizes are
# rendered here, into DESTDIR when meson install has one.
set -eu

rsvg_convert=$1
svg=$2
icons_dir=${DESTDIR:-}$3
app_id=$4

for size in 16 32 48 64 128 256; do
  dir="$icons_dir/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  "$rsvg_convert" --width "$size" --height "$size" --format png --output "$dir/$app_id.png" "$svg"
done
