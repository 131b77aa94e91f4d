"""The source line under a chart, readable in the book's column: :func:`source_line` writes it
with :func:`analysis.charts.style.add_source`, wraps it to the figure's width and keeps it at
least :data:`SOURCE_PT` points, so that it stays 11 px or more on screen (the layout check,
:mod:`analysis.charts.layout`)."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

from .style import add_source

#: The smallest type of a source line (points): 11 px at 96 px per inch is 8.25 pt.
SOURCE_PT = 8.5
#: Characters of source text per inch of figure width at :data:`SOURCE_PT`.
CHARS_PER_INCH = 15.5


def source_line(fig: Figure, text: str) -> None:
    """Write ``Source: text`` under ``fig`` (left-aligned, grey), wrapped to the figure's width
    and at least :data:`SOURCE_PT` points."""
    width = max(40, int(fig.get_figwidth() * CHARS_PER_INCH) - 8)
    add_source(fig, text)
    line = fig.texts[-1]
    wrapped = textwrap.fill(line.get_text(), width=width)
    line.set_text(wrapped)
    line.set_fontsize(max(float(line.get_fontsize()), SOURCE_PT))


__all__ = ["SOURCE_PT", "source_line"]
