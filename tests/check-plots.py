# check-plots.py: checks every plotted curve in the figures against the function it claims to show
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-plots.py FIGURES_DIR

For each SVG in FIGURES_DIR, every <path data-function="NAME"> is checked: its enclosing <g>
gives the plot box and data ranges (data-box="left top width height", data-x-range="xmin
xmax", data-y-range="ymin ymax", data-y-scale="log" if logarithmic); each point of the path
(absolute M/L commands only) is mapped back to data x, and its y must lie within one viewBox
unit of the function's value there, inside the plot box. A curve also fails with fewer than
MIN_POINTS points or a function name this script does not know. Prints one line per curve;
exits 1 on any failure."""

import math
import os
import re
import sys
import xml.etree.ElementTree as ET

TOLERANCE = 1.0      # viewBox units
MIN_POINTS = 50


def _sigmoid(x):
    # Written so that it never overflows: exp of a non-positive number only.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _sigmoid_derivative(x):
    s = _sigmoid(x)
    return s * (1.0 - s)


def _tanh_derivative(x):
    return 1.0 - math.tanh(x) ** 2


# name -> (needs a parameter, function maker): "name" or "name:parameter" in data-function.
FUNCTIONS = {
    "sigmoid": (False, lambda _: _sigmoid),
    "tanh": (False, lambda _: math.tanh),
    "relu": (False, lambda _: (lambda x: max(0.0, x))),
    "leaky-relu": (True, lambda a: (lambda x: x if x >= 0 else a * x)),
    "sigmoid-derivative": (False, lambda _: _sigmoid_derivative),
    "tanh-derivative": (False, lambda _: _tanh_derivative),
    "power": (True, lambda base: (lambda x: base ** x)),          # base^x, e.g. a gradient factor after x layers
    "constant": (True, lambda c: (lambda x: c)),
}

SVG_NS = "{http://www.w3.org/2000/svg}"
TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def local(tag):
    return tag[len(SVG_NS):] if tag.startswith(SVG_NS) else tag


def function_for(name):
    """The callable for a data-function value, or raises ValueError."""
    base, _, parameter = name.partition(":")
    if base not in FUNCTIONS:
        raise ValueError(f"unknown function {base!r}")
    needs_parameter, make = FUNCTIONS[base]
    if needs_parameter and not parameter:
        raise ValueError(f"{base!r} needs a parameter, e.g. {base}:0.1")
    if not needs_parameter and parameter:
        raise ValueError(f"{base!r} takes no parameter")
    return make(float(parameter) if parameter else None)


def path_points(d):
    """The points of an absolute M/L path, or raises ValueError for anything else."""
    tokens = TOKEN.findall(d)
    if "".join(tokens) != re.sub(r"[\s,]+", "", d):
        raise ValueError("path data holds characters that are neither commands nor numbers")
    points, command, numbers = [], None, []
    for token in tokens + ["M"]:        # the sentinel flushes the last command
        if token.isalpha():
            if command is not None:
                if len(numbers) % 2 or not numbers:
                    raise ValueError(f"command {command} with {len(numbers)} numbers")
                points += [(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)]
            if token not in "ML":
                raise ValueError(f"path command {token!r}: only absolute M and L are allowed")
            command, numbers = token, []
        else:
            if command is None:
                raise ValueError("path data does not start with M")
            numbers.append(float(token))
    return points


def plot_mapping(group):
    """(box, x range, y range, log) from a <g>'s data attributes, or raises ValueError."""
    try:
        left, top, width, height = (float(v) for v in group.get("data-box").split())
        x0, x1 = (float(v) for v in group.get("data-x-range").split())
        y0, y1 = (float(v) for v in group.get("data-y-range").split())
    except (AttributeError, ValueError) as error:
        raise ValueError(f"bad plot attributes on its <g>: {error}") from None
    scale = group.get("data-y-scale", "linear")
    if scale not in ("linear", "log"):
        raise ValueError(f"unknown data-y-scale {scale!r}")
    log = scale == "log"
    if width <= 0 or height <= 0 or x1 <= x0 or y1 <= y0 or (log and y0 <= 0):
        raise ValueError("empty or inverted plot box or range")
    return (left, top, width, height), (x0, x1), (y0, y1), log


def check_curve(path, group):
    """Returns (number of points, largest error in viewBox units); raises ValueError on a failure."""
    function = function_for(path.get("data-function"))
    if group is None:
        raise ValueError("no enclosing <g> with data-box, data-x-range and data-y-range")
    (left, top, width, height), (x0, x1), (y0, y1), log = plot_mapping(group)
    points = path_points(path.get("d", ""))
    if len(points) < MIN_POINTS:
        raise ValueError(f"only {len(points)} points (at least {MIN_POINTS} needed)")

    def to_svg_y(y):
        if log:
            if y <= 0:
                raise ValueError(f"function value {y} cannot be shown on a log scale")
            t = (math.log10(y) - math.log10(y0)) / (math.log10(y1) - math.log10(y0))
        else:
            t = (y - y0) / (y1 - y0)
        return top + height - t * height

    worst = 0.0
    for sx, sy in points:
        if not (left - TOLERANCE <= sx <= left + width + TOLERANCE
                and top - TOLERANCE <= sy <= top + height + TOLERANCE):
            raise ValueError(f"point ({sx}, {sy}) lies outside the plot box")
        x = x0 + (sx - left) / width * (x1 - x0)
        error = abs(sy - to_svg_y(function(x)))
        if error > TOLERANCE:
            raise ValueError(f"point ({sx}, {sy}) is {error:.2f} units away from the function at x = {x:.4g}")
        worst = max(worst, error)
    return len(points), worst


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    folder = sys.argv[1]
    files = sorted(f for f in os.listdir(folder) if f.endswith(".svg"))
    failures = checked = 0
    for file_name in files:
        try:
            root = ET.parse(os.path.join(folder, file_name)).getroot()
        except ET.ParseError as error:
            print(f"FAIL {file_name}: not well-formed XML: {error}")
            failures += 1
            continue
        parents = {child: parent for parent in root.iter() for child in parent}
        for path in root.iter():
            if local(path.tag) != "path" or path.get("data-function") is None:
                continue
            group = parents.get(path)
            while group is not None and not (local(group.tag) == "g" and group.get("data-box") is not None):
                group = parents.get(group)
            name = path.get("data-function")
            checked += 1
            try:
                count, worst = check_curve(path, group)
            except (ValueError, OverflowError, ZeroDivisionError) as error:
                print(f"FAIL {file_name} {name}: {error}")
                failures += 1
            else:
                print(f"ok   {file_name} {name}: {count} points, largest error {worst:.3f} px")
    if checked == 0:
        print(f"FAIL {folder}: no curve with data-function in {len(files)} SVG files")
        return 1
    print(f"{checked} curves checked, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
