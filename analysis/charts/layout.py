"""Layout checks for a drawn chart: text that collides, text cut off, text too small to read.

A chart is checked as the reader sees it: the figure is drawn, every visible piece of text
(titles, labels, tick labels, legend entries, annotations) is measured in display pixels, and

* two texts *collide* when their boxes overlap by more than :data:`OVERLAP_PX` in both
  directions (touching boxes, or a descender over the next line's ascender, are not a collision);
* a text is *cut off* when it is clipped (``clip_on``) and its box leaves its clip box;
* a text's *displayed size* is its font size as the page shows it: the figure is saved with a
  tight bounding box and shown at its natural width (SVG: 96 CSS px per inch), shrunk to fit a
  column of ``column_px`` when wider; a superscript or subscript of mathtext (the exponent of
  ``10^3`` on a log axis) is drawn at :data:`SCRIPT_SHRINK` of its text's size.
  :func:`smallest_text_px` gives the smallest.

:func:`layout_problems` puts the three together; the book's tests run it on every chart, with
the checks of the one visual language (:mod:`analysis.charts.language`: hatching, keys).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

#: Overlap (display pixels, in both directions) above which two texts collide.
OVERLAP_PX = 1.5

#: CSS pixels per inch: how a browser sizes an SVG whose width is given in points.
CSS_PX_PER_INCH = 96

#: Width of the book's text column on a desktop (px), where figures are shown.
COLUMN_PX = 736

#: The smallest chart text (CSS px, as displayed in the column) the book accepts.
MIN_TEXT_PX = 11.0


@dataclass(frozen=True)
class TextBox:
    """One visible text of a figure: its string, box in display pixels and the size (pt) of its
    smallest glyphs (a superscript's, in a text that has one)."""

    text: str
    box: Bbox
    size_pt: float
    artist: Text


def _renderer(fig: Figure):  # noqa: ANN202 - a backend renderer
    """The figure's renderer once its layout is done as drawing does it, without painting any
    pixel: the text boxes are the same as after a full draw (tests/test_layout.py), at about
    half the cost."""
    if not hasattr(fig.canvas, "get_renderer"):
        # A figure closed by pyplot keeps a bare canvas that cannot draw: give it Agg's.
        FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def is_visible(artist: Text) -> bool:
    """Whether ``artist`` is drawn: it, and its axes if any, are visible, and it holds text."""
    node = artist
    while node is not None:
        if not node.get_visible():
            return False
        node = getattr(node, "axes", None) if node is artist else None
    return bool(artist.get_text().strip())


def _undrawn_tick_labels(fig: Figure) -> set[int]:
    """Ids of the tick labels matplotlib keeps but does not draw: those of ticks outside their
    axis's view interval."""
    hidden: set[int] = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            slack = (high - low) * 1e-9
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                if not low - slack <= tick.get_loc() <= high + slack:
                    hidden.update((id(tick.label1), id(tick.label2)))
    return hidden


def _boxes(fig: Figure, renderer) -> list[TextBox]:  # noqa: ANN001 - a backend renderer
    seen: set[int] = _undrawn_tick_labels(fig)
    boxes = []
    for artist in fig.findobj(Text):
        if id(artist) in seen or not is_visible(artist):
            continue
        seen.add(id(artist))
        box = artist.get_window_extent(renderer)
        if box.width <= 0 or box.height <= 0:
            continue
        boxes.append(TextBox(artist.get_text(), box, _drawn_size(artist), artist))
    return boxes


#: How much matplotlib's mathtext shrinks a superscript or subscript (``10^{3}`` on a log axis).
SCRIPT_SHRINK = 0.7
_SCRIPT = re.compile(r"\$[^$]*[\^_][^$]*\$")


def _drawn_size(artist: Text) -> float:
    """The size (pt) of the smallest glyphs ``artist`` draws: its font size, shrunk as
    mathtext shrinks a superscript or subscript when the text has one."""
    size = float(artist.get_fontsize())
    text = artist.get_text()
    if not artist.get_usetex() and _SCRIPT.search(text.replace("\\$", "")):
        return size * SCRIPT_SHRINK
    return size


def text_boxes(fig: Figure) -> list[TextBox]:
    """Every visible, non-empty text of ``fig`` with its display box (the figure is drawn);
    tick labels outside the axis's view, which are not drawn, are left out."""
    return _boxes(fig, _renderer(fig))


def _overlap(a: Bbox, b: Bbox) -> tuple[float, float]:
    return (min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0))


def _collisions(boxes: list[TextBox], overlap_px: float) -> list[tuple[str, str]]:
    # Sorted by left edge, a box is compared only with those that start before it ends.
    ordered = sorted(boxes, key=lambda b: b.box.x0)
    found = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.box.x0 >= a.box.x1 - overlap_px:
                break
            dx, dy = _overlap(a.box, b.box)
            if dx > overlap_px and dy > overlap_px:
                found.append((a.text, b.text))
    return found


def collisions(fig: Figure, overlap_px: float = OVERLAP_PX) -> list[tuple[str, str]]:
    """Pairs of texts of ``fig`` whose boxes overlap by more than ``overlap_px`` both ways."""
    return _collisions(text_boxes(fig), overlap_px)


def _cut_off(boxes: list[TextBox], slack_px: float) -> list[str]:
    found = []
    for item in boxes:
        artist = item.artist
        if not artist.get_clip_on():
            continue
        clip = artist.get_clip_box()
        if clip is None:
            continue
        box = item.box
        if (box.x0 < clip.x0 - slack_px or box.x1 > clip.x1 + slack_px
                or box.y0 < clip.y0 - slack_px or box.y1 > clip.y1 + slack_px):
            found.append(item.text)
    return found


def cut_off(fig: Figure, slack_px: float = OVERLAP_PX) -> list[str]:
    """Texts of ``fig`` that are clipped and reach more than ``slack_px`` outside their clip
    box (the axes they belong to), so part of them is not drawn."""
    return _cut_off(text_boxes(fig), slack_px)


def _scale(fig: Figure, renderer, column_px: float) -> float:  # noqa: ANN001
    width_px = fig.get_tightbbox(renderer).width * CSS_PX_PER_INCH
    return min(1.0, column_px / width_px) if width_px > 0 else 1.0


def displayed_scale(fig: Figure, column_px: float = COLUMN_PX) -> float:
    """How much the page shrinks ``fig``: 1 when its tight width fits ``column_px``, else the
    ratio of the column to that width (the figure is shown at the column's width)."""
    return _scale(fig, _renderer(fig), column_px)


def _smallest(boxes: list[TextBox], scale: float) -> tuple[float, str]:
    if not boxes:
        return (float("inf"), "")
    small = min(boxes, key=lambda b: b.size_pt)
    return (small.size_pt * CSS_PX_PER_INCH / 72 * scale, small.text)


def smallest_text_px(fig: Figure, column_px: float = COLUMN_PX) -> tuple[float, str]:
    """The smallest text of ``fig`` as displayed in a column of ``column_px``: ``(px, text)``.
    Font sizes are points (1/72 inch); the page shows an inch as :data:`CSS_PX_PER_INCH` px."""
    renderer = _renderer(fig)
    return _smallest(_boxes(fig, renderer), _scale(fig, renderer, column_px))


def layout_problems(
    fig: Figure, column_px: float = COLUMN_PX, min_text_px: float = MIN_TEXT_PX
) -> list[str]:
    """Everything wrong with ``fig``'s text, one sentence each; empty when it reads cleanly.
    The figure is drawn once and every check reads that drawing."""
    renderer = _renderer(fig)
    boxes = _boxes(fig, renderer)
    problems = [f"text {a!r} collides with {b!r}" for a, b in _collisions(boxes, OVERLAP_PX)]
    problems += [f"text {t!r} is cut off by its axes" for t in _cut_off(boxes, OVERLAP_PX)]
    px, text = _smallest(boxes, _scale(fig, renderer, column_px))
    if px < min_text_px:
        problems.append(f"text {text!r} is {px:.1f} px on screen (at least {min_text_px:g})")
    return problems


__all__ = [
    "COLUMN_PX",
    "CSS_PX_PER_INCH",
    "MIN_TEXT_PX",
    "OVERLAP_PX",
    "SCRIPT_SHRINK",
    "TextBox",
    "collisions",
    "cut_off",
    "displayed_scale",
    "is_visible",
    "layout_problems",
    "smallest_text_px",
    "text_boxes",
]
