"""The roll-call charts: the agreement strip, the Ukraine bars and the difference chart."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.charts.votes import (
    agreement_strip,
    bsv_difference_chart,
    ukraine_vote_bars,
)
from analysis.measures import ukraine
from tests.helpers.roll_calls import make_ukraine


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


def test_ukraine_bars_carry_counts_and_both_shares():
    votes, resolutions = make_ukraine()
    groups = pd.DataFrame({"state": ["RUS", "KAZ", "GEO"],
                           "group": ["current", "current", "former"]})
    three = ukraine.ukraine_vote_counts(votes, resolutions, groups["state"])
    half = ukraine.ukraine_vote_counts(votes, resolutions, groups["state"], abstention="half")
    chart = ukraine_vote_bars({"all": (three, half), "again": (three, None)}, groups)
    kaz = chart.data.set_index(["panel", "state"]).loc[("all", "KAZ")]
    assert (kaz["same"], kaz["one_abstained"], kaz["absent"]) == (1, 1, 1)
    assert kaz["share_half"] == pytest.approx(0.75)
    assert math.isnan(chart.data.set_index(["panel", "state"]).at[("again", "KAZ"),
                                                                   "share_half"])
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "50% / 75%" in texts


def test_difference_chart_marks_the_highlighted_states():
    comparison = pd.DataFrame({"state": ["KAZ", "USA"], "year": [2015, 2015],
                               "difference": [0.02, -0.01]})
    chart = bsv_difference_chart(comparison, ["KAZ"])
    assert chart.data["highlighted"].tolist() == [True, False]
    assert np.allclose(chart.data["difference"], [0.02, -0.01])
