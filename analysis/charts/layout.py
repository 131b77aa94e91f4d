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

:func:`layout_problems` puts the three together; the book's tests run it on every chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
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
    if not hasattr(fig.canvas, "get_renderer"):
        # A figure closed by pyplot keeps a bare canvas that cannot draw: give it Agg's.
        FigureCanvasAgg(fig)
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


def _boxes(fig: Figure, renderer) -> list[TextBox]:  # noqa: ANN001 - a backend renderer
    seen: set[int] = _undrawn_tick_labels(fig)
    boxes = []
    for artist in fig.findobj(Text):
        if id(artist) in seen or not _visible(artist):
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


# --- one visual language: hatching and keys ---------------------------------------------------

def _is_neutral(colour: str) -> bool:
    """Black, white and the greys (no hue): colours that mark no category."""
    rgb = to_rgba(colour)[:3]
    return max(rgb) - min(rgb) < 0.05


def _rgb(colour) -> str | None:  # noqa: ANN001 - any matplotlib colour
    """A fill or line colour as ``#rrggbb``, or None when it is transparent."""
    if to_rgba(colour)[3] == 0:
        return None
    return to_hex(colour, keep_alpha=False)


def _in_legends(fig: Figure) -> set[int]:
    """Ids of every artist inside a legend (its handles, texts and frame)."""
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
    return {id(a) for legend in legends if legend is not None for a in legend.findobj()}


def _shown(artist: Artist) -> bool:
    axes = getattr(artist, "axes", None)
    return artist.get_visible() and (axes is None or axes.get_visible())


def _filled_marks(fig: Figure, skip: set[int]) -> list[tuple[Artist, str, str]]:
    """(artist, fill colour, hatch) of every visible filled patch and of every member of a
    patch collection, legends left out (see :func:`hatch_problems`)."""
    backgrounds = {id(fig.patch), *(id(ax.patch) for ax in fig.axes)}
    marks = []
    for patch in fig.findobj(Patch):
        if id(patch) in skip or id(patch) in backgrounds or not _shown(patch):
            continue
        if not patch.get_fill():
            continue
        rgb = _rgb(patch.get_facecolor())
        if rgb is not None:
            marks.append((patch, rgb, patch.get_hatch() or ""))
    for collection in fig.findobj(Collection):
        if id(collection) in skip or not _shown(collection):
            continue
        hatch = collection.get_hatch() or ""
        for face in collection.get_facecolor():
            rgb = _rgb(face)
            if rgb is not None:
                marks.append((collection, rgb, hatch))
    return marks


def redundant_hatches(fig: Figure) -> list[str]:
    """Colours (hex) of the fills of ``fig`` that carry a hatch although the colour alone tells
    their category apart: a hatched fill in a colour of the house palette (not black, white or
    a grey) whose every other fill in that colour carries the same hatch. A hatch that tells
    apart two categories drawn in one colour (partner and suspended partner, both green) is
    kept; so is a hatch on a grey or white fill (a cell with no vote on record)."""
    marks = _filled_marks(fig, _in_legends(fig))
    hatches: dict[str, set[str]] = {}
    for _, colour, hatch in marks:
        hatches.setdefault(colour, set()).add(hatch)
    return sorted(colour for colour, found in hatches.items()
                  if not _is_neutral(colour) and len(found) == 1 and "" not in found)


def _line_colours(fig: Figure, skip: set[int]) -> list[str]:
    colours = []
    for line in fig.findobj(Line2D):
        if id(line) in skip or not _shown(line) or line.axes is None:
            continue
        if not len(line.get_xdata()) or line.get_linestyle() in ("None", "none", ""):
            if line.get_marker() in (None, "None", "none", ""):
                continue
        if line in line.axes.get_xgridlines() or line in line.axes.get_ygridlines():
            continue
        for colour in (line.get_color(), line.get_markerfacecolor()):
            rgb = _rgb(colour) if colour not in ("none", "None") else None
            if rgb is not None:
                colours.append(rgb)
    return colours


def _has_colorbar(fig: Figure) -> bool:
    return any(hasattr(ax, "_colorbar") for ax in fig.axes)


def meaningful_colours(fig: Figure) -> set[str]:
    """The colours (hex) that carry meaning in ``fig``: those of its data marks (filled
    patches, collections, lines and markers; legends and gridlines left out) that are neither
    black, white nor a grey."""
    skip = _in_legends(fig)
    found = {rgb for _, rgb, _ in _filled_marks(fig, skip)} | set(_line_colours(fig, skip))
    for collection in fig.findobj(Collection):
        if id(collection) not in skip and _shown(collection):
            found |= {rgb for c in collection.get_edgecolor() if (rgb := _rgb(c))}
    return {colour for colour in found if not _is_neutral(colour)}


def unexplained_colours(fig: Figure) -> list[str]:
    """Colours of ``fig`` that carry meaning without a key: empty when the figure draws fewer
    than two colours (one colour is a colour, not a code), has a legend with entries or a
    colour bar, or names every colour with a direct label (a text drawn in that colour).

    This is a proxy, not proof: it cannot tell a colour that repeats an axis label (CSTO and
    NATO bars labelled on their axis) from one that needs a key, so such a chart still shows a
    small legend or colours its labels; and it cannot read whether the legend names the right
    colours."""
    colours = meaningful_colours(fig)
    if len(colours) < 2:
        return []
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
    if any(legend is not None and legend.get_visible() and legend.get_texts()
           for legend in legends) or _has_colorbar(fig):
        return []
    labelled = {_rgb(text.get_color()) for text in fig.findobj(Text) if _visible(text)}
    return sorted(colours - labelled)


def style_problems(fig: Figure) -> list[str]:
    """What breaks the book's one visual language in ``fig``, one sentence each: hatching on a
    colour that already tells the category (:func:`redundant_hatches`), colours that carry
    meaning without a key (:func:`unexplained_colours`)."""
    problems = [f"fills in {c} are hatched, but their colour already tells their category"
                for c in redundant_hatches(fig)]
    missing = unexplained_colours(fig)
    if missing:
        problems.append(f"colours {', '.join(missing)} carry meaning but have no key (a legend "
                        "or labels in those colours)")
    return problems


def chart_problems(fig: Figure, column_px: float = COLUMN_PX) -> list[str]:
    """Every problem the book checks in a drawn chart: :func:`layout_problems` (collisions,
    cut-off text, text too small) and :func:`style_problems` (hatching, keys)."""
    return layout_problems(fig, column_px) + style_problems(fig)


__all__ = [
    "COLUMN_PX",
    "CSS_PX_PER_INCH",
    "MIN_TEXT_PX",
    "OVERLAP_PX",
    "SCRIPT_SHRINK",
    "TextBox",
    "chart_problems",
    "collisions",
    "cut_off",
    "displayed_scale",
    "layout_problems",
    "meaningful_colours",
    "redundant_hatches",
    "smallest_text_px",
    "style_problems",
    "text_boxes",
    "unexplained_colours",
]
