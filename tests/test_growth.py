"""How each alliance grew: counts of states inside it, its largest membership, who left."""

from __future__ import annotations

import pandas as pd

from analysis.measures import growth as growth_measures
from tests.helpers.alliances import AS_OF, memberships


def _counts(growth: pd.DataFrame, org: str, day: str) -> pd.Series:
    return growth[(growth["organization"] == org) & (growth["date"] == day)].iloc[0]


def test_a_state_joining_on_a_year_end_is_counted_that_year():
    m = memberships(("AAA", "NATO", "member", "1999-06-01", None),
                    ("BBB", "NATO", "member", "2000-12-31", None))
    growth = growth_measures.membership_growth(m, "2000-12-31", ["NATO"], "1999-01-01")
    # 1999-12-31: AAA only; 2000-12-31: AAA and BBB (BBB's first day counts).
    assert growth["members"].tolist() == [1, 2]


def test_a_state_leaving_on_a_year_end_is_not_counted_that_year():
    m = memberships(("AAA", "NATO", "member", "1999-06-01", None),
                    ("CCC", "NATO", "member", "1999-06-01", "2000-12-31"))
    growth = growth_measures.membership_growth(m, "2000-12-31", ["NATO"], "1999-01-01")
    # 1999-12-31: AAA and CCC; 2000-12-31: CCC's end day is already outside.
    assert growth["members"].tolist() == [2, 1]


def test_the_end_date_is_added_when_it_is_not_a_year_end():
    m = memberships(("AAA", "NATO", "member", "1999-06-01", None))
    growth = growth_measures.membership_growth(m, "2000-11-23", ["NATO"], "1999-01-01")
    assert growth["date"].dt.strftime("%Y-%m-%d").tolist() == ["1999-12-31", "2000-11-23"]


def test_the_treaty_counts_for_the_csto_before_the_charter_entered_into_force():
    m = memberships(("AAA", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("BBB", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("AAA", "CSTO", "signatory", "2002-10-07", "2003-09-18"),
                    ("AAA", "CSTO", "member", "2003-09-18", None))
    growth = growth_measures.membership_growth(m, "2003-12-31", ["CSTO"], "2002-01-01")
    # End 2002: the treaty applies (two members; the charter only signed). End 2003: the CSTO.
    assert growth["body"].tolist() == ["CST", "CSTO"]
    assert growth["members"].tolist() == [2, 1]


def test_a_frozen_member_is_counted_apart_from_full_members():
    m = memberships(("AAA", "CSTO", "member", "2003-09-18", "2024-02-22"),
                    ("AAA", "CSTO", "frozen", "2024-02-22", None),
                    ("BBB", "CSTO", "member", "2003-09-18", None))
    row = _counts(growth_measures.membership_growth(m, "2024-12-31", ["CSTO"], "2024-01-01"),
                  "CSTO", "2024-12-31")
    assert (row["members"], row["suspended_or_frozen"], row["inside"]) == (1, 1, 2)


def test_a_suspended_partnership_is_not_counted_as_membership():
    m = memberships(("AAA", "NATO", "member", "1949-08-24", None),
                    ("RRR", "NATO", "partner", "1994-06-22", "2014-04-01"),
                    ("RRR", "NATO", "suspended", "2014-04-01", None))
    row = _counts(growth_measures.membership_growth(m, "2014-12-31", ["NATO"], "2014-01-01"),
                  "NATO", "2014-12-31")
    assert (row["members"], row["suspended_or_frozen"], row["inside"]) == (1, 0, 1)


def test_largest_membership_reports_when_it_was_reached_and_lost():
    m = memberships(("AAA", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("BBB", "CST", "member", "1994-04-20", "1999-04-20"),
                    ("AAA", "CSTO", "member", "2003-09-18", None))
    best = growth_measures.largest_membership(m, "CSTO")
    assert best == {"members": 2, "since": pd.Timestamp("1994-04-20"),
                    "until": pd.Timestamp("1999-04-20"), "body": "CST"}


def test_states_that_left_are_former_members_not_inside_today():
    m = memberships(("AAA", "CST", "member", "1994-04-20", "2003-09-18"),
                    ("BBB", "CST", "member", "1994-04-20", "1999-04-20"),
                    ("AAA", "CSTO", "member", "2003-09-18", None),
                    ("CCC", "CSTO", "member", "2006-08-16", "2012-06-28"),
                    ("CCC", "CSTO", "suspended", "2012-06-28", "2012-12-19"))
    left = growth_measures.states_that_left(m, "CSTO", "2026-11-23")
    assert left["state"].tolist() == ["BBB", "CCC"]
    assert left["left"].dt.strftime("%Y-%m-%d").tolist() == ["1999-04-20", "2012-12-19"]


def test_real_growth_has_one_row_per_alliance_and_date(tables):
    growth = growth_measures.membership_growth(tables["memberships"], AS_OF)
    assert not growth.duplicated(["organization", "date"]).any()
    assert (growth["members"] <= growth["inside"]).all()
