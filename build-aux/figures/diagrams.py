# diagrams.py: draws the deck's schematic figures (architectures, layers, convolutions) as SVG
# SPDX-License-Identifier: GPL-3.0-or-later
"""Each figure function returns (name, parts) for style.write(). Colour meanings, shared by
every diagram: BLUE data and activations, ORANGE learned parameters (weights, kernels, γ and β),
GREEN outputs, PURPLE the operation, state or intermediate result a figure is about, RED losses and
dropped units, MUTED guides and connections."""

import math
import os

import style
from style import BLUE, FG, GREEN, MUTED, ORANGE, PURPLE, RED, FILL_OPACITY, fmt

SMALL = style.SMALL_FONT_SIZE
STROKE = style.STROKE
THIN = 1.0                 # connections, guides, inner lines
EMPHASIS = 2.5             # the one line a figure is about (e.g. the LSTM cell state)
RADIUS = 6                 # corner radius of boxes
LINE = 18                  # distance between two lines of 14 px text
SMALL_LINE = 16            # distance between two lines of 12 px text
BASELINE = 5               # y offset that centres a line of 14 px text vertically on a point
SMALL_BASELINE = 4         # the same for 12 px text

# Pseudo-3D volumes (Q8, Q22): the front face is the spatial extent (height × width) and the
# channels recede up and to the right along this vector, per unit of drawn depth.
OBLIQUE = (0.8, -0.6)


# Small helpers ------------------------------------------------------------------------------

def _open(name, width, height, markers=()):
    """The root element plus arrow markers; returns (parts, {suffix: marker url})."""
    parts = [style.svg_open(name, width, height)]
    urls = {}
    for suffix, color in (("arrow", FG),) + tuple(markers):
        defs, marker_id = style.arrow_marker(name, color, suffix)
        parts.append(defs)
        urls[suffix] = f"url(#{marker_id})"
    return parts, urls


def _polygon(points, stroke, fill=None, fill_opacity=FILL_OPACITY, width=STROKE, dash=None):
    d = "M " + " L ".join(f"{fmt(x)} {fmt(y)}" for x, y in points) + " Z"
    return style.path(d, stroke=stroke, width=width, fill=fill or "none",
                      fill_opacity=fmt(fill_opacity) if fill else None, dash=dash,
                      extra='stroke-linejoin="round"')


def _polyline(points, stroke=FG, width=STROKE, dash=None, marker_end=None):
    d = "M " + " L ".join(f"{fmt(x)} {fmt(y)}" for x, y in points)
    extra = 'stroke-linejoin="round"'
    if marker_end:
        extra += f' marker-end="{marker_end}"'
    return style.path(d, stroke=stroke, width=width, dash=dash, extra=extra)


def _circle(cx, cy, r, stroke=FG, fill=None, fill_opacity=FILL_OPACITY, width=STROKE, dash=None):
    props = {"stroke": stroke, "stroke_width": fmt(width), "fill": fill or "none"}
    if fill:
        props["fill_opacity"] = fill_opacity
    if dash:
        props["stroke_dasharray"] = dash
    return f'<circle {style.attrs(cx=fmt(cx), cy=fmt(cy), r=fmt(r))} {style.style(**props)}/>'


def _box(x, y, w, h, color, lines, fill=True):
    """A rounded box with centred lines of text: each line is (text, size, colour, weight)."""
    parts = [style.rect(x, y, w, h, stroke=color, fill=color if fill else None, radius=RADIUS)]
    heights = [LINE if size == style.FONT_SIZE else SMALL_LINE for _, size, _, _ in lines]
    top = y + h / 2 - (sum(heights) - heights[0]) / 2
    for (content, size, text_color, weight), step in zip(lines, [0] + heights[1:]):
        top += step
        offset = BASELINE if size == style.FONT_SIZE else SMALL_BASELINE
        parts.append(style.text(x + w / 2, top + offset, content, size=None if size == style.FONT_SIZE else size,
                                anchor="middle", color=text_color, weight=weight))
    return parts


def _title(content, color=FG):
    return (content, style.FONT_SIZE, color, "bold")


def _plain(content, color=FG):
    return (content, style.FONT_SIZE, color, None)


def _small(content, color=MUTED):
    return (content, SMALL, color, None)


def _arrow(x1, y1, x2, y2, url, color=FG, width=STROKE, dash=None):
    return style.line(x1, y1, x2, y2, color=color, width=width, dash=dash, marker_end=url)


def _op(cx, cy, symbol, r=11, color=FG):
    """A point-wise operation (×, +) drawn as a small circle with its symbol."""
    return [_circle(cx, cy, r, stroke=color),
            style.text(cx, cy + BASELINE, symbol, anchor="middle", color=color)]


def _cuboid(x, y, w, h, depth, color, slices=1):
    """A pseudo-3D box: front face (x, y, w, h), receding by @depth along OBLIQUE. Its top and
    side faces are filled more densely than the front, which reads as shading in both palettes.
    @slices draws that many layers on the top and side faces (channel boundaries)."""
    dx, dy = OBLIQUE[0] * depth, OBLIQUE[1] * depth
    top = [(x, y), (x + dx, y + dy), (x + w + dx, y + dy), (x + w, y)]
    side = [(x + w, y), (x + w + dx, y + dy), (x + w + dx, y + h + dy), (x + w, y + h)]
    parts = [_polygon(side, color, color, FILL_OPACITY * 2.2),
             _polygon(top, color, color, FILL_OPACITY * 1.5),
             _polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], color, color)]
    for k in range(1, slices):
        fx, fy = dx * k / slices, dy * k / slices
        parts.append(style.line(x + fx, y + fy, x + w + fx, y + fy, color=color, width=THIN))
        parts.append(style.line(x + w + fx, y + fy, x + w + fx, y + h + fy, color=color, width=THIN))
    return parts


def _cuboid_width(w, depth):
    """The width of a cuboid's drawing whose front face is @w wide."""
    return w + OBLIQUE[0] * depth


# Q1: autoencoder ----------------------------------------------------------------------------

def autoencoder():
    name = "q01-autoencoder"
    width, height = 680, 326
    parts, url = _open(name, width, height, markers=(("loss", RED),))
    cell, top = 20, 70
    cy = top + 4 * cell

    def bar(x, cells, color):
        y = cy - cells * cell / 2
        out = [style.rect(x, y, 32, cells * cell, stroke=color, fill=color, radius=RADIUS)]
        for k in range(1, cells):
            out.append(f'<path d="M {fmt(x + 6)} {fmt(y + k * cell)} H {fmt(x + 26)}" '
                       f'{style.style(stroke=color, stroke_width=fmt(THIN), stroke_opacity=0.6)}/>')
        return out

    parts += bar(64, 8, BLUE)
    parts += bar(324, 3, PURPLE)
    parts += bar(584, 8, GREEN)
    half_in, half_code = 4 * cell, 1.5 * cell
    parts.append(_polygon([(108, cy - half_in), (312, cy - half_code), (312, cy + half_code), (108, cy + half_in)],
                          ORANGE, ORANGE))
    parts.append(_polygon([(368, cy - half_code), (572, cy - half_in), (572, cy + half_in), (368, cy + half_code)],
                          ORANGE, ORANGE))
    parts.append(style.text(210, cy + BASELINE, "z = encoder(x)", anchor="middle"))
    parts.append(style.text(470, cy + BASELINE, "x̂ = decoder(z)", anchor="middle"))

    for cx, head, sub in ((80, "Input", "x"), (210, "Encoder", "narrowing layers"),
                          (340, "Bottleneck", "code z"), (470, "Decoder", "widening layers"),
                          (600, "Reconstruction", "x̂, same size as x")):
        parts.append(style.text(cx, 28, head, anchor="middle", weight="bold"))
        parts.append(style.text(cx, 46, sub, size=SMALL, anchor="middle", color=MUTED))

    # The loss compares input and output element by element.
    bottom = cy + half_in
    loss_y, box_w = 286, 250
    parts.append(_polyline([(80, bottom + 6), (80, loss_y), (340 - box_w / 2 - 2, loss_y)], stroke=RED,
                           dash="5 4", marker_end=url["loss"]))
    parts.append(_polyline([(600, bottom + 6), (600, loss_y), (340 + box_w / 2 + 2, loss_y)], stroke=RED,
                           dash="5 4", marker_end=url["loss"]))
    parts += _box(340 - box_w / 2, loss_y - 26, box_w, 52, RED,
                  [_title("Reconstruction loss"), _plain("e.g. ‖x − x̂‖²")])
    return name, parts


# Q4: batch normalization ----------------------------------------------------------------------

def batch_norm():
    name = "q04-batch-norm"
    width, height = 680, 306
    parts, url = _open(name, width, height)

    # Where it sits.
    y, h = 14, 44
    cy = y + h / 2
    parts.append(_arrow(16, cy, 58, cy, url["arrow"]))
    parts += _box(62, y, 140, h, FG, [_plain("Linear / conv")], fill=False)
    parts.append(_arrow(206, cy, 266, cy, url["arrow"]))
    parts.append(style.text(236, cy - 8, "x", anchor="middle", italic=True))
    parts += _box(270, y, 140, h, PURPLE, [_title("Batch norm")])
    parts.append(_arrow(414, cy, 474, cy, url["arrow"]))
    parts.append(style.text(444, cy - 8, "y", anchor="middle", italic=True))
    parts += _box(478, y, 140, h, FG, [_plain("Activation")], fill=False)
    parts.append(_arrow(622, cy, 664, cy, url["arrow"]))

    # What happens inside: a zoomed panel.
    top, bottom = 92, height - 8
    parts.append(_polyline([(270, y + h), (16, top)], stroke=PURPLE, width=THIN, dash="4 4"))
    parts.append(_polyline([(410, y + h), (664, top)], stroke=PURPLE, width=THIN, dash="4 4"))
    parts.append(style.rect(16, top, 648, bottom - top, stroke=PURPLE, radius=10, width=THIN))
    parts.append(style.text(34, top + 24, "Inside batch norm, for each feature (or channel):", size=SMALL,
                            color=MUTED))

    row, rh = top + 42, 56
    mid = row + rh / 2
    parts.append(style.text(40, mid + BASELINE, "x", anchor="middle", italic=True))
    parts.append(_arrow(52, mid, 88, mid, url["arrow"]))
    parts += _box(92, row, 256, rh, PURPLE, [_title("Normalize"), _plain("x̂ = (x − μ) / √(σ² + ε)")])
    parts.append(_arrow(352, mid, 410, mid, url["arrow"]))
    parts += _box(414, row, 184, rh, PURPLE, [_title("Scale and shift"), _plain("y = γ · x̂ + β")])
    parts.append(_arrow(602, mid, 634, mid, url["arrow"]))
    parts.append(style.text(646, mid + BASELINE, "y", anchor="middle", italic=True))

    low, lh = row + rh + 30, 48
    parts += _box(104, low, 232, lh, BLUE, [_plain("Batch mean μ, variance σ²"),
                                              _small("at inference: running averages")])
    parts.append(_arrow(220, low - 2, 220, row + rh + 4, url["arrow"]))
    parts += _box(426, low, 160, lh, ORANGE, [_plain("γ and β"), _small("learned", ORANGE)])
    parts.append(_arrow(506, low - 2, 506, row + rh + 4, url["arrow"]))
    return name, parts


# Q8: a typical CNN --------------------------------------------------------------------------

def cnn():
    name = "q08-cnn"
    scale = 2.0                     # px per spatial unit

    def depth(channels):
        return 4 + 0.5 * channels   # drawn depth: grows with the channel count, not to scale

    # Rows from the top: operation labels, volumes centred on cy, shapes, brackets.
    cy = 22 + SMALL_LINE + 14 + 32 * scale / 2 - OBLIQUE[1] * depth(32)
    label_y = cy + 60
    by = label_y + 12
    width, height = 680, by + 32
    parts, url = _open(name, width, height)

    # (kind, spatial size or drawn length, channels, label, colour); then the operation after each.
    items = [("vol", 32, 3, "32×32×3", BLUE), ("vol", 32, 32, "32×32×32", BLUE),
             ("vol", 16, 32, "16×16×32", BLUE), ("vol", 16, 64, "16×16×64", BLUE),
             ("vol", 8, 64, "8×8×64", BLUE), ("vec", 80, 0, "4096", BLUE),
             ("vec", 48, 0, "128", BLUE), ("vec", 22, 0, "10", GREEN)]
    ops = [("conv 3×3", "+ ReLU"), ("max pool", "2×2"), ("conv 3×3", "+ ReLU"), ("max pool", "2×2"),
           ("flatten", ""), ("dense", "+ ReLU"), ("dense", "+ softmax")]
    widths = [_cuboid_width(size * scale, depth(channels)) if kind == "vol" else 12
              for kind, size, channels, _, _ in items]
    head_gap = 58                   # room for the labels of the last three operations
    left, right = 16, width - 16
    gap = (right - left - sum(widths) - 3 * head_gap) / 4
    gaps = [gap] * 4 + [head_gap] * 3

    spans = []
    x = left
    for i, ((kind, size, channels, label, color), w) in enumerate(zip(items, widths)):
        if kind == "vol":
            side = size * scale
            parts += _cuboid(x, cy - side / 2, side, side, depth(channels), color)
        else:
            parts.append(style.rect(x, cy - size / 2, w, size, stroke=color, fill=color, radius=3))
        spans.append((x, x + w))
        if i < len(ops):
            g = gaps[i]
            parts.append(_arrow(x + w + 6, cy, x + w + g - 6, cy, url["arrow"]))
            first, second = ops[i]
            parts.append(style.text(x + w + g / 2, 22, first, size=SMALL, anchor="middle"))
            if second:
                parts.append(style.text(x + w + g / 2, 22 + SMALL_LINE, second, size=SMALL, anchor="middle"))
            x += w + g
    for (x1, x2), item in zip(spans, items):
        parts.append(style.text((x1 + x2) / 2, label_y, item[3], size=SMALL, anchor="middle"))

    # Brackets: the feature extractor and the classifier head.
    def bracket(x1, x2, caption):
        return [_polyline([(x1, by), (x1, by + 6), (x2, by + 6), (x2, by)], stroke=MUTED, width=THIN),
                style.text((x1 + x2) / 2, by + 24, caption, size=SMALL, anchor="middle", color=MUTED)]

    parts += bracket(spans[0][0], spans[4][1], "feature extraction: spatial size shrinks, channels grow")
    parts += bracket(spans[5][0], spans[7][1], "classifier")
    return name, parts


# Q14: LSTM cell -----------------------------------------------------------------------------

def lstm_cell():
    name = "q14-lstm-cell"
    width, height = 680, 352
    parts, url = _open(name, width, height, markers=(("cell", PURPLE), ("hidden", BLUE), ("out", GREEN)))
    c_y, bus_y = 70, 262
    left, right = 84, 604
    parts.append(style.rect(left, 36, right - left, 264, stroke=MUTED, radius=12, width=THIN))

    fx, ix, gx, ox, tx = 180, 262, 340, 460, 540      # forget, input, candidate, output, tanh(c)
    r = 11
    gate_y, gate_h, gate_w = 184, 32, 50
    mul_in_y, mul_out_y = 136, 166

    # Cell state along the top: × forget, + input.
    parts.append(style.line(64, c_y, fx - r, c_y, color=PURPLE, width=EMPHASIS))
    parts.append(style.line(fx + r, c_y, gx - r, c_y, color=PURPLE, width=EMPHASIS))
    parts.append(style.line(gx + r, c_y, right + 20, c_y, color=PURPLE, width=EMPHASIS, marker_end=url["cell"]))
    parts.append(style.text(58, c_y + BASELINE, "c(t−1)", anchor="end"))
    parts.append(style.text(right + 30, c_y + BASELINE, "c(t)"))
    parts.append(style.text((fx + gx) / 2, c_y - 12, "cell state", size=SMALL, anchor="middle", color=PURPLE))

    # Inputs: h(t−1) from the left, x(t) from below, both feeding every gate.
    parts.append(style.line(64, bus_y, ox, bus_y, color=BLUE))
    parts.append(style.text(58, bus_y + BASELINE, "h(t−1)", anchor="end"))
    parts.append(style.line(120, height - 30, 120, bus_y + 3, color=BLUE, marker_end=url["hidden"]))
    parts.append(style.text(120, height - 12, "x(t)", anchor="middle"))
    for x in (fx, ix, gx, ox):
        parts.append(_arrow(x, bus_y, x, gate_y + gate_h + 3, url["hidden"], color=BLUE))
        parts.append(_circle(x, bus_y, 2.5, stroke=BLUE, fill=BLUE, fill_opacity=1))

    # Gates (learned layers).
    for x, fn, caption in ((fx, "σ", "forget gate"), (ix, "σ", "input gate"), (gx, "tanh", "candidate"),
                           (ox, "σ", "output gate")):
        parts += _box(x - gate_w / 2, gate_y, gate_w, gate_h, ORANGE, [_plain(fn)])
        parts.append(style.text(x, bus_y + 24, caption, size=SMALL, anchor="middle", color=MUTED))

    # Forget: f(t) × c(t−1).
    parts.append(_arrow(fx, gate_y, fx, c_y + r + 3, url["arrow"]))
    parts.append(style.text(fx + 8, 130, "f(t)", size=SMALL))
    parts += _op(fx, c_y, "×")
    # Input: i(t) × c̃(t), added to the cell state.
    parts.append(_polyline([(ix, gate_y), (ix, mul_in_y), (gx - r - 3, mul_in_y)], marker_end=url["arrow"]))
    parts.append(style.text(ix + 8, 164, "i(t)", size=SMALL))
    parts.append(_arrow(gx, gate_y, gx, mul_in_y + r + 3, url["arrow"]))
    parts.append(style.text(gx + 8, 168, "c̃(t)", size=SMALL))
    parts += _op(gx, mul_in_y, "×")
    parts.append(_arrow(gx, mul_in_y - r, gx, c_y + r + 3, url["arrow"]))
    parts += _op(gx, c_y, "+")
    # Output: h(t) = o(t) × tanh(c(t)).
    parts.append(_circle(tx, c_y, 2.5, stroke=PURPLE, fill=PURPLE, fill_opacity=1))
    parts.append(_arrow(tx, c_y, tx, 98, url["cell"], color=PURPLE))
    parts.append(style.rect(tx - 25, 101, 50, 26, stroke=FG, radius=13))
    parts.append(style.text(tx, 114 + BASELINE, "tanh", anchor="middle"))
    parts.append(_arrow(tx, 127, tx, mul_out_y - r - 3, url["arrow"]))
    parts.append(_polyline([(ox, gate_y), (ox, mul_out_y), (tx - r - 3, mul_out_y)], marker_end=url["arrow"]))
    parts.append(style.text(ox - 7, 178, "o(t)", size=SMALL, anchor="end"))
    parts += _op(tx, mul_out_y, "×")
    parts.append(_polyline([(tx, mul_out_y + r), (tx, bus_y), (right + 20, bus_y)], stroke=GREEN,
                           marker_end=url["out"]))
    parts.append(style.text(right + 30, bus_y + BASELINE, "h(t)"))
    return name, parts


# Q20: dropout -------------------------------------------------------------------------------

def dropout():
    name = "q20-dropout"
    width, height = 680, 292
    parts, _ = _open(name, width, height)
    sizes = (4, 5, 5, 2)
    dropped = {1: {1, 3}, 2: {0, 2, 4}}
    r, spacing, cy = 12, 38, 150

    def layer_pos(x0, layer):
        n = sizes[layer]
        return [(x0 + 46 + layer * 80, cy + (k - (n - 1) / 2) * spacing) for k in range(n)]

    for x0, training in ((0, True), (350, False)):
        pos = [layer_pos(x0, layer) for layer in range(len(sizes))]
        off = dropped if training else {}
        for layer in range(len(sizes) - 1):
            for a, (x1, y1) in enumerate(pos[layer]):
                for b, (x2, y2) in enumerate(pos[layer + 1]):
                    if a in off.get(layer, ()) or b in off.get(layer + 1, ()):
                        continue
                    ux, uy = x2 - x1, y2 - y1
                    n = math.hypot(ux, uy)
                    parts.append(style.line(x1 + ux / n * r, y1 + uy / n * r, x2 - ux / n * r, y2 - uy / n * r,
                                            color=MUTED, width=THIN))
        for layer, units in enumerate(pos):
            color = BLUE if layer < len(sizes) - 1 else GREEN
            for k, (x, y) in enumerate(units):
                if k in off.get(layer, ()):
                    parts.append(_circle(x, y, r, stroke=MUTED, dash="3 3"))
                    d = r * 0.55
                    cross = (f"M {fmt(x - d)} {fmt(y - d)} L {fmt(x + d)} {fmt(y + d)} "
                             f"M {fmt(x - d)} {fmt(y + d)} L {fmt(x + d)} {fmt(y - d)}")
                    parts.append(style.path(cross, stroke=RED, extra='stroke-linecap="round"'))
                else:
                    parts.append(_circle(x, y, r, stroke=color, fill=color))
                    if training and layer in dropped:
                        parts.append(style.text(x, y + SMALL_BASELINE, "×2", size=SMALL, anchor="middle"))
        cx = x0 + 166
        if training:
            parts.append(style.text(cx, 26, "Training: dropout with p = 0.5", anchor="middle", weight="bold"))
            notes = ("dropped units output 0; new mask each step",
                     "kept activations are scaled by 1/(1 − p) = 2")
        else:
            parts.append(style.text(cx, 26, "Inference: all units active", anchor="middle", weight="bold"))
            notes = ("dropout is switched off: every unit is used",
                     "values pass through unchanged, no rescaling")
        for k, note in enumerate(notes):
            parts.append(style.text(cx, height - 30 + k * SMALL_LINE, note, size=SMALL, anchor="middle",
                                    color=MUTED))
    parts.append(style.line(340, 14, 340, height - 14, color=MUTED, width=THIN, dash="4 4"))
    return name, parts


# Q22: depthwise separable convolution -------------------------------------------------------
# The four figures share one layout: the input volume on the left, the kernels above an arrow in
# the middle, the output volume on the right, all to one scale (except the depth of 256 channels).

UNIT = 7            # px per spatial unit: a 12×12 input is 84 px high
CHANNEL = 8         # drawn depth of one channel
WIDE = 96           # drawn depth of a 256-channel volume (not to scale)
SPREAD = 2.8        # exploded channels: distance between two slices, in channel depths
X_IN, X_OUT = 44, 523           # left edge of the input's and of the output's front face
ARROW = (196, 500)              # the arrow between them
Q22_WIDTH = 680


def _extent(size, channels, depth=None, exploded=False):
    """(width, height) of a volume's drawing; the height is measured up from its front face's bottom."""
    side = size * UNIT
    if exploded:
        step = SPREAD * CHANNEL * (channels - 1) + CHANNEL
        return side + OBLIQUE[0] * step, side - OBLIQUE[1] * step
    depth = depth if depth is not None else channels * CHANNEL
    return side + OBLIQUE[0] * depth, side - OBLIQUE[1] * depth


def _footprint(x, y, k, depth, color=ORANGE):
    """A window at a volume's top-left front corner (a kernel's reach, or the one value it gives):
    its front square and its top strip, the two faces in view."""
    dx, dy = OBLIQUE[0] * depth, OBLIQUE[1] * depth
    dash = "4 3" if k >= 3 * UNIT else None
    return [_polygon([(x, y), (x + k, y), (x + k, y + k), (x, y + k)], color, color, 0.35, dash=dash),
            _polygon([(x, y), (x + dx, y + dy), (x + k + dx, y + dy), (x + k, y)], color, color, 0.35, dash=dash)]


def _square(x, y, side, color):
    """One highlighted value on a front face."""
    return _polygon([(x, y), (x + side, y), (x + side, y + side), (x, y + side)], color, color, 0.6)


def _volume(x, bottom, size, channels, color, depth=None, exploded=False, footprint=None, dims=True,
            cell=False):
    """A size × size × channels volume whose front face stands on @bottom at @x. When @exploded,
    its channels are pulled apart along the depth and numbered. @footprint is a kernel size whose
    window is marked on the first channels; @cell marks the first value of the first channel."""
    side = size * UNIT
    y = bottom - side
    parts = []
    if exploded:
        step = SPREAD * CHANNEL
        for c in reversed(range(channels)):            # back to front
            ox, oy = x + c * step * OBLIQUE[0], y + c * step * OBLIQUE[1]
            parts += _cuboid(ox, oy, side, side, CHANNEL, color)
            parts.append(style.text(ox - 4, oy - 4, str(c + 1), size=SMALL, anchor="end", color=color))
        if footprint:
            parts += _footprint(x, y, footprint * UNIT, CHANNEL)
        if cell:
            parts.append(_square(x, y, UNIT, color))
    else:
        depth = depth if depth is not None else channels * CHANNEL
        parts += _cuboid(x, y, side, side, depth, color, slices=channels if channels <= 8 else 1)
        if footprint:
            parts += _footprint(x, y, footprint * UNIT, depth)
        if cell:
            parts.append(_square(x, y, UNIT, color))
        if dims:
            dx, dy = OBLIQUE[0] * depth, OBLIQUE[1] * depth
            parts.append(style.text(x + side + dx / 2 + 7, bottom + dy / 2 + 10, str(channels), size=SMALL))
    if dims:
        parts.append(style.text(x - 6, y + side / 2 + SMALL_BASELINE, str(size), size=SMALL, anchor="end"))
        parts.append(style.text(x + side / 2, bottom + 16, str(size), size=SMALL, anchor="middle"))
    return parts


def _q22_figure(name, source, kernel, result, caption):
    """@source and @result: (size, channels, colour, drawn depth or None, exploded, role);
    @kernel: (size, channels, labels of the kernels drawn, exploded)."""
    s_size, s_channels, s_color, s_depth, s_exploded, s_role = source
    r_size, r_channels, r_color, r_depth, r_exploded, r_role = result
    k_size, k_channels, k_labels, k_exploded = kernel

    # The kernels: side by side (with "…" before the last one when there are many), or one
    # exploded stack whose slices face the input's channels.
    gap, dots = 14, 26
    if k_exploded:
        k_w, k_h = _extent(k_size, k_channels * len(k_labels), exploded=True)
        k_total = k_w
    else:
        k_w, k_h = _extent(k_size, k_channels)
        count = len(k_labels)
        k_total = count * k_w + (count - 1) * gap + (dots if count > 1 else 0)
    label_room = 14 if (k_exploded or len(k_labels) > 1) else 0
    above = max(_extent(s_size, s_channels, s_depth, s_exploded)[1] + (14 if s_exploded else 0),
                _extent(r_size, r_channels, r_depth, r_exploded)[1] + (14 if r_exploded else 0),
                62 + k_h + label_room)
    bottom = math.ceil(14 + above)
    width, height = Q22_WIDTH, bottom + 64
    parts, url = _open(name, width, height)

    parts += _volume(X_IN, bottom, s_size, s_channels, s_color, s_depth, s_exploded, footprint=k_size)
    parts += _volume(X_OUT, bottom, r_size, r_channels, r_color, r_depth, r_exploded, cell=True)
    for x, size, channels, role in ((X_IN, s_size, s_channels, s_role), (X_OUT, r_size, r_channels, r_role)):
        cx = x + size * UNIT / 2
        parts.append(style.text(cx, bottom + 40, f"{size}×{size}×{channels}", anchor="middle", weight="bold"))
        parts.append(style.text(cx, bottom + 40 + SMALL_LINE, role, size=SMALL, anchor="middle", color=MUTED))

    a1, a2 = ARROW
    arrow_y = bottom - 38
    parts.append(_arrow(a1, arrow_y, a2, arrow_y, url["arrow"]))
    k_bottom = arrow_y - 24
    x = (a1 + a2) / 2 - k_total / 2
    if k_exploded:
        parts += _volume(x, k_bottom, k_size, len(k_labels), ORANGE, exploded=True, dims=False)
        parts.append(style.text(x - 6, k_bottom - k_size * UNIT / 2 + SMALL_BASELINE, str(k_size), size=SMALL,
                                anchor="end"))
        parts.append(style.text(x + k_size * UNIT / 2, k_bottom + 15, str(k_size), size=SMALL, anchor="middle"))
    else:
        for i, label in enumerate(k_labels):
            if len(k_labels) > 1 and i == len(k_labels) - 1:
                parts.append(style.text(x + dots / 2 - gap / 2, k_bottom - k_size * UNIT / 2 + BASELINE, "…",
                                        anchor="middle"))
                x += dots
            parts += _volume(x, k_bottom, k_size, k_channels, ORANGE, dims=(i == 0 and k_size > 1))
            if len(k_labels) > 1:
                parts.append(style.text(x + k_size * UNIT / 2, k_bottom - k_h - 6, label, size=SMALL,
                                        anchor="middle", color=ORANGE))
            x += k_w + gap
    first, second = caption
    parts.append(style.text((a1 + a2) / 2, arrow_y + 24, first, anchor="middle"))
    parts.append(style.text((a1 + a2) / 2, arrow_y + 24 + SMALL_LINE, second, size=SMALL, anchor="middle",
                            color=MUTED))
    return name, parts


def standard_conv():
    return _q22_figure("q22-standard-conv", (12, 3, BLUE, None, False, "input"),
                       (5, 3, ("1", "2", "256"), False),
                       (8, 256, GREEN, WIDE, False, "output"),
                       ("256 kernels of 5×5×3", "each spans all 3 channels and gives one 8×8 map"))


def depthwise():
    return _q22_figure("q22-depthwise", (12, 3, BLUE, None, True, "input"),
                       (5, 1, ("1", "2", "3"), True),
                       (8, 3, PURPLE, None, True, "one map per channel"),
                       ("3 kernels of 5×5×1", "each channel is filtered only by its own kernel"))


def pointwise_one():
    return _q22_figure("q22-pointwise-one", (8, 3, PURPLE, None, False, "depthwise output"),
                       (1, 3, ("1",), False),
                       (8, 1, GREEN, None, False, "one output map"),
                       ("one 1×1×3 kernel", "a weighted sum of the 3 channels at each position"))


def pointwise_all():
    return _q22_figure("q22-pointwise-all", (8, 3, PURPLE, None, False, "depthwise output"),
                       (1, 3, ("1", "2", "256"), False),
                       (8, 256, GREEN, WIDE, False, "output"),
                       ("256 kernels of 1×1×3", "each gives one 8×8 map, stacked into 8×8×256"))


FIGURES = (autoencoder, batch_norm, cnn, lstm_cell, dropout, standard_conv, depthwise, pointwise_one,
           pointwise_all)


def generate(out_dir):
    """Writes every diagram into @out_dir; returns the figure names."""
    names = []
    for figure in FIGURES:
        name, parts = figure()
        parts.append(style.svg_close())
        style.write(os.path.join(out_dir, name + ".svg"), parts)
        names.append(name)
    return names
