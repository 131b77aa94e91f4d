"""Every figure of the book, drawn from the real data as its chapter draws it, reads cleanly:
no text collides with another or is cut off by its axes, no text is under 11 px in the 736 px
column, no hatch lies over a colour that already tells the category, and every colour that
carries meaning has a key (:func:`analysis.charts.language.chart_problems`).

There is no list of exceptions: the last figures that did not pass (the NATO comparison's
growth, clauses and concentration charts) were redrawn to pass, and a figure that does not pass
fails the test.
"""

from __future__ import annotations

import importlib
import re

import pytest

from analysis.charts.language import chart_problems
from analysis.data.paths import ROOT

BOOK = ROOT / "book"

_FIGURE = re.compile(r"^```\{glue:figure\} (\S+)", re.M)


def placed_figures() -> dict[str, str]:
    """Every figure the book places (``{glue:figure} name`` in ``book/<chapter>.md``) ->
    its chapter."""
    found: dict[str, str] = {}
    for page in sorted(BOOK.glob("*.md")):
        for name in _FIGURE.findall(page.read_text(encoding="utf-8")):
            found[name] = page.stem
    return found


FIGURES = placed_figures()


def test_the_book_places_figures():
    assert len(FIGURES) >= 30


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_figure_reads_cleanly(name, figures_of):
    module = importlib.import_module(f"analysis.publish.facts.{FIGURES[name]}")
    problems = chart_problems(figures_of(module)[name].figure)
    assert problems == [], f"{name}:\n" + "\n".join(problems)
