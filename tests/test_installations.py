"""Foreign installations: security ties from operator to host, bases per host."""

from __future__ import annotations

import pandas as pd

from analysis.measures import installations
from tests.helpers.network import (
    TOY,
    TOY_BASES,
)


def test_security_ties_are_operator_to_host_with_their_bases():
    graph = installations.security_ties(TOY_BASES, "2005-01-01")
    assert sorted(graph.edges) == [("RUS", "ARM"), ("RUS", "GEO"), ("USA", "KGZ")]
    assert graph["RUS"]["ARM"]["bases"] == ["B01", "B02"]
    assert graph["RUS"]["ARM"]["count"] == 2
    assert graph.nodes["RUS"]["role"] == "operator"


def test_security_ties_drop_a_base_on_its_end_day():
    graph = installations.security_ties(TOY_BASES, "2014-06-03")
    assert not graph.has_edge("USA", "KGZ")


def test_security_ties_mark_alliance_status_when_memberships_given():
    graph = installations.security_ties(TOY_BASES, "2025-01-01", memberships=TOY)
    assert graph.nodes["ARM"]["alliance_status"] == "frozen"
    assert graph.nodes["RUS"]["alliance_status"] == "member"


def test_bases_per_host_counts_by_operator_with_zeros():
    counts = installations.bases_per_host(TOY_BASES, ["1990-01-01", "2010-01-01"])
    table = counts.set_index(["date", "host", "operator"])["installations"]
    # 1990: only the inherited Georgian site. 2010: ARM has two, GEO's is gone, KGZ has Manas.
    assert table.loc[pd.Timestamp("1990-01-01")].to_dict() == {
        ("ARM", "RUS"): 0, ("GEO", "RUS"): 1, ("KGZ", "USA"): 0}
    assert table.loc[pd.Timestamp("2010-01-01")].to_dict() == {
        ("ARM", "RUS"): 2, ("GEO", "RUS"): 0, ("KGZ", "USA"): 1}


def test_real_security_ties_hold_every_base_in_use_once(tables):
    b = tables["bases"]
    for date in ["1995-01-01", "2005-01-01", "2026-11-23"]:
        graph = installations.security_ties(b, date, tables["memberships"])
        listed = [base for _, _, ids in graph.edges(data="bases") for base in ids]
        assert len(listed) == len(set(listed))
        counts = installations.bases_per_host(b, [date])
        assert counts["installations"].sum() == len(listed)
        assert all(a != h for a, h in graph.edges)
