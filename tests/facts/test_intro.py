"""The opening chapter's facts: its guards hold on the data and fail when a finding would be
false, and what it glues is worded from the data."""

from __future__ import annotations

import pytest

from analysis.publish.facts import intro

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)


def _slower_everywhere(v):
    sens = v.sens.copy()
    sens[("median_lag_highest_days", "CSTO")] = sens[("median_lag_highest_days", "NATO")] + 1
    return altered(v, sens=sens)


#: For each guard, values altered so that its sentence would be false.
BREAKS = {
    "deployed_only_for_unrest": lambda v: altered(v, deployed=with_cell(
        v.deployed, v.deployed.index[-1], "threat", "armed_attack")),
    "deployed_tajikistan_and_kazakhstan": lambda v: altered(v, deployed=v.deployed.iloc[1:]),
    "belarus_every_time": lambda v: altered(v, agreement=with_cell(v.agreement, "BLR", "RUS",
                                                                   0.9)),
    "members_sided_on_occasion": lambda v: altered(v, sided={**v.sided,
                                                             "A/RES/ES-11/1": ["ARM"]}),
    "fewer_calls_answered_under_every_coding": lambda v: altered(v, sens=with_cell(
        v.sens, v.sens.index[-1], ("any_action_rate", "CSTO"), 1.0)),
    "short_of_the_ask_under_every_coding": lambda v: altered(v, sens=with_cell(
        v.sens, v.sens.index[0], ("short_rate", "CSTO"), 0.0)),
    "not_said_slower": _slower_everywhere,
    "leans_on_one_member_far_more": lambda v: altered(v, forces=with_item(
        v.forces, "CSTO", v.forces["NATO"])),
    "less_than_asked_more_often": lambda v: altered(v, got_less=with_item(v.got_less, "CSTO",
                                                                          0)),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(intro, BREAKS) == []


@pytest.mark.parametrize("guard", intro.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(intro))


@pytest.mark.parametrize("guard", intro.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(intro)))


def test_a_new_vote_with_russia_stops_the_findings(tables, cutoff):
    """Had Armenia voted no with Russia on ES-11/1, "on occasion" would name a vote the
    sentence does not: the facts refuse."""
    votes = tables["un_votes"].copy()
    row = (votes["resolution"] == "A/RES/ES-11/1") & (votes["state"] == "ARM")
    votes.loc[row, "vote"] = "no"
    with raises_guard("members_sided_on_occasion"):
        intro.facts({**tables, "un_votes": votes}, cutoff)


def test_sided_text_orders_resolutions_by_year_and_lists_names_as_prose():
    sided = {"A/RES/ES-11/3": ["KAZ", "KGZ", "TJK"], "A/RES/68/262": ["ARM"]}
    names = {"ARM": "Armenia", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan"}
    years = {"A/RES/ES-11/3": 2022, "A/RES/68/262": 2014}
    assert intro.sided_text(sided, names, years) == (
        "Armenia on A/RES/68/262 (2014); Kazakhstan, Kyrgyzstan and Tajikistan on "
        "A/RES/ES-11/3 (2022)")
