"""The requests chapter's guards: each sentence that states a number or a result, and the data
that must hold for it to be true."""

from __future__ import annotations

import pandas as pd

from ....data.codebook.fields import split_list
from ....measures import verdicts
from ....measures.exact import ALPHA
from ....measures.levels import LEVEL_RANK
from ..checks import Guard
from .record import (
    EVERYWHERE,
    KILIS,
    NAMED,
    NARROWING,
    PATRON_ANSWERS,
    WIDENING,
    armenia_pairs,
    crises_of,
    got_ids,
    ids_in,
    narrowing_alternatives,
    nato_appeals_outside,
    p_value,
    pair_count,
    share_row,
    verdict_of,
)

GUARDS = (
    Guard("universe_until_the_cutoff",
          "from the signing ... on 15 May 1992 to the cut-off",
          lambda v: v.included["date"].min() >= pd.Timestamp("1992-01-01")
          and v.included["date"].max() <= v.cutoff),
    Guard("russia_dominates_and_never_asked",
          "Russia's own crises make up ... of the CSTO's, most of them terrorist attacks ..., "
          "and Russia never asked the alliance for help with any of them",
          lambda v: len(crises_of(v, "RUS")) * 2 > len(v.included[v.included["organization"]
                                                                   == "CSTO"])
          and (crises_of(v, "RUS")["category"] == "terrorist_attack").sum() * 2
          > len(crises_of(v, "RUS"))
          and not crises_of(v, "RUS")["alliance"].any()),
    Guard("turkey_largest_in_nato",
          "Turkey ... makes up ... of NATO's. Each alliance's list of crises is therefore, more "
          "than half of it, the record of one member at war on its own soil",
          lambda v: v.by_member.loc["NATO"].idxmax() == "TUR"
          and v.by_member.loc[("NATO", "TUR")] * 2 > v.by_member.loc["NATO"].sum()
          and v.by_member.loc["CSTO"].idxmax() == "RUS"),
    Guard("requests_not_told_apart",
          "the two records of asking cannot be told apart",
          lambda v: v.share_tests.loc[("all", "alliance"), "p"] >= ALPHA),
    Guard("attacks_drew_more_on_both_sides",
          "Armed attacks drew a request more often than other crises on both sides",
          lambda v: all(share_row(v, org, "armed_attack", "alliance")["alliance_rate"]
                        > share_row(v, org, "all", "alliance")["alliance_rate"]
                        for org in ("CSTO", "NATO"))),
    Guard("appeals_told_apart",
          "CSTO members turned to Russia on its own more often than NATO members turned to "
          "the United States",
          lambda v: v.share_tests.loc[("all", "patron"), "p"] < ALPHA
          and v.share_tests.loc[("all", "patron"), "p_greater"] < ALPHA),
    Guard("nato_appeals_outside_the_universe",
          "NATO allies asked the United States for troops mostly in crises that meet none of "
          "the thresholds: Poland and Lithuania ... 2014, Turkey ... 2020. The one crisis of the "
          "universe that drew such an appeal was ... Kilis ... 2016",
          lambda v: nato_appeals_outside(v) == NAMED[("patron", "NATO")]
          and share_row(v, "NATO", "all", "patron")["patron"] == 1
          and not v.requests.set_index("request_id").loc[
              sorted(NAMED[("patron", "NATO")] - {KILIS}), "in_universe"].any()
          and v.requests.set_index("request_id").loc[KILIS, "in_universe"]),
    Guard("joint_request_once",
          "The eight allies who asked for consultations together on 24 February 2022 count as "
          "one request",
          lambda v: [len(split_list(r)) for r in v.made["request_id"] if ";" in r] == [8]),
    Guard("troop_requests_named",
          "Troops were asked of the CSTO ... by Armenia twice in 1992, by Kyrgyzstan ..., by "
          "Kazakhstan ... and by Armenia in September 2022 ... of NATO ... by the United "
          "States ..., by Turkey ... 2003 and ... 2012, and by Poland and Estonia ... 2014",
          lambda v: ids_in(v.on[("alliance", "CSTO", "troops")]) == NAMED[("alliance", "CSTO")]
          and ids_in(v.on[("alliance", "NATO", "troops")]) == NAMED[("alliance", "NATO")]),
    Guard("only_kazakhstan_got_troops",
          "Only Kazakhstan got them; Armenia in 2022 got a fact-finding mission, and Armenia in "
          "1992 nothing ... every time they came",
          lambda v: got_ids(v, "alliance", "CSTO", "troops") == {"CSTO-2022-KAZ"}
          and v.coded.set_index("request_id").loc["CSTO-2022-ARM", "got_alliance"] == "mission"
          and set(v.coded.set_index("request_id").loc[
              ["CSTO-1992-ARM", "CSTO-1992-ARM-2"], "got_alliance"]) == {"none"}
          and got_ids(v, "alliance", "NATO", "troops") == NAMED[("alliance", "NATO")]),
    Guard("kyrgyzstan_2010_to_the_osce",
          "Kyrgyzstan's call for outside police after the Osh violence of 2010 went to the OSCE, "
          "which sent unarmed advisers; the CSTO had lent helicopters and armoured vehicles",
          lambda v: v.coded.set_index("request_id").loc["CSTO-2010-KGZ-2", "addressed"]
          == "other_organization"
          and v.requests.set_index("request_id").loc["CSTO-2010-KGZ-2", "other_full"]
          == LEVEL_RANK["mission"]
          and v.requests.set_index("request_id").loc["CSTO-2010-KGZ", "alliance_full"]
          == LEVEL_RANK["material_aid"]),
    Guard("troop_asks_not_alike",
          "most of NATO's troop requests sought reassurance for allies no one had attacked, "
          "while most of the CSTO's concerned an attack on the member or unrest at home",
          lambda v: v.troop_purposes[("NATO", "no_attack")][1] * 2
          > len(v.on[("alliance", "NATO", "troops")])
          and v.troop_purposes[("CSTO", "no_attack")][1] * 2
          < len(v.on[("alliance", "CSTO", "troops")])),
    Guard("troop_gap_untold_in_the_universe",
          "Counting only requests about crises inside the universe ... the exact test cannot "
          "tell the two apart",
          lambda v: v.alone.loc["in_universe_only", "p"] >= ALPHA),
    Guard("appeals_untold_within_kinds_of_crisis",
          "holding the kind of crisis fixed, the exact stratified test cannot tell the two apart",
          lambda v: v.appeal_stratified_p >= ALPHA
          and not v.verdicts["appeals_csto_more_stratified"].main),
    Guard("troop_gap_told_apart_under_the_main_coding",
          "That gap passes an exact test under the book's main coding",
          lambda v: p_value(v, "alliance") < ALPHA and v.verdicts["alliance_troops_lower"].main),
    Guard("aid_and_consultation_cannot_be_compared",
          "Material aid cannot be compared ... Consultations cannot be compared either ... "
          "Pooling the troop and consultation requests",
          lambda v: not v.tests["alliance"].loc["material aid", "testable"]
          and not v.tests["alliance"].loc["consultation", "testable"]
          and v.tests["alliance"].loc["consultation", "n1"] == 1),
    Guard("tajikistan_aid_and_armenia_consultation",
          "Tajikistan twice asked ... in 2013 and 2021, and the alliance answered both times "
          "with aid ...; no NATO ally asked ... Armenia asked for them in May 2021 ...; it got a "
          "statement ... the foreign ministers met ... NATO allies got a council meeting every "
          "time they asked",
          lambda v: ids_in(v.on[("alliance", "CSTO", "aid")]) == {"CSTO-2013-TJK", "CSTO-2021-TJK"}
          and got_ids(v, "alliance", "CSTO", "aid") == {"CSTO-2013-TJK", "CSTO-2021-TJK"}
          and len(v.on[("alliance", "NATO", "aid")]) == 0
          and ids_in(v.on[("alliance", "CSTO", "consultation")]) == {"CSTO-2021-ARM"}
          and got_ids(v, "alliance", "CSTO", "consultation") == {"CSTO-2021-ARM"}
          and got_ids(v, "alliance", "NATO", "consultation")
          == ids_in(v.on[("alliance", "NATO", "consultation")])),
    Guard("patron_troop_appeals_named",
          "Russia was asked for troops ... by Kyrgyzstan in June 2010, by Belarus in August 2020 "
          "and by Armenia in May 2021, November 2021 and September 2022 ... The United States "
          "was asked ... by Poland and Lithuania in 2014 ... and by Turkey in 2020",
          lambda v: ids_in(v.on[("patron", "CSTO", "troops")]) == NAMED[("patron", "CSTO")]
          and ids_in(v.on[("patron", "NATO", "troops")]) == NAMED[("patron", "NATO")]),
    Guard("patron_answers_as_told",
          "It sent them once ...; a battalion ... at Kant; ... a reserve of police ... and lent "
          "money; ... mediated ...; Poland and Lithuania ... got them, ... Turkey ... did not",
          lambda v: {r: v.coded.set_index("request_id").loc[r, "got_patron"]
                     for r in PATRON_ANSWERS} == PATRON_ANSWERS),
    Guard("patron_troops_not_told_apart",
          "Between ... and ..., the exact test cannot tell the two apart",
          lambda v: p_value(v, "patron") >= ALPHA),
    Guard("batken_aid_and_syunik",
          "Russia also answered Kyrgyzstan's requests for arms after ... Batken in 1999 and 2000 "
          "with material aid ...; and it answered Armenia's request for consultations of "
          "October 2020 with ... soldiers and border guards in Syunik",
          lambda v: got_ids(v, "patron", "CSTO", "aid") == {"CSTO-1999-KGZ", "CSTO-2000-KGZ"}
          and ids_in(v.on[("patron", "CSTO", "consultation")]) == {"CSTO-2020-ARM-2"}
          and v.coded.set_index("request_id").loc["CSTO-2020-ARM-2", "got_patron"]
          == "deployment"),
    Guard("help_came_from_moscow_for_the_csto_from_the_alliance_for_nato",
          "Where help came to a CSTO member, it came more often from Moscow than from the "
          "alliance; where it came to a NATO member, more often from the alliance",
          lambda v: pair_count(v, "CSTO", "above") > pair_count(v, "CSTO", "below")
          and pair_count(v, "NATO", "below") > pair_count(v, "NATO", "above")),
    Guard("three_hold_everywhere",
          "Three results hold under every combination: appeals to Russia for troops ... appeals "
          "to the patron for anything ... the shares of armed attacks on a member that drew a "
          "request ... The shares of crises that drew a request ... under most ... CSTO "
          "members' larger share of appeals ... under most ... holding the kind of crisis fixed "
          "... does not hold under most",
          lambda v: {name for name, verdict in v.verdicts.items()
                     if verdict.label == verdicts.EVERY} == set(EVERYWHERE)
          and verdict_of(v, "requests_not_apart").label == verdicts.MOST
          and verdict_of(v, "appeals_csto_more").label == verdicts.MOST
          and verdict_of(v, "appeals_csto_more_stratified").label == verdicts.NOT),
    Guard("troop_gap_not_everywhere_and_fails_with_the_treaty_in_force",
          "it does not survive setting aside the requests made before the 1992 treaty was in "
          "force ... the smallest change that breaks it is ...",
          lambda v: verdict_of(v, "alliance_troops_lower").label != verdicts.EVERY
          and verdict_of(v, "alliance_troops_lower").failing == ("treaty_in_force",)),
    Guard("leave_one_out_breaks",
          "Leaving out a single troop request, on either side, breaks it",
          lambda v: set(ids_in(v.loo["alliance_troops_lower"].query("not holds")))
          == NAMED[("alliance", "CSTO")] - {"CSTO-2022-KAZ"} | NAMED[("alliance", "NATO")]),
    Guard("alternatives_cut_both_ways",
          "counting appeals to Russia or to the United States as requests to the alliance "
          "widens the gap, while each of seven changes ... would on its own leave the exact "
          "test unable to tell the alliances apart",
          lambda v: narrowing_alternatives(v) == NARROWING
          and all(v.alone.loc[a, "p"] < p_value(v, "alliance") for a in WIDENING)),
    Guard("too_few_and_the_1992_requests",
          "the treaty's two earliest requests, Armenia's of 1992, sit in the CSTO's column only "
          "because the book counts a treaty signed but not yet in force ... under the main "
          "coding, NATO met every request for troops made of it and the CSTO did not",
          lambda v: {r for r in ids_in(v.on[("alliance", "CSTO", "troops")])
                     if v.coded.set_index("request_id").loc[r, "date"]
                     < pd.Timestamp("1994-04-20")} == {"CSTO-1992-ARM", "CSTO-1992-ARM-2"}
          and v.verdicts["nato_met_every_troop_ask"].main
          and got_ids(v, "alliance", "CSTO", "troops")
          < ids_in(v.on[("alliance", "CSTO", "troops")])),
    Guard("armenia_in_the_2020s",
          "On the attacks on Armenia from 2020 to 2022 Moscow's answers ranked above the "
          "alliance's in ... of ... cases, and twice they included troops",
          lambda v: (armenia_pairs(v)["patron_vs_alliance"] == "above").sum() * 2
          > len(armenia_pairs(v))
          and (armenia_pairs(v)["patron_level"] == "deployment").sum() == 2),
)
