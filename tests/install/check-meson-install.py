# check-meson-install.py: installs the build into a temporary DESTDIR and checks the pieces fit
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-meson-install.py MESON BUILD_ROOT SOURCE_ROOT GETTEXT_PACKAGE
                                 GLIB_COMPILE_SCHEMAS DESKTOP_FILE_VALIDATE APPSTREAMCLI

Runs a real `meson install --destdir`, then reads the installed tree the way
the desktop does: the desktop file's Exec and Icon must name an installed
binary and icon, the metainfo must launch the installed desktop file, the
installed schema must compile, and each language in po/LINGUAS must have its
catalogue. With DESTDIR set meson skips the post-install step (schema
compilation, icon cache), so the schema is compiled here instead.
"""

import json
import os
import shlex
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from report import Report

MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
# The hicolor sizes build-aux/install-app-icons.sh renders the app icon at.
APP_ICON_PNG_SIZES = (16, 32, 48, 64, 128, 256)


def run(*command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


class Tree:
    """Installed locations, as meson was configured, below a DESTDIR."""

    def __init__(self, meson, build_root, destdir):
        options = json.loads(run(meson, "introspect", "--buildoptions", build_root).stdout)
        values = {o["name"]: o["value"] for o in options if o["section"] == "directory"}
        self.destdir = destdir
        self.prefix = values["prefix"]
        self.bindir = self.under_prefix(values["bindir"])
        self.datadir = self.under_prefix(values["datadir"])
        self.localedir = self.under_prefix(values["localedir"])

    def under_prefix(self, path):
        return os.path.join(self.prefix, path)  # an absolute option stays absolute

    def path(self, *parts):
        """A path inside DESTDIR for an installed location."""
        return os.path.join(self.destdir, os.path.join(*parts).lstrip("/"))

    def share(self, *parts):
        return self.path(self.datadir, *parts)


def desktop_entry(path):
    entry = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep and not line.startswith("#") and "[" not in key:
                entry.setdefault(key.strip(), value.strip())
    return entry


def listing(directory, suffix):
    try:
        return sorted(n for n in os.listdir(directory) if n.endswith(suffix))
    except FileNotFoundError:
        return []


def linguas(source_root):
    with open(os.path.join(source_root, "po", "LINGUAS"), encoding="utf-8") as f:
        return [word for line in f for word in line.split("#", 1)[0].split()]


def check_planned_files(report, meson, build_root, tree):
    planned = json.loads(run(meson, "introspect", "--installed", build_root).stdout).values()
    missing = [dest for dest in planned if not os.path.lexists(tree.path(dest))]
    report.check(planned and not missing, "every file meson plans to install is installed",
                 "\n".join(missing))


def check_desktop_file(report, tree, desktop_file_validate):
    """Returns the installed desktop file names."""
    applications = tree.share("applications")
    names = listing(applications, ".desktop")
    report.equal("one desktop file is installed", len(names), 1)
    for name in names:
        path = os.path.join(applications, name)
        result = run(desktop_file_validate, path)
        report.check(result.returncode == 0 and not result.stdout.strip(),
                     f"installed {name} validates", result.stdout + result.stderr)
        entry = desktop_entry(path)
        exec_words = shlex.split(entry.get("Exec", ""))
        binary = exec_words[0] if exec_words else ""
        binary_path = tree.path(binary) if os.path.isabs(binary) else os.path.join(
            tree.path(tree.bindir), binary)
        report.check(binary and os.access(binary_path, os.X_OK),
                     f"{name}: Exec={binary} is an installed executable", binary_path)
        if os.access(binary_path, os.X_OK):
            result = run(binary_path, "--help")
            report.check(result.returncode == 0, f"installed {binary} starts (--help)",
                         result.stderr)
        icon = entry.get("Icon", "")
        for kind, file_name in (("scalable", f"{icon}.svg"), ("symbolic", f"{icon}-symbolic.svg")):
            icon_path = tree.share("icons", "hicolor", kind, "apps", file_name)
            if not report.check(icon and os.path.isfile(icon_path),
                                f"{name}: Icon={icon} is installed as a hicolor {kind} icon",
                                icon_path):
                continue
            # File-type sniffing (gdk-pixbuf, appstream-compose) reads the first 256 bytes:
            # a comment before <svg> makes the icon plain XML to them.
            with open(icon_path, "rb") as svg:
                head = svg.read(256)
            report.check(b"<svg" in head, f"{file_name} starts its <svg> element in its first "
                         "256 bytes, so it is sniffed as SVG", head[:80])
        # GTK on X11 draws the window's icon list from these at start-up: with the SVG
        # alone, the app would load librsvg to draw it.
        for size in APP_ICON_PNG_SIZES:
            png_path = tree.share("icons", "hicolor", f"{size}x{size}", "apps", f"{icon}.png")
            report.equal(f"{name}: Icon={icon} is installed as a {size}x{size} PNG",
                         png_size(png_path), (size, size))
    return names


def png_size(path):
    """A PNG's width and height from its IHDR chunk, or None if @path is no PNG."""
    try:
        with open(path, "rb") as png:
            head = png.read(24)
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_metainfo(report, tree, desktop_names, appstreamcli):
    metainfo_dir = tree.share("metainfo")
    names = listing(metainfo_dir, ".metainfo.xml")
    report.equal("one metainfo file is installed", len(names), 1)
    for name in names:
        root = ET.parse(os.path.join(metainfo_dir, name)).getroot()
        report.equal(f"{name} is named after its <id>", name, f"{root.findtext('id')}.metainfo.xml")
        launchables = [l.text for l in root.findall("launchable[@type='desktop-id']")]
        report.check(launchables and set(launchables) <= set(desktop_names),
                     f"{name}: launchable names the installed desktop file",
                     f"launchable {launchables}, installed {desktop_names}")
        binaries = [b.text for b in root.findall("provides/binary")]
        report.check(binaries and all(os.access(tree.path(tree.bindir, b), os.X_OK)
                                      for b in binaries),
                     f"{name}: each binary it provides is installed", binaries)
    # The tree as a whole, as a software centre would read it: metainfo, desktop file, icon.
    result = run(appstreamcli, "validate-tree", "--no-net", tree.path(tree.prefix))
    problems = [l for l in result.stdout.splitlines() if l.lstrip().startswith(("E:", "W:"))]
    report.check(result.returncode == 0 and not problems,
                 "appstreamcli validate-tree passes the installed tree with no warnings",
                 result.stdout + result.stderr)


def check_schema(report, tree, glib_compile_schemas, scratch):
    schemas_dir = tree.share("glib-2.0", "schemas")
    report.check(listing(schemas_dir, ".gschema.xml"), "a GSettings schema is installed")
    target = os.path.join(scratch, "compiled-schemas")
    os.mkdir(target)
    result = run(glib_compile_schemas, "--strict", "--targetdir", target, schemas_dir)
    compiled = os.path.isfile(os.path.join(target, "gschemas.compiled"))
    report.check(result.returncode == 0 and compiled, "the installed schema compiles",
                 result.stderr)


def check_translations(report, tree, source_root, package):
    languages = linguas(source_root)
    if not languages:
        report.check(True, "po/LINGUAS lists no language yet, so no catalogue is expected")
    for language in languages:
        path = tree.path(tree.localedir, language, "LC_MESSAGES", f"{package}.mo")
        try:
            with open(path, "rb") as f:
                valid = f.read(4) in MO_MAGIC
        except OSError:
            valid = False
        report.check(valid, f"the {language} catalogue is installed", path)


def main(meson, build_root, source_root, package, glib_compile_schemas, desktop_file_validate,
         appstreamcli):
    report = Report()
    with tempfile.TemporaryDirectory(prefix="backprop-install-") as scratch:
        destdir = os.path.join(scratch, "destdir")
        env = {k: v for k, v in os.environ.items() if k != "DESTDIR"}
        result = run(meson, "install", "-C", build_root, "--destdir", destdir,
                     "--no-rebuild", "--skip-subprojects", "--quiet", env=env)
        if not report.check(result.returncode == 0, "meson install --destdir succeeds",
                            result.stdout + result.stderr):
            return report.finish()
        tree = Tree(meson, build_root, destdir)
        check_planned_files(report, meson, build_root, tree)
        desktop_names = check_desktop_file(report, tree, desktop_file_validate)
        check_metainfo(report, tree, desktop_names, appstreamcli)
        check_schema(report, tree, glib_compile_schemas, scratch)
        check_translations(report, tree, source_root, package)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
