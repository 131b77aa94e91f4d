"""One visual language, checked on a drawn chart: no hatching over a colour that already tells
the category, and a key wherever colour carries meaning.

* :func:`redundant_hatches` finds fills hatched although their colour alone tells their category
  apart (a hatch is kept where two categories share one colour, and on grey or white);
* :func:`unexplained_colours` finds colours that carry meaning without a legend, a colour bar
  or labels in those colours (a documented proxy);
* :func:`style_problems` says both in sentences, and :func:`chart_problems` adds the text
  checks of :func:`analysis.charts.layout.layout_problems`: what the book's figure test
  (``tests/facts/test_figures.py``) holds every chart to.
"""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from .layout import COLUMN_PX, is_visible, layout_problems


def _is_neutral(colour: str) -> bool:
    """Black, white and the greys (no hue): colours that mark no category."""
    rgb = to_rgba(colour)[:3]
    return max(rgb) - min(rgb) < 0.05


def _rgb(colour) -> str | None:  # noqa: ANN001 - any matplotlib colour
    """A fill or line colour as ``#rrggbb``, or None when it is transparent."""
    if to_rgba(colour)[3] == 0:
        return None
    return to_hex(colour, keep_alpha=False)


#: The ``gid`` that marks the glyphs of a key a chart draws itself (a row of markers, each with
#: its name beside it) rather than through ``legend()``.
KEY_GID = "key"


def _key_glyphs(fig: Figure) -> list[Artist]:
    """The glyphs of a hand-drawn key: artists whose ``gid`` is :data:`KEY_GID`."""
    return [a for a in fig.findobj(lambda a: a.get_gid() == KEY_GID) if _shown(a)]


def _in_legends(fig: Figure) -> set[int]:
    """Ids of every artist inside a legend (its handles, texts and frame) or a hand-drawn key."""
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
    return ({id(a) for legend in legends if legend is not None for a in legend.findobj()}
            | {id(a) for a in _key_glyphs(fig)})


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
    """The colours a line draws: its stroke when it draws one (two points or more, a line
    style), its markers' face and edge when it has markers; gridlines and legends left out."""
    colours = []
    for line in fig.findobj(Line2D):
        if id(line) in skip or not _shown(line) or line.axes is None:
            continue
        if line in line.axes.get_xgridlines() or line in line.axes.get_ygridlines():
            continue
        drawn = []
        if len(line.get_xdata()) > 1 and line.get_linestyle() not in ("None", "none", ""):
            drawn.append(line.get_color())
        if len(line.get_xdata()) and line.get_marker() not in (None, "None", "none", ""):
            drawn += [line.get_markerfacecolor(), line.get_markeredgecolor()]
        colours += [_rgb(c) for c in drawn if not (isinstance(c, str) and c.lower() == "none")]
    return [c for c in colours if c is not None]


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
    labelled = {_rgb(text.get_color()) for text in fig.findobj(Text) if is_visible(text)}
    keyed = {_rgb(c) for glyph in _key_glyphs(fig)
             for c in (glyph.get_markerfacecolor(), glyph.get_markeredgecolor())
             if isinstance(glyph, Line2D)}
    return sorted(colours - labelled - keyed)


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
    """Every problem the book checks in a drawn chart:
    :func:`~analysis.charts.layout.layout_problems` (collisions, cut-off text, text too small)
    and :func:`style_problems` (hatching, keys)."""
    return layout_problems(fig, column_px) + style_problems(fig)


__all__ = [
    "chart_problems",
    "meaningful_colours",
    "redundant_hatches",
    "style_problems",
    "unexplained_colours",
]
