"""Layout checks on a chapter's figures as the facts tests draw them (imported by the tests)."""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.backends.backend_agg import FigureCanvasAgg

from analysis.charts import Chart
from analysis.charts.layout import layout_problems


def figure_problems(charts: Mapping[str, Chart]) -> dict[str, list[str]]:
    """Each figure's layout problems (:func:`analysis.charts.layout.layout_problems`), by name,
    only for the figures that have any. A figure the session's fixture closed is given a fresh
    canvas first, so it can be drawn again."""
    found = {}
    for name, chart in charts.items():
        FigureCanvasAgg(chart.figure)
        problems = layout_problems(chart.figure)
        if problems:
            found[name] = problems
    return found
