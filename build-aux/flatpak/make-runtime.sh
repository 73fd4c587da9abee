#!/bin/sh
# make-runtime.sh: builds the Flatpak against a runtime and SDK made from Debian 12's packages
# usage: make-runtime.sh [--no-bundle]   (as root, on Debian 12)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GNOME runtime cannot be downloaded where this project is tested, so this makes a
# stand-in from Debian bookworm (with its updates and security suites): a runtime and an
# SDK in Flatpak's layout (metadata + files/, where files/ becomes /usr and files/etc
# /etc), exported to a local OSTree repository and installed into a private installation,
# never the machine's own. It then derives from the real manifest a variant that differs
# only in runtime, SDK and where the C libraries' sources come from (derive-manifest.py),
# builds and installs the app with flatpak-builder and makes a single-file bundle.
#
# Everything lands under $BACKPROP_FLATPAK_CACHE (/var/cache/backprop-flatpak): the
# runtime, keyed by a hash of this script, so it is made again only when the package
# lists or the way it is made change; flatpak-builder's state, so unchanged modules are
# not built again; the app's build and repository; and layout.env, which tells the tests
# where each piece is.
set -eu

script_dir=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$script_dir/../.." && pwd)
cache=${BACKPROP_FLATPAK_CACHE:-/var/cache/backprop-flatpak}
mirror=${BACKPROP_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${BACKPROP_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
app_id=io.github.backprop.Backprop
runtime_id=io.github.backprop.DebianPlatform
sdk_id=io.github.backprop.DebianSdk
branch=12
arch=$(uname -m)
bundle=yes
[ "${1:-}" = --no-bundle ] && bundle=no

# runtime: begin
# What the app links against and what WebKit needs at run time; fonts as the GNOME
# runtime has them (DejaVu with its MATH-table "DejaVu Math TeX Gyre", Cantarell);
# flatpak-spawn, through which WebKit starts its sandboxed web processes; fontconfig's
# tools and bash, which the sandbox tests use from inside.
runtime_packages="
  libgtk-4-1 libadwaita-1-0 libwebkitgtk-6.0-4 libgtksourceview-5-0
  flatpak-xdg-utils fontconfig fonts-dejavu-core fonts-dejavu-extra fonts-cantarell
  adwaita-icon-theme hicolor-icon-theme librsvg2-common libgl1-mesa-dri
  gsettings-desktop-schemas shared-mime-info libglib2.0-bin
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
"
# The SDK adds the headers and the tools the manifest's modules build with, and what
# flatpak-builder runs inside it (appstream-compose, strip, the cache tools).
sdk_packages="
  libgtk-4-dev libadwaita-1-dev libwebkitgtk-6.0-dev libgtksourceview-5-dev libxml2-dev
  gcc g++ make cmake meson ninja-build pkg-config gettext
  libglib2.0-dev-bin libgtk-4-bin desktop-file-utils appstream appstream-util
  elfutils binutils file
"

log() { printf '%s [%4ss] %s\n' "make-runtime:" "$(($(date +%s) - start))" "$*" >&2; }
start=$(date +%s)

if [ "$(id -u)" -ne 0 ]; then
  echo "$0: debootstrap needs root: run this as root (or with sudo)" >&2
  exit 1
fi
for tool in debootstrap flatpak flatpak-builder ostree; do
  command -v "$tool" >/dev/null || {
    echo "$0: $tool is missing: build-aux/install-deps.sh --test installs it" >&2
    exit 1
  }
done

# The runtime's key: its package lists and the lines that make it (between the markers),
# so changing how the app is built does not make the runtime again.
key=$(sed -n '/^# runtime: begin/,/^# runtime: end/p' "$0" | sha256sum | cut -c1-16)
runtime_dir="$cache/runtime-$key"
mkdir -p "$cache"
# One build at a time: two would share flatpak-builder's state and the installation.
exec 9>"$cache/lock"
flock 9

export FLATPAK_USER_DIR="$runtime_dir/installation"

# Installs @packages into the tree @root with apt, leaving out what no program reads.
apt_in_tree() {
  root=$1
  shift
  # shellcheck disable=SC2086 # one word per package
  chroot "$root" env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    apt-get install -y -q --no-install-recommends "$@" >"$runtime_dir/apt.log" 2>&1 || {
    tail -n 40 "$runtime_dir/apt.log" >&2
    return 1
  }
}

# Turns the tree @root into a runtime @id in @out (metadata + files/), ready to export.
layout_runtime() {
  root=$1 id=$2 out=$3
  rm -rf "$out"
  mkdir -p "$out"
  cp -a "$root/usr" "$out/files"
  cp -a "$root/etc" "$out/files/etc"
  # The app's own libraries first: flatpak regenerates the loader cache from this file.
  printf '/app/lib\n/app/lib/%s-linux-gnu\ninclude /etc/ld.so.conf.d/*.conf\n' "$arch" \
    >"$out/files/etc/ld.so.conf"
  rm -f "$out/files/etc/resolv.conf" "$out/files/etc/hostname" "$out/files/etc/machine-id"
  cat >"$out/metadata" <<EOF
[Runtime]
name=$id
runtime=$runtime_id/$arch/$branch
sdk=$sdk_id/$arch/$branch
EOF
}

make_runtime() {
  rm -rf "$runtime_dir"
  mkdir -p "$runtime_dir"
  tree="$runtime_dir/tree"
  log "debootstrap bookworm into $tree"
  debootstrap --variant=minbase --merged-usr bookworm "$tree" "$mirror" \
    >"$runtime_dir/debootstrap.log" 2>&1 || {
    tail -n 40 "$runtime_dir/debootstrap.log" >&2
    return 1
  }
  cat >"$tree/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
EOF
  # Nothing a runtime reads: documentation, manual pages, other languages' messages.
  cat >"$tree/etc/dpkg/dpkg.cfg.d/backprop-runtime" <<EOF
path-exclude=/usr/share/doc/*
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/help/*
EOF
  # Packages must not start services in the tree.
  printf '#!/bin/sh\nexit 101\n' >"$tree/usr/sbin/policy-rc.d"
  chmod +x "$tree/usr/sbin/policy-rc.d"
  chroot "$tree" apt-get update -q >"$runtime_dir/apt.log" 2>&1
  chroot "$tree" env DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -q >>"$runtime_dir/apt.log" 2>&1

  log "runtime packages"
  # shellcheck disable=SC2086
  apt_in_tree "$tree" $runtime_packages
  # Debian keeps flatpak-xdg-utils' programs out of PATH; WebKit looks for flatpak-spawn
  # in PATH, and without it runs its web processes inside the app's sandbox, unsandboxed
  # from the app. The freedesktop runtime has all three in /usr/bin.
  for tool in flatpak-spawn xdg-open xdg-email; do
    ln -sf "../libexec/flatpak-xdg-utils/$tool" "$tree/usr/bin/$tool"
  done
  chroot "$tree" ldconfig
  chroot "$tree" fc-cache -s >/dev/null 2>&1 || true
  rm -rf "$tree/var/cache/apt/archives/"*.deb
  layout_runtime "$tree" "$runtime_id" "$runtime_dir/platform"

  log "SDK packages"
  # shellcheck disable=SC2086
  apt_in_tree "$tree" $sdk_packages
  chroot "$tree" ldconfig
  rm -rf "$tree/var/cache/apt/archives/"*.deb
  layout_runtime "$tree" "$sdk_id" "$runtime_dir/sdk"
  rm -rf "$tree"

  log "export to $runtime_dir/repo"
  ostree init --mode=archive-z2 --repo="$runtime_dir/repo"
  flatpak build-export --runtime --files=files "$runtime_dir/repo" "$runtime_dir/platform" "$branch" >/dev/null
  flatpak build-export --runtime --files=files "$runtime_dir/repo" "$runtime_dir/sdk" "$branch" >/dev/null
  rm -rf "$runtime_dir/platform" "$runtime_dir/sdk"

  log "install into $FLATPAK_USER_DIR"
  flatpak --user remote-add --no-gpg-verify --if-not-exists backprop-debian "$runtime_dir/repo"
  flatpak --user install -y --noninteractive backprop-debian \
    "$runtime_id//$branch" "$sdk_id//$branch" >/dev/null
  touch "$runtime_dir/complete"
}
# runtime: end

# The tests read this file: until this build has succeeded, there is nothing to test.
rm -f "$cache/layout.env"
if [ -f "$runtime_dir/complete" ]; then
  log "runtime and SDK cached in $runtime_dir"
else
  # Older runtimes were made by an older script: their space goes to the new one.
  find "$cache" -maxdepth 1 -name 'runtime-*' ! -name "runtime-$key" -exec rm -rf {} +
  make_runtime
fi

log "derive the manifest and fetch the Debian sources"
app_dir="$cache/app"
mkdir -p "$app_dir"
variant="$app_dir/$app_id.json"
/usr/bin/python3 "$script_dir/derive-manifest.py" \
  "$script_dir/$app_id.json" "$variant" "$source_dir" \
  "$runtime_id" "$sdk_id" "$branch" "$app_dir/sources" "$mirror"

log "flatpak-builder"
# The checkout's own build directories never go into the app: the manifest skips them.
flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
  --state-dir="$cache/builder-state" --repo="$app_dir/repo" \
  "$app_dir/build" "$variant" >"$app_dir/builder.log" 2>&1 || {
  tail -n 60 "$app_dir/builder.log" >&2
  echo "$0: flatpak-builder failed; its whole log is $app_dir/builder.log" >&2
  exit 1
}

if [ "$bundle" = yes ]; then
  log "bundle"
  # The bundle names where its runtime comes from, as a .flatpakrepo file: installing it
  # into an installation that lacks the runtime adds that remote and pulls it from there.
  cat >"$runtime_dir/backprop-debian.flatpakrepo" <<EOF
[Flatpak Repo]
Title=Debian 12 runtime for testing Backprop
Url=file://$runtime_dir/repo
EOF
  flatpak build-bundle --runtime-repo="file://$runtime_dir/backprop-debian.flatpakrepo" \
    "$app_dir/repo" "$app_dir/$app_id.flatpak" "$app_id" >/dev/null
fi

cat >"$cache/layout.env" <<EOF
FLATPAK_USER_DIR=$FLATPAK_USER_DIR
BACKPROP_FLATPAK_RUNTIME_REPO=$runtime_dir/repo
BACKPROP_FLATPAK_BUNDLE=$app_dir/$app_id.flatpak
BACKPROP_FLATPAK_RUNTIME=$runtime_id//$branch
EOF
log "done; disk use (the repository, the installation, flatpak-builder's cache, the app):"
du -sh "$runtime_dir/repo" "$FLATPAK_USER_DIR" "$cache/builder-state" "$app_dir" >&2 2>/dev/null || true
