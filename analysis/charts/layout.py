"""Layout checks for a drawn chart: text that collides, text cut off, text too small to read.

A chart is checked as the reader sees it: the figure is drawn, every visible piece of text
(titles, labels, tick labels, legend entries, annotations) is measured in display pixels, and

* two texts *collide* when their boxes overlap by more than :data:`OVERLAP_PX` in both
  directions (touching boxes, or a descender over the next line's ascender, are not a collision);
* a text is *cut off* when it is clipped (``clip_on``) and its box leaves its clip box;
* a text's *displayed size* is its font size as the page shows it: the figure is saved with a
  tight bounding box and shown at its natural width (SVG: 96 CSS px per inch), shrunk to fit a
  column of ``column_px`` when wider. :func:`smallest_text_px` gives the smallest.

:func:`layout_problems` puts the three together; the book's tests run it on every chart.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """One visible text of a figure: its string, box in display pixels and font size (pt)."""

    text: str
    box: Bbox
    size_pt: float
    artist: Text


def _renderer(fig: Figure):  # noqa: ANN202 - a backend renderer
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _visible(artist: Text) -> bool:
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


def text_boxes(fig: Figure) -> list[TextBox]:
    """Every visible, non-empty text of ``fig`` with its display box (the figure is drawn);
    tick labels outside the axis's view, which are not drawn, are left out."""
    renderer = _renderer(fig)
    seen: set[int] = _undrawn_tick_labels(fig)
    boxes = []
    for artist in fig.findobj(Text):
        if id(artist) in seen or not _visible(artist):
            continue
        seen.add(id(artist))
        box = artist.get_window_extent(renderer)
        if box.width <= 0 or box.height <= 0:
            continue
        boxes.append(TextBox(artist.get_text(), box, float(artist.get_fontsize()), artist))
    return boxes


def _overlap(a: Bbox, b: Bbox) -> tuple[float, float]:
    return (min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0))


def collisions(fig: Figure, overlap_px: float = OVERLAP_PX) -> list[tuple[str, str]]:
    """Pairs of texts of ``fig`` whose boxes overlap by more than ``overlap_px`` both ways."""
    boxes = text_boxes(fig)
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            dx, dy = _overlap(a.box, b.box)
            if dx > overlap_px and dy > overlap_px:
                found.append((a.text, b.text))
    return found


def cut_off(fig: Figure, slack_px: float = OVERLAP_PX) -> list[str]:
    """Texts of ``fig`` that are clipped and reach more than ``slack_px`` outside their clip
    box (the axes they belong to), so part of them is not drawn."""
    found = []
    for item in text_boxes(fig):
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


def displayed_scale(fig: Figure, column_px: float = COLUMN_PX) -> float:
    """How much the page shrinks ``fig``: 1 when its tight width fits ``column_px``, else the
    ratio of the column to that width (the figure is shown at the column's width)."""
    renderer = _renderer(fig)
    width_px = fig.get_tightbbox(renderer).width * CSS_PX_PER_INCH
    return min(1.0, column_px / width_px) if width_px > 0 else 1.0


def smallest_text_px(fig: Figure, column_px: float = COLUMN_PX) -> tuple[float, str]:
    """The smallest text of ``fig`` as displayed in a column of ``column_px``: ``(px, text)``.
    Font sizes are points (1/72 inch); the page shows an inch as :data:`CSS_PX_PER_INCH` px."""
    scale = displayed_scale(fig, column_px)
    boxes = text_boxes(fig)
    if not boxes:
        return (float("inf"), "")
    small = min(boxes, key=lambda b: b.size_pt)
    return (small.size_pt * CSS_PX_PER_INCH / 72 * scale, small.text)


def layout_problems(
    fig: Figure, column_px: float = COLUMN_PX, min_text_px: float = MIN_TEXT_PX
) -> list[str]:
    """Everything wrong with ``fig``'s text, one sentence each; empty when it reads cleanly."""
    problems = [f"text {a!r} collides with {b!r}" for a, b in collisions(fig)]
    problems += [f"text {t!r} is cut off by its axes" for t in cut_off(fig)]
    px, text = smallest_text_px(fig, column_px)
    if px < min_text_px:
        problems.append(f"text {text!r} is {px:.1f} px on screen (at least {min_text_px:g})")
    return problems


__all__ = [
    "COLUMN_PX",
    "CSS_PX_PER_INCH",
    "MIN_TEXT_PX",
    "OVERLAP_PX",
    "TextBox",
    "collisions",
    "cut_off",
    "displayed_scale",
    "layout_problems",
    "smallest_text_px",
    "text_boxes",
]
