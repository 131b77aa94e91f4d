"""Every chapter is thin over its facts module: the facts glue exactly the names its prose quotes,
the figures exactly the figures it places, and its cells hold no logic."""

from __future__ import annotations

import importlib
import re
import statistics

import pytest

from analysis.charts import Chart
from analysis.data.paths import ROOT

BOOK = ROOT / "book"
FACTS = ROOT / "analysis" / "publish" / "facts"
#: Modules of the facts package that are not a chapter's.
SHARED = {"__init__", "checks", "claims", "comparison"}
#: A chapter's facts are a module, or a package of one module per section.
CHAPTERS = sorted([p.stem for p in FACTS.glob("*.py") if p.stem not in SHARED]
                  + [p.parent.name for p in FACTS.glob("*/__init__.py")])
#: Glued by book.setup() on every page.
SETUP_GLUE = {"data_cutoff"}

_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.S | re.M)


def _prose(chapter: str) -> str:
    return (BOOK / f"{chapter}.md").read_text(encoding="utf-8")


def _cells(text: str) -> list[str]:
    return _CELL.findall(text)


def _code_lines(cell: str) -> int:
    """Non-blank lines that are not a comment or a cell option, as the review counts them."""
    return sum(1 for line in cell.splitlines()
               if line.strip() and not line.strip().startswith(("#", ":tags:")))


def test_every_chapter_with_code_has_a_facts_module():
    with_code = sorted(p.stem for p in BOOK.glob("*.md") if _cells(p.read_text(encoding="utf-8")))
    assert [c for c in with_code if c not in CHAPTERS] == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_facts_glue_exactly_what_the_prose_quotes(chapter, facts_of):
    module = importlib.import_module(f"analysis.publish.facts.{chapter}")
    quoted = set(re.findall(r"\{glue:text\}`([^`]+)`", _prose(chapter))) - SETUP_GLUE
    values = facts_of(module)
    assert sorted(set(values) ^ quoted) == []
    assert all(isinstance(v, (str, int)) for v in values.values())


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_figures_are_exactly_those_the_chapter_places(chapter, figures_of):
    module = importlib.import_module(f"analysis.publish.facts.{chapter}")
    placed = set(re.findall(r"^```\{glue:figure\} (\S+)", _prose(chapter), re.M))
    if not hasattr(module, "figures"):
        assert placed == set()
        return
    charts = figures_of(module)
    assert set(charts) == placed
    for name, chart in charts.items():
        assert isinstance(chart, Chart), name
        assert len(chart.data) > 0, f"{name} draws no data"
        assert chart.figure.axes, f"{name} has no axes"


def _all_cells() -> dict[str, list[str]]:
    return {p.stem: _cells(p.read_text(encoding="utf-8")) for p in sorted(BOOK.glob("*.md"))}


def test_no_function_is_defined_in_a_chapter():
    defined = {name: [c for c in cells if re.search(r"^\s*(def|class|lambda)\b", c, re.M)]
               for name, cells in _all_cells().items()}
    assert {name: len(cells) for name, cells in defined.items() if cells} == {}


def test_no_sentence_is_guarded_in_a_chapter():
    """Guards live in the facts modules, where the fast tests run them."""
    guarded = {name: sum(len(re.findall(r"^\s*assert\b", c, re.M)) for c in cells)
               for name, cells in _all_cells().items()}
    assert {name: n for name, n in guarded.items() if n} == {}


def test_chapter_cells_are_short():
    lengths = [_code_lines(c) for cells in _all_cells().values() for c in cells]
    assert max(lengths) <= 30
    assert statistics.median(lengths) <= 6
