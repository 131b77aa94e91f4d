"""The spending charts: SIPRI's credit line, coverage, inside, outside and missing years."""

from __future__ import annotations

from analysis.charts import (
    burden_shares_chart,
    gdp_share_heatmap,
)
from analysis.measures import spending
from tests.helpers.capabilities import (
    SPENDING,
    TABLE,
    source_text,
)
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


def test_burden_chart_carries_sipri_credit_and_coverage():
    spent = spending.spending_by_member(SPENDING, TABLE, years=[2000, 2001, 2002])
    chart = burden_shares_chart(spending.spending_groups(spent,
                                                         {"CSTO": ["AAA"], "NATO": ["DDD"]}),
                                spending.spending_coverage(spent), credit="A spending credit")
    assert "Source: A spending credit; shares and membership" in source_text(chart.figure)
    row = chart.data[(chart.data["organization"] == "CSTO") & (chart.data["year"] == 2001)]
    assert set(row["n_with_data"]) == {1} and set(row["n_members"]) == {2}


def test_gdp_heatmap_tells_inside_outside_and_missing_apart():
    panel = spending.spending_panel(SPENDING, TABLE, ["CCC", "BBB", "DDD"], years=[2000, 2001])
    chart = gdp_share_heatmap(panel, ["CCC", "BBB", "DDD"], credit="A credit line (2025)")
    drawn = chart.data.set_index(["state", "year"])["drawn"]
    # CCC has a 2000 share but left the CST mid-2000: outside; BBB has no 2001 share.
    assert drawn[("CCC", 2000)] == "outside"
    assert drawn[("BBB", 2001)] == "no share"
    assert drawn[("DDD", 2000)] == "inside"
    assert "Source: A credit line (2025); membership by" in source_text(chart.figure)
