"""The intervention timeline chart."""

from __future__ import annotations

from analysis import charts
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.requests import (
    timeline_fixture_table,
)


def test_intervention_timeline_chart_puts_events_in_their_own_lane():
    chart = charts.intervention_timeline_chart(timeline_fixture_table())
    assert set(chart.data["lane"]) == {"Forces created", "Crisis CSTO-1 (2022)",
                                       "Crisis CSTO-2 (2022)"}


import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.charts.interventions import contingents_chart  # noqa: E402
from analysis.charts.layout import layout_problems  # noqa: E402
from analysis.charts.timelines import annotated_timeline_chart, place_labels  # noqa: E402


def test_labels_on_one_level_never_overlap():
    xs = [0.0, 0.5, 1.0, 1.5, 10.0]
    placed = place_labels(xs, [2.0] * 5, lo=-5, hi=20, levels=(1, -1, 2, -2, 3), gap=0.1)
    by_level: dict[int, list[tuple[float, float]]] = {}
    for level, _, left, right in placed:
        by_level.setdefault(level, []).append((left, right))
    for spans in by_level.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
    assert len({p[0] for p in placed[:4]}) == 4  # four crowded labels, four levels


def test_an_annotated_timeline_refuses_a_repeated_label():
    items = pd.DataFrame({"date": pd.to_datetime(["2021-04-29", "2022-09-14"]),
                          "label": ["clash", "clash"], "kind": ["crisis", "crisis"]})
    with pytest.raises(ValueError, match="repeat"):
        annotated_timeline_chart(items, "t", pd.Timestamp("2021-01-01"),
                                 pd.Timestamp("2023-01-01"))


def test_a_crowded_annotated_timeline_reads_cleanly():
    days = pd.to_datetime(["2021-04-29", "2021-04-30", "2021-05-04", "2022-09-14",
                           "2022-09-16", "2022-10-10"])
    items = pd.DataFrame({"date": days, "label": [f"item number {i}" for i in range(6)],
                          "kind": ["crisis", "statement", "statement", "crisis", "statement",
                                   "own_step"]})
    chart = annotated_timeline_chart(items, "A title that states a finding",
                                     pd.Timestamp("2021-01-01"), pd.Timestamp("2023-01-01"))
    try:
        assert layout_problems(chart.figure) == []
    finally:
        plt.close(chart.figure)


def test_the_contingents_chart_marks_the_used_total_and_reads_cleanly():
    contingents = pd.DataFrame({"state": ["Russia", "Armenia", "Armenia"],
                                "value": [3000.0, 100.0, 70.0],
                                "official": [False, True, False]})
    totals = pd.DataFrame({"label": ["A, 10 Jan", "B, 6 Jan"], "value": [2030.0, 2500.0],
                           "used": [True, False]})
    chart = contingents_chart(contingents, totals, "Contingents by country")
    try:
        bars = chart.figure.axes[1].patches
        assert [round(b.get_alpha(), 2) for b in bars] == [0.9, 0.3]
        assert layout_problems(chart.figure) == []
    finally:
        plt.close(chart.figure)
