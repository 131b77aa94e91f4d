"""The requests chapter's facts: its guards hold on the data and fail when a sentence would be
false; every difference it states is supported by the exact test, and every "cannot be told
apart" is a p-value at or above the threshold."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import verdicts
from analysis.measures.exact import ALPHA, fisher
from analysis.publish.facts import comparison as cm
from analysis.publish.facts import inaction

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    with_cell,
)


def _coded(v, request_id, column, value):
    row = v.coded.index[v.coded["request_id"] == request_id][0]
    return altered(v, coded=with_cell(v.coded, row, column, value))


def _on(v, key, rows):
    on = dict(v.on)
    on[key] = rows
    return altered(v, on=on)


def _drop_on(v, key, request_id):
    rows = v.on[key]
    return _on(v, key, rows[rows["request_id"] != request_id])


def _test(v, channel, group, p):
    tests = dict(v.tests)
    tests[channel] = with_cell(v.tests[channel], group, "p", p)
    return altered(v, tests=tests)


def _verdict(v, name, **changes):
    table = dict(v.verdicts)
    old = table[name]
    fields = {"main": old.main, "holds": old.holds, "of": old.of, "label": old.label,
              "failing": old.failing, **changes}
    table[name] = verdicts.Verdict(**fields)
    return altered(v, verdicts=table)


def _included_with(v, **row):
    extra = v.included.iloc[[0]].copy()
    for key, value in row.items():
        extra[key] = value
    return altered(v, included=pd.concat([v.included, extra], ignore_index=True))


def _more_russian_alliance_requests(v):
    included = v.included.copy()
    included.loc[included["member"] == "RUS", "alliance"] = True
    return altered(v, included=included)


def _pairs(v, request_id, relation):
    pairs = v.pairs_ranked.copy()
    pairs.loc[pairs["request_id"] == request_id, "patron_vs_alliance"] = relation
    return altered(v, pairs_ranked=pairs)


def _loo_breaks(v):
    loo = dict(v.loo)
    table = v.loo["alliance_troops_lower"].copy()
    kazakhstan = table.index[table["request_id"] == "CSTO-2022-KAZ"][0]
    table.loc[kazakhstan, "holds"] = False
    loo["alliance_troops_lower"] = table
    return altered(v, loo=loo)


def _alone(v, name, p):
    return altered(v, alone=with_cell(v.alone, name, "p", p))


def _by_alt(v, name, alternative, holds):
    by_alt = dict(v.by_alt)
    by_alt[name] = with_cell(v.by_alt[name], alternative, "holds", holds)
    return altered(v, by_alt=by_alt)


def _shares(v, org, category, column, value):
    return altered(v, shares=with_cell(v.shares, (org, category), column, value))


def _share_test(v, category, channel, column, value):
    return altered(v, share_tests=with_cell(v.share_tests, (category, channel), column, value))


BREAKS = {
    "universe_until_the_cutoff": lambda v: _included_with(v, date=pd.Timestamp("2027-01-01")),
    "russia_dominates_and_never_asked": _more_russian_alliance_requests,
    "turkey_largest_in_nato": lambda v: altered(
        v, by_member=with_cell(v.by_member.to_frame("n"), ("NATO", "USA"), "n", 99)["n"]),
    "requests_not_told_apart": lambda v: _share_test(v, "all", "alliance", "p", 0.01),
    "attacks_drew_more_on_both_sides": lambda v: _shares(v, "NATO", "armed_attack",
                                                         "alliance_rate", 0.0),
    "appeals_told_apart": lambda v: _share_test(v, "all", "patron", "p", 0.2),
    "nato_appeals_outside_the_universe": lambda v: _shares(v, "NATO", "all", "patron", 2),
    "joint_request_once": lambda v: altered(v, made=v.made[~v.made["request_id"]
                                                           .str.contains(";")]),
    "troop_requests_named": lambda v: _drop_on(v, ("alliance", "CSTO", "troops"),
                                               "CSTO-1992-ARM-2"),
    "only_kazakhstan_got_troops": lambda v: _coded(v, "CSTO-2022-ARM", "got_alliance",
                                                   "deployment"),
    "kyrgyzstan_2010_to_the_osce": lambda v: _coded(v, "CSTO-2010-KGZ-2", "addressed",
                                                    "alliance"),
    "troop_asks_not_alike": lambda v: altered(v, troop_purposes={
        **v.troop_purposes, ("NATO", "no_attack"): (1, 1)}),
    "troop_gap_untold_in_the_universe": lambda v: _alone(v, "in_universe_only", 0.01),
    "appeals_untold_within_kinds_of_crisis": lambda v: altered(v, appeal_stratified_p=0.01),
    "troop_gap_told_apart_under_the_main_coding": lambda v: _test(v, "alliance", "troops", 0.06),
    "aid_and_consultation_cannot_be_compared": lambda v: altered(v, tests={
        **v.tests, "alliance": with_cell(v.tests["alliance"], "consultation", "testable",
                                         True)}),
    "tajikistan_aid_and_armenia_consultation": lambda v: _on(
        v, ("alliance", "CSTO", "aid"), with_cell(v.on[("alliance", "CSTO", "aid")],
                                                  v.on[("alliance", "CSTO", "aid")].index[0],
                                                  "got_alliance", "statement")),
    "patron_troop_appeals_named": lambda v: _drop_on(v, ("patron", "NATO", "troops"),
                                                     "NATO-A4-2020-TUR"),
    "patron_answers_as_told": lambda v: _coded(v, "NATO-A4-2020-TUR", "got_patron",
                                               "deployment"),
    "patron_troops_not_told_apart": lambda v: _test(v, "patron", "troops", 0.01),
    "batken_aid_and_syunik": lambda v: _coded(v, "CSTO-2020-ARM-2", "got_patron", "statement"),
    "help_came_from_moscow_for_the_csto_from_the_alliance_for_nato": lambda v: _pairs(
        _pairs(_pairs(_pairs(v, "CSTO-1992-ARM", "below"), "CSTO-2000-KGZ", "below"),
               "CSTO-2020-BLR", "below"), "CSTO-2021-ARM", "below"),
    "three_hold_everywhere": lambda v: _verdict(v, "armed_attack_requests_not_apart",
                                                label=verdicts.MOST),
    "troop_gap_not_everywhere_and_fails_with_the_treaty_in_force": lambda v: _verdict(
        v, "alliance_troops_lower", failing=("soft_calls_out",)),
    "leave_one_out_breaks": _loo_breaks,
    "alternatives_cut_both_ways": lambda v: _alone(v, "csto_patron_appeals_in", 0.5),
    "too_few_and_the_1992_requests": lambda v: _verdict(v, "nato_met_every_troop_ask",
                                                        main=False),
    "armenia_in_the_2020s": lambda v: _pairs(_pairs(v, "CSTO-2020-ARM-2", "below"),
                                             "CSTO-2021-ARM", "below"),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(inaction, BREAKS) == []


@pytest.mark.parametrize("guard", inaction.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(inaction))


@pytest.mark.parametrize("guard", inaction.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(inaction)))


def test_the_narrowing_alternatives_are_exactly_those_named(values_of):
    v = values_of(inaction)
    assert_breaks(next(g for g in inaction.GUARDS if g.name == "alternatives_cut_both_ways"),
                  _by_alt(v, "alliance_troops_lower", "pledges_not_aid", False))


# Every stated difference is supported by the exact test; every "cannot be told apart" is not.

def test_the_troop_gap_it_states_is_supported_by_fishers_test(values_of):
    v = values_of(inaction)
    row = v.tests["alliance"].loc["troops"]
    test = fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]), int(row["n2"]))
    assert test.p < ALPHA and row["k1"] / row["n1"] < row["k2"] / row["n2"]
    assert test.p == pytest.approx(12 / 252)  # 1 of 5 against 5 of 5, worked by hand


def test_the_appeal_gap_it_states_is_supported(values_of):
    v = values_of(inaction)
    row = v.share_tests.loc[("all", "patron")]
    assert fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]),
                  int(row["n2"])).p_greater < ALPHA
    assert row["p"] < ALPHA


@pytest.mark.parametrize("category, channel", [("all", "alliance"),
                                               ("armed_attack", "alliance")])
def test_shares_it_calls_indistinguishable_are(values_of, category, channel):
    row = values_of(inaction).share_tests.loc[(category, channel)]
    assert fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]), int(row["n2"])).p >= ALPHA


def test_patron_troops_it_calls_indistinguishable_are(values_of):
    row = values_of(inaction).tests["patron"].loc["troops"]
    assert fisher(int(row["k1"]), int(row["n1"]), int(row["k2"]), int(row["n2"])).p >= ALPHA


def test_told_apart_text_follows_the_threshold():
    assert cm.told_apart_text(0.048).startswith("the exact test tells the two apart")
    assert cm.told_apart_text(0.05).startswith("the exact test cannot tell")
    assert cm.p_text(0.0476) == "p = 0.048" and cm.p_text(0.4643) == "p = 0.46"
    assert cm.p_text(1.0) == "p = 1" and cm.p_text(0.0004) == "p < 0.001"


def test_combinations_text_says_every_only_when_every():
    every = verdicts.Verdict(True, 8, 8, verdicts.EVERY, None)
    most = verdicts.Verdict(True, 6, 8, verdicts.MOST, ("batken_1999",))
    few = verdicts.Verdict(True, 2, 8, verdicts.NOT, ("treaty_in_force",))
    assert cm.combinations_text(every).startswith("under every one of the 8")
    assert "every" not in cm.combinations_text(most) and "(75%)" in cm.combinations_text(most)
    assert cm.combinations_text(few).startswith("under only 2 (25%)")
    assert cm.failing_text(every) == ""
    assert cm.failing_text(few).startswith("only what happened once the 1992 treaty")


def test_combinations_text_never_rounds_a_claim_to_every_or_none():
    almost = verdicts.Verdict(True, 199, 200, verdicts.MOST, ("batken_1999",))
    hardly = verdicts.Verdict(True, 1, 2000, verdicts.NOT, ("batken_1999",))
    assert "(99.5%)" in cm.combinations_text(almost)
    assert "100%" not in cm.combinations_text(almost)
    assert "(0.0%)" not in cm.combinations_text(hardly)


def test_displays_list_every_claim_and_alternative(tables, cutoff):
    shown = inaction.displays(tables, cutoff)
    def rows(markdown: str) -> int:  # a header and a rule line, then the table's rows
        return sum(line.startswith("|") for line in markdown.splitlines()) - 2

    assert rows(shown["robustness"]) == len(cm.CLAIMS)
    assert rows(shown["alternatives"]) == len(inaction.BY_NAME) + 1  # the main coding first
