"""The conclusions' facts: their guards hold on the data and fail when a conclusion would be
false."""

from __future__ import annotations

import pytest

from analysis.publish.facts import conclusions

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)

BREAKS = {
    "answered_most_requests": lambda v: altered(v, row=with_item(v.row, "any_action",
                                                                 v.row["requests"] // 2)),
    "never_for_an_attack_from_outside": lambda v: altered(v, deployed=with_cell(
        v.deployed, v.deployed.index[0], "threat", "armed_attack")),
    "troops_for_tajikistan_and_kazakhstan": lambda v: altered(v, deployed=v.deployed.iloc[:1]),
    "most_answered_under_every_coding": lambda v: altered(v, sens=with_cell(
        v.sens, v.sens.index[-1], ("any_action_rate", "CSTO"), 0.5)),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(conclusions, BREAKS) == []


@pytest.mark.parametrize("guard", conclusions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(conclusions))


@pytest.mark.parametrize("guard", conclusions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(conclusions)))


def test_a_deployment_against_an_outside_attack_stops_the_conclusions(tables, cutoff):
    """Had the alliance deployed for Armenia in 2022, "never for an attack from outside" would
    be false: the facts refuse."""
    responses = tables["responses"].copy()
    row = responses["response_id"] == "CSTO-2022-ARM-R1"
    responses.loc[row, "level"] = "deployment"
    with raises_guard("never_for_an_attack_from_outside"):
        conclusions.facts({**tables, "responses": responses}, cutoff)
