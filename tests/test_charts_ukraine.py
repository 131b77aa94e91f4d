"""The Ukraine votes chart: counts and both shares in every bar."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.charts import (
    ukraine_vote_bars,
)
from analysis.measures import ukraine
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.roll_calls import make_ukraine


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
