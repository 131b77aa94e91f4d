"""The roll-call charts: the agreement strip and our count against BSV's."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.charts import (
    agreement_strip,
    bsv_difference_chart,
)
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


def test_strip_shows_a_missing_cell_as_missing_not_zero():
    series = pd.DataFrame({"state": ["KAZ", "KAZ", "GEO"], "session": [70, 71, 70],
                           "year": [2015, 2016, 2015], "share": [0.75, 0.5, 0.25],
                           "votes": pd.array([4, 2, 4], dtype="Int64"),
                           "source": ["roll calls", "BSV", "roll calls"]})
    groups = pd.DataFrame({"state": ["RUS", "KAZ", "GEO"],
                           "group": ["current", "current", "former"]})
    chart = agreement_strip(series, groups, {"NATO median": pd.Series({2015: 0.6, 2016: 0.4})})
    cells = chart.data.set_index(["column", "year"])
    assert math.isnan(cells.at[("GEO", 2016), "share"])
    assert cells.at[("KAZ", 2015), "share"] == 0.75
    assert cells.at[("NATO median", 2016), "share"] == 0.4
    assert "RUS" not in set(chart.data["column"])
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "75" in texts and "–" in texts


def test_strip_draws_a_gap_session_as_one_labelled_band():
    from analysis.charts.layout import layout_problems

    series = pd.DataFrame({"state": ["KAZ"] * 3, "session": [70, 71, 72],
                           "year": [2015, 2016, 2017], "share": [0.75, np.nan, 0.5],
                           "votes": pd.array([4, pd.NA, 2], dtype="Int64"),
                           "source": ["roll calls", "no record", "UN Digital Library"]})
    groups = pd.DataFrame({"state": ["RUS", "KAZ"], "group": ["current", "current"]})
    chart = agreement_strip(series, groups, title="A finding")
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "no roll calls on record for this session" in texts
    assert "–" not in texts  # the gap is one band, not a dash per cell
    assert "no record" in texts and "UN Digital\nLibrary,\nour count" in texts
    assert layout_problems(chart.figure) == []


def test_difference_chart_marks_the_highlighted_states():
    comparison = pd.DataFrame({"state": ["KAZ", "USA"], "year": [2015, 2015],
                               "difference": [0.02, -0.01]})
    chart = bsv_difference_chart(comparison, ["KAZ"], title="A finding")
    assert chart.data["highlighted"].tolist() == [True, False]
    from analysis.charts.layout import layout_problems
    assert layout_problems(chart.figure) == []
    assert np.allclose(chart.data["difference"], [0.02, -0.01])
