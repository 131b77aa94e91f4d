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


def test_difference_chart_marks_the_highlighted_states():
    comparison = pd.DataFrame({"state": ["KAZ", "USA"], "year": [2015, 2015],
                               "difference": [0.02, -0.01]})
    chart = bsv_difference_chart(comparison, ["KAZ"])
    assert chart.data["highlighted"].tolist() == [True, False]
    assert np.allclose(chart.data["difference"], [0.02, -0.01])
