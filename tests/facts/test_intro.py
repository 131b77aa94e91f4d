"""The opening chapter's facts: its guards hold on the data and fail when a finding would be
false, and what it glues is worded from the data."""

from __future__ import annotations

import pytest

from analysis.measures import verdicts
from analysis.measures.exact import ALPHA, fisher
from analysis.publish.facts import intro
from analysis.publish.facts.inaction import ARMENIA_2020S

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)
from .test_case_loyalty import BREAKS as LOYALTY


def _verdict(v, name, **changes):
    table = dict(v.verdicts)
    old = table[name]
    fields = {"main": old.main, "holds": old.holds, "of": old.of, "label": old.label,
              "failing": old.failing, **changes}
    table[name] = verdicts.Verdict(**fields)
    return altered(v, verdicts=table)


def _troops(v, column, value):
    tests = dict(v.tests)
    tests["alliance"] = with_cell(v.tests["alliance"], "troops", column, value)
    return altered(v, tests=tests)


#: For each guard, values altered so that its sentence would be false.
BREAKS = {
    "troops_once_for_kazakhstan": lambda v: altered(v, deployed=v.deployed.iloc[0:0]),
    "never_for_an_armed_attack_but_the_cis_force_or_kazakhstan_as_framed": lambda v: altered(
        v, by_alt={**v.by_alt, "csto_troops_never_for_attack": with_cell(
            v.by_alt["csto_troops_never_for_attack"], "kazakhstan_2022", "holds", True)}),
    "belarus_every_time": lambda v: altered(v, agreement=with_cell(v.agreement, "BLR", "RUS",
                                                                   0.9)),
    "members_sided_on_occasion": lambda v: altered(v, sided={}),
    "asked_as_often_honoured_as_often_almost_everywhere": lambda v: _verdict(
        v, "casus_not_apart", holds=int(v.verdicts["casus_not_apart"].of * 0.9)),
    "turned_to_moscow_more_but_the_mix_of_crises": lambda v: altered(
        v, appeal_stratified_p=0.01),
    "troop_gap_not_like_with_like": lambda v: altered(v, alone=with_cell(
        v.alone, "in_universe_only", "p", 0.01)),
    "troop_gap_told_apart_under_the_main_coding_only": lambda v: _troops(v, "p", 0.13),
    "leans_on_one_member_far_more": lambda v: altered(v, forces=with_item(
        v.forces, "CSTO", v.forces["NATO"])),
    "the_verdict_in_brief": lambda v: altered(v, loyalty=LOYALTY[
        "only_belarus_took_part_in_the_war"](v.loyalty)),
    "figure_alt_text_shape": lambda v: _asked(v, "consultation", "k1", 0),
}


def _asked(v, group, column, value):
    tests = dict(v.tests)
    tests["alliance"] = with_cell(v.tests["alliance"], group, column, value)
    return altered(v, tests=tests)


def _alliance_as_high_as_moscow_for_armenia(v):
    pairs = v.pairs.copy()
    armenia = pairs["request_id"].isin(ARMENIA_2020S)
    pairs.loc[armenia, "alliance_level"] = "deployment"
    return altered(v, pairs=pairs)


def test_the_verdict_fails_if_armenia_had_been_helped_by_the_alliance(values_of):
    """Had the alliance answered Armenia at least as well as Moscow did, "what help Armenia got
    came from Moscow" would be false."""
    guard = next(g for g in intro.GUARDS if g.name == "the_verdict_in_brief")
    assert_breaks(guard, _alliance_as_high_as_moscow_for_armenia(values_of(intro)))


@pytest.mark.parametrize("group,column,value", [
    ("troops", "k2", 4), ("troops", "k1", 5), ("material aid", "n2", 1),
    ("material aid", "k1", 1), ("consultation", "k2", 8), ("consultation", "n1", 2),
])
def test_the_alt_text_fails_with_any_bar_it_describes(group, column, value, values_of):
    guard = next(g for g in intro.GUARDS if g.name == "figure_alt_text_shape")
    assert_breaks(guard, _asked(values_of(intro), group, column, value))


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(intro, BREAKS) == []


@pytest.mark.parametrize("guard", intro.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(intro))


@pytest.mark.parametrize("guard", intro.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(intro)))


def test_only_members_on_the_day_of_the_vote_are_named(tables):
    """Uzbekistan left in 2012: its vote with Russia on ES-11/3 is not a member's vote, and no
    resolution before the invasion is looked at."""
    sided = intro.sided_since_the_invasion(tables)
    assert all(res.startswith("A/RES/ES-11/") for res in sided)
    assert "UZB" not in {s for states in sided.values() for s in states}
    members = intro.members_at_votes(tables)
    assert "UZB" not in members["A/RES/ES-11/3"] and "KAZ" in members["A/RES/ES-11/3"]


def test_a_former_member_named_stops_the_findings(values_of):
    v = values_of(intro)
    broken = altered(v, sided={**v.sided, "A/RES/ES-11/3": ["UZB"]})
    with raises_guard("members_sided_on_occasion"):
        next(g for g in intro.GUARDS if g.name == "members_sided_on_occasion").check(broken)


def test_sided_text_orders_resolutions_by_year_and_lists_names_as_prose():
    sided = {"A/RES/ES-11/3": ["KAZ", "KGZ", "TJK"], "A/RES/68/262": ["ARM"]}
    names = {"ARM": "Armenia", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan"}
    years = {"A/RES/ES-11/3": 2022, "A/RES/68/262": 2014}
    assert intro.sided_text(sided, names, years) == (
        "Armenia on A/RES/68/262 (2014); Kazakhstan, Kyrgyzstan and Tajikistan on "
        "A/RES/ES-11/3 (2022)")


def test_a_deployment_for_an_attacked_member_stops_the_findings(tables, cutoff):
    """Had the alliance sent troops to Armenia in 2022, "troops once, for Kazakhstan" would be
    false: the facts refuse."""
    responses = tables["responses"].copy()
    responses.loc[responses["response_id"] == "CSTO-2022-ARM-R2", "level"] = "deployment"
    with raises_guard("troops_once_for_kazakhstan"):
        intro.facts({**tables, "responses": responses}, cutoff)


def test_the_headline_gap_is_the_exact_test_on_the_quoted_counts(values_of):
    row = values_of(intro).tests["alliance"].loc["troops"]
    assert fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]), int(row["n2"])).p < ALPHA
    patron = values_of(intro).tests["patron"].loc["troops"]
    assert fisher(int(patron["k1"]), int(patron["n1"]), int(patron["k2"]),
                  int(patron["n2"])).p >= ALPHA
