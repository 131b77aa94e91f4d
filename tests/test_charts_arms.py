"""The arms-deliveries chart: SIPRI's credit line and the bars it draws."""

from __future__ import annotations

from analysis.charts import (
    arms_supplier_chart,
)
from analysis.measures import arms
from tests.helpers.capabilities import ARMS, source_text
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


def test_arms_chart_credits_sipri_and_returns_its_bars():
    shares = arms.supplier_shares(ARMS, periods=((2000, 2004),))
    chart = arms_supplier_chart(shares, ["AAA", "BBB"], {"AAA": "A", "BBB": "B"},
                                credit="An arms credit")
    assert set(chart.data["recipient"]) == {"AAA", "BBB"}
    assert "Source: An arms credit; sums by year" in source_text(chart.figure)
