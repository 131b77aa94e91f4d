"""Facts of the chapter on requests and responses (``book/inaction.md``): the crisis universe
of both alliances and how often it drew a request, what came given what was asked on the
alliance channel and the patron channel, and how much each result depends on the coding."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from ...charts import Chart, channels_chart, conditional_panels, universe_chart
from ...data.codebook.fields import split_list
from ...measures import exact, exact_arrays, verdicts
from ...measures.alternatives import ALTERNATIVES, BY_NAME
from ...measures.channels import request_purposes
from ...measures.conditional import ASK_GROUPS
from ...measures.exact import ALPHA
from ...measures.levels import LEVEL_RANK
from ...measures.provenance import credit_lines
from .. import book
from . import comparison as cm
from .checks import Guard, check_all

#: The requests the chapter names for each channel, ask and alliance (ids as in requests.csv).
NAMED = {
    ("alliance", "CSTO"): {"CSTO-1992-ARM", "CSTO-1992-ARM-2", "CSTO-2022-KAZ",
                           "CSTO-2022-ARM"},
    ("alliance", "NATO"): {"NATO-A5-2001-USA", "NATO-A4-2003-TUR", "NATO-AD-2012-TUR",
                           "NATO-A4-2014-POL", "NATO-2014-EST"},
    ("patron", "CSTO"): {"CSTO-2010-KGZ", "CSTO-2020-BLR", "CSTO-2021-ARM", "CSTO-2021-ARM-2",
                         "CSTO-2022-ARM"},
    ("patron", "NATO"): {"NATO-A4-2014-POL", "NATO-2014-LTU", "NATO-2016-TUR-2",
                         "NATO-A4-2020-TUR"},
}

#: What the chapter says the patron did for each troop appeal it names.
PATRON_ANSWERS = {"CSTO-2010-KGZ": "statement", "CSTO-2020-BLR": "material_aid",
                  "CSTO-2021-ARM": "deployment", "CSTO-2021-ARM-2": "consultation",
                  "CSTO-2022-ARM": "consultation", "NATO-A4-2014-POL": "deployment",
                  "NATO-2014-LTU": "deployment", "NATO-2016-TUR-2": "deployment",
                  "NATO-A4-2020-TUR": "statement"}

#: Armenia's requests and appeals over the attacks of 2020-2022, as the last section counts them.
ARMENIA_2020S = ("CSTO-2020-ARM-2", "CSTO-2021-ARM", "CSTO-2021-ARM-2", "CSTO-2022-ARM")

#: The claims the sensitivity section says hold under every combination, and no other.
EVERYWHERE = ("patron_troops_not_apart", "patron_all_asks_not_apart",
              "armed_attack_requests_not_apart")

#: The one crisis of NATO's universe that drew an appeal to the United States (Kilis, 2016).
KILIS = "NATO-2016-TUR-2"

#: The alternatives that, each alone, leave the troop gap untold (the chapter names them).
NARROWING = {"treaty_in_force", "other_organizations_in", "soft_calls_out", "nato_2014_mission",
             "nato_2001_statement", "nato_patron_appeals_in", "in_universe_only"}

#: The alternatives that widen it (the chapter names them).
WIDENING = {"csto_patron_appeals_in"}

#: Where the universe chart's frame comes from (its credit line in data/origins.csv).
FRAME_ORIGIN = "ucdp-prio-acd-25.1"


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """The comparison's shared values (:func:`.comparison.values`) and what this chapter adds:
    the requests counted on each channel by alliance and group (``on``: (channel, org, group) ->
    the rows), the request-by-request pairs with how the patron ranked against the alliance
    (``pairs``), the troop counts and p-value under each alternative alone (``alone``) and the
    crisis counts by member (``by_member``)."""
    v = cm.values(tables, cutoff)
    coded = v.coded
    on = {}
    for channel in ("alliance", "patron"):
        rows = coded[coded[channel].astype(bool)]
        for org in ("CSTO", "NATO"):
            mine = rows[rows["organization"] == org]
            groups = mine[f"ask_{channel}"].map(ASK_GROUPS)
            for group, short in (("troops", "troops"), ("material aid", "aid"),
                                 ("consultation", "consultation")):
                on[(channel, org, short)] = mine[(groups == group).to_numpy()]
    pairs = v.pairs.copy()
    known = pairs["patron_level"].notna()
    alliance = pairs["alliance_level"].map(LEVEL_RANK)
    patron = pairs["patron_level"].map(LEVEL_RANK)
    pairs["patron_vs_alliance"] = np.where(~known, "own", np.where(
        patron > alliance, "above", np.where(patron < alliance, "below", "equal")))
    g = v.grid
    alone = []
    for j, name in enumerate(g.alternatives):
        counts = [int(g.column(f"cond|alliance|{org}|troops|{x}")[1 << j])
                  for org in ("CSTO", "NATO") for x in ("k", "n")]
        alone.append({"alternative": name, "side": BY_NAME[name].side,
                      "description": BY_NAME[name].description, "csto": counts[:2],
                      "nato": counts[2:],
                      "p": float(exact_arrays.fisher_p(*[np.array([c]) for c in counts])[0])})
    included = v.universe[v.universe["included"].astype(bool)]
    purpose = request_purposes(coded, v.candidates)
    troops = {}
    for org in ("CSTO", "NATO"):
        rows = on[("alliance", org, "troops")]
        got = rows["got_alliance"].map(LEVEL_RANK) >= rows["ask_alliance"].map(LEVEL_RANK)
        for key in ("internal", "attack", "no_attack"):
            mask = (rows["request_id"].map(purpose) == key).to_numpy()
            troops[(org, key)] = (int(got[mask].sum()), int(mask.sum()))
    strata = [exact.Stratum(*troops[("CSTO", k)], *troops[("NATO", k)])
              for k in ("internal", "attack", "no_attack")]
    return SimpleNamespace(
        purpose=purpose, troop_purposes=troops,
        troop_purpose_test=exact.stratified(strata),
        **vars(v), on=on, pairs_ranked=pairs,
        alone=pd.DataFrame(alone).set_index("alternative"),
        included=included,
        by_member=included.groupby(["organization", "member"]).size(),
        made=v.requests[v.requests["made"].astype(bool)],
    )


def _ids(frame: pd.DataFrame) -> set[str]:
    return {rid for value in frame["request_id"] for rid in split_list(value)}


def _got(v: SimpleNamespace, channel: str, org: str, group: str) -> set[str]:
    rows = v.on[(channel, org, group)]
    got = rows[rows[f"got_{channel}"].map(LEVEL_RANK) >= rows[f"ask_{channel}"].map(LEVEL_RANK)]
    return _ids(got)


def _p(v: SimpleNamespace, channel: str, group: str = "troops") -> float:
    return float(v.tests[channel].loc[group, "p"])


def _share(v: SimpleNamespace, org: str, category: str, channel: str) -> pd.Series:
    return v.shares.loc[(org, category)]


def _crises_of(v: SimpleNamespace, member: str) -> pd.DataFrame:
    return v.included[v.included["member"] == member]


def _pair_count(v: SimpleNamespace, org: str, relation: str) -> int:
    pairs = v.pairs_ranked
    return int(((pairs["organization"] == org) & (pairs["patron_vs_alliance"] == relation)).sum())


def _armenia(v: SimpleNamespace) -> pd.DataFrame:
    pairs = v.pairs_ranked
    return pairs[pairs["request_id"].isin(ARMENIA_2020S)]


def _outside(v: SimpleNamespace, org: str) -> int:
    outside = v.candidates[v.candidates["decision"] == "request_outside_universe"]
    ids = {rid for value in outside["request_id"] for rid in split_list(value)}
    made = v.made[v.made["organization"] == org]
    return int(sum(bool(set(split_list(r)) & ids) for r in made["request_id"]))


def _verdict(v: SimpleNamespace, name: str) -> verdicts.Verdict:
    return v.verdicts[name]


def _nato_appeals_outside(v: SimpleNamespace) -> set[str]:
    made = v.made[(v.made["organization"] == "NATO")
                  & v.made["addressed"].isin(("patron", "both"))]
    return _ids(made)


def _narrowing(v: SimpleNamespace) -> set[str]:
    by_alt = v.by_alt["alliance_troops_lower"]
    return {a for a in by_alt.index if a != "main" and not by_alt.loc[a, "holds"]}


GUARDS = (
    Guard("universe_until_the_cutoff",
          "from the signing ... on 15 May 1992 to the cut-off",
          lambda v: v.included["date"].min() >= pd.Timestamp("1992-01-01")
          and v.included["date"].max() <= v.cutoff),
    Guard("russia_dominates_and_never_asked",
          "Russia's own crises make up ... of the CSTO's, most of them terrorist attacks ..., "
          "and Russia never asked the alliance for help with any of them",
          lambda v: len(_crises_of(v, "RUS")) * 2 > len(v.included[v.included["organization"]
                                                                   == "CSTO"])
          and (_crises_of(v, "RUS")["category"] == "terrorist_attack").sum() * 2
          > len(_crises_of(v, "RUS"))
          and not _crises_of(v, "RUS")["alliance"].any()),
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
          lambda v: all(_share(v, org, "armed_attack", "alliance")["alliance_rate"]
                        > _share(v, org, "all", "alliance")["alliance_rate"]
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
          lambda v: _nato_appeals_outside(v) == NAMED[("patron", "NATO")]
          and _share(v, "NATO", "all", "patron")["patron"] == 1
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
          lambda v: _ids(v.on[("alliance", "CSTO", "troops")]) == NAMED[("alliance", "CSTO")]
          and _ids(v.on[("alliance", "NATO", "troops")]) == NAMED[("alliance", "NATO")]),
    Guard("only_kazakhstan_got_troops",
          "Only Kazakhstan got them; Armenia in 2022 got a fact-finding mission, and Armenia in "
          "1992 nothing ... every time they came",
          lambda v: _got(v, "alliance", "CSTO", "troops") == {"CSTO-2022-KAZ"}
          and v.coded.set_index("request_id").loc["CSTO-2022-ARM", "got_alliance"] == "mission"
          and set(v.coded.set_index("request_id").loc[
              ["CSTO-1992-ARM", "CSTO-1992-ARM-2"], "got_alliance"]) == {"none"}
          and _got(v, "alliance", "NATO", "troops") == NAMED[("alliance", "NATO")]),
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
          lambda v: _p(v, "alliance") < ALPHA and v.verdicts["alliance_troops_lower"].main),
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
          lambda v: _ids(v.on[("alliance", "CSTO", "aid")]) == {"CSTO-2013-TJK", "CSTO-2021-TJK"}
          and _got(v, "alliance", "CSTO", "aid") == {"CSTO-2013-TJK", "CSTO-2021-TJK"}
          and len(v.on[("alliance", "NATO", "aid")]) == 0
          and _ids(v.on[("alliance", "CSTO", "consultation")]) == {"CSTO-2021-ARM"}
          and _got(v, "alliance", "CSTO", "consultation") == {"CSTO-2021-ARM"}
          and _got(v, "alliance", "NATO", "consultation")
          == _ids(v.on[("alliance", "NATO", "consultation")])),
    Guard("patron_troop_appeals_named",
          "Russia was asked for troops ... by Kyrgyzstan in June 2010, by Belarus in August 2020 "
          "and by Armenia in May 2021, November 2021 and September 2022 ... The United States "
          "was asked ... by Poland and Lithuania in 2014 ... and by Turkey in 2020",
          lambda v: _ids(v.on[("patron", "CSTO", "troops")]) == NAMED[("patron", "CSTO")]
          and _ids(v.on[("patron", "NATO", "troops")]) == NAMED[("patron", "NATO")]),
    Guard("patron_answers_as_told",
          "It sent them once ...; a battalion ... at Kant; ... a reserve of police ... and lent "
          "money; ... mediated ...; Poland and Lithuania ... got them, ... Turkey ... did not",
          lambda v: {r: v.coded.set_index("request_id").loc[r, "got_patron"]
                     for r in PATRON_ANSWERS} == PATRON_ANSWERS),
    Guard("patron_troops_not_told_apart",
          "Between ... and ..., the exact test cannot tell the two apart",
          lambda v: _p(v, "patron") >= ALPHA),
    Guard("batken_aid_and_syunik",
          "Russia also answered Kyrgyzstan's requests for arms after ... Batken in 1999 and 2000 "
          "with material aid ...; and it answered Armenia's request for consultations of "
          "October 2020 with ... soldiers and border guards in Syunik",
          lambda v: _got(v, "patron", "CSTO", "aid") == {"CSTO-1999-KGZ", "CSTO-2000-KGZ"}
          and _ids(v.on[("patron", "CSTO", "consultation")]) == {"CSTO-2020-ARM-2"}
          and v.coded.set_index("request_id").loc["CSTO-2020-ARM-2", "got_patron"]
          == "deployment"),
    Guard("help_came_from_moscow_for_the_csto_from_the_alliance_for_nato",
          "Where help came to a CSTO member, it came more often from Moscow than from the "
          "alliance; where it came to a NATO member, more often from the alliance",
          lambda v: _pair_count(v, "CSTO", "above") > _pair_count(v, "CSTO", "below")
          and _pair_count(v, "NATO", "below") > _pair_count(v, "NATO", "above")),
    Guard("three_hold_everywhere",
          "Three results hold under every combination: appeals to Russia for troops ... appeals "
          "to the patron for anything ... the shares of armed attacks on a member that drew a "
          "request ... The shares of crises that drew a request ... under most ... CSTO "
          "members' larger share of appeals ... under most ... holding the kind of crisis fixed "
          "... does not hold under most",
          lambda v: {name for name, verdict in v.verdicts.items()
                     if verdict.label == verdicts.EVERY} == set(EVERYWHERE)
          and _verdict(v, "requests_not_apart").label == verdicts.MOST
          and _verdict(v, "appeals_csto_more").label == verdicts.MOST
          and _verdict(v, "appeals_csto_more_stratified").label == verdicts.NOT),
    Guard("troop_gap_not_everywhere_and_fails_with_the_treaty_in_force",
          "it does not survive setting aside the requests made before the 1992 treaty was in "
          "force ... the smallest change that breaks it is ...",
          lambda v: _verdict(v, "alliance_troops_lower").label != verdicts.EVERY
          and _verdict(v, "alliance_troops_lower").failing == ("treaty_in_force",)),
    Guard("leave_one_out_breaks",
          "Leaving out a single troop request, on either side, breaks it",
          lambda v: set(_ids(v.loo["alliance_troops_lower"].query("not holds")))
          == NAMED[("alliance", "CSTO")] - {"CSTO-2022-KAZ"} | NAMED[("alliance", "NATO")]),
    Guard("alternatives_cut_both_ways",
          "counting appeals to Russia or to the United States as requests to the alliance "
          "widens the gap, while each of seven changes ... would on its own leave the exact "
          "test unable to tell the alliances apart",
          lambda v: _narrowing(v) == NARROWING
          and all(v.alone.loc[a, "p"] < _p(v, "alliance") for a in WIDENING)),
    Guard("too_few_and_the_1992_requests",
          "the treaty's two earliest requests, Armenia's of 1992, sit in the CSTO's column only "
          "because the book counts a treaty signed but not yet in force ... under the main "
          "coding, NATO met every request for troops made of it and the CSTO did not",
          lambda v: {r for r in _ids(v.on[("alliance", "CSTO", "troops")])
                     if v.coded.set_index("request_id").loc[r, "date"]
                     < pd.Timestamp("1994-04-20")} == {"CSTO-1992-ARM", "CSTO-1992-ARM-2"}
          and v.verdicts["nato_met_every_troop_ask"].main
          and _got(v, "alliance", "CSTO", "troops") < _ids(v.on[("alliance", "CSTO", "troops")])),
    Guard("armenia_in_the_2020s",
          "On the attacks on Armenia from 2020 to 2022 Moscow's answers ranked above the "
          "alliance's in ... of ... cases, and twice they included troops",
          lambda v: (_armenia(v)["patron_vs_alliance"] == "above").sum() * 2 > len(_armenia(v))
          and (_armenia(v)["patron_level"] == "deployment").sum() == 2),
)


def _rate(row: pd.Series, name: str, n: str = "n") -> str:
    return book.rate_text(int(row[name]), int(row[n]), row[f"{name}_low"], row[f"{name}_high"])


def _conditional(v: SimpleNamespace, channel: str, group: str, org: str) -> str:
    row = v.rates[channel].set_index(["ask_group", "organization"]).loc[(group, org)]
    return book.rate_text(int(row["k"]), int(row["n"]), row["low"], row["high"])


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    troops = v.verdicts["alliance_troops_lower"]
    in_force = v.alone.loc["treaty_in_force"]
    tests = v.share_tests
    return {
        "rq_csto_crises": int(v.shares.loc[("CSTO", "all"), "n"]),
        "rq_nato_crises": int(v.shares.loc[("NATO", "all"), "n"]),
        "rq_rus_crises": len(_crises_of(v, "RUS")),
        "rq_tur_crises": len(_crises_of(v, "TUR")),
        "rq_share_csto": _rate(v.shares.loc[("CSTO", "all")], "alliance"),
        "rq_share_nato": _rate(v.shares.loc[("NATO", "all")], "alliance"),
        "rq_share_test": cm.told_apart_text(tests.loc[("all", "alliance"), "p"]),
        "rq_attack_csto": cm.k_of_n(*v.shares.loc[("CSTO", "armed_attack"), ["alliance", "n"]]),
        "rq_attack_nato": cm.k_of_n(*v.shares.loc[("NATO", "armed_attack"), ["alliance", "n"]]),
        "rq_attack_test": cm.told_apart_text(tests.loc[("armed_attack", "alliance"), "p"]),
        "rq_appeal_csto": _rate(v.shares.loc[("CSTO", "all")], "patron", "patron_n"),
        "rq_appeal_nato": _rate(v.shares.loc[("NATO", "all")], "patron", "patron_n"),
        "rq_appeal_test": cm.told_apart_text(tests.loc[("all", "patron"), "p"]),
        "rq_outside_csto": _outside(v, "CSTO"),
        "rq_outside_nato": _outside(v, "NATO"),
        "rq_made_csto": int((v.made["organization"] == "CSTO").sum()),
        "rq_made_nato": int((v.made["organization"] == "NATO").sum()),
        "rq_al_troops_n_csto": len(v.on[("alliance", "CSTO", "troops")]),
        "rq_al_troops_n_nato": len(v.on[("alliance", "NATO", "troops")]),
        "rq_al_troops_csto": _conditional(v, "alliance", "troops", "CSTO"),
        "rq_al_troops_nato": _conditional(v, "alliance", "troops", "NATO"),
        "rq_al_troops_test": cm.told_apart_text(_p(v, "alliance")),
        "rq_al_aid_csto": _conditional(v, "alliance", "material aid", "CSTO"),
        "rq_al_consult_csto": _conditional(v, "alliance", "consultation", "CSTO"),
        "rq_al_consult_nato": _conditional(v, "alliance", "consultation", "NATO"),
        "rq_al_consult_test": cm.told_apart_text(_p(v, "alliance", "consultation")),
        "rq_al_all_test": cm.told_apart_text(_p(v, "alliance", "all asks")),
        "rq_pa_troops_n_csto": len(v.on[("patron", "CSTO", "troops")]),
        "rq_pa_troops_n_nato": len(v.on[("patron", "NATO", "troops")]),
        "rq_pa_troops_csto": _conditional(v, "patron", "troops", "CSTO"),
        "rq_pa_troops_nato": _conditional(v, "patron", "troops", "NATO"),
        "rq_pa_troops_test": cm.told_apart_text(_p(v, "patron")),
        "rq_pairs_csto": int((v.pairs_ranked["organization"] == "CSTO").sum()),
        "rq_pairs_nato": int(((v.pairs_ranked["organization"] == "NATO")
                              & (v.pairs_ranked["patron_vs_alliance"] != "own")).sum()),
        "rq_pairs_csto_patron_above": book.times(_pair_count(v, "CSTO", "above")),
        "rq_pairs_csto_alliance_above": book.times(_pair_count(v, "CSTO", "below")),
        "rq_pairs_nato_patron_above": book.times(_pair_count(v, "NATO", "above")),
        "rq_pairs_nato_alliance_above": book.times(_pair_count(v, "NATO", "below")),
        "rq_alternatives": len(ALTERNATIVES),
        "rq_combinations": f"{v.grid.size:,}",
        "rq_troops_combinations": cm.combinations_text(troops),
        "rq_troops_failing": cm.failing_text(troops),
        "rq_troops_in_force": cm.k_of_n(*in_force["csto"]),
        "rq_in_universe_csto": cm.k_of_n(*v.alone.loc["in_universe_only", "csto"]),
        "rq_in_universe_nato": cm.k_of_n(*v.alone.loc["in_universe_only", "nato"]),
        "rq_in_universe_test": cm.told_apart_text(v.alone.loc["in_universe_only", "p"]),
        "rq_purpose_no_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "no_attack")]),
        "rq_purpose_attack_csto": cm.k_of_n(*v.troop_purposes[("CSTO", "attack")]),
        "rq_purpose_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "attack")]),
        "rq_purpose_test": cm.told_apart_text(v.troop_purpose_test.p),
        "rq_appeal_strat_test": cm.told_apart_text(v.appeal_stratified_p),
        "rq_appeal_attack_csto": cm.k_of_n(*v.appeal_strata["armed_attack"][:2]),
        "rq_appeal_attack_nato": cm.k_of_n(*v.appeal_strata["armed_attack"][2:]),
        "rq_appeal_terror_nato": int(v.appeal_strata["terrorist_attack"][3]),
        "rq_appeal_terror_csto": int(v.appeal_strata["terrorist_attack"][1]),
        "rq_requests_combinations": cm.combinations_text(v.verdicts["requests_not_apart"]),
        "rq_appeals_combinations": cm.combinations_text(v.verdicts["appeals_csto_more"]),
        "rq_appeals_strat_combinations": cm.combinations_text(
            v.verdicts["appeals_csto_more_stratified"]),
        "rq_arm_patron_above": int((_armenia(v)["patron_vs_alliance"] == "above").sum()),
        "rq_arm_requests": len(_armenia(v)),
    }


def _label(row: pd.Series, names: dict[str, str]) -> str:
    requesters = split_list(row["requester"])
    who = (names[requesters[0]] if len(requesters) == 1
           else f"{len(requesters)} allies together")
    to = {"alliance": "", "patron": ", to the patron", "both": ", to both"}[row["addressed"]]
    return f"{who}, {row['date']:%b %Y}{to}"


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the crisis universe, what came given what was asked on
    both channels, and the alliance beside the patron request by request."""
    v = values(tables, cutoff)
    names = book.state_names(tables["states"])
    csto, nato = v.shares.loc[("CSTO", "all")], v.shares.loc[("NATO", "all")]
    universe_title = (f"Members asked their alliance in {int(csto['alliance'])} of the CSTO's "
                      f"{int(csto['n'])} crises and {int(nato['alliance'])} of NATO's "
                      f"{int(nato['n'])}")
    rates = v.rates
    al = rates["alliance"].set_index(["ask_group", "organization"])
    pa = rates["patron"].set_index(["ask_group", "organization"])

    def kn(table: pd.DataFrame, org: str) -> str:
        row = table.loc[("troops", org)]
        return f"{int(row['k'])} of {int(row['n'])}"

    conditional_title = (f"Troops asked: the CSTO sent them for {kn(al, 'CSTO')}, NATO for "
                         f"{kn(al, 'NATO')};\nRussia for {kn(pa, 'CSTO')}, the United States "
                         f"for {kn(pa, 'NATO')}")
    above = _pair_count(v, "CSTO", "above")
    channels_title = (f"Russia's answer ranked above the CSTO's for {above} of "
                      f"{int((v.pairs_ranked['organization'] == 'CSTO').sum())} CSTO requests")
    labels = pd.Series([_label(row, names) for _, row in v.pairs.iterrows()],
                       index=v.pairs.index)
    credit = ("Frame: " + credit_lines(tables["origins"])[FRAME_ORIGIN]
              + " and named event lists")
    return {
        "fig-in-universe": universe_chart(v.universe, universe_title, credit=credit),
        "fig-in-conditional": conditional_panels(rates, conditional_title),
        "fig-in-channels": channels_chart(v.pairs, labels, channels_title),
    }


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the chapter shows, as Markdown, numbered and captioned: what holds across the
    combinations (``robustness``), and the troop gap under each alternative alone
    (``alternatives``)."""
    v = values(tables, cutoff)
    lines = ["| claim | under the main coding | combinations under which it holds |",
             "| --- | --- | --- |"]
    for name, claim in cm.CLAIMS.items():
        verdict = v.verdicts[name]
        lines.append(f"| {claim.sentence[0].upper()}{claim.sentence[1:]} | "
                     f"{'holds' if verdict.main else 'does not hold'} | "
                     f"{verdict.holds:,} of {verdict.of:,} ({verdict.share * 100:.0f}%) |")
    robust = "\n".join(lines)
    lines = ["| coded otherwise | written for | CSTO troop requests met | NATO troop requests "
             "met | exact test |", "| --- | --- | --- | --- | --- |"]
    main = v.tests["alliance"].loc["troops"]
    lines.append(f"| nothing (the main coding) | both | {cm.k_of_n(main['k1'], main['n1'])} | "
                 f"{cm.k_of_n(main['k2'], main['n2'])} | {cm.p_text(main['p'])} |")
    for _, row in v.alone.iterrows():
        lines.append(f"| {row['description'][0].upper()}{row['description'][1:]} | "
                     f"{cm.SIDE_WORDS[row['side']]} | {cm.k_of_n(*row['csto'])} | "
                     f"{cm.k_of_n(*row['nato'])} | {cm.p_text(row['p'])} |")
    return {
        "robustness": book.captioned(
            robust, "Each claim the book might make about the two alliances: whether it holds "
            "under the main coding, and under how many combinations of the alternative codings.",
            "tab-claims"),
        "alternatives": book.captioned(
            "\n".join(lines), "Troop requests met by each alliance under each alternative "
            "coding alone, beside the main coding, with the exact test of the difference.",
            "tab-sensitivity"),
    }
