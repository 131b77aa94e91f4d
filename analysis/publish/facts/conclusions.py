"""Facts of the conclusions (``book/conclusions.md``): the three readings of the CSTO weighed
against the record the chapters present. The comparison's results come from the requests
chapter's values (:func:`.inaction.values`, itself built on :func:`.comparison.values`); the
cases, votes and forces from the chapters that tell them, whose own guards the conclusions
borrow (:data:`BORROWED`) where they repeat a sentence of theirs, so that a claim is guarded once,
in words the reader has already met."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace

import pandas as pd

from ...measures import verdicts
from ...measures.exact import ALPHA
from .. import book
from . import (
    case_armenia,
    case_belarus,
    case_kyrgyz_tajik,
    case_loyalty,
    case_tajikistan,
    divisions,
    inaction,
    interventions,
    nato,
    readings,
)
from . import comparison as cm
from .checks import Guard, check_all

#: The comparisons the conclusions say hold under every combination of codings: the patrons'
#: answers to appeals, and nothing that tells the two alliances apart.
EVERYWHERE = {"patron_troops_not_apart", "patron_all_asks_not_apart"}

#: The chapters whose guarded sentences the conclusions repeat, by the name their values are
#: kept under in :func:`values`.
BORROWED: dict[str, ModuleType] = {
    "tajikistan": case_tajikistan, "interventions": interventions, "armenia": case_armenia,
    "belarus": case_belarus, "loyalty": case_loyalty, "central_asia": case_kyrgyz_tajik,
    "divisions": divisions, "nato": nato,
}

#: Requests and appeals at most this many on each side are "too few to prove a rule".
FEW = 30


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the conclusions rest on: the requests chapter's values (:func:`.inaction.values`:
    the comparison's shared results, the request-by-request pairs ranked, each alternative
    alone), the CSTO's requests to the alliance (``asked``) and those answered with troops
    (``deployed``), and the values of each chapter in :data:`BORROWED` under its key (the
    NATO chapter's hold the largest member's shares of spending and forces)."""
    v = inaction.values(tables, cutoff)
    coded = v.coded
    asked = coded[(coded["organization"] == "CSTO") & coded["alliance"].astype(bool)]
    borrowed = {key: module.values(tables, cutoff) for key, module in BORROWED.items()}
    return SimpleNamespace(
        **vars(v), asked=asked,
        deployed=asked[asked["got_alliance"] == "deployment"],
        **borrowed,
    )


def _holds(v: SimpleNamespace, key: str, *names: str) -> bool:
    """Whether the named guards of the chapter kept under ``key`` hold on its values."""
    guards = {g.name: g for g in BORROWED[key].GUARDS}
    return all(bool(guards[name].holds(getattr(v, key))) for name in names)


def _here(v: SimpleNamespace, *names: str) -> bool:
    """Whether the named guards of the requests chapter hold on these values, which hold
    everything that chapter's values do."""
    guards = {g.name: g for g in inaction.GUARDS}
    return all(bool(guards[name].holds(v)) for name in names)


def _acted(v: SimpleNamespace) -> int:
    return int((v.asked["got_alliance"] != "none").sum())


def _test(v: SimpleNamespace, channel: str, group: str) -> pd.Series:
    return v.tests[channel].loc[group]


def _share_test(v: SimpleNamespace, channel: str, category: str = "all") -> pd.Series:
    return v.share_tests.loc[(category, channel)]


def _ranked(v: SimpleNamespace, org: str, relation: str) -> int:
    """How many of an alliance's requests and appeals the patron's answer ranked ``relation``
    ("above" or "below") the alliance's."""
    pairs = v.pairs_ranked
    return int(((pairs["organization"] == org) & (pairs["patron_vs_alliance"] == relation)).sum())


def _share(v: SimpleNamespace, org: str, measure: str) -> float:
    return float(v.nato.shares.loc[(org, measure), "largest_share"])


def _benchmark(v: SimpleNamespace) -> pd.Series:
    return v.benchmarks.loc[readings.QUOTED["bf_defence_post"]]


def _acts(v: SimpleNamespace, state: str | None = None, since: int = 0) -> int:
    acts = v.divisions.acts
    acts = acts[acts["year"] >= since]
    return len(acts) if state is None else int((acts["state"] == state).sum())


def _breaking_alone(v: SimpleNamespace, claim: str) -> set[str]:
    """The alternatives that, each alone, make ``claim`` fail."""
    alone = v.by_alt[claim]
    return set(alone.index[~alone["holds"].astype(bool)])


def _terror_states(v: SimpleNamespace, org: str) -> list[str]:
    """The members struck by the terrorist attacks on an alliance's list of crises."""
    crises = v.universe
    return crises.loc[(crises["organization"] == org) & crises["included"].astype(bool)
                      & (crises["category"] == "terrorist_attack"), "member"].tolist()


def _verdict(v: SimpleNamespace, name: str) -> verdicts.Verdict:
    return v.verdicts[name]


GUARDS = (
    # --- requests and non-responses
    Guard("asking_cannot_be_told_apart_under_most_codings",
          "the shares of their crises in which members asked their alliance for help cannot be "
          "told apart ..., and that holds under ... of the combinations of codings",
          lambda v: _share_test(v, "alliance")["p"] >= ALPHA
          and _verdict(v, "requests_not_apart").label != verdicts.NOT),
    Guard("answered_most_requests_in_some_way",
          "It answered most of the requests made to it in some way",
          lambda v: _acted(v) * 2 > len(v.asked)),
    Guard("troops_once_for_unrest_never_for_an_attack",
          "it sent troops once, to a government facing unrest at home, and never in a crisis "
          "that was an armed attack on a member; only counting the CIS force of 1993 as the "
          "alliance's, or coding Kazakhstan 2022 as the attack from abroad its government "
          "called it, would change that",
          lambda v: v.deployed["request_id"].tolist() == ["CSTO-2022-KAZ"]
          and v.universe.set_index("candidate_id").loc["CSTO-C-080", "category"] == "unrest"
          and _verdict(v, "csto_troops_never_for_attack").main
          and _breaking_alone(v, "csto_troops_never_for_attack")
          == {"other_organizations_in", "kazakhstan_2022"}),
    Guard("troop_asks_not_alike",
          "Most of NATO's came from allies that no one had attacked ...; after an armed attack "
          "on a member NATO met every request for troops and the CSTO none; counting only "
          "requests about crises on the book's own list, the exact test can no longer tell the "
          "two apart",
          lambda v: _here(v, "troop_asks_not_alike", "troop_gap_untold_in_the_universe")
          and v.troop_purposes[("NATO", "attack")][0] == v.troop_purposes[("NATO", "attack")][1]
          > 0
          and v.troop_purposes[("CSTO", "attack")][0] == 0 < v.troop_purposes[("CSTO",
                                                                              "attack")][1]),
    Guard("troop_gap_under_the_main_coding_only",
          "NATO met every request for troops made to it and the CSTO fewer, a gap the exact test "
          "accepts under the main coding, that holds under only a minority of the combinations, "
          "and that fails as soon as only what happened under the treaty in force is kept, when "
          "the test can no longer tell the two apart",
          lambda v: _test(v, "alliance", "troops")["k2"] == _test(v, "alliance", "troops")["n2"]
          and _test(v, "alliance", "troops")["k1"] < _test(v, "alliance", "troops")["n1"]
          and _test(v, "alliance", "troops")["p"] < ALPHA
          and _verdict(v, "alliance_troops_lower").label == verdicts.NOT
          and _verdict(v, "alliance_troops_lower").failing == ("treaty_in_force",)
          and v.alone.loc["treaty_in_force", "p"] >= ALPHA
          and list(v.alone.loc["treaty_in_force", "nato"])
          == [int(_test(v, "alliance", "troops")["k2"]),
              int(_test(v, "alliance", "troops")["n2"])]),
    Guard("armenia_asked_for_troops_and_got_a_mission_the_earliest_before_force",
          "the requests made after an attack on a member's recognised territory, Armenia's, "
          "were not met; the CSTO's earliest requests for troops were made before the treaty "
          "was in force",
          lambda v: _here(v, "only_kazakhstan_got_troops", "too_few_and_the_1992_requests")),
    Guard("consultation_each_gave_what_was_asked",
          "On consultation each alliance gave what was asked: Armenia's one request, in May "
          "2021, drew a meeting of the CSTO's foreign ministers, and NATO allies got a council "
          "meeting every time they asked",
          lambda v: _test(v, "alliance", "consultation")["n1"] == 1
          and _test(v, "alliance", "consultation")["k1"] == 1
          and _test(v, "alliance", "consultation")["k2"]
          == _test(v, "alliance", "consultation")["n2"]
          and _here(v, "tajikistan_aid_and_armenia_consultation")),
    # --- the patron channel
    Guard("appeals_apart_pooled_not_within_kinds_of_crisis",
          "Pooled, the exact test tells the two apart ...; every terrorist attack on a CSTO "
          "member struck Russia, so none enters the CSTO's count; holding the kind of crisis "
          "fixed, the exact test cannot tell the two apart",
          lambda v: _here(v, "appeals_told_apart", "appeals_untold_within_kinds_of_crisis")
          and _verdict(v, "appeals_csto_more").label != verdicts.EVERY
          and v.appeal_strata["terrorist_attack"][1] == 0 < v.appeal_strata["terrorist_attack"][3]
          and set(_terror_states(v, "CSTO")) == {"RUS"}),
    Guard("patron_troops_cannot_be_told_apart",
          "Russia's answers to appeals for troops cannot be told apart from those of the United "
          "States, under every coding",
          lambda v: _test(v, "patron", "troops")["p"] >= ALPHA
          and _verdict(v, "patron_troops_not_apart").label == verdicts.EVERY),
    Guard("help_from_moscow_for_the_csto_from_the_alliance_for_nato",
          "Russia's answer ranked above the alliance's more often than below it; for NATO the "
          "alliance's ranked above Washington's more often",
          lambda v: _ranked(v, "CSTO", "above") > _ranked(v, "CSTO", "below")
          and _ranked(v, "NATO", "below") > _ranked(v, "NATO", "above")),
    Guard("no_difference_holds_everywhere",
          "No difference between the two alliances holds under every combination of codings; "
          "what holds everywhere is that the two patrons' answers to appeals cannot be told "
          "apart",
          lambda v: {name for name, verdict in v.verdicts.items()
                     if verdict.label == verdicts.EVERY} == EVERYWHERE),
    Guard("on_comparable_cases_not_told_apart",
          "on the comparable cases the two cannot be told apart",
          lambda v: _share_test(v, "alliance")["p"] >= ALPHA
          and v.casus["p"].iloc[0] >= ALPHA
          and v.alone.loc["in_universe_only", "p"] >= ALPHA
          and v.appeal_stratified_p >= ALPHA),
    Guard("russia_sent_troops_more_often_than_the_alliance",
          "Russia, acting on its own, sent troops more often than the alliance",
          lambda v: _holds(v, "interventions", "russia_sent_troops_more_often_than_the_alliance",
                           "the_alliance_sent_troops_once_for_kazakhstan")),
    # --- the literature's measure
    Guard("casus_honoured_for_batken",
          "The CSTO honoured it with the arms and advisers its members agreed to send Kyrgyzstan "
          "after the incursion into Batken in 1999",
          lambda v: _holds(v, "nato", "casus_honoured_as_named")),
    Guard("casus_cannot_be_told_apart_under_most_codings",
          "on the measure the study of alliances uses the exact test cannot tell the two apart, "
          "under most but not every combination of codings",
          lambda v: v.casus["p"].iloc[0] >= ALPHA
          and _verdict(v, "casus_not_apart").label == verdicts.MOST),
    Guard("csto_below_nato_above_the_post_war_rate_both_intervals_wide",
          "The CSTO's share lies below the rate for defence pacts after 1945 and NATO's above "
          "it, and both intervals are wide enough to take that rate in",
          lambda v: v.casus.loc["CSTO", "honoured_rate"] * 100 < float(_benchmark(v)["rate"])
          < v.casus.loc["NATO", "honoured_rate"] * 100
          and v.casus.loc["CSTO", "honoured_high"] * 100 > float(_benchmark(v)["rate"])
          > v.casus.loc["NATO", "honoured_low"] * 100),
    # --- votes and divisions
    Guard("belarus_every_time_the_others_at_most_once",
          "Belarus voted as Russia did on every vote on Ukraine since the invasion; no other "
          "member did so more than once",
          lambda v: v.loyalty.share.at["BLR", "sum"] == v.loyalty.share.at["BLR", "count"]
          and _holds(v, "loyalty", "others_at_most_once", "only_belarus_took_part_in_the_war")
          and _holds(v, "divisions", "abstention_the_commonest_vote_after",
                     "recognitions_none_but_russia")),
    Guard("armenia_most_of_the_defiance",
          "Armenia alone accounts for more than half of the members' acts of defiance, most of "
          "them since 2022",
          lambda v: _acts(v, "ARM") * 2 > _acts(v)
          and _acts(v, "ARM", since=divisions.WAR_YEAR) * 2 > _acts(v, "ARM")),
    # --- forces
    Guard("russia_carries_more_of_its_alliance_than_america",
          "Russia accounts for a larger share of its alliance's military spending and of its "
          "forces than the United States does of NATO's",
          lambda v: _share(v, "CSTO", "military_spending") > _share(v, "NATO", "military_spending")
          and _share(v, "CSTO", "active_personnel") > _share(v, "NATO", "active_personnel")),
    # --- the cases
    Guard("tajikistan_russian_forces_under_a_cis_label",
          "the CIS force in Tajikistan was in practice Russia's 201st division, sent before the "
          "treaty was in force; Russia, not the treaty, brokered the Karabakh ceasefire; three "
          "parties left in 1999",
          lambda v: _holds(v, "tajikistan", "the_force_was_the_201st_with_token_units",
                           "the_cis_force_came_before_the_treaty_was_in_force",
                           "russia_not_the_treaty_brokered_the_ceasefire", "three_left_in_1999")),
    Guard("kazakhstan_fast_and_short",
          "The Council decided overnight; the force came within a day and left within a "
          "fortnight",
          lambda v: _holds(v, "interventions", "the_council_decided_overnight_under_armenias_chair",
                           "sent_within_a_day_and_gone_within_a_fortnight")),
    Guard("armenia_got_a_mission_russia_mediated_and_it_froze",
          "Armenia got consultations and a mission from the alliance, Russia's mediation and "
          "border guards on its own account, and froze its participation without leaving",
          lambda v: _holds(v, "armenia", "alliance_answers_never_beyond_a_mission",
                           "russia_sent_border_guards",
                           "november_2021_russia_mediated_the_alliance_did_nothing",
                           "still_a_member_frozen", "russia_then_israel_armed_azerbaijan")),
    Guard("belarus_asked_moscow_and_built_in_the_union_state",
          "Belarus asked Moscow, not the alliance, which did nothing; every later step was "
          "taken in the Union State",
          lambda v: _holds(v, "belarus", "asked_once_and_of_moscow", "the_alliance_did_nothing",
                           "every_step_in_the_union_state")),
    Guard("russia_attacked_asked_nothing_got_words",
          "Russia, attacked at Kursk, asked the alliance for nothing, and the alliance gave "
          "statements at most",
          lambda v: _holds(v, "loyalty", "kursk_was_an_armed_attack",
                           "russia_asked_its_allies_for_nothing_at_home",
                           "the_alliance_gave_words_at_most",
                           "the_events_say_what_the_prose_says")),
    Guard("border_wars_between_members_drew_words",
          "In the border wars between Kyrgyzstan and Tajikistan neither asked, and the alliance "
          "offered words; Russia delivered on its own on the Afghan border",
          lambda v: _holds(v, "central_asia", "neither_asked", "nothing_but_words",
                           "russia_delivered_on_its_own")),
    # --- limits
    Guard("too_few_to_prove_a_rule",
          "a few dozen requests and appeals on each side are too few to prove a rule",
          lambda v: 0 < (v.made["organization"] == "CSTO").sum() <= FEW
          and 0 < (v.made["organization"] == "NATO").sum() <= FEW),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    troops = _test(v, "alliance", "troops")
    consult = _test(v, "alliance", "consultation")
    patron = _test(v, "patron", "troops")
    csto = v.nato.shares.loc[("CSTO", "military_spending")]
    in_force = v.alone.loc["treaty_in_force"]
    bench = _benchmark(v)
    shares = v.nato.shares
    kaz = v.interventions.responses.loc[interventions.KAZ_RESPONSE]
    events = v.interventions.events
    crises = v.share_tests
    return {
        "cc_crises_csto": int(crises.loc[("all", "alliance"), "n1"]),
        "cc_crises_nato": int(crises.loc[("all", "alliance"), "n2"]),
        "cc_share_csto": cm.k_of_n(*crises.loc[("all", "alliance"), ["k1", "n1"]]),
        "cc_share_nato": cm.k_of_n(*crises.loc[("all", "alliance"), ["k2", "n2"]]),
        "cc_share_p": cm.p_text(crises.loc[("all", "alliance"), "p"]),
        "cc_share_combinations": cm.combinations_text(_verdict(v, "requests_not_apart")),
        "cc_any": book.share(_acted(v), len(v.asked)),
        "cc_troops_csto": cm.k_of_n(troops["k1"], troops["n1"]),
        "cc_troops_nato": cm.k_of_n(troops["k2"], troops["n2"]),
        "cc_troops_p": cm.p_text(troops["p"]),
        "cc_troops_combinations": cm.combinations_text(_verdict(v, "alliance_troops_lower")),
        "cc_troops_failing": cm.failing_text(_verdict(v, "alliance_troops_lower")),
        "cc_troops_in_force": cm.k_of_n(*in_force["csto"]),
        "cc_troops_in_force_p": cm.p_text(in_force["p"]),
        "cc_consult_csto": cm.k_of_n(consult["k1"], consult["n1"]),
        "cc_consult_nato": cm.k_of_n(consult["k2"], consult["n2"]),
        "cc_appeal_csto": cm.k_of_n(*crises.loc[("all", "patron"), ["k1", "n1"]]),
        "cc_appeal_nato": cm.k_of_n(*crises.loc[("all", "patron"), ["k2", "n2"]]),
        "cc_appeal_p": cm.p_text(crises.loc[("all", "patron"), "p"]),
        "cc_appeal_combinations": cm.combinations_text(_verdict(v, "appeals_csto_more")),
        "cc_appeal_strat_p": cm.p_text(v.appeal_stratified_p),
        "cc_appeal_strat_combinations": cm.combinations_text(
            _verdict(v, "appeals_csto_more_stratified")),
        "cc_appeal_attack_csto": cm.k_of_n(*v.appeal_strata["armed_attack"][:2]),
        "cc_troops_no_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "no_attack")]),
        "cc_troops_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "attack")]),
        "cc_troops_attack_csto": cm.k_of_n(*v.troop_purposes[("CSTO", "attack")]),
        "cc_troops_universe_csto": cm.k_of_n(*v.alone.loc["in_universe_only", "csto"]),
        "cc_troops_universe_nato": cm.k_of_n(*v.alone.loc["in_universe_only", "nato"]),
        "cc_troops_universe_p": cm.p_text(v.alone.loc["in_universe_only", "p"]),
        "cc_pa_troops_csto": cm.k_of_n(patron["k1"], patron["n1"]),
        "cc_pa_troops_nato": cm.k_of_n(patron["k2"], patron["n2"]),
        "cc_pa_troops_p": cm.p_text(patron["p"]),
        "cc_pairs_csto": int((v.pairs_ranked["organization"] == "CSTO").sum()),
        "cc_patron_above": book.times(_ranked(v, "CSTO", "above")),
        "cc_patron_below": book.times(_ranked(v, "CSTO", "below")),
        "cc_nato_alliance_above": book.times(_ranked(v, "NATO", "below")),
        "cc_nato_patron_above": book.times(_ranked(v, "NATO", "above")),
        "cc_casus_csto": cm.k_of_n(v.casus.loc["CSTO", "honoured"], v.casus.loc["CSTO", "n"]),
        "cc_casus_nato": cm.k_of_n(v.casus.loc["NATO", "honoured"], v.casus.loc["NATO", "n"]),
        "cc_casus_p": cm.p_text(v.casus["p"].iloc[0]),
        "cc_casus_combinations": cm.combinations_text(_verdict(v, "casus_not_apart")),
        "cc_bf_defence_post": readings.percent_text(float(bench["rate"])),
        "cc_spend_csto": book.percent(csto["largest_share"]),
        "cc_spend_nato": book.percent(shares.loc[("NATO", "military_spending"), "largest_share"]),
        "cc_spend_year": str(csto["year_max"]),
        "cc_forces_csto": book.percent(shares.loc[("CSTO", "active_personnel"), "largest_share"]),
        "cc_forces_nato": book.percent(shares.loc[("NATO", "active_personnel"), "largest_share"]),
        "cc_ukr_n": int(v.loyalty.share.at["BLR", "count"]),
        "cc_acts": _acts(v),
        "cc_acts_arm": _acts(v, "ARM"),
        "cc_kaz_date": book.day_text(events.at[interventions.EVENTS["kaz_appeal"], "date"]),
        "cc_kaz_end": book.day_text(kaz["end"]),
        "cc_requests": int((v.made["organization"] == "CSTO").sum()),
        "cc_requests_nato": int((v.made["organization"] == "NATO").sum()),
        "cc_alternatives": len(v.grid.alternatives),
        "cc_combinations": f"{v.grid.size:,}",
    }
