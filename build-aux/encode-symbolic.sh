#!/bin/sh
# encode-symbolic.sh: renders a symbolic SVG icon into GTK's pre-rendered .symbolic.png at one size
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: encode-symbolic.sh ENCODER INPUT.svg WIDTHxHEIGHT OUTPUT.symbolic.png
#
# gtk4-encode-symbolic-svg names its output after its input, in a directory: one icon
# encoded at two sizes would write the same file. Each run gets a directory of its own.
set -eu

encoder=$1
input=$2
size=$3
output=$4

dir=$(mktemp -d "${TMPDIR:-/tmp}/encode-symbolic.XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$encoder" --output "$dir" "$input" "$size"
mv "$dir/$(basename "$input" .svg).symbolic.png" "$output"
