"""Membership on a day: alliance status, and who is inside an alliance (by day and by year)."""

from __future__ import annotations

from analysis.measures import membership
from analysis.measures.membership import status_on
from tests.helpers.alliances import AS_OF
from tests.helpers.capabilities import TABLE, memberships
from tests.helpers.network import HISTORY


def test_real_csto_has_five_members_and_frozen_armenia(tables):
    m = tables["memberships"]
    inside = membership.states_inside(m, "CSTO", AS_OF)
    now = status_on(m, AS_OF)
    csto = now[(now["organization"] == "CSTO") & (now["status"].isin(["member", "frozen"]))]
    assert sorted(inside["state"]) == sorted(csto["state"])
    assert len(inside) == 6
    assert inside.loc[inside["status"] != "member", "state"].tolist() == ["ARM"]


def test_inside_by_year_counts_a_state_only_while_it_is_inside():
    inside = membership.inside_by_year(TABLE, "CSTO", [1999, 2000, 2001, 2002])
    by_year = inside.groupby("year")["state"].apply(list).to_dict()
    # CCC left in mid-2000, so on 31 December 2000 only AAA is inside; BBB joins in 2001.
    assert by_year == {1999: ["AAA", "CCC"], 2000: ["AAA"], 2001: ["AAA", "BBB"],
                       2002: ["AAA", "BBB"]}
    frozen = inside[(inside["year"] == 2002) & (inside["state"] == "BBB")]["status"].item()
    assert frozen == "frozen"


def test_frozen_without_earlier_membership_is_not_inside():
    table = memberships(("ZZZ", "CSTO", "frozen", "2000-01-01", None))
    assert membership.inside_by_year(table, "CSTO", [2001]).empty


def test_alliance_status_prefers_membership_over_a_second_signature():
    status = membership.alliance_status_on(HISTORY, "2002-10-07").set_index("state")
    assert status.loc["ARM", "status"] == "member"
    assert status.loc["ARM", "organization"] == "CST"
