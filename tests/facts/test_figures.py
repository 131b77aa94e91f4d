"""Every figure of the book, drawn from the real data as its chapter draws it, reads cleanly:
no text collides with another or is cut off by its axes, no text is under 11 px in the 736 px
column, no hatch lies over a colour that already tells the category, and every colour that
carries meaning has a key (:func:`analysis.charts.language.chart_problems`).

Figures that do not pass yet are listed, with what is wrong, in :data:`KNOWN_BROKEN`, the one
list of them. The list can only shrink: a listed figure that passes fails the test until it is
taken off the list, and a figure that is not listed must pass.
"""

from __future__ import annotations

import importlib
import re

import pytest

from analysis.charts.language import chart_problems
from analysis.data.paths import ROOT

BOOK = ROOT / "book"

#: Figures that do not read cleanly yet, and why (as found on 5 December 2026, on main after
#: the reference chapters', divisions' and votes' redesigns): the charts' owners are redrawing
#: them. Take a figure off the list when it passes; never add one.
KNOWN_BROKEN: dict[str, str] = {
    "fig-cn-clauses": "text 9.1 px",
    "fig-cn-concentration": "text 9.1 px; colours without a key",
    "fig-cn-growth": "2 text collisions ('2012: Uzbekistan leaves' / '2024: Armenia "
                     "freezes'); text 9.1 px",
}

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


def test_the_book_places_figures_and_the_list_names_only_them():
    assert len(FIGURES) >= 30
    assert sorted(set(KNOWN_BROKEN) - set(FIGURES)) == []


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_figure_reads_cleanly(name, figures_of):
    module = importlib.import_module(f"analysis.publish.facts.{FIGURES[name]}")
    problems = chart_problems(figures_of(module)[name].figure)
    if name in KNOWN_BROKEN:
        assert problems, (f"{name} now reads cleanly: take it off KNOWN_BROKEN in "
                          f"{__name__.replace('.', '/')}.py")
    else:
        assert problems == [], f"{name}:\n" + "\n".join(problems)
