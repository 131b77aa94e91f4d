"""Forces, money and arms: membership year by year, spending shares and coverage, personnel from two
sources, arms by supplier and period, the exercise record, and the charts drawn from them."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.charts import (arms_supplier_chart, burden_shares_chart, exercise_grid_chart,
                             gdp_share_heatmap, personnel_chart)
from analysis.charts.style import use_house_style
from analysis.measures import forces
from tests.test_compare import _frame

# --- fixtures built like the loaded tables ---------------------------------------------------


def _typed(frame: pd.DataFrame, dates=(), ints=(), floats=()) -> pd.DataFrame:
    """The fixture's columns typed as the loader types them (the comparison tests' helper)."""
    return _frame(frame.to_dict("records"), tuple(dates), tuple(ints), tuple(floats))


def memberships(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, organization, status, start, end or None)."""
    return _typed(pd.DataFrame(
        [{"state": s, "organization": o, "status": st, "start": a, "end": b} for s, o, st, a, b
         in rows]), dates=("start", "end"))


def milex(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, year, constant US$ million or None, share of GDP or None)."""
    return _typed(pd.DataFrame(
        [{"state": s, "year": y, "milex_constant_2023_usd_million": v,
          "milex_flag": None if v is not None else "unavailable",
          "milex_share_of_gdp_percent": g, "share_flag": None, "sipri_notes": None}
         for s, y, v, g in rows]), ints=("year",),
        floats=("milex_constant_2023_usd_million", "milex_share_of_gdp_percent"))


#: A small alliance "CSTO" (with the CST before it) and "NATO":
#: AAA a member throughout; BBB joins the CSTO in mid-2001 and freezes in 2002;
#: CCC a CST member that leaves in mid-2000; DDD and EEE in NATO, EEE only from 2001.
TABLE = memberships(
    ("AAA", "CST", "member", "1999-01-01", "2001-01-01"),
    ("CCC", "CST", "member", "1999-01-01", "2000-06-30"),
    ("AAA", "CSTO", "member", "2001-01-01", None),
    ("BBB", "CSTO", "member", "2001-06-01", "2002-03-01"),
    ("BBB", "CSTO", "frozen", "2002-03-01", None),
    ("DDD", "NATO", "member", "1999-01-01", None),
    ("EEE", "NATO", "member", "2001-01-01", None),
)


def test_inside_by_year_counts_a_state_only_while_it_is_inside():
    inside = forces.inside_by_year(TABLE, "CSTO", [1999, 2000, 2001, 2002])
    by_year = inside.groupby("year")["state"].apply(list).to_dict()
    # CCC left in mid-2000, so on 31 December 2000 only AAA is inside; BBB joins in 2001.
    assert by_year == {1999: ["AAA", "CCC"], 2000: ["AAA"], 2001: ["AAA", "BBB"],
                       2002: ["AAA", "BBB"]}
    frozen = inside[(inside["year"] == 2002) & (inside["state"] == "BBB")]["status"].item()
    assert frozen == "frozen"


def test_frozen_without_earlier_membership_is_not_inside():
    table = memberships(("ZZZ", "CSTO", "frozen", "2000-01-01", None))
    assert forces.inside_by_year(table, "CSTO", [2001]).empty


SPENDING = milex(
    ("AAA", 2000, 90.0, 4.0), ("CCC", 2000, 10.0, 1.0),
    ("AAA", 2001, 60.0, 3.0), ("BBB", 2001, None, None),
    ("AAA", 2002, 30.0, 2.0), ("BBB", 2002, 10.0, 1.0),
    ("DDD", 2000, 50.0, 2.0), ("DDD", 2001, 75.0, 2.0), ("EEE", 2001, 25.0, 1.0),
    ("DDD", 2002, 0.0, None), ("EEE", 2002, 5.0, 1.0),
)


def test_spending_shares_sum_to_one_over_members_with_data():
    spent = forces.spending_by_member(SPENDING, TABLE, years=[2000, 2001, 2002])
    for _, part in spent.groupby(["organization", "year"]):
        present = part[part["present"]]
        assert math.isclose(present["share_of_alliance"].sum(), 1.0)
    # 2002 CSTO: AAA 30 of 40, BBB (frozen, still inside) 10 of 40.
    row = spent.set_index(["organization", "year", "state"])["share_of_alliance"]
    assert row[("CSTO", 2002, "AAA")] == pytest.approx(0.75)
    assert row[("CSTO", 2002, "BBB")] == pytest.approx(0.25)
    # CCC left before the end of 2000: its 10 is not in the CSTO's 2000 total, AAA holds it all.
    assert row[("CSTO", 2000, "AAA")] == pytest.approx(1.0)
    assert ("CSTO", 2000, "CCC") not in row.index


def test_a_missing_value_is_not_zero_and_is_reported():
    spent = forces.spending_by_member(SPENDING, TABLE, years=[2001, 2002])
    cov = forces.spending_coverage(spent).set_index(["organization", "year"])
    # 2001: BBB is a member without a figure; AAA's 60 is the whole total, not 60 of 60 + 0.
    assert cov.loc[("CSTO", 2001), "n_members"] == 2
    assert cov.loc[("CSTO", 2001), "n_with_data"] == 1
    assert cov.loc[("CSTO", 2001), "missing"] == "BBB"
    assert not cov.loc[("CSTO", 2001), "complete"]
    assert cov.loc[("CSTO", 2001), "total_usd_million"] == 60.0
    missing = spent[(spent["year"] == 2001) & (spent["state"] == "BBB")]
    assert math.isnan(missing["share_of_alliance"].item())
    # A zero SIPRI gives (no armed forces) is a figure, and counts.
    assert cov.loc[("NATO", 2002), "n_with_data"] == 2
    assert cov.loc[("NATO", 2002), "largest_state"] == "EEE"
    assert cov.loc[("NATO", 2002), "largest_share"] == pytest.approx(1.0)


def test_a_year_without_any_figure_has_no_total():
    table = memberships(("AAA", "NATO", "member", "1999-01-01", None))
    spent = forces.spending_by_member(milex(("AAA", 2000, None, None)), table, ("NATO",), [2000])
    cov = forces.spending_coverage(spent).iloc[0]
    assert cov["n_with_data"] == 0 and math.isnan(cov["total_usd_million"])
    assert pd.isna(cov["largest_state"])


def test_spending_groups_name_the_largest_and_sum_the_rest():
    spent = forces.spending_by_member(SPENDING, TABLE, years=[2001])
    groups = forces.spending_groups(spent, {"NATO": ["DDD"]})
    nato = groups[groups["organization"] == "NATO"].set_index("group")
    assert nato.loc["DDD", "share"] == pytest.approx(0.75)
    assert nato.loc["other members", "usd_million"] == 25.0
    assert forces.largest_spenders(spent, "NATO", 1) == ["DDD"]


def test_spending_panel_marks_the_alliance_of_each_year():
    panel = forces.spending_panel(SPENDING, TABLE, ["CCC", "BBB"], years=[2000, 2001])
    alliance = panel.set_index(["state", "year"])["alliance"]
    assert alliance[("CCC", 2000)] is pd.NA or pd.isna(alliance[("CCC", 2000)])
    assert alliance[("BBB", 2001)] == "CSTO"
    assert len(panel) == 4  # every state-year, even without a milex row


# --- personnel -------------------------------------------------------------------------------


def _cow(*rows):
    return _typed(pd.DataFrame([{"state": s, "year": y, "milper_thousands": v,
                                 "milex_thousands_usd": None} for s, y, v in rows]),
                  ints=("year", "milper_thousands", "milex_thousands_usd"))


def _caps(*rows):
    return _typed(pd.DataFrame([{"state": s, "year": y, "measure": "active_personnel",
                                 "value": v, "unit": "persons", "edition": "Ed",
                                 "source": "x"} for s, y, v in rows]),
                  ints=("year",), floats=("value",))


def test_personnel_compares_same_years_only():
    cow = _cow(("AAA", 2020, 100), ("AAA", 2022, 120), ("BBB", 2022, 10), ("CCC", 2022, 50),
               ("DDD", 2022, 9))
    caps = _caps(("AAA", 2020, 100400), ("BBB", 2022, 12000), ("CCC", 2024, 80000),
                 ("DDD", 2022, 9500))
    out = forces.personnel_two_sources(cow, caps, ["AAA", "BBB", "CCC", "DDD", "EEE"])
    out = out.set_index("state")
    # AAA: 100,400 vs 100,000 in 2020, within COW's rounding; its latest COW year is 2022.
    assert out.loc["AAA", "verdict"] == "agree"
    assert out.loc["AAA", "cow_persons"] == 120000 and out.loc["AAA", "cow_year"] == 2022
    # BBB: 12,000 vs 10,000 is 20% off, beyond the 10% tolerance.
    assert out.loc["BBB", "verdict"] == "disagree"
    assert out.loc["BBB", "difference_pct"] == pytest.approx(0.2)
    # CCC: curated 2024, COW has no 2024: not compared.
    assert out.loc["CCC", "verdict"] == "years differ"
    # DDD: 500 more than 9,000 is COW's rounding.
    assert out.loc["DDD", "verdict"] == "agree"
    assert out.loc["EEE", "verdict"] == "one source"


def test_personnel_series_reports_coverage():
    table = memberships(("AAA", "NATO", "member", "1999-01-01", None),
                        ("BBB", "NATO", "member", "1999-01-01", None))
    out = forces.personnel_series(_cow(("AAA", 2000, 30), ("BBB", 2000, 10), ("AAA", 2001, 30)),
                                  table, "NATO", [2000, 2001]).set_index("year")
    assert out.loc[2000, "largest_share"] == pytest.approx(0.75)
    assert out.loc[2001, "n_with_data"] == 1 and out.loc[2001, "missing"] == "BBB"


# --- arms ------------------------------------------------------------------------------------


def _arms(*rows):
    return _typed(pd.DataFrame([{"recipient": r, "supplier": s, "year": y, "tiv_million": v,
                                 "n_deals": 1, "n_deals_estimated": 0} for r, s, y, v in rows]),
                  ints=("year", "n_deals", "n_deals_estimated"), floats=("tiv_million",))


ARMS = _arms(("AAA", "RUS", 2000, 30.0), ("AAA", "FRA", 2001, 10.0), ("BBB", "RUS", 2001, 60.0),
             ("CCC", "RUS", 2001, 100.0), ("AAA", "RUS", 2006, 5.0))


def test_supplier_shares_sum_to_one_and_pool_others():
    out = forces.supplier_shares(ARMS, periods=((2000, 2004),), suppliers=("RUS",))
    aaa = out[out["recipient"] == "AAA"].set_index("supplier")
    assert aaa.loc["RUS", "share"] == pytest.approx(0.75)  # 30 of 40
    assert aaa.loc["others", "tiv_million"] == 10.0  # France pooled
    assert math.isclose(out.groupby(["recipient", "period"])["share"].sum().min(), 1.0)
    assert "2005-09" not in set(out["period"])  # 2006 is outside the periods asked


def test_russia_share_counts_members_only_in_their_years():
    table = memberships(("AAA", "CSTO", "member", "1999-01-01", None),
                        ("BBB", "CSTO", "member", "2001-06-01", None),
                        ("RUS", "CSTO", "member", "1999-01-01", None))
    out = forces.russia_share_of_deliveries(ARMS, table, periods=((2000, 2004),)).iloc[0]
    # CCC was never a member: its 100 is left out. AAA 30 + 10, BBB 60: Russia 90 of 100.
    assert out["tiv_million"] == 100.0
    assert out["share"] == pytest.approx(0.9)
    assert out["recipients"] == "AAA;BBB"


# --- exercises -------------------------------------------------------------------------------


def _exercises(*rows):
    return _typed(pd.DataFrame([{"exercise_id": i, "name": n, "start": d, "host": h,
                                 "participants": p, "troops": t, "organization": "CSTO"}
                                for i, n, d, h, p, t in rows]),
                  dates=("start",), ints=("troops",))


def test_exercise_record_names_absent_members_and_cancellations():
    table = memberships(("AAA", "CSTO", "member", "1999-01-01", None),
                        ("BBB", "CSTO", "member", "1999-01-01", None))
    ex = _exercises(("X1", "Drill-2001", "2001-05-01", "AAA", "AAA", 500),
                    ("X2", "Drill-2002 (cancelled by host)", "2002-05-01", "BBB", None, None),
                    ("X3", "Drill-2003", "2003-05-01", "AAA", None, 100))
    record = forces.exercise_record(ex, table).set_index("exercise_id")
    assert record.loc["X1", "absent"] == "BBB"
    assert not record.loc["X2", "held"] and pd.isna(record.loc["X2", "absent"])
    assert pd.isna(record.loc["X3", "absent"])  # participants unknown: no one counted absent
    shows = forces.no_shows(record.reset_index())
    assert shows[["exercise_id", "state"]].values.tolist() == [["X1", "BBB"]]


# --- charts ----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _style():
    use_house_style()
    yield
    plt.close("all")


def _source_text(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts)


def test_burden_chart_carries_sipri_credit_and_coverage():
    spent = forces.spending_by_member(SPENDING, TABLE, years=[2000, 2001, 2002])
    chart = burden_shares_chart(forces.spending_groups(spent, {"CSTO": ["AAA"], "NATO": ["DDD"]}),
                                forces.spending_coverage(spent))
    assert "Source: SIPRI Military Expenditure Database" in _source_text(chart.figure)
    row = chart.data[(chart.data["organization"] == "CSTO") & (chart.data["year"] == 2001)]
    assert set(row["n_with_data"]) == {1} and set(row["n_members"]) == {2}


def test_gdp_heatmap_tells_inside_outside_and_missing_apart():
    panel = forces.spending_panel(SPENDING, TABLE, ["CCC", "BBB", "DDD"], years=[2000, 2001])
    chart = gdp_share_heatmap(panel, ["CCC", "BBB", "DDD"])
    drawn = chart.data.set_index(["state", "year"])["drawn"]
    # CCC has a 2000 share but left the CST mid-2000: outside; BBB has no 2001 share.
    assert drawn[("CCC", 2000)] == "outside"
    assert drawn[("BBB", 2001)] == "no share"
    assert drawn[("DDD", 2000)] == "inside"
    assert "SIPRI Military Expenditure Database" in _source_text(chart.figure)


def test_personnel_chart_keeps_every_state():
    out = forces.personnel_two_sources(_cow(("AAA", 2022, 100), ("BBB", 2022, 0)),
                                       _caps(("AAA", 2022, 100000)), ["AAA", "BBB"])
    chart = personnel_chart(out, {"AAA": "CSTO", "BBB": "NATO"})
    assert chart.data["state"].tolist() == ["AAA", "BBB"]


def test_arms_chart_credits_sipri_and_returns_its_bars():
    shares = forces.supplier_shares(ARMS, periods=((2000, 2004),))
    chart = arms_supplier_chart(shares, ["AAA", "BBB"], {"AAA": "A", "BBB": "B"})
    assert set(chart.data["recipient"]) == {"AAA", "BBB"}
    assert "Source: SIPRI Arms Transfers Database" in _source_text(chart.figure)


def test_exercise_grid_marks_each_cell():
    table = memberships(("AAA", "CSTO", "member", "1999-01-01", None),
                        ("BBB", "CSTO", "member", "1999-01-01", None))
    ex = _exercises(("X1", "Drill-2001", "2001-05-01", "AAA", "AAA", 500),
                    ("X2", "Drill-2002 (cancelled)", "2002-05-01", "BBB", None, None))
    chart = exercise_grid_chart(forces.exercise_record(ex, table), ["AAA", "BBB", "CCC"])
    marks = chart.data.set_index(["exercise_id", "state"])["mark"]
    assert marks[("X1", "AAA")] == "took part"
    assert marks[("X1", "BBB")] == "absent"
    assert marks[("X1", "CCC")] == "not a member"
    assert marks[("X2", "AAA")] == "member, not held"
