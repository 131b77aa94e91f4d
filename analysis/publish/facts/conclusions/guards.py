"""The conclusions' guards: each sentence that states a number or a result, and the data
that must hold for it to be true."""

from __future__ import annotations

from ....measures import verdicts
from ....measures.exact import ALPHA
from .. import comparison as cm
from .. import (
    divisions,
)
from ..checks import Guard
from ..inaction.record import pair_count
from .record import (
    EVERYWHERE,
    FEW,
    acted,
    acts,
    benchmark,
    borrowed_holds,
    exact_row,
    largest_share,
    purpose_max_n,
    requests_hold,
    share_row,
    terror_states,
    verdict_of,
)

GUARDS = (
    # --- requests and non-responses
    Guard("asking_cannot_be_told_apart_under_most_codings",
          "the shares of their crises in which members asked their alliance for help cannot be "
          "told apart ..., and that holds under ... of the combinations of codings",
          lambda v: share_row(v, "alliance")["p"] >= ALPHA
          and verdict_of(v, "requests_not_apart").label != verdicts.NOT),
    Guard("answered_most_requests_in_some_way",
          "It answered most of the requests made to it in some way",
          lambda v: acted(v) * 2 > len(v.asked)),
    Guard("troops_once_for_unrest_never_for_an_attack",
          "it sent troops once, to a government facing unrest at home, and never in a crisis "
          "that was an armed attack on a member; only counting the CIS force of 1993 as the "
          "alliance's, or coding Kazakhstan 2022 as the attack from abroad its government "
          "called it, would change that",
          lambda v: v.deployed["request_id"].tolist() == ["CSTO-2022-KAZ"]
          and v.universe.set_index("candidate_id").loc["CSTO-C-080", "category"] == "unrest"
          and verdict_of(v, "csto_troops_never_for_attack").main
          and cm.breaking_alone(v, "csto_troops_never_for_attack")
          == {"other_organizations_in", "kazakhstan_2022"}),
    Guard("troop_asks_not_alike",
          "Most of NATO's came from allies that no one had attacked ...; after an armed attack "
          "on a member NATO met every request for troops and the CSTO none; counting only "
          "requests about crises on the book's own list, the exact test can no longer tell the "
          "two apart",
          lambda v: requests_hold(v, "troop_asks_not_alike", "troop_gap_untold_in_the_universe")
          and v.troop_purposes[("NATO", "attack")][0] == v.troop_purposes[("NATO", "attack")][1]
          > 0
          and v.troop_purposes[("CSTO", "attack")][0] == 0 < v.troop_purposes[("CSTO",
                                                                              "attack")][1]),
    Guard("troop_gap_under_the_main_coding_only",
          "NATO met every request for troops made to it and the CSTO fewer, a gap the exact test "
          "accepts under the main coding, that holds under only a minority of the combinations, "
          "and that fails as soon as only what happened under the treaty in force is kept, when "
          "the test can no longer tell the two apart",
          lambda v: exact_row(v, "alliance", "troops")["k2"]
          == exact_row(v, "alliance", "troops")["n2"]
          and exact_row(v, "alliance", "troops")["k1"] < exact_row(v, "alliance", "troops")["n1"]
          and exact_row(v, "alliance", "troops")["p"] < ALPHA
          and verdict_of(v, "alliance_troops_lower").label == verdicts.NOT
          and verdict_of(v, "alliance_troops_lower").failing == ("treaty_in_force",)
          and v.alone.loc["treaty_in_force", "p"] >= ALPHA
          and list(v.alone.loc["treaty_in_force", "nato"])
          == [int(exact_row(v, "alliance", "troops")["k2"]),
              int(exact_row(v, "alliance", "troops")["n2"])]),
    Guard("armenia_asked_for_troops_and_got_a_mission_the_earliest_before_force",
          "the requests made after an attack on a member's recognised territory, Armenia's, "
          "were not met; the CSTO's earliest requests for troops were made before the treaty "
          "was in force",
          lambda v: requests_hold(v, "only_kazakhstan_got_troops",
                                  "too_few_and_the_1992_requests")),
    Guard("consultation_each_gave_what_was_asked",
          "On consultation each alliance gave what was asked: Armenia's one request, in May "
          "2021, drew a meeting of the CSTO's foreign ministers, and NATO allies got a council "
          "meeting every time they asked",
          lambda v: exact_row(v, "alliance", "consultation")["n1"] == 1
          and exact_row(v, "alliance", "consultation")["k1"] == 1
          and exact_row(v, "alliance", "consultation")["k2"]
          == exact_row(v, "alliance", "consultation")["n2"]
          and requests_hold(v, "tajikistan_aid_and_armenia_consultation")),
    # --- the patron channel
    Guard("appeals_apart_pooled_not_within_kinds_of_crisis",
          "Pooled, the exact test tells the two apart ...; every terrorist attack on a CSTO "
          "member struck Russia, so none enters the CSTO's count; holding the kind of crisis "
          "fixed, the exact test cannot tell the two apart",
          lambda v: requests_hold(v, "appeals_told_apart", "appeals_untold_within_kinds_of_crisis")
          and verdict_of(v, "appeals_csto_more").label != verdicts.EVERY
          and v.appeal_strata["terrorist_attack"][1] == 0 < v.appeal_strata["terrorist_attack"][3]
          and set(terror_states(v, "CSTO")) == {"RUS"}),
    Guard("patron_troops_cannot_be_told_apart",
          "Russia's answers to appeals for troops cannot be told apart from those of the United "
          "States, under every coding",
          lambda v: exact_row(v, "patron", "troops")["p"] >= ALPHA
          and verdict_of(v, "patron_troops_not_apart").label == verdicts.EVERY),
    Guard("help_from_moscow_for_the_csto_from_the_alliance_for_nato",
          "Russia's answer ranked above the alliance's more often than below it; for NATO the "
          "alliance's ranked above Washington's more often",
          lambda v: pair_count(v, "CSTO", "above") > pair_count(v, "CSTO", "below")
          and pair_count(v, "NATO", "below") > pair_count(v, "NATO", "above")),
    Guard("no_difference_holds_everywhere",
          "No difference between the two alliances holds under every combination of codings; "
          "what holds everywhere is that the two patrons' answers to appeals cannot be told "
          "apart, and neither can the shares of armed attacks on a member that drew a request "
          "to the alliance",
          lambda v: {name for name, verdict in v.verdicts.items()
                     if verdict.label == verdicts.EVERY} == EVERYWHERE),
    Guard("purpose_stratified_test_on_few_cases",
          "holding the purpose of a troop request fixed, the exact test tells the two apart, but "
          "with at most three requests in any group it rests on very few cases",
          lambda v: v.troop_purpose_test.p < ALPHA and purpose_max_n(v) <= 3),
    Guard("kyrgyzstan_2010_asked_moscow_for_troops_and_got_none",
          "In June 2010 the government of Kyrgyzstan, facing deadly unrest, asked Moscow for "
          "troops; Moscow passed it to the alliance, which sent none",
          lambda v: borrowed_holds(v, "interventions",
                                   "kyrgyzstan_2010_appealed_to_russia_for_troops")
          and "CSTO-2010-KGZ" not in set(v.deployed["request_id"])
          and v.interventions.requests.at["CSTO-2010-KGZ", "threat"] == "unrest"),
    Guard("on_comparable_cases_not_told_apart",
          "on the comparable cases the two cannot be told apart",
          lambda v: share_row(v, "alliance")["p"] >= ALPHA
          and v.casus["p"].iloc[0] >= ALPHA
          and v.alone.loc["in_universe_only", "p"] >= ALPHA
          and v.appeal_stratified_p >= ALPHA),
    Guard("russia_sent_troops_more_often_than_the_alliance",
          "Russia, acting on its own, sent troops more often than the alliance",
          lambda v: borrowed_holds(v, "interventions",
                                   "russia_sent_troops_more_often_than_the_alliance",
                           "the_alliance_sent_troops_once_for_kazakhstan")),
    # --- the literature's measure
    Guard("casus_honoured_for_batken",
          "The CSTO honoured it with the arms and advisers its members agreed to send Kyrgyzstan "
          "after the incursion into Batken in 1999",
          lambda v: borrowed_holds(v, "nato", "casus_honoured_as_named")),
    Guard("casus_cannot_be_told_apart_under_most_codings",
          "on the measure the study of alliances uses the exact test cannot tell the two apart, "
          "under most but not every combination of codings",
          lambda v: v.casus["p"].iloc[0] >= ALPHA
          and verdict_of(v, "casus_not_apart").label == verdicts.MOST),
    Guard("csto_below_nato_above_the_post_war_rate_both_intervals_wide",
          "The CSTO's share lies below the rate for defence pacts after 1945 and NATO's above "
          "it, and both intervals are wide enough to take that rate in",
          lambda v: v.casus.loc["CSTO", "honoured_rate"] * 100 < float(benchmark(v)["rate"])
          < v.casus.loc["NATO", "honoured_rate"] * 100
          and v.casus.loc["CSTO", "honoured_high"] * 100 > float(benchmark(v)["rate"])
          > v.casus.loc["NATO", "honoured_low"] * 100),
    # --- votes and divisions
    Guard("belarus_every_time_the_others_at_most_once",
          "Belarus voted as Russia did on every vote on Ukraine since the invasion; no other "
          "member did so more than once",
          lambda v: v.loyalty.share.at["BLR", "sum"] == v.loyalty.share.at["BLR", "count"]
          and borrowed_holds(v, "loyalty", "others_at_most_once",
                             "only_belarus_took_part_in_the_war")
          and borrowed_holds(v, "divisions", "abstention_the_commonest_vote_after",
                     "recognitions_none_but_russia")),
    Guard("armenia_most_of_the_defiance",
          "Armenia alone accounts for more than half of the members' acts of defiance, most of "
          "them since 2022",
          lambda v: acts(v, "ARM") * 2 > acts(v)
          and acts(v, "ARM", since=divisions.WAR_YEAR) * 2 > acts(v, "ARM")),
    # --- forces
    Guard("russia_carries_more_of_its_alliance_than_america",
          "Russia accounts for a larger share of its alliance's military spending and of its "
          "forces than the United States does of NATO's",
          lambda v: largest_share(v, "CSTO", "military_spending")
          > largest_share(v, "NATO", "military_spending")
          and largest_share(v, "CSTO", "active_personnel")
          > largest_share(v, "NATO", "active_personnel")),
    # --- the cases
    Guard("tajikistan_russian_forces_under_a_cis_label",
          "the CIS force in Tajikistan was in practice Russia's 201st division, sent before the "
          "treaty was in force; Russia, not the treaty, brokered the Karabakh ceasefire; three "
          "parties left in 1999",
          lambda v: borrowed_holds(v, "tajikistan", "the_force_was_the_201st_with_token_units",
                           "the_cis_force_came_before_the_treaty_was_in_force",
                           "russia_not_the_treaty_brokered_the_ceasefire", "three_left_in_1999")),
    Guard("kazakhstan_fast_and_short",
          "The Council decided overnight; the force came within a day and left within a "
          "fortnight",
          lambda v: borrowed_holds(v, "interventions",
                                   "the_council_decided_overnight_under_armenias_chair",
                           "sent_within_a_day_and_gone_within_a_fortnight")),
    Guard("armenia_got_a_mission_russia_mediated_and_it_froze",
          "Armenia got consultations and a mission from the alliance, Russia's mediation and "
          "border guards on its own account, and froze its participation without leaving",
          lambda v: borrowed_holds(v, "armenia", "alliance_answers_never_beyond_a_mission",
                           "russia_sent_border_guards",
                           "november_2021_russia_mediated_the_alliance_did_nothing",
                           "still_a_member_frozen", "russia_then_israel_armed_azerbaijan")),
    Guard("belarus_asked_moscow_and_built_in_the_union_state",
          "Belarus asked Moscow, not the alliance, which did nothing; every later step was "
          "taken in the Union State",
          lambda v: borrowed_holds(v, "belarus", "asked_once_and_of_moscow",
                                   "the_alliance_did_nothing",
                           "every_step_in_the_union_state")),
    Guard("russia_attacked_asked_nothing_got_words",
          "Russia, attacked at Kursk, asked the alliance for nothing, and the alliance gave "
          "statements at most",
          lambda v: borrowed_holds(v, "loyalty", "kursk_was_an_armed_attack",
                           "russia_asked_its_allies_for_nothing_at_home",
                           "the_alliance_gave_words_at_most",
                           "the_events_say_what_the_prose_says")),
    Guard("border_wars_between_members_drew_words",
          "In the border wars between Kyrgyzstan and Tajikistan neither asked, and the alliance "
          "offered words; Russia delivered on its own on the Afghan border",
          lambda v: borrowed_holds(v, "central_asia", "neither_asked", "nothing_but_words",
                           "russia_delivered_on_its_own")),
    # --- limits
    Guard("too_few_to_prove_a_rule",
          "a few dozen requests and appeals on each side are too few to prove a rule",
          lambda v: 0 < (v.made["organization"] == "CSTO").sum() <= FEW
          and 0 < (v.made["organization"] == "NATO").sum() <= FEW),
)
