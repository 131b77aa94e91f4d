"""The comparison's charts (analysis.charts.comparison): what each draws, by hand, and that each
reads cleanly in the book's column (no collision, nothing cut off, no text too small)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.charts import comparison as charts
from analysis.charts.layout import layout_problems
from analysis.charts.style import ALLIANCE_STYLE
from analysis.measures import alternatives, channels, universe
from tests.helpers import universe as fx
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


@pytest.fixture
def coded():
    req = universe.request_records(fx.requests(), fx.responses())
    cri = universe.crisis_records(fx.candidates(), fx.requests(), fx.conflicts())
    return alternatives.coded_requests(req), alternatives.coded_crises(cri, req)


def test_conditional_panels_draw_every_group_and_alliance(coded):
    requests, _ = coded
    rates = {ch: channels.channel_rates(requests, ch) for ch in channels.CHANNELS}
    chart = charts.conditional_panels(rates, "A finding")
    data = chart.data.set_index(["channel", "ask_group", "organization"])
    assert len(data) == 12  # two channels, three groups, two alliances
    assert data.loc[("alliance", "troops", "CSTO"), ["k", "n"]].tolist() == [1, 3]
    assert data.loc[("patron", "consultation", "NATO"), "n"] == 0
    assert len(chart.figure.axes) == 6
    titles = [ax.get_title(loc="left") for ax in chart.figure.axes]
    assert titles[0] == "troops\nn = CSTO 3, NATO 1"
    texts = {t.get_text() for ax in chart.figure.axes for t in ax.texts}
    assert {"1 of 3", "none\nasked"} <= texts
    bars = [p for p in chart.figure.axes[0].patches]
    assert [b.get_facecolor()[:3] for b in bars] == [
        plt.matplotlib.colors.to_rgb(ALLIANCE_STYLE[o]["color"]) for o in ("CSTO", "NATO")]
    assert layout_problems(chart.figure) == []
    plt.close(chart.figure)


def test_universe_chart_marks_whom_each_crisis_asked(coded):
    _, crises = coded
    chart = charts.universe_chart(crises, "A finding", credit="Frame: a dataset")
    drew = chart.data.set_index("candidate_id")["drew"].to_dict()
    assert drew == {"CSTO-C-001": "alliance", "CSTO-C-002": "alliance",
                    "CSTO-C-003": "patron", "CSTO-C-004": "alliance", "CSTO-C-006": "none",
                    "CSTO-C-007": "none", "NATO-C-001": "alliance", "NATO-C-002": "alliance"}
    legend = chart.figure.axes[2].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        charts.DREW[k]["label"] for k in charts.DREW]
    assert layout_problems(chart.figure) == []
    plt.close(chart.figure)


def test_universe_chart_refuses_a_category_without_a_row(coded):
    _, crises = coded
    crises = crises.copy()
    crises.loc[crises["candidate_id"] == "CSTO-C-002", "category"] = "hybrid"
    with pytest.raises(ValueError, match="hybrid"):
        charts.universe_chart(crises, "A finding")


def test_channels_chart_pairs_each_request(coded):
    requests, _ = coded
    pairs = channels.channel_pairs(requests)
    labels = pd.Series([f"row {i}" for i in range(len(pairs))], index=pairs.index)
    chart = charts.channels_chart(pairs, labels, "A finding")
    data = chart.data.set_index("request_id")
    assert data.loc["C3", ["alliance_level", "patron_level"]].tolist() == ["none",
                                                                          "consultation"]
    assert pd.isna(data.loc["N1", "patron_level"])
    assert len(data) == len(pairs)
    assert layout_problems(chart.figure) == []
    plt.close(chart.figure)
