# style.py: the shared look of Backprop's figures, and small helpers to write their SVG
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every figure is inline SVG in an answer page, so it is coloured by the page's CSS
variables (light and dark), never by a fixed black or white. See README.md here."""

from xml.sax.saxutils import escape, quoteattr

# Colours: the page defines each variable in its light and dark palette (resources/page/page.css).
FG = "var(--figure-fg)"          # text, axes, outlines
MUTED = "var(--figure-muted)"    # grid lines, secondary strokes, guides
BLUE = "var(--figure-blue)"
GREEN = "var(--figure-green)"
ORANGE = "var(--figure-orange)"
PURPLE = "var(--figure-purple)"
RED = "var(--figure-red)"
# Pale fills for boxes and regions: a colour at low opacity reads on both backgrounds.
FILL_OPACITY = 0.14

FONT_SIZE = 14          # body text in figures, in viewBox units (= CSS px at 100 %)
SMALL_FONT_SIZE = 12    # tick labels, annotations
STROKE = 1.5            # default line width
MAX_WIDTH = 680         # viewBox width: the page column is about 620-680 px wide


def fmt(value):
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def style(**properties):
    """style="a: b; c: d" from keyword arguments (underscores become dashes)."""
    body = "; ".join(f"{key.replace('_', '-')}: {value}" for key, value in properties.items())
    return f"style={quoteattr(body)}"


def attrs(**attributes):
    """XML attributes from keyword arguments (underscores become dashes, a trailing one is dropped)."""
    parts = []
    for key, value in attributes.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f"{name}={quoteattr(str(value))}")
    return " ".join(parts)


def svg_open(name, width, height):
    """The root element. @name is the file's base name; ids inside must start with it."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {fmt(width)} {fmt(height)}" '
            f'width="{fmt(width)}" height="{fmt(height)}" class="bp-figure" data-figure="{name}" '
            f'{style(font_family="inherit", font_size=f"{FONT_SIZE}px", color=FG)}>')


def svg_close():
    return "</svg>"


def text(x, y, content, size=None, anchor="start", color=FG, weight=None, italic=False, baseline=None):
    props = {"fill": color}
    if size:
        props["font_size"] = f"{size}px"
    if weight:
        props["font_weight"] = weight
    if italic:
        props["font_style"] = "italic"
    return (f'<text {attrs(x=fmt(x), y=fmt(y), text_anchor=anchor, dominant_baseline=baseline)} '
            f'{style(**props)}>{escape(content)}</text>')


def line(x1, y1, x2, y2, color=FG, width=STROKE, dash=None, marker_end=None):
    props = {"stroke": color, "stroke_width": fmt(width)}
    if dash:
        props["stroke_dasharray"] = dash
    return (f'<line {attrs(x1=fmt(x1), y1=fmt(y1), x2=fmt(x2), y2=fmt(y2), marker_end=marker_end)} '
            f'{style(**props)}/>')


def rect(x, y, w, h, stroke=FG, fill=None, fill_opacity=FILL_OPACITY, radius=6, width=STROKE):
    props = {"stroke": stroke, "stroke_width": fmt(width),
             "fill": fill if fill else "none"}
    if fill:
        props["fill_opacity"] = fill_opacity
    return f'<rect {attrs(x=fmt(x), y=fmt(y), width=fmt(w), height=fmt(h), rx=fmt(radius))} {style(**props)}/>'


def path(d, stroke=FG, width=STROKE, fill="none", fill_opacity=None, dash=None, extra=""):
    props = {"stroke": stroke, "stroke_width": fmt(width), "fill": fill}
    if fill_opacity is not None:
        props["fill_opacity"] = fill_opacity
    if dash:
        props["stroke_dasharray"] = dash
    return f'<path d="{d}" {style(**props)}{(" " + extra) if extra else ""}/>'


def arrow_marker(figure_name, color=FG, suffix="arrow"):
    """A <marker> whose id is '<figure_name>-<suffix>'; use marker_end=f'url(#{id})'."""
    marker_id = f"{figure_name}-{suffix}"
    return (f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" {style(fill=color)}/></marker></defs>'), marker_id


def write(path_name, parts):
    """Writes the figure's SVG, one element per line, with a trailing newline."""
    with open(path_name, "w", encoding="utf-8") as out:
        out.write("\n".join(parts) + "\n")
