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


def test_ukraine_bars_read_cleanly_without_hatching_on_colour():
    from analysis.charts.layout import layout_problems

    votes, resolutions = make_ukraine()
    groups = pd.DataFrame({"state": ["RUS", "KAZ", "GEO"],
                           "group": ["current", "current", "former"]})
    three = ukraine.ukraine_vote_counts(votes, resolutions, groups["state"])
    half = ukraine.ukraine_vote_counts(votes, resolutions, groups["state"], abstention="half")
    chart = ukraine_vote_bars({"Before the invasion: 1 vote, 2014-2014": (three, half),
                               "Since the invasion: 2 votes, 2022-2022": (three, half)}, groups,
                              title="A finding")
    assert layout_problems(chart.figure) == []
    bars = [p for ax in chart.figure.axes for p in ax.patches]
    assert bars and not any(b.get_hatch() for b in bars)


def test_the_static_bars_and_the_interactive_strip_colour_russias_side_alike(tables):
    """Russia voted no on every vote on Ukraine: the bars' "as Russia" colour is the strip's
    "no", and their "against Russia" its "yes" (one visual language, issue 24)."""
    from analysis.charts.interactive import VOTE_COLOURS
    from analysis.charts.ukraine import UKRAINE_STYLE
    from analysis.publish.facts.claims import ukraine_votes

    votes, _ = ukraine_votes(tables)
    assert set(votes.loc[votes["state"] == "RUS", "vote"]) == {"no"}
    assert UKRAINE_STYLE["same"]["color"] == VOTE_COLOURS["no"]
    assert UKRAINE_STYLE["opposite"]["color"] == VOTE_COLOURS["yes"]
    assert UKRAINE_STYLE["one_abstained"]["color"] == VOTE_COLOURS["abstain"]
    assert UKRAINE_STYLE["absent"]["color"] == VOTE_COLOURS["absent"]
