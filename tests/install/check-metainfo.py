# check-metainfo.py: checks the metainfo holds everything Flathub's quality rules ask for
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-metainfo.py METAINFO MESON_BUILD SCREENSHOTS_DIR

appstreamcli validate (the data suite) checks the file is well formed; most of
what Flathub asks for is optional to it. This checks those parts are there:
description, content rating, a release with notes for this version, developer,
launchable, binary, supported controls and display, branding colours for both
styles, and light and dark screenshots that exist in data/screenshots/.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

from report import Report

CONTROLS = {"keyboard", "pointing", "touch"}
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def text(element):
    return "".join(element.itertext()).strip() if element is not None else ""


def meson_version(meson_build_path):
    with open(meson_build_path, encoding="utf-8") as f:
        found = re.search(r"^\s*version:\s*'([^']+)'", f.read(), re.MULTILINE)
    return found.group(1) if found else None


def check_text(report, root):
    report.check(text(root.find("name")), "has a name")
    report.check(text(root.find("summary")), "has a summary")
    # Count the source paragraphs only, not the translations merged in beside them.
    paragraphs = [p for p in root.findall("description/p")
                  if text(p) and XML_LANG not in p.attrib]
    report.check(len(paragraphs) >= 2, "the description has several paragraphs",
                 f"{len(paragraphs)} paragraph(s)")
    rating = root.find("content_rating")
    report.check(rating is not None and rating.get("type", "").startswith("oars-"),
                 "has an OARS content rating")
    developer = text(root.find("developer/name")) or text(root.find("developer_name"))
    report.check(developer, "names the developer")


def check_releases(report, root, version):
    releases = root.findall("releases/release")
    if not report.check(releases, "has at least one release"):
        return
    newest = releases[0]
    report.equal("the newest release is the version meson.build builds",
                 newest.get("version"), version)
    report.check(newest.get("date") or newest.get("timestamp"), "the newest release has a date")
    report.check(text(newest.find("description")), "the newest release has notes")


def check_integration(report, root):
    report.check(root.find("launchable[@type='desktop-id']") is not None, "has a launchable")
    report.check(text(root.find("provides/binary")), "provides a binary")
    controls = {text(c) for c in root.findall("supports/control")}
    report.check(CONTROLS <= controls, "supports keyboard, pointing and touch",
                 f"missing: {sorted(CONTROLS - controls)}")
    report.check(root.find("requires/display_length") is not None, "requires a display length")
    colours = {c.get("scheme_preference"): text(c)
               for c in root.findall("branding/color") if c.get("type") == "primary"}
    for scheme in ("light", "dark"):
        report.check(COLOUR.match(colours.get(scheme, "")),
                     f"has a primary branding colour for {scheme}", colours)


def check_screenshots(report, root, screenshots_dir):
    shots = root.findall("screenshots/screenshot")
    report.check(len([s for s in shots if s.get("type") == "default"]) == 1,
                 "exactly one screenshot is the default")
    styles = {"dark" if s.get("environment", "").endswith(":dark") else "light" for s in shots}
    report.check(styles == {"light", "dark"}, "screenshots show the light and the dark style",
                 f"styles: {sorted(styles)} (mark a dark one with environment=\"gnome:dark\")")
    for shot in shots:
        url = text(shot.find("image"))
        name = os.path.basename(url)
        report.check(url.endswith("/data/screenshots/" + name),
                     f"screenshot {name} is served from data/screenshots/", url)
        report.check(text(shot.find("caption")), f"screenshot {name} has a caption")
        path = os.path.join(screenshots_dir, name)
        try:
            with open(path, "rb") as f:
                is_png = f.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
        except OSError:
            is_png = False
        report.check(is_png, f"screenshot {name} is a PNG in data/screenshots/", path)


def main(metainfo, meson_build, screenshots_dir):
    report = Report()
    root = ET.parse(metainfo).getroot()
    check_text(report, root)
    check_releases(report, root, meson_version(meson_build))
    check_integration(report, root)
    check_screenshots(report, root, screenshots_dir)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
