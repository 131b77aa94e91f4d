"""The personnel chart: every state from two sources."""

from __future__ import annotations

from analysis.charts import (
    personnel_chart,
)
from analysis.measures import personnel
from tests.helpers.capabilities import cow_rows, curated_personnel, source_text
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


def test_personnel_chart_keeps_every_state():
    out = personnel.personnel_two_sources(cow_rows(("AAA", 2022, 100), ("BBB", 2022, 0)),
                                       curated_personnel(("AAA", 2022, 100000)), ["AAA", "BBB"])
    chart = personnel_chart(out, {"AAA": "CSTO", "BBB": "NATO"}, credit="A COW credit")
    assert "Source: A COW credit; data/capabilities.csv" in source_text(chart.figure)
    assert chart.data["state"].tolist() == ["AAA", "BBB"]
