# check-figures.py: every figure the deck shows exists, is SVG, is described, and follows the theme
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-figures.py SOURCE_ROOT

Checks, for resources/deck/deep-learning.md and resources/figures/:
- each ![alt](figure:NAME "caption") names a figure file that parses as SVG, and has
  both an alternative text and a caption;
- each figure is compiled into the binary (listed in resources/backprop-core.gresource.xml)
  and shown by the deck: no orphan files;
- no figure hard-codes black or white (colours come from the page's CSS variables),
  and every id starts with the figure's name, so figures never clash on a page.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
FIGURE_RE = re.compile(r'^!\[(?P<alt>[^\]]*)\]\(figure:(?P<name>[^ )]+)(?: "(?P<caption>[^"]*)")?\)\s*$')
HARD_COLOUR_RE = re.compile(
    r'(?<![\w-])(black|white|#000(?:000)?|#fff(?:fff)?|rgba?\(\s*0\s*,\s*0\s*,\s*0\s*[,)]'
    r'|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*[,)])(?![\w-])',
    re.IGNORECASE)
COLOUR_PROPERTIES = ("fill", "stroke", "color", "stop-color", "flood-color", "lighting-color")

errors = []


def error(message):
    errors.append(message)
    print("FAIL: " + message)


def deck_figures(deck_path):
    figures = []
    with open(deck_path, encoding="utf-8") as deck:
        for number, line in enumerate(deck, 1):
            if "figure:" not in line:
                continue
            match = FIGURE_RE.match(line.strip())
            if not match:
                error(f"deck line {number}: a figure must be a paragraph of its own: "
                      f'![alt](figure:name "caption")')
                continue
            figures.append((number, match["name"], match["alt"].strip(), (match["caption"] or "").strip()))
    return figures


def colour_values(element):
    """Every colour an element sets, through attributes or its style attribute."""
    for prop in COLOUR_PROPERTIES:
        if prop in element.attrib:
            yield prop, element.attrib[prop]
    for declaration in element.attrib.get("style", "").split(";"):
        if ":" in declaration:
            prop, value = (part.strip() for part in declaration.split(":", 1))
            if prop in COLOUR_PROPERTIES:
                yield prop, value


def check_svg(name, path):
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        error(f"{name}: not readable SVG: {exc}")
        return
    if root.tag != SVG_NS + "svg":
        error(f"{name}: the root element is {root.tag}, not svg")
    if "viewBox" not in root.attrib:
        error(f"{name}: no viewBox, so it cannot scale to the page")
    for element in root.iter():
        for prop, value in colour_values(element):
            if HARD_COLOUR_RE.search(value):
                error(f"{name}: <{element.tag.replace(SVG_NS, '')}> sets {prop} to {value!r}; "
                      f"use the page's --figure-* variables or currentColor")
        identifier = element.attrib.get("id")
        if identifier is not None and not identifier.startswith(name + "-"):
            error(f"{name}: id {identifier!r} does not start with {name + '-'!r}")
    with open(path, encoding="utf-8") as svg:
        for number, line in enumerate(svg, 1):
            if "<style" in line and HARD_COLOUR_RE.search(line):
                error(f"{name}: line {number}: a <style> sets a fixed black or white")


def main(source_root):
    deck_path = os.path.join(source_root, "resources", "deck", "deep-learning.md")
    figure_dir = os.path.join(source_root, "resources", "figures")
    with open(os.path.join(source_root, "resources", "backprop-core.gresource.xml"), encoding="utf-8") as xml:
        compiled = set(re.findall(r"<file[^>]*>figures/([^<]+)\.svg</file>", xml.read()))

    shown = set()
    for number, name, alt, caption in deck_figures(deck_path):
        shown.add(name)
        path = os.path.join(figure_dir, name + ".svg")
        if not os.path.exists(path):
            error(f"deck line {number}: figure {name!r} has no file {path}")
            continue
        if len(alt) < 15:
            error(f"deck line {number}: figure {name!r} needs an alternative text that describes it")
        if not caption:
            error(f"deck line {number}: figure {name!r} has no caption")
        if name not in compiled:
            error(f"figure {name!r} is not listed in resources/backprop-core.gresource.xml")
        check_svg(name, path)
        print(f"ok: {name}")

    files = {entry[:-4] for entry in os.listdir(figure_dir) if entry.endswith(".svg")} \
        if os.path.isdir(figure_dir) else set()
    for orphan in sorted(files - shown):
        error(f"figure {orphan!r} is in resources/figures but the deck never shows it")
    for missing in sorted(compiled - files):
        error(f"figure {missing!r} is listed in the GResource but has no file")

    print(f"{len(shown)} figures checked, {len(errors)} problem(s)")
    return 1 if errors or not shown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
