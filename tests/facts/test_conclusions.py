"""The conclusions' facts: their guards hold on the data and fail when a conclusion would be
false; the comparisons they state are those the exact tests and the grid support, and the
sentences they repeat from other chapters fail with those chapters' own breaking cases."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import verdicts
from analysis.measures.exact import ALPHA, fisher
from analysis.publish.facts import conclusions, inaction

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
)
from .test_case_armenia import BREAKS as ARMENIA
from .test_case_belarus import BREAKS as BELARUS
from .test_case_kyrgyz_tajik import BREAKS as CENTRAL_ASIA
from .test_case_loyalty import BREAKS as LOYALTY
from .test_case_tajikistan import BREAKS as TAJIKISTAN
from .test_divisions import BREAKS as DIVISIONS
from .test_inaction import BREAKS as INACTION
from .test_interventions import BREAKS as INTERVENTIONS
from .test_nato import BREAKS as NATO

#: Each borrowed chapter's breaking cases, by the key its values are kept under.
THEIRS = {"armenia": ARMENIA, "belarus": BELARUS, "central_asia": CENTRAL_ASIA,
          "loyalty": LOYALTY, "tajikistan": TAJIKISTAN, "divisions": DIVISIONS,
          "interventions": INTERVENTIONS, "nato": NATO}


def _verdict(v, name, **changes):
    table = dict(v.verdicts)
    old = table[name]
    fields = {"main": old.main, "holds": old.holds, "of": old.of, "label": old.label,
              "failing": old.failing, **changes}
    table[name] = verdicts.Verdict(**fields)
    return altered(v, verdicts=table)


def _their(key, guard):
    """Break the borrowed chapter's values with that chapter's own case for ``guard``."""
    return lambda v: altered(v, **{key: THEIRS[key][guard](getattr(v, key))})


def _test(v, channel, group, column, value):
    tests = dict(v.tests)
    tests[channel] = with_cell(tests[channel], group, column, value)
    return altered(v, tests=tests)


def _nothing_came(v):
    asked = v.asked.copy()
    asked["got_alliance"] = "none"
    return altered(v, asked=asked)


def _share(v, org, measure, value):
    nato = altered(v.nato, shares=with_cell(v.nato.shares, (org, measure), "largest_share",
                                            value))
    return altered(v, nato=nato)


def _more_arm_acts_before_the_war(v):
    acts = v.divisions.acts.copy()
    arm = acts.index[(acts["state"] == "ARM") & (acts["year"] >= 2022)]
    acts.loc[arm, "year"] = 2010
    return altered(v, divisions=altered(v.divisions, acts=acts))


def _many_requests(v):
    csto = v.made[v.made["organization"] == "CSTO"]
    copies = conclusions.FEW // len(csto) + 1
    return altered(v, made=pd.concat([v.made, *[csto] * copies]))


BREAKS = {
    "asking_cannot_be_told_apart_under_most_codings": lambda v: _verdict(
        v, "requests_not_apart", label=verdicts.NOT),
    "answered_most_requests_in_some_way": _nothing_came,
    "troops_once_for_unrest_never_for_an_attack": lambda v: altered(v, by_alt={
        **v.by_alt, "csto_troops_never_for_attack": with_cell(
            v.by_alt["csto_troops_never_for_attack"], "kazakhstan_2022", "holds", True)}),
    "troop_asks_not_alike": lambda v: altered(v, troop_purposes={
        **v.troop_purposes, ("CSTO", "attack"): (1, 2)}),
    "troop_gap_under_the_main_coding_only": lambda v: altered(v, alone=with_cell(
        v.alone, "treaty_in_force", "p", 0.01)),
    "armenia_asked_for_troops_and_got_a_mission_the_earliest_before_force":
        INACTION["only_kazakhstan_got_troops"],
    "consultation_each_gave_what_was_asked": lambda v: _test(v, "alliance", "consultation",
                                                             "k1", 0),
    "appeals_apart_pooled_not_within_kinds_of_crisis": lambda v: altered(
        v, appeal_stratified_p=0.01),
    "patron_troops_cannot_be_told_apart": lambda v: _test(v, "patron", "troops", "p", 0.01),
    "help_from_moscow_for_the_csto_from_the_alliance_for_nato":
        INACTION["help_came_from_moscow_for_the_csto_from_the_alliance_for_nato"],
    "no_difference_holds_everywhere": lambda v: _verdict(v, "appeals_csto_more",
                                                         label=verdicts.EVERY),
    "purpose_stratified_test_on_few_cases": lambda v: altered(v, troop_purposes={
        **v.troop_purposes, ("NATO", "no_attack"): (9, 9)}),
    "kyrgyzstan_2010_asked_moscow_for_troops_and_got_none": lambda v: altered(
        v, deployed=pd.concat([v.deployed, v.asked[v.asked["request_id"] == "CSTO-2022-KAZ"]
                               .assign(request_id="CSTO-2010-KGZ")])),
    "on_comparable_cases_not_told_apart": lambda v: altered(v, alone=with_cell(
        v.alone, "in_universe_only", "p", 0.01)),
    "russia_sent_troops_more_often_than_the_alliance": _their(
        "interventions", "russia_sent_troops_more_often_than_the_alliance"),
    "casus_honoured_for_batken": _their("nato", "casus_honoured_as_named"),
    "casus_cannot_be_told_apart_under_most_codings": lambda v: altered(v, casus=with_cell(
        v.casus, "CSTO", "p", 0.01)),
    "csto_below_nato_above_the_post_war_rate_both_intervals_wide": lambda v: altered(
        v, casus=with_cell(v.casus, "NATO", "honoured_low", 0.5)),
    "belarus_every_time_the_others_at_most_once": _their("loyalty", "others_at_most_once"),
    "armenia_most_of_the_defiance": _more_arm_acts_before_the_war,
    "russia_carries_more_of_its_alliance_than_america": lambda v: _share(
        v, "NATO", "military_spending", 0.99),
    "tajikistan_russian_forces_under_a_cis_label": _their(
        "tajikistan", "russia_not_the_treaty_brokered_the_ceasefire"),
    "kazakhstan_fast_and_short": _their("interventions",
                                        "sent_within_a_day_and_gone_within_a_fortnight"),
    "armenia_got_a_mission_russia_mediated_and_it_froze": _their("armenia",
                                                                 "still_a_member_frozen"),
    "belarus_asked_moscow_and_built_in_the_union_state": _their("belarus",
                                                                "asked_once_and_of_moscow"),
    "russia_attacked_asked_nothing_got_words": _their(
        "loyalty", "russia_asked_its_allies_for_nothing_at_home"),
    "border_wars_between_members_drew_words": _their("central_asia", "neither_asked"),
    "too_few_to_prove_a_rule": _many_requests,
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(conclusions, BREAKS) == []


@pytest.mark.parametrize("guard", conclusions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(conclusions))


@pytest.mark.parametrize("guard", conclusions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(conclusions)))


@pytest.mark.parametrize("key,guard", [
    ("armenia", "alliance_answers_never_beyond_a_mission"),
    ("armenia", "russia_then_israel_armed_azerbaijan"),
    ("belarus", "every_step_in_the_union_state"),
    ("belarus", "the_alliance_did_nothing"),
    ("loyalty", "kursk_was_an_armed_attack"),
    ("loyalty", "only_belarus_took_part_in_the_war"),
    ("divisions", "recognitions_none_but_russia"),
    ("central_asia", "nothing_but_words"),
    ("central_asia", "russia_delivered_on_its_own"),
    ("tajikistan", "the_force_was_the_201st_with_token_units"),
    ("tajikistan", "three_left_in_1999"),
    ("interventions", "the_council_decided_overnight_under_armenias_chair"),
])
def test_every_borrowed_sentence_is_guarded(key, guard, values_of):
    """Each sentence the conclusions repeat from another chapter fails here when it fails
    there (the guard that repeats it names it among those it checks)."""
    v = values_of(conclusions)
    broken = _their(key, guard)(v)
    failing = [g.name for g in conclusions.GUARDS if not g.holds(broken)]
    assert failing, f"nothing in the conclusions checks {key}: {guard}"


def test_a_deployment_for_armenia_stops_the_conclusions(tables, cutoff):
    """Had the alliance deployed for Armenia in 2022, "troops once, for unrest" would be false:
    the facts refuse."""
    responses = tables["responses"].copy()
    responses.loc[responses["response_id"] == "CSTO-2022-ARM-R2", "level"] = "deployment"
    with raises_guard("troops_once_for_unrest_never_for_an_attack"):
        conclusions.facts({**tables, "responses": responses}, cutoff)


def test_what_it_calls_indistinguishable_is(values_of):
    """Recomputed from the counts: asking, the treaty's trigger, consultation and the patrons'
    answers on troops cannot be told apart; troops asked of the alliance can under the main
    coding but not under the treaty in force; appeals to the patron can."""
    v = values_of(conclusions)
    row = v.share_tests.loc[("all", "alliance")]
    assert fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]), int(row["n2"])).p >= ALPHA
    a, b = v.casus.loc["CSTO"], v.casus.loc["NATO"]
    assert fisher(int(a["honoured"]), int(a["n"]), int(b["honoured"]), int(b["n"])).p >= ALPHA
    for channel, group in (("alliance", "consultation"), ("patron", "troops")):
        t = v.tests[channel].loc[group]
        assert fisher(int(t["k1"]), int(t["n1"]), int(t["k2"]), int(t["n2"])).p >= ALPHA
    t = v.tests["alliance"].loc["troops"]
    assert fisher(int(t["k1"]), int(t["n1"]), int(t["k2"]), int(t["n2"])).p < ALPHA
    (k1, n1), (k2, n2) = v.alone.loc["treaty_in_force", "csto"], v.alone.loc["treaty_in_force",
                                                                             "nato"]
    assert fisher(k1, n1, k2, n2).p >= ALPHA
    row = v.share_tests.loc[("all", "patron")]
    assert fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]), int(row["n2"])).p < ALPHA
    (k1, n1), (k2, n2) = v.alone.loc["in_universe_only", "csto"], v.alone.loc[
        "in_universe_only", "nato"]
    assert fisher(k1, n1, k2, n2).p >= ALPHA


def test_the_values_hold_everything_the_requests_chapter_reads(values_of):
    """The guards borrowed from the requests chapter read these values as their own."""
    assert set(vars(values_of(inaction))) <= set(vars(values_of(conclusions)))
