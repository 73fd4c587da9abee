# plots.py: the deck's computed plots (activations, saturation, vanishing gradients, L1/L2, momentum)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every curve here is sampled from its function (about every 1.5 viewBox px) and every
optimum or trajectory is computed, never drawn by hand. A plotted function is one <path>
with data-function="<name>" inside a <g> that carries the data-to-viewBox mapping
(data-x-range, data-y-range, data-box, data-y-scale="log" when logarithmic), which
tests/check-plots.py uses to check each point against the function. See README.md here."""

import math
import os
from xml.sax.saxutils import escape

import style
from style import FG, MUTED, BLUE, GREEN, ORANGE, PURPLE, RED, FILL_OPACITY, SMALL_FONT_SIZE, fmt

CURVE_WIDTH = 2.25      # plotted functions and trajectories
GRID_OPACITY = 0.35     # grid lines: MUTED, fainter still
SAMPLE_PX = 1.5         # horizontal distance between two samples of a curve, in viewBox units


# --- the functions (tests/check-plots.py has its own copy of each, by the same name) ---

def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def relu(x):
    return max(0.0, x)


def leaky_relu(a):
    return lambda x: x if x >= 0 else a * x


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh_derivative(x):
    t = math.tanh(x)
    return 1.0 - t * t


def power(base):
    return lambda n: base ** n


# --- small SVG helpers (local, so style.py stays as the other figures expect it) ---

def number(value):
    """A tick label: at most two decimals, a real minus sign."""
    text = fmt(value)
    return text.replace("-", "\u2212")


SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def power_of_ten(exponent):
    return "1" if exponent == 0 else "10" + str(exponent).translate(SUPERSCRIPT)


def line(x1, y1, x2, y2, color=MUTED, width=1, opacity=None, dash=None):
    props = {"stroke": color, "stroke_width": fmt(width)}
    if opacity is not None:
        props["stroke_opacity"] = opacity
    if dash:
        props["stroke_dasharray"] = dash
    return (f'<line {style.attrs(x1=fmt(x1), y1=fmt(y1), x2=fmt(x2), y2=fmt(y2))} '
            f'{style.style(**props)}/>')


def polyline_d(points):
    """Absolute M/L path data, two decimals: the format tests/check-plots.py parses."""
    return " ".join(f"{'M' if i == 0 else 'L'} {fmt(x)} {fmt(y)}" for i, (x, y) in enumerate(points))


def stroke_path(d, color, width=CURVE_WIDTH, dash=None, opacity=None, extra=None):
    props = {"stroke": color, "stroke_width": fmt(width), "fill": "none",
             "stroke_linejoin": "round", "stroke_linecap": "round"}
    if dash:
        props["stroke_dasharray"] = dash
    if opacity is not None:
        props["stroke_opacity"] = opacity
    return f'<path {style.attrs(**(extra or {}))}{" " if extra else ""}d="{d}" {style.style(**props)}/>'


def dot(x, y, color, r=4.0, ring=None):
    props = {"fill": color}
    if ring:
        props.update(stroke=ring, stroke_width="1.5")
    return f'<circle {style.attrs(cx=fmt(x), cy=fmt(y), r=fmt(r))} {style.style(**props)}/>'


def ring(x, y, color, r=5.0, width=2.0):
    return (f'<circle {style.attrs(cx=fmt(x), cy=fmt(y), r=fmt(r))} '
            f'{style.style(fill="none", stroke=color, stroke_width=fmt(width))}/>')


def cross(x, y, color, size=5.0, width=2.0):
    d = f"M {fmt(x - size)} {fmt(y - size)} L {fmt(x + size)} {fmt(y + size)} M {fmt(x - size)} {fmt(y + size)} L {fmt(x + size)} {fmt(y - size)}"
    return stroke_path(d, color, width=width)


def label(x, y, content, size=SMALL_FONT_SIZE, anchor="start", color=FG, weight=None, italic=False):
    return style.text(x, y, content, size=size, anchor=anchor, color=color, weight=weight, italic=italic)


def vertical_label(x, y, content, size=None, color=FG):
    """Text turned a quarter to the left (a y axis title), centred on (x, y)."""
    props = {"fill": color}
    if size:
        props["font_size"] = f"{size}px"
    return (f'<text {style.attrs(x=fmt(x), y=fmt(y), text_anchor="middle", transform=f"rotate(-90 {fmt(x)} {fmt(y)})")} '
            f'{style.style(**props)}>{escape(content)}</text>')


def swatch(x, y, color, content, width=26, dash=None):
    """A legend entry: a short stroke and its label, vertically centred on y."""
    return [stroke_path(f"M {fmt(x)} {fmt(y)} L {fmt(x + width)} {fmt(y)}", color, dash=dash),
            label(x + width + 8, y + 4, content, size=style.FONT_SIZE)]


class Plot:
    """A plot area: maps data (x, y) to viewBox coordinates inside box = (left, top, width, height)."""

    def __init__(self, box, x_range, y_range, y_log=False):
        self.left, self.top, self.width, self.height = box
        self.x0, self.x1 = x_range
        self.y0, self.y1 = y_range
        self.y_log = y_log

    @property
    def right(self):
        return self.left + self.width

    @property
    def bottom(self):
        return self.top + self.height

    def sx(self, x):
        return self.left + (x - self.x0) / (self.x1 - self.x0) * self.width

    def sy(self, y):
        if self.y_log:
            t = (math.log10(y) - math.log10(self.y0)) / (math.log10(self.y1) - math.log10(self.y0))
        else:
            t = (y - self.y0) / (self.y1 - self.y0)
        return self.top + self.height - t * self.height

    def open(self):
        def ranged(a, b):
            return f"{a:g} {b:g}"
        return (f'<g {style.attrs(data_x_range=ranged(self.x0, self.x1), data_y_range=ranged(self.y0, self.y1), data_y_scale="log" if self.y_log else None, data_box=" ".join(fmt(v) for v in (self.left, self.top, self.width, self.height)))}>')

    @staticmethod
    def close():
        return "</g>"

    def frame(self, x_ticks, y_ticks, x_title=None, y_title=None, x_tick_text=number, y_tick_text=number,
              zero_lines=True, y_title_offset=40, x_zero_line=True, rotate_y_title=True, y_title_at=None):
        """Grid at the ticks, the zero lines, left and bottom axes with tick labels, axis titles."""
        parts = []
        for x in x_ticks:
            if not (x == 0 and (zero_lines or not x_zero_line)):
                parts.append(line(self.sx(x), self.top, self.sx(x), self.bottom, opacity=GRID_OPACITY))
        for y in y_ticks:
            if not (zero_lines and y == 0):
                parts.append(line(self.left, self.sy(y), self.right, self.sy(y), opacity=GRID_OPACITY))
        if zero_lines:
            if x_zero_line and self.x0 < 0 < self.x1:
                parts.append(line(self.sx(0), self.top, self.sx(0), self.bottom, width=1.25))
            if not self.y_log and self.y0 < 0 < self.y1:
                parts.append(line(self.left, self.sy(0), self.right, self.sy(0), width=1.25))
        parts.append(line(self.left, self.bottom, self.right, self.bottom, color=FG, width=1))
        parts.append(line(self.left, self.top, self.left, self.bottom, color=FG, width=1))
        for x in x_ticks:
            parts.append(line(self.sx(x), self.bottom, self.sx(x), self.bottom + 4, color=FG, width=1))
            parts.append(label(self.sx(x), self.bottom + 18, x_tick_text(x), anchor="middle"))
        for y in y_ticks:
            parts.append(line(self.left - 4, self.sy(y), self.left, self.sy(y), color=FG, width=1))
            parts.append(label(self.left - 7, self.sy(y) + 4, y_tick_text(y), anchor="end"))
        if x_title:
            parts.append(label(self.left + self.width / 2, self.bottom + 38, x_title, size=style.FONT_SIZE,
                               anchor="middle"))
        if y_title and rotate_y_title:
            parts.append(vertical_label(self.left - y_title_offset, self.top + self.height / 2, y_title))
        elif y_title:
            y = self.top + self.height / 2 if y_title_at is None else self.sy(y_title_at)
            parts.append(label(self.left - y_title_offset, y + 5, y_title,
                               size=style.FONT_SIZE, anchor="middle"))
        return parts

    def curve(self, name, function, color, x_from=None, x_to=None, breaks=(), dash=None, width=CURVE_WIDTH):
        """One <path data-function=name>: the function sampled every SAMPLE_PX px, plus its @breaks (kinks)."""
        a = self.x0 if x_from is None else x_from
        b = self.x1 if x_to is None else x_to
        count = max(2, math.ceil((self.sx(b) - self.sx(a)) / SAMPLE_PX))
        xs = {a + (b - a) * i / count for i in range(count + 1)}
        xs.update(x for x in breaks if a < x < b)
        points = [(self.sx(x), self.sy(function(x))) for x in sorted(xs)]
        return stroke_path(polyline_d(points), color, width=width, dash=dash, extra={"data_function": name})


def root_between(function, a, b, iterations=80):
    """A root of @function between a and b (opposite signs)."""
    fa = function(a)
    for _ in range(iterations):
        m = (a + b) / 2
        fm = function(m)
        if (fm < 0) == (fa < 0):
            a, fa = m, fm
        else:
            b = m
    return (a + b) / 2


# --- Q2: three activation functions ---

def activations(name):
    leak = 0.1  # the deck's example is 0.01, too flat to see; the caption says so
    width, height = 680, 272
    panel_w, gap, left, top, plot_h = 176, 50, 40, 54, 168
    panels = [
        ("Sigmoid", "\u03c3(x) = 1 / (1 + e\u207b\u02e3)", (-0.2, 1.2), [0, 0.5, 1],
         [("sigmoid", sigmoid, BLUE, ())]),
        ("ReLU", "max(0, x)", (-1.5, 5), [-1, 0, 1, 2, 3, 4, 5],
         [("relu", relu, GREEN, (0,))]),
        (f"Leaky ReLU, a = {fmt(leak)}", "x if x \u2265 0, a\u00b7x if x < 0", (-1.5, 5), [-1, 0, 1, 2, 3, 4, 5],
         [(f"leaky-relu:{fmt(leak)}", leaky_relu(leak), PURPLE, (0,))]),
    ]
    parts = [style.svg_open(name, width, height)]
    for i, (title, formula, y_range, y_ticks, curves) in enumerate(panels):
        plot = Plot((left + i * (panel_w + gap), top, panel_w, plot_h), (-5, 5), y_range)
        centre = plot.left + plot.width / 2
        parts.append(plot.open())
        parts.append(label(centre, 18, title, size=style.FONT_SIZE, anchor="middle", weight="bold"))
        parts.append(label(centre, 38, formula, anchor="middle", color=FG))
        parts += plot.frame([-5, -2.5, 0, 2.5, 5], y_ticks, x_title="x")
        for fname, function, color, breaks in curves:
            parts.append(plot.curve(fname, function, color, breaks=breaks))
        if fname.startswith("leaky-relu"):
            x = -2.5
            parts.append(label(plot.sx(x), plot.sy(leak * x) + 18, f"slope a = {fmt(leak)}", anchor="middle",
                               color=PURPLE))
        parts.append(plot.close())
    parts.append(style.svg_close())
    return parts


# --- Q11: sigmoid and tanh with their saturated regions, and their derivatives ---

SATURATION = 0.05   # a unit counts as saturated where its activation's derivative is below this


def sigmoid_tanh(name):
    width, height = 680, 300
    panel_w, gap, left, top, plot_h = 276, 62, 50, 56, 196
    # Where the derivative falls to SATURATION (both derivatives are even and decrease for x > 0).
    panels = [
        ("Sigmoid", "sigmoid", sigmoid, sigmoid_derivative, BLUE, "\u03c3\u2032"),
        ("tanh", "tanh", math.tanh, tanh_derivative, ORANGE, "tanh\u2032"),
    ]
    parts = [style.svg_open(name, width, height)]
    for i, (title, fname, function, derivative, color, prime) in enumerate(panels):
        edge = root_between(lambda x: derivative(x) - SATURATION, 0, 20)
        plot = Plot((left + i * (panel_w + gap), top, panel_w, plot_h), (-6, 6), (-1.2, 1.2))
        centre = plot.left + plot.width / 2
        parts.append(plot.open())
        parts.append(label(centre, 18, title, size=style.FONT_SIZE, anchor="middle", weight="bold"))
        parts.append(label(centre, 38, f"saturated: {prime}(x) < {fmt(SATURATION)}, |x| > {fmt(edge)}",
                           anchor="middle"))
        for a, b in ((plot.x0, -edge), (edge, plot.x1)):
            parts.append(style.rect(plot.sx(a), plot.top, plot.sx(b) - plot.sx(a), plot.height, stroke="none",
                                    fill=MUTED, fill_opacity=0.22, radius=0, width=0))
        parts += plot.frame([-6, -4, -2, 0, 2, 4, 6], [-1, -0.5, 0, 0.5, 1], x_title="x")
        # "saturated" at the top of the left region and the bottom of the right one, away from the curves.
        parts.append(label((plot.sx(plot.x0) + plot.sx(-edge)) / 2, plot.top + 18, "saturated", anchor="middle"))
        parts.append(label((plot.sx(edge) + plot.sx(plot.x1)) / 2, plot.bottom - 10, "saturated", anchor="middle"))
        parts.append(plot.curve(fname, function, color))
        parts.append(plot.close())
    parts.append(style.svg_close())
    return parts


def derivatives(name):
    width, height = 680, 318
    plot = Plot((64, 16, 596, 246), (-6, 6), (0, 1.1))
    parts = [style.svg_open(name, width, height), plot.open()]
    parts += plot.frame([-6, -4, -2, 0, 2, 4, 6], [0, 0.25, 0.5, 0.75, 1], x_title="x", y_title="derivative",
                        y_title_offset=50, x_zero_line=False)
    # The saturation threshold of the previous figure.
    parts.append(line(plot.left, plot.sy(SATURATION), plot.right, plot.sy(SATURATION), color=MUTED, width=1.25,
                      dash="5 4"))
    parts.append(label(plot.left + 6, plot.sy(SATURATION) - 6, f"{fmt(SATURATION)}: saturated below", color=FG))
    parts.append(plot.curve("tanh-derivative", tanh_derivative, ORANGE))
    parts.append(plot.curve("sigmoid-derivative", sigmoid_derivative, BLUE))
    # The maxima, both at x = 0 (found on a fine grid, not assumed).
    for function, color, text_, dx, dy, anchor in ((sigmoid_derivative, BLUE, "max 0.25", 0, -12, "middle"),
                                                   (tanh_derivative, ORANGE, "max 1 at x = 0", 10, -6, "start")):
        grid = [i / 1000 for i in range(-6000, 6001)]
        x_max = max(grid, key=function)
        y_max = function(x_max)
        assert abs(x_max) < 1e-9 and fmt(y_max) in text_, (x_max, y_max)
        parts.append(dot(plot.sx(x_max), plot.sy(y_max), color, r=4.5))
        parts.append(label(plot.sx(x_max) + dx, plot.sy(y_max) + dy, text_, anchor=anchor, color=FG))
    # Direct labels beside each curve.
    x = -1.1
    parts.append(label(plot.sx(x) - 10, plot.sy(tanh_derivative(x)), "tanh\u2032(x) = 1 \u2212 tanh\u00b2(x)",
                       size=style.FONT_SIZE, anchor="end", color=ORANGE))
    x = 2.2
    parts.append(label(plot.sx(x) + 4, plot.sy(sigmoid_derivative(x)) - 12, "\u03c3\u2032(x) = \u03c3(x)(1 \u2212 \u03c3(x))",
                       size=style.FONT_SIZE, color=BLUE))
    parts += [plot.close(), style.svg_close()]
    return parts


# --- Q9: the gradient factor after n layers, log scale ---

def tanh_typical_derivative():
    """E[tanh'(z)] for z ~ N(0, 1), by Simpson's rule on [-8, 8]: the typical per-layer factor of tanh."""
    steps, a, b = 4000, -8.0, 8.0
    h = (b - a) / steps
    total = 0.0
    for i in range(steps + 1):
        z = a + i * h
        weight = 1 if i in (0, steps) else (4 if i % 2 else 2)
        total += weight * tanh_derivative(z) * math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    return total * h / 3


def vanishing(name):
    width, height = 680, 330
    tanh_factor = round(tanh_typical_derivative(), 2)
    plot = Plot((80, 16, 384, 256), (0, 20), (1e-13, 10), y_log=True)
    series = [
        ("constant:1", power(1.0), GREEN, "ReLU, active path", "1\u207f: ReLU\u2032 = 1 for x > 0"),
        (f"power:{fmt(tanh_factor)}", power(tanh_factor), ORANGE, "tanh, typical",
         f"{fmt(tanh_factor)}\u207f: mean tanh\u2032, z ~ N(0, 1)"),
        ("power:0.25", power(0.25), BLUE, "sigmoid, best case", "0.25\u207f: max of \u03c3\u2032"),
    ]
    parts = [style.svg_open(name, width, height), plot.open()]
    parts += plot.frame([0, 5, 10, 15, 20], [1, 1e-3, 1e-6, 1e-9, 1e-12], x_title="number of layers n",
                        y_title="gradient factor after n layers", x_tick_text=lambda v: fmt(v),
                        y_tick_text=lambda v: power_of_ten(round(math.log10(v))), y_title_offset=52)
    for fname, function, color, title, detail in series:
        parts.append(plot.curve(fname, function, color, width=1.75))
        for n in range(1, 21):
            parts.append(dot(plot.sx(n), plot.sy(function(n)), color, r=3))
        end = plot.sy(function(20))
        parts.append(label(plot.right + 14, end - 3, title, size=style.FONT_SIZE, color=color, weight="bold"))
        parts.append(label(plot.right + 14, end + 14, detail, color=FG))
    # The deck's example: ten sigmoid layers.
    n = 10
    y = plot.sy(0.25 ** n)
    parts.append(ring(plot.sx(n), y, BLUE, r=6.5, width=1.75))
    parts.append(label(plot.sx(n) - 12, y + 20,
                       f"0.25\u00b9\u2070 \u2248 {power_of_ten(round(math.log10(0.25 ** n)))}", anchor="end"))
    parts += [plot.close(), style.svg_close()]
    return parts


# --- Q16: the L1 diamond and the L2 disc against the same elliptical loss ---

L_CENTRE = (0.9, 1.6)                 # the unconstrained minimum, off both axes
L_ANGLE = math.radians(-35)          # direction of the ellipses' long axis
L_CURVATURES = (1.0, 2.5)            # along the long axis, across it
L_RADIUS = 1.0                       # t


def quadratic_loss(w1, w2):
    d1, d2 = w1 - L_CENTRE[0], w2 - L_CENTRE[1]
    u = d1 * math.cos(L_ANGLE) + d2 * math.sin(L_ANGLE)      # along the long axis
    v = -d1 * math.sin(L_ANGLE) + d2 * math.cos(L_ANGLE)     # across it
    return 0.5 * (L_CURVATURES[0] * u * u + L_CURVATURES[1] * v * v)


def loss_contour(level, samples=240):
    """The ellipse quadratic_loss = level, as a closed list of points."""
    points = []
    for i in range(samples + 1):
        phi = 2 * math.pi * i / samples
        u = math.sqrt(2 * level / L_CURVATURES[0]) * math.cos(phi)
        v = math.sqrt(2 * level / L_CURVATURES[1]) * math.sin(phi)
        points.append((L_CENTRE[0] + u * math.cos(L_ANGLE) - v * math.sin(L_ANGLE),
                       L_CENTRE[1] + u * math.sin(L_ANGLE) + v * math.cos(L_ANGLE)))
    return points


def diamond_point(s):
    """The boundary |w1| + |w2| = t, s in [0, 1) going round from (t, 0)."""
    corners = [(1, 0), (0, 1), (-1, 0), (0, -1), (1, 0)]
    s = (s % 1.0) * 4
    k = min(int(s), 3)
    f = s - k
    (a1, a2), (b1, b2) = corners[k], corners[k + 1]
    return (L_RADIUS * (a1 + (b1 - a1) * f), L_RADIUS * (a2 + (b2 - a2) * f))


def circle_point(s):
    return (L_RADIUS * math.cos(2 * math.pi * s), L_RADIUS * math.sin(2 * math.pi * s))


def constrained_minimum(boundary):
    """The loss minimum on the boundary (the centre lies outside both balls, so the constraint binds):
    a grid of 4000 boundary points, then golden-section search around the best of them."""
    assert abs(L_CENTRE[0]) + abs(L_CENTRE[1]) > L_RADIUS
    count = 4000
    best = min(range(count), key=lambda i: quadratic_loss(*boundary(i / count)))
    a, b = (best - 1) / count, (best + 1) / count
    ratio = (math.sqrt(5) - 1) / 2
    for _ in range(100):
        c, d = b - ratio * (b - a), a + ratio * (b - a)
        if quadratic_loss(*boundary(c)) <= quadratic_loss(*boundary(d)):
            b = d
        else:
            a = c
    candidates = [best / count, (a + b) / 2]
    return boundary(min(candidates, key=lambda s: quadratic_loss(*boundary(s))))


def l1_l2(name):
    width, height = 680, 388
    panel, gap, left, top = 250, 90, 60, 34
    limits = (-1.5, 2.5)
    ticks = [-1, 0, 1, 2]
    radii = (0.4, 0.8, 1.2, 1.6, 2.0, 2.4)   # contours loss = r^2 / 2: evenly spaced ellipses
    panels = [
        ("L1: |w\u2081| + |w\u2082| \u2264 t", diamond_point, "l1",
         lambda w: abs(w[0]) < 1e-6 and abs(w[1] - L_RADIUS) < 1e-6, "at a corner: w\u2081 = 0"),
        ("L2: w\u2081\u00b2 + w\u2082\u00b2 \u2264 t\u00b2", circle_point, "l2",
         lambda w: w[0] > 0.2 and w[1] > 0.2, "on the circle: both \u2260 0"),
    ]
    parts = [style.svg_open(name, width, height)]
    clip_defs = []
    for i, (title, boundary, key, check, note) in enumerate(panels):
        plot = Plot((left + i * (panel + gap), top, panel, panel), limits, limits)
        clip_id = f"{name}-clip-{key}"
        clip_defs.append(f'<clipPath id="{clip_id}"><rect {style.attrs(x=fmt(plot.left), y=fmt(plot.top), width=fmt(plot.width), height=fmt(plot.height))}/></clipPath>')
        optimum = constrained_minimum(boundary)
        assert check(optimum), (key, optimum)
        parts.append(plot.open())
        parts.append(label(plot.left + plot.width / 2, 20, title, size=style.FONT_SIZE, anchor="middle",
                           weight="bold"))
        parts += plot.frame(ticks, ticks, x_title="w\u2081", y_title="w\u2082", y_title_offset=36,
                            rotate_y_title=False)
        # The constraint region.
        outline = [(plot.sx(w1), plot.sy(w2)) for w1, w2 in (boundary(j / 360) for j in range(360))]
        parts.append(f'<path d="{polyline_d(outline)} Z" '
                     f'{style.style(fill=BLUE, fill_opacity=FILL_OPACITY, stroke=BLUE, stroke_width="2", stroke_linejoin="round")}/>')
        # The loss contours, and the one touching the region (which replaces the evenly spaced one nearest to it).
        touching_level = quadratic_loss(*optimum)
        touching_radius = math.sqrt(2 * touching_level)
        parts.append(f'<g clip-path="url(#{clip_id})">')
        for r in radii:
            if abs(r - touching_radius) < 0.2:
                continue
            contour = [(plot.sx(a), plot.sy(b)) for a, b in loss_contour(r * r / 2)]
            parts.append(stroke_path(polyline_d(contour), ORANGE, width=1, opacity=0.55))
        touching = [(plot.sx(a), plot.sy(b)) for a, b in loss_contour(touching_level)]
        parts.append(stroke_path(polyline_d(touching), ORANGE, width=2))
        parts.append("</g>")
        parts.append(cross(plot.sx(L_CENTRE[0]), plot.sy(L_CENTRE[1]), ORANGE, size=4.5, width=2))
        ox, oy = plot.sx(optimum[0]), plot.sy(optimum[1])
        parts.append(dot(ox, oy, FG, r=5))
        parts.append(dot(plot.left + 6, plot.bottom + 58, FG, r=5))
        parts.append(label(plot.left + 18, plot.bottom + 63, f"optimum {note}", size=style.FONT_SIZE, color=FG))
        parts.append(plot.close())
    parts.insert(1, "<defs>" + "".join(clip_defs) + "</defs>")
    y = height - 12
    parts.append(cross(left + 6, y - 5, ORANGE, size=4.5, width=2))
    parts.append(label(left + 18, y, "minimum of the loss alone", size=style.FONT_SIZE))
    parts.append(stroke_path(f"M {fmt(left + panel + gap)} {fmt(y - 5)} L {fmt(left + panel + gap + 12)} {fmt(y - 5)}",
                             ORANGE, width=2))
    parts.append(label(left + panel + gap + 18, y, "loss contour through the optimum", size=style.FONT_SIZE))
    parts.append(style.svg_close())
    return parts


# --- Q18: heavy-ball momentum in a ravine ---

RAVINE = (1.0, 20.0)            # f(w) = 1/2 (a w1^2 + b w2^2), a << b
MOMENTUM_START = (-9.0, 2.0)
MOMENTUM_RATE = 0.005           # the same learning rate for both runs
MOMENTUM_STEPS = 150
MOMENTUM_BETAS = (0.9, 0.99)


def heavy_ball(beta, rate=MOMENTUM_RATE, start=MOMENTUM_START, steps=MOMENTUM_STEPS):
    """v <- beta v - rate grad f(w); w <- w + v, from v = 0. Returns the steps-plus-one positions."""
    a, b = RAVINE
    w1, w2 = start
    v1 = v2 = 0.0
    points = [(w1, w2)]
    for _ in range(steps):
        v1 = beta * v1 - rate * a * w1
        v2 = beta * v2 - rate * b * w2
        w1, w2 = w1 + v1, w2 + v2
        points.append((w1, w2))
    return points


def momentum(name):
    width, height = 680, 290
    plot = Plot((50, 40, 600, 180), (-10, 10), (-3, 3))   # 30 px per unit on both axes
    clip_id = f"{name}-clip"
    parts = [style.svg_open(name, width, height),
             f'<defs><clipPath id="{clip_id}"><rect {style.attrs(x=fmt(plot.left), y=fmt(plot.top), width=fmt(plot.width), height=fmt(plot.height))}/></clipPath></defs>',
             plot.open()]
    parts += plot.frame([-10, -5, 0, 5, 10], [-3, -2, -1, 0, 1, 2, 3], x_title="w\u2081", y_title="w\u2082",
                        y_title_offset=34, rotate_y_title=False, y_title_at=0.5)
    a, b = RAVINE
    parts.append(f'<g clip-path="url(#{clip_id})">')
    for r in (1.5, 3, 4.5, 6, 7.5, 9, 10.5, 12, 13.5):   # f = r^2 / 2: ellipses with semi-axes r/sqrt(a), r/sqrt(b)
        contour = [(plot.sx(r / math.sqrt(a) * math.cos(2 * math.pi * i / 240)),
                    plot.sy(r / math.sqrt(b) * math.sin(2 * math.pi * i / 240))) for i in range(241)]
        parts.append(stroke_path(polyline_d(contour), MUTED, width=1, opacity=0.7))
    parts.append("</g>")
    colours = {0.9: BLUE, 0.99: RED}
    for beta in sorted(MOMENTUM_BETAS, reverse=True):
        points = [(plot.sx(x), plot.sy(y)) for x, y in heavy_ball(beta)]
        parts.append(stroke_path(polyline_d(points), colours[beta], width=1.75, extra={"data_momentum": f"{beta:g}"}))
        for x, y in points[1:]:
            parts.append(dot(x, y, colours[beta], r=1.6))
    start = (plot.sx(MOMENTUM_START[0]), plot.sy(MOMENTUM_START[1]))
    parts.append(dot(*start, FG, r=5))
    parts.append(cross(plot.sx(0), plot.sy(0), FG, size=6, width=2.5))
    parts.append(plot.close())
    # Legend above the plot, the parameters below it.
    x = plot.left
    for beta in MOMENTUM_BETAS:
        parts += swatch(x, 16, colours[beta], f"\u03b2 = {beta:g}")
        x += 124
    parts.append(dot(x + 6, 16, FG, r=5))
    parts.append(label(x + 18, 21, "start", size=style.FONT_SIZE))
    x += 80
    parts.append(cross(x + 6, 16, FG, size=6, width=2.5))
    parts.append(label(x + 20, 21, "minimum", size=style.FONT_SIZE))
    parts.append(label(plot.left + plot.width / 2, height - 10,
                       f"f(w) = \u00bd(w\u2081\u00b2 + {b:g}\u00b7w\u2082\u00b2), the same \u03b7 = {MOMENTUM_RATE:g}, "
                       f"{MOMENTUM_STEPS} steps each, one dot per step", anchor="middle"))
    parts.append(style.svg_close())
    return parts


FIGURES = {
    "q02-activations": activations,
    "q09-vanishing": vanishing,
    "q11-sigmoid-tanh": sigmoid_tanh,
    "q11-derivatives": derivatives,
    "q16-l1-l2": l1_l2,
    "q18-momentum": momentum,
}


def generate(out_dir):
    """Writes every plot into @out_dir as <name>.svg; returns their names."""
    for name, draw in FIGURES.items():
        style.write(os.path.join(out_dir, name + ".svg"), draw(name))
    return list(FIGURES)
