"""Facts of the opening chapter (``book/intro.md``): the key findings and the headline comparison
of what members got, given what they asked their alliance for."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, conditional_panels
from ...measures import burden, membership, verdicts, votes
from ...measures.exact import ALPHA
from ...measures.levels import LEVEL_RANK
from .. import book
from . import case_loyalty, inaction
from . import comparison as cm
from .checks import Guard, check_all
from .claims import sided_with_russia
from .inaction import ARMENIA_2020S

#: The claims the findings say hold under every combination of codings.
#: The comparisons the key findings say hold under almost every combination of codings.
ALMOST_EVERYWHERE = ("requests_not_apart", "casus_not_apart")
#: "Almost every combination": at least this share of them.
ALMOST = 0.95


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the comparison's shared values
    (:func:`.comparison.values`), the CSTO requests the alliance answered with troops
    (``deployed``), its crises by whether troops came (``troop_crises``), Belarus's agreement
    with Russia (``agreement``), the members that sided with Russia (``sided``) and the largest
    member's share of forces (``forces``), and the values of the chapter on the tests of loyalty
    (``loyalty``)."""
    v = inaction.values(tables, cutoff)
    coded = v.coded
    shares = burden.largest_member_shares(tables["memberships"], tables["capabilities"], cutoff,
                                          personnel=tables["nmc_milper"])
    crises = v.universe
    return SimpleNamespace(
        **vars(v),
        deployed=coded[(coded["organization"] == "CSTO") & coded["alliance"].astype(bool)
                       & (coded["got_alliance"] == "deployment")],
        troop_crises=crises[crises["included"].astype(bool) & (crises["level"] == "deployment")
                            & (crises["organization"] == "CSTO")],
        agreement=votes.pairwise_agreement(tables["un_votes"], ["RUS", "BLR"]),
        sided=sided_since_the_invasion(tables),
        sided_members=members_at_votes(tables),
        forces=shares[shares["panel"] == "forces"].set_index("organization")["largest_share"],
        loyalty=case_loyalty.values(tables, cutoff),
    )


def _troops(v: SimpleNamespace) -> pd.Series:
    return v.tests["alliance"].loc["troops"]


def _moscow_above_for_armenia(v: SimpleNamespace) -> int:
    """How many of Armenia's calls over the attacks of 2020-2022 Moscow answered above the
    alliance."""
    pairs = v.pairs[v.pairs["request_id"].isin(ARMENIA_2020S)]
    return int((pairs["patron_level"].map(LEVEL_RANK)
                > pairs["alliance_level"].map(LEVEL_RANK)).sum())


def _only_belarus_in_the_war(v: SimpleNamespace) -> bool:
    guard = next(g for g in case_loyalty.GUARDS if g.name == "only_belarus_took_part_in_the_war")
    return bool(guard.holds(v.loyalty))


def _asks(v: SimpleNamespace, group: str) -> pd.Series:
    return v.tests["alliance"].loc[group]


# The sentences of the key findings and of the headline comparison, as the data must support them.
GUARDS = (
    Guard("troops_once_for_kazakhstan",
          "Of the requests its members made to it, the alliance sent troops for ...: "
          "Kazakhstan's in January 2022, a government facing unrest at home",
          lambda v: v.deployed["request_id"].tolist() == ["CSTO-2022-KAZ"]
          and v.universe.set_index("candidate_id").loc["CSTO-C-080", "category"] == "unrest"),
    Guard("never_for_an_armed_attack_but_the_cis_force_or_kazakhstan_as_framed",
          "it has never sent troops in a crisis coded as an armed attack on a member; only "
          "counting the CIS force led into Tajikistan in 1993 as the alliance's, or coding "
          "Kazakhstan 2022 as the attack from abroad its government called it, would change "
          "that",
          lambda v: v.verdicts["csto_troops_never_for_attack"].main
          and cm.breaking_alone(v, "csto_troops_never_for_attack")
          == {"other_organizations_in", "kazakhstan_2022"}
          and v.coded.set_index("request_id").loc["CSTO-1993-TJK", "addressed"]
          == "other_organization"),
    Guard("belarus_every_time",
          "In the UN votes on Ukraine Belarus voted as Russia did every time",
          lambda v: v.agreement.loc["BLR", "RUS"] == 1.0),
    Guard("members_sided_on_occasion",
          "Since the invasion the other members mostly abstained, but not always: members cast "
          "Russia's own vote against the majority on occasion",
          lambda v: 0 < sum(len(states) for states in v.sided.values())
          <= len(v.sided_members)
          and all(s in v.sided_members.get(res, ()) for res, states in v.sided.items()
                  for s in states)),
    Guard("asked_as_often_honoured_as_often_almost_everywhere",
          "the two cannot be told apart on the share of their crises in which members asked "
          "their alliance for help ... or on the share of armed attacks on a member in which the "
          "alliance gave the help its treaty names ...; both hold under almost every "
          "combination of codings",
          lambda v: v.share_tests.loc[("all", "alliance"), "p"] >= ALPHA
          and v.casus["p"].iloc[0] >= ALPHA
          and all(v.verdicts[name].share >= ALMOST for name in ALMOST_EVERYWHERE)),
    Guard("turned_to_moscow_more_but_the_mix_of_crises",
          "CSTO members turned to their patron on their own more often ..., but once the kind "
          "of crisis is held fixed the exact test cannot tell the two apart",
          lambda v: v.share_tests.loc[("all", "patron"), "p_greater"] < ALPHA
          and v.share_tests.loc[("all", "patron"), "p"] < ALPHA
          and v.appeal_stratified_p >= ALPHA),
    Guard("troop_gap_not_like_with_like",
          "most of NATO's requests for troops came from allies no one had attacked; counting "
          "only crises inside the book's list, the exact test cannot tell the two apart",
          lambda v: v.troop_purposes[("NATO", "no_attack")][1] * 2 > _troops(v)["n2"]
          and v.alone.loc["in_universe_only", "p"] >= ALPHA),
    Guard("troop_gap_told_apart_under_the_main_coding_only",
          "a gap the exact test accepts under the main coding ... but that holds under only ...",
          lambda v: _troops(v)["p"] < ALPHA and _troops(v)["k1"] * _troops(v)["n2"]
          < _troops(v)["k2"] * _troops(v)["n1"]
          and v.verdicts["alliance_troops_lower"].label == verdicts.NOT),
    Guard("the_verdict_in_brief",
          "what help Armenia got against attack came from Moscow on its own account, and the "
          "members other than Belarus stayed out of Russia's war",
          lambda v: _moscow_above_for_armenia(v) * 2 > len(ARMENIA_2020S)
          and _only_belarus_in_the_war(v)),
    Guard("figure_alt_text_shape",
          "(alt text) the CSTO's troops bar low and NATO's full; only CSTO members asked for "
          "material aid, and every such request got it; both consultation bars full",
          lambda v: _asks(v, "troops")["k1"] < _asks(v, "troops")["n1"]
          and _asks(v, "troops")["k2"] == _asks(v, "troops")["n2"]
          and _asks(v, "material aid")["n2"] == 0
          and _asks(v, "material aid")["k1"] == _asks(v, "material aid")["n1"] > 0
          and _asks(v, "consultation")["k2"] == _asks(v, "consultation")["n2"] > 0
          and _asks(v, "consultation")["k1"] == _asks(v, "consultation")["n1"] > 0),
    Guard("leans_on_one_member_far_more",
          "and leans on one member far more heavily",
          lambda v: v.forces["CSTO"] > 1.5 * v.forces["NATO"]),
)


def sided_since_the_invasion(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """The members that cast Russia's own vote on a resolution of the emergency session on
    Ukraine (ES-11, since the invasion), counting only states inside the CSTO on the day of the
    vote (:func:`.claims.sided_with_russia`)."""
    members = members_at_votes(tables)
    sided = sided_with_russia(tables["un_votes"], tables["memberships"], resolutions=list(members))
    kept = {res: [s for s in states if s in members[res]] for res, states in sided.items()}
    return {res: states for res, states in kept.items() if states}


def members_at_votes(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """For each resolution of the emergency session on Ukraine, the CSTO's members other than
    Russia and Belarus on the day of the vote."""
    resolutions = tables["un_resolutions"]
    es11 = resolutions[resolutions["resolution"].str.startswith("A/RES/ES-11/")]
    return {r.resolution: [s for s in membership.members_on(
        tables["memberships"], r.date, "CSTO", statuses=membership.IN_ORGANIZATION)
        if s not in ("RUS", "BLR")] for r in es11.itertuples(index=False)}


def sided_text(sided: dict[str, list[str]], names: dict[str, str],
               years: dict[str, int]) -> str:
    """The members that cast Russia's own vote, resolution by resolution in date order:
    ``"Armenia on A/RES/68/262 (2014); Kazakhstan, ... and Uzbekistan on A/RES/ES-11/3
    (2022)"``."""
    return "; ".join(f"{book.and_list([names[s] for s in states])} on {res} ({years[res]})"
                     for res, states in sorted(sided.items(), key=lambda item: years[item[0]]))


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    today = membership.members_on(tables["memberships"], cutoff, "CSTO",
                                  statuses=membership.IN_ORGANIZATION)
    years = tables["un_resolutions"].set_index("resolution")["date"].dt.year.to_dict()
    troops = _troops(v)
    csto = v.shares.loc[("CSTO", "all")]
    return {
        "in_members": len(today),
        "in_ever": len(membership.ever_members(tables["memberships"], ["CST", "CSTO"])),
        "in_deployed": cm.k_of_n(troops["k1"], troops["n1"]),
        "in_crises": int(csto["n"]),
        "in_silent": int(csto["n"] - csto["alliance"]),
        "in_blr": book.percent(v.agreement.loc["BLR", "RUS"]),
        "in_sources": len(tables["sources"]),
        "in_tables": len(tables),
        "in_sided": sided_text(v.sided, book.state_names(tables["states"]), years),
        "in_share_p": cm.p_text(v.share_tests.loc[("all", "alliance"), "p"]),
        "in_casus_p": cm.p_text(v.casus["p"].iloc[0]),
        "in_appeal_p": cm.p_text(v.share_tests.loc[("all", "patron"), "p"]),
        "in_appeal_strat_p": cm.p_text(v.appeal_stratified_p),
        "in_troops_universe": (f"{cm.k_of_n(*v.alone.loc['in_universe_only', 'csto'])} against "
                               f"{cm.k_of_n(*v.alone.loc['in_universe_only', 'nato'])}, "
                               f"{cm.p_text(v.alone.loc['in_universe_only', 'p'])}"),
        "in_troops_csto": cm.k_of_n(troops["k1"], troops["n1"]),
        "in_troops_nato": cm.k_of_n(troops["k2"], troops["n2"]),
        "in_troops_p": cm.p_text(troops["p"]),
        "in_troops_combinations": cm.combinations_text(v.verdicts["alliance_troops_lower"]),
        "in_troops_failing": cm.failing_text(v.verdicts["alliance_troops_lower"]),
        "in_patron_troops_test": cm.told_apart_text(v.tests["patron"].loc["troops", "p"]),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figure by name: what came given what was asked of the alliance."""
    v = values(tables, cutoff)
    troops = _troops(v)
    title = (f"Asked for troops, the CSTO sent them for {int(troops['k1'])} of "
             f"{int(troops['n1'])} requests, NATO for {int(troops['k2'])} of "
             f"{int(troops['n2'])}")
    return {"fig-intro-asks": conditional_panels({"alliance": v.rates["alliance"]}, title)}
