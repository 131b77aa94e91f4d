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
