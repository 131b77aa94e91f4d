"""Rates conditional on the ask (analysis.measures.conditional), on hand-worked requests."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures.conditional import (
    ask_group,
    conditional_rates,
    conditional_tests,
    got_what_was_asked,
)


def _requests(rows):
    return pd.DataFrame(rows, columns=["organization", "asked_level", "highest_level"])


def test_groups_and_unknown_level():
    levels = pd.Series(["deployment", "mission", "statement", None])
    assert ask_group(levels).tolist() == ["troops", "material aid", "consultation", pd.NA]
    with pytest.raises(ValueError, match="belong to no group"):
        ask_group(pd.Series(["troops please"]))


def test_got_what_was_asked_compares_ranks():
    asked = pd.Series(["deployment", "consultation", "material_aid", None])
    highest = pd.Series(["material_aid", "deployment", None, "statement"])
    assert got_what_was_asked(asked, highest).tolist() == [False, True, False, pd.NA]


def test_review_example_troop_asks():
    # The referee's count: CSTO 2 of 8 troop asks got troops, NATO 2 of 2; NATO's 3 consultation
    # asks all got a council meeting. Only the troop stratum carries information, so the
    # stratified test equals Fisher's on it: p = 28/210.
    rows = ([("CSTO", "deployment", "deployment")] * 2 + [("CSTO", "deployment", "none")] * 6
            + [("NATO", "deployment", "deployment")] * 2
            + [("NATO", "consultation", "consultation")] * 3)
    rates = conditional_rates(_requests(rows))
    troops = rates.set_index(["ask_group", "organization"]).loc["troops"]
    assert troops.loc["CSTO", ["n", "k"]].tolist() == [8, 2]
    assert troops.loc["NATO", ["n", "k"]].tolist() == [2, 2]
    assert len(rates) == 6  # every group and alliance, empty ones included
    tests = conditional_tests(rates).set_index("ask_group")
    assert tests.loc["troops", "p"] == pytest.approx(28 / 210)
    assert tests.loc["all asks", "p"] == pytest.approx(28 / 210)
    assert not tests.loc["consultation", "testable"]
    assert tests.loc["all asks", ["k1", "n1", "k2", "n2"]].tolist() == [2, 8, 5, 5]


def test_uncoded_asks_and_other_organizations_are_left_out():
    rows = [("CSTO", None, "none"), ("CIS", "deployment", "deployment"),
            ("CSTO", "consultation", "statement")]
    rates = conditional_rates(_requests(rows)).set_index(["ask_group", "organization"])
    assert rates["n"].sum() == 1
    assert rates.loc[("consultation", "CSTO"), "k"] == 0
