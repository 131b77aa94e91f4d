"""The conclusions' facts: their guards hold on the data and fail when a conclusion would be
false; the comparisons they state are those the exact tests and the grid support."""

from __future__ import annotations

import pytest

from analysis.measures import verdicts
from analysis.measures.exact import ALPHA, fisher
from analysis.publish.facts import conclusions

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
)


def _verdict(v, name, **changes):
    table = dict(v.verdicts)
    old = table[name]
    fields = {"main": old.main, "holds": old.holds, "of": old.of, "label": old.label,
              "failing": old.failing, **changes}
    table[name] = verdicts.Verdict(**fields)
    return altered(v, verdicts=table)


def _nothing_came(v):
    asked = v.asked.copy()
    asked["got_alliance"] = "none"
    return altered(v, asked=asked)


BREAKS = {
    "answered_most_requests": _nothing_came,
    "troops_once_for_unrest_never_for_an_attack": lambda v: _verdict(
        v, "csto_troops_never_for_attack", failing=("tajikistan_1993",)),
    "not_told_apart_on_asking_and_honouring": lambda v: altered(v, casus=with_cell(
        v.casus, "CSTO", "p", 0.01)),
    "troop_gap_not_everywhere": lambda v: _verdict(v, "alliance_troops_lower",
                                                   label=verdicts.EVERY, failing=None),
    "moscow_everywhere": lambda v: _verdict(v, "appeals_csto_more", label=verdicts.NOT),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(conclusions, BREAKS) == []


@pytest.mark.parametrize("guard", conclusions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(conclusions))


@pytest.mark.parametrize("guard", conclusions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(conclusions)))


def test_a_deployment_for_armenia_stops_the_conclusions(tables, cutoff):
    """Had the alliance deployed for Armenia in 2022, "troops once, for unrest" would be false:
    the facts refuse."""
    responses = tables["responses"].copy()
    responses.loc[responses["response_id"] == "CSTO-2022-ARM-R2", "level"] = "deployment"
    with raises_guard("troops_once_for_unrest_never_for_an_attack"):
        conclusions.facts({**tables, "responses": responses}, cutoff)


def test_what_it_calls_indistinguishable_is(values_of):
    v = values_of(conclusions)
    row = v.share_tests.loc[("all", "alliance")]
    assert fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]), int(row["n2"])).p >= ALPHA
    a, b = v.casus.loc["CSTO"], v.casus.loc["NATO"]
    assert fisher(int(a["honoured"]), int(a["n"]), int(b["honoured"]), int(b["n"])).p >= ALPHA
