"""Competing values from the discrepancies table, and their chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.charts.provenance import competing_values_chart
from analysis.measures.provenance import competing_values, numeric_range

DISC = pd.DataFrame({
    "table": ["responses"] * 3 + ["bases"],
    "record_id": ["R1", "R1", "R1", "B1"],
    "field": ["troops"] * 3 + ["personnel"],
    "value": ["2500", "2030", "about 3,600", "700"],
    "source": ["s-b", "s-a", "s-c", "s-d"],
    "note": ["", "", "", ""],
    "used": ["no", "yes", "no", "yes"],
}, dtype="string")

SOURCES = pd.DataFrame({"source_id": ["s-a", "s-b", "s-c", "s-d"],
                        "publisher": ["A", "B", "C", "D"]}, dtype="string")


def test_used_value_comes_first():
    out = competing_values(DISC, "responses", "R1", "troops")
    assert out["value"].tolist() == ["2030", "2500", "about 3,600"]
    assert out["used"].tolist() == [True, False, False]


def test_unknown_fact_raises():
    with pytest.raises(KeyError):
        competing_values(DISC, "responses", "R2", "troops")


def test_numeric_range_skips_worded_values():
    assert numeric_range(competing_values(DISC, "responses", "R1", "troops")) == (2030.0, 2500.0)


def test_chart_draws_one_bar_per_numeric_value():
    chart = competing_values_chart(competing_values(DISC, "responses", "R1", "troops"), SOURCES,
                                   title="t", unit="troops")
    assert chart.data["label"].tolist() == ["A", "B"]
    assert chart.data["used"].tolist() == [True, False]
    plt.close(chart.figure)
