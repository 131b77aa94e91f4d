"""Arms deliveries: supplier shares by period and Russia's share while the recipients were
inside."""

from __future__ import annotations

import math

import pytest

from analysis.measures import arms
from tests.helpers.capabilities import ARMS, memberships


def test_supplier_shares_sum_to_one_and_pool_others():
    out = arms.supplier_shares(ARMS, periods=((2000, 2004),), suppliers=("RUS",))
    aaa = out[out["recipient"] == "AAA"].set_index("supplier")
    assert aaa.loc["RUS", "share"] == pytest.approx(0.75)  # 30 of 40
    assert aaa.loc["others", "tiv_million"] == 10.0  # France pooled
    assert math.isclose(out.groupby(["recipient", "period"])["share"].sum().min(), 1.0)
    assert "2005-09" not in set(out["period"])  # 2006 is outside the periods asked


def test_russia_share_counts_members_only_in_their_years():
    table = memberships(("AAA", "CSTO", "member", "1999-01-01", None),
                        ("BBB", "CSTO", "member", "2001-06-01", None),
                        ("RUS", "CSTO", "member", "1999-01-01", None))
    out = arms.russia_share_of_deliveries(ARMS, table, periods=((2000, 2004),)).iloc[0]
    # CCC was never a member: its 100 is left out. AAA 30 + 10, BBB 60: Russia 90 of 100.
    assert out["tiv_million"] == 100.0
    assert out["share"] == pytest.approx(0.9)
    assert out["recipients"] == "AAA;BBB"


def test_deliveries_by_year_fill_the_years_without_deliveries_with_zero():
    out = arms.deliveries_by_year(ARMS, ["AAA", "CCC"], ["RUS"], range(2000, 2003))
    assert len(out) == 6  # three years, two recipients, one supplier
    assert set(out.columns) == {"year", "recipient", "supplier", "tiv_million"}
    by = out.set_index(["year", "recipient"])["tiv_million"]
    assert (by >= 0).all()
    assert by.sum() == ARMS[(ARMS["supplier"] == "RUS") & ARMS["recipient"].isin(["AAA", "CCC"])
                            & ARMS["year"].between(2000, 2002)]["tiv_million"].sum()


def test_rival_deliveries_chart_draws_one_panel_per_recipient_and_reads_cleanly():
    from analysis.charts import rival_deliveries_chart
    from analysis.charts.layout import layout_problems
    from analysis.charts.style import use_house_style

    use_house_style()
    out = arms.deliveries_by_year(ARMS, ["AAA", "BBB"], ["RUS", "BLR"], range(2000, 2005))
    chart = rival_deliveries_chart(out, {"AAA": "A", "BBB": "B", "RUS": "Russia"},
                                   "A finding", credit="An arms credit")
    assert len(chart.figure.axes) == 2
    assert "Source: An arms credit" in " ".join(t.get_text() for t in chart.figure.texts)
    assert layout_problems(chart.figure) == []
